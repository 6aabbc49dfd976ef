"""Real processes for the reliability tests: the API under gunicorn on this test's copy of the fixture foods
(served_api.py), and the local chat-completions server (tests/nlp/chat_server.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "nlp"))
from chat_server import ChatServer  # noqa: E402
from served_api import ApiServer, launch_api  # noqa: E402


@pytest.fixture
def start_api(tmp_path, foods_database):
    """`start_api(workers=1, **FOODCA_settings)`: gunicorn on this test's copy of the fixture foods, stopped at
    teardown."""
    servers: list[ApiServer] = []

    def start(workers: int = 1, **settings: str) -> ApiServer:
        servers.append(launch_api(tmp_path, foods_database, workers=workers, **settings))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def chat_server():
    server = ChatServer().start()
    yield server
    server.stop()
