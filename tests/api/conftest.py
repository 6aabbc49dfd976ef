"""The API fixtures (tests/api_fixtures.py), shared with tests/security."""
from api_fixtures import *  # noqa: F403 (pytest finds fixtures by name in the conftest's namespace)
