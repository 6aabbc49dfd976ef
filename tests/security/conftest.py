"""The security suite runs against the same app, client and sign-up fixtures as the API tests."""
from api_fixtures import *  # noqa: F403 (pytest finds fixtures by name in the conftest's namespace)
