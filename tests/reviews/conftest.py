"""The real local chat server for review tests (tests/nlp/chat_server.py); helpers are in review_data.py."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "nlp"))
from chat_server import ChatServer  # noqa: E402


@pytest.fixture
def chat_server():
    server = ChatServer().start()
    yield server
    server.stop()
