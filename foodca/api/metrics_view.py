"""GET /metrics for a Prometheus scraper: its own bearer token (FOODCA_METRICS_TOKEN), never a user's."""
from __future__ import annotations

import hmac

from flask import Flask, Response, request

from foodca import metrics
from foodca.api.errors import error_body


def init_metrics_view(app: Flask) -> None:
    settings = app.extensions["foodca_settings"]
    if not settings.metrics_token:
        return  # no token configured: no endpoint, so nothing about the service is exposed by default

    expected = settings.metrics_token.encode()

    @app.get("/metrics")
    def metrics_view():
        """Every counter and histogram of foodca/metrics.py, all gunicorn workers added up."""
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), expected):
            return error_body(401, "the metrics token is required"), 401, {"WWW-Authenticate": "Bearer"}
        return Response(metrics.render(settings.metrics_multiprocess_dir), content_type=metrics.CONTENT_TYPE)
