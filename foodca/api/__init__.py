"""The JSON API for the app: flask-smorest, one blueprint per resource, OpenAPI at /api/v1/openapi.json."""
from __future__ import annotations

from importlib import import_module
from io import BytesIO

from flask import current_app, g, request, send_from_directory
from flask_smorest import Api
from werkzeug.exceptions import RequestEntityTooLarge

from foodca.api.context import LazyAnalyser, close_db, db
from foodca.api.errors import ErrorResponsesPlugin, ErrorSchema, error_body, http_error, register_error_handlers
from foodca.api.metrics_view import init_metrics_view
from foodca.api.ratelimit import RateLimiter
from foodca.api.request_log import init_request_log

API_PREFIX = "/api/v1"
RESOURCES = ("auth", "me", "weights", "meals", "foods", "summary", "reviews")
BEARER = {"bearerAuth": {"type": "http", "scheme": "bearer"}}


class FoodcaApi(Api):
    ERROR_SCHEMA = ErrorSchema

    def handle_http_exception(self, error):
        return http_error(error)


def public(view):
    """Mark a view as needing no token (sign-up, login)."""
    view.public = True
    return view


def init_app(app) -> Api:
    from swagger_ui_bundle import swagger_ui_path

    settings = app.extensions["foodca_settings"]
    app.json.ensure_ascii = False  # Chinese food names as they are, not \uXXXX
    if app.config.get("MAX_CONTENT_LENGTH") is None:
        app.config["MAX_CONTENT_LENGTH"] = settings.max_body_bytes
    app.config.update({
        "API_TITLE": "FoodCa", "API_VERSION": "v1", "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": API_PREFIX, "OPENAPI_JSON_PATH": "openapi.json",
        "OPENAPI_SWAGGER_UI_PATH": "docs", "OPENAPI_SWAGGER_UI_URL": f"{API_PREFIX}/docs/static/",
        "API_SPEC_OPTIONS": {"security": [{"bearerAuth": []}], "components": {"securitySchemes": BEARER}},
    })
    app.extensions["foodca_analyser"] = LazyAnalyser(app.extensions["foodca_engine"], settings)
    app.extensions["foodca_rate_limiter"] = RateLimiter(settings.rate_limit_per_minute)
    api = app.extensions["foodca_api"] = FoodcaApi(app, spec_kwargs={"extra_plugins": [ErrorResponsesPlugin()]})
    for name in RESOURCES:
        api.register_blueprint(import_module(f"foodca.api.resources.{name}.routes").blp)

    @app.get(f"{API_PREFIX}/docs/static/<path:filename>")
    def swagger_ui_static(filename):
        return send_from_directory(swagger_ui_path, filename)

    register_error_handlers(app)
    init_metrics_view(app)
    init_request_log(app)  # before authenticate: a refused request has its id and its log line too
    app.before_request(authenticate)
    app.before_request(refuse_oversized_body)  # after authenticate: no body is read for a refused request
    app.after_request(security_headers)
    app.teardown_appcontext(close_db)
    return api


def _is_docs(endpoint: str | None) -> bool:
    return endpoint is not None and (endpoint.startswith("api-docs.") or endpoint == "swagger_ui_static")


def _is_public(endpoint: str | None) -> bool:
    if endpoint is None or not request.path.startswith(API_PREFIX + "/"):
        return True
    if _is_docs(endpoint):
        return True
    view = current_app.view_functions[endpoint]
    method = getattr(getattr(view, "view_class", None), request.method.lower(), view)
    return getattr(method, "public", False)


def refuse_oversized_body():
    """413 for a body over MAX_CONTENT_LENGTH, whether or not the endpoint reads it, with or without Content-Length.

    Werkzeug checks the limit only when a view reads the body (logout never does), and a chunked body (no
    Content-Length) it cuts at the limit and hands over truncated, so a padded JSON body would be accepted. A chunked
    body is read here, up to one byte past the limit, and kept in memory for the view.
    """
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    if request.content_length is not None:
        if request.content_length > limit:
            raise RequestEntityTooLarge()
        return None
    if "chunked" not in request.headers.get("Transfer-Encoding", "").lower():
        return None
    stream, body = request.environ["wsgi.input"], bytearray()
    while len(body) <= limit:
        # A server's dechunking reader may answer fewer bytes than asked (one chunk); b"" is the end.
        piece = stream.read(limit + 1 - len(body))
        if not piece:
            break
        body += piece
    if len(body) > limit:
        raise RequestEntityTooLarge()
    request.environ["wsgi.input"] = BytesIO(bytes(body))
    return None


def security_headers(response):
    """JSON is never to be read as HTML; API answers (tokens, profiles, meals) are never to be kept by a cache."""
    response.headers["X-Content-Type-Options"] = "nosniff"
    if request.path.startswith(API_PREFIX + "/") and not _is_docs(request.endpoint):
        response.headers["Cache-Control"] = "no-store"
    return response


def authenticate():
    """Bearer token on every /api/v1 endpoint but sign-up, login and the docs; then the rate limit."""
    from foodca.accounts import token_digest, user_for_token

    g.user = None
    if _is_public(request.endpoint):
        key = f"addr:{request.remote_addr}"
    else:
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        user = user_for_token(session=db(), token=token.strip()) if scheme.lower() == "bearer" and token else None
        if user is None:
            # Each refused token costs a lookup: guesses count against the address, as sign-up and login do.
            return _rate_limited(f"addr:{request.remote_addr}") or (
                error_body(401, "a valid bearer token is required"), 401, {"WWW-Authenticate": "Bearer"})
        g.user, g.token = user, token.strip()
        key = f"token:{token_digest(g.token)}"
    return _rate_limited(key)


def _rate_limited(key: str):
    """Count a request against `key`; the 429 answer when it is over the limit, else None."""
    retry_after = current_app.extensions["foodca_rate_limiter"].hit(key)
    if retry_after is None:
        return None
    return error_body(429, "too many requests"), 429, {"Retry-After": str(retry_after)}
