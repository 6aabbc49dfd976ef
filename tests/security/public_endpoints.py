"""The endpoints that answer without a token: one list for the auth walk and the cross-user coverage."""

# The endpoints anyone may call, and why each should be public.
PUBLIC = {
    ("healthz", "GET"): "liveness probe of the process manager; says only ok",
    ("readyz", "GET"): "readiness probe of the load balancer; says only which check fails",
    ("api-docs.openapi_json", "GET"): "the API's description, no data",
    ("api-docs.openapi_swagger_ui", "GET"): "the Swagger UI page",
    ("swagger_ui_static", "GET"): "the Swagger UI's files (swagger-ui-bundle package)",
    ("auth.AnonymousViews", "POST"): "the app's first launch makes an account; limited per address",
    ("auth.LoginViews", "POST"): "email + password give a token; limited per address",
}
