"""One JSON error shape for every 4xx and 5xx: {"error": {"code", "message", "fields"?}}."""
from __future__ import annotations

from http import HTTPStatus

import marshmallow as ma
from apispec import BasePlugin
from flask import current_app, g
from sqlalchemy.exc import DBAPIError, IntegrityError
from werkzeug.exceptions import HTTPException

from foodca.errors import AuthError, Conflict, InvalidInput, NotFound

CODES = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 409: "conflict",
         413: "payload_too_large", 415: "unsupported_media_type", 422: "validation_error", 429: "rate_limited",
         500: "internal_error", 503: "database_unavailable"}
# Seconds a client should wait before retrying when the database cannot be reached.
DATABASE_RETRY_AFTER_S = 5
# What drivers say when the server is gone (psycopg, sqlite3); anything else is a bug, answered 500.
_UNREACHABLE = ("connection", "could not connect", "server closed", "terminating", "unable to open database",
                "database is locked", "no route to host", "timeout expired")


class ErrorDetailSchema(ma.Schema):
    code = ma.fields.String(required=True, metadata={"description": "validation_error, not_found, ..."})
    message = ma.fields.String(required=True)
    fields = ma.fields.Dict(metadata={"description": "validation errors by field name"})


class ErrorSchema(ma.Schema):
    """Every 4xx and 5xx answer."""

    error = ma.fields.Nested(ErrorDetailSchema, required=True)


class ErrorResponsesPlugin(BasePlugin):
    """Documents the errors every operation can answer, beside flask-smorest's `default` and 422."""

    def operation_helper(self, path=None, operations=None, **_kwargs):
        for method, operation in (operations or {}).items():
            responses = operation.setdefault("responses", {})
            codes = [429, 503]  # 503: the database cannot be reached (with Retry-After)
            if operation.get("security") != []:
                codes.append(401)
            if "{" in (path or ""):
                codes.append(404)
            if method in ("post", "patch", "put"):
                codes += [400, 413]
            for code in codes:
                responses.setdefault(str(code), HTTPStatus(code).name)


def error_body(status: int, message: str, fields: dict | None = None, code: str | None = None) -> dict:
    detail = {"code": code or CODES.get(status, "error"), "message": message}
    if fields:
        detail["fields"] = fields
    return {"error": detail}


def _rollback() -> None:
    session = g.get("db_session")
    if session is not None:
        session.rollback()


def _fields(messages) -> dict:
    """webargs keys its messages by location (json, query, path); the app wants them by field."""
    fields = {}
    for location, errors in (messages or {}).items():
        if isinstance(errors, dict):
            fields.update(errors)
        else:
            fields[location] = errors
    return fields


def http_error(error: HTTPException):
    _rollback()
    data = getattr(error, "data", None) or {}
    headers = dict(data.get("headers") or {})
    if error.code == 405:
        headers.update(dict(error.get_headers()))
        headers.pop("Content-Type", None)
    status = error.code or 500
    if status == 400 and "json" in (data.get("messages") or {}):
        return error_body(400, "the request body is not valid JSON", code="malformed_json"), 400, headers
    if status >= 500:
        return error_body(status, "internal server error"), status, headers
    fields = _fields(data.get("messages"))
    message = data.get("message") or ("invalid input" if fields else error.description or error.name)
    return error_body(status, message, fields), status, headers


def database_unreachable(error: DBAPIError) -> bool:
    """A lost or refused database connection, as opposed to a query that is wrong."""
    return bool(error.connection_invalidated) or any(
        words in str(error.orig).lower() for words in _UNREACHABLE)


def _rollback_quietly() -> None:
    try:
        _rollback()
    except DBAPIError:
        pass  # the connection is gone; the session is closed at the end of the request anyway


def register_error_handlers(app) -> None:
    @app.errorhandler(DBAPIError)
    def database_error(error):
        _rollback_quietly()
        if database_unreachable(error):
            # The pool drops dead connections (pool_pre_ping), so the next request reconnects by itself.
            current_app.logger.warning("database unreachable: %s", type(error.orig).__name__)
            return (error_body(503, "the database cannot be reached; try again shortly"), 503,
                    {"Retry-After": str(DATABASE_RETRY_AFTER_S)})
        current_app.log_exception((type(error), error, error.__traceback__))
        return error_body(500, "internal server error"), 500

    @app.errorhandler(IntegrityError)
    def integrity_conflict(_error):
        _rollback()
        return error_body(409, "this conflicts with data already stored"), 409

    @app.errorhandler(Conflict)
    def conflict(error):
        _rollback()
        return error_body(409, str(error)), 409

    @app.errorhandler(NotFound)
    def not_found(error):
        _rollback()
        return error_body(404, str(error)), 404

    @app.errorhandler(InvalidInput)
    def invalid(error):
        _rollback()
        return error_body(422, error.message, {error.field: [error.message]}), 422

    @app.errorhandler(AuthError)
    def unauthorized(error):
        _rollback()
        return error_body(401, str(error)), 401, {"WWW-Authenticate": "Bearer"}

