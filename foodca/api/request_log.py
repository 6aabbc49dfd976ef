"""Request ids and one structured access-log line per request (JSON), for the API's operators."""
from __future__ import annotations

import json
import logging
import re
import time
import uuid

from flask import Flask, g, request

from foodca import metrics

access_log = logging.getLogger("foodca.access")
# A request id from the proxy or the app is kept when it is plain; anything else is replaced, never logged.
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")


class JsonFormatter(logging.Formatter):
    """One JSON object per line: the message's fields, the time and the level."""

    def format(self, record: logging.LogRecord) -> str:
        line = {"ts": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "level": record.levelname,
                "logger": record.name, "message": record.getMessage()}
        line.update(getattr(record, "fields", {}))
        return json.dumps(line, ensure_ascii=False)


def init_request_log(app: Flask) -> None:
    @app.before_request
    def start():
        g.request_started = time.perf_counter()
        given = request.headers.get("X-Request-ID", "")
        g.request_id = given if _SAFE_ID.fullmatch(given) else uuid.uuid4().hex

    @app.after_request
    def finish(response):
        request_id = g.get("request_id") or uuid.uuid4().hex
        response.headers["X-Request-ID"] = request_id
        user = g.get("user")
        seconds = time.perf_counter() - g.get("request_started", time.perf_counter())
        # The route template (/api/v1/meals/<int:meal_id>), not the path: a bounded set of label values.
        metrics.record_request(request.method, request.url_rule.rule if request.url_rule else "unrouted",
                               response.status_code, seconds)
        # The path, never the query string or headers: tokens and meal text stay out of the logs.
        access_log.info("request", extra={"fields": {
            "request_id": request_id, "method": request.method, "path": request.path,
            "status": response.status_code, "user_id": user.id if user is not None else None,
            "ms": round(seconds * 1000, 2)}})
        return response
