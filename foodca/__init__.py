"""FoodCa: say what you ate, get calories and nutrients from real food tables."""
from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the web application; nothing connects to a database before this is called."""
    from foodca.config import Settings
    from foodca.db import make_engine

    # No static folder: the API serves none, and an unused /static/<path> route is one more public endpoint.
    app = Flask(__name__, instance_relative_config=False, static_folder=None)
    # Tests pass their own Settings (FOODCA_SETTINGS) so the developer's environment cannot leak in.
    settings = (config or {}).get("FOODCA_SETTINGS") or Settings.from_env()
    app.config["FOODCA_DATABASE_URL"] = settings.database_url
    if config:
        app.config.update(config)
    app.extensions["foodca_settings"] = settings
    app.extensions["foodca_engine"] = make_engine(app.config["FOODCA_DATABASE_URL"])
    if settings.proxy_hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.proxy_hops, x_proto=settings.proxy_hops)

    @app.get("/healthz")
    def healthz():
        """Alive: the process answers (no database call)."""
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz():
        """Ready for traffic: the database answers and this process has built its food index."""
        from sqlalchemy import text
        from sqlalchemy.exc import DBAPIError

        from foodca.api.errors import error_body

        checks = {"database": "ok", "food_index": "loaded"}
        try:
            with app.extensions["foodca_engine"].connect() as conn:
                conn.execute(text("SELECT 1"))
        except DBAPIError:
            checks["database"] = "unreachable"
        if not app.extensions["foodca_analyser"].loaded:
            checks["food_index"] = "not loaded"
        failing = [f"{name}: {state}" for name, state in checks.items() if state not in ("ok", "loaded")]
        if failing:
            return {**error_body(503, "not ready: " + ", ".join(failing), code="not_ready"), "checks": checks}, 503
        return {"status": "ready", "checks": checks}

    from foodca import api

    api.init_app(app)
    return app
