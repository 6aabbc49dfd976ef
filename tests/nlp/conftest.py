"""A real local chat-completions server per test (see chat_server.py)."""
from __future__ import annotations

import pytest
from chat_server import ChatServer


@pytest.fixture
def chat_server():
    server = ChatServer().start()
    yield server
    server.stop()
