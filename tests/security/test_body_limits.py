"""Bodies over FOODCA_MAX_BODY_BYTES are refused with 413 on every endpoint that takes one, with or without a
Content-Length; fields over their own limits are refused with 422 naming the field."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from api_routes import routes
from werkzeug.serving import make_server

from foodca.config import Settings

LIMIT = 4096
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_settings():
    return Settings.from_env({"FOODCA_MAX_BODY_BYTES": str(LIMIT), "FOODCA_RATE_LIMIT_PER_MINUTE": "100000"})


def oversized_json(size: int = LIMIT + 100) -> bytes:
    """Valid JSON (a meal text) of `size` bytes: only its size is wrong."""
    head, tail = b'{"text": "', b'"}'
    return head + b"a" * (size - len(head) - len(tail)) + tail


@pytest.fixture
def own_objects(client, auth):
    meal = client.post("/api/v1/meals", json={"text": "一个馒头", "eaten_at": "2026-03-01T08:00:00Z"},
                       headers=auth).json
    return {"meal_id": meal["id"], "item_id": meal["items"][0]["id"], "day": "2026-03-01"}


def test_every_endpoint_taking_a_body_refuses_one_over_the_limit(app, client, auth, own_objects):
    body_routes = routes(app, methods={"POST", "PATCH", "PUT"})
    wrong = []
    for route in body_routes:
        response = client.open(route.path(app, own_objects), method=route.method, data=oversized_json(),
                               content_type="application/json", headers=auth)
        if response.status_code != 413 or response.json != {
                "error": {"code": "payload_too_large", "message": response.json["error"]["message"]}}:
            wrong.append((str(route), response.status_code))
    assert wrong == []
    assert len(body_routes) >= 10
    # The limit is the body's size: one byte under it goes through to validation.
    under = client.post("/api/v1/meals/parse", data=oversized_json(LIMIT), content_type="application/json",
                        headers=auth)
    assert under.status_code == 422 and "text" in under.json["error"]["fields"]  # 1000 characters at most


# --- bodies without a Content-Length, through real servers -------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def werkzeug_server(app):
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_port
    server.shutdown()
    thread.join()
    server.server_close()


@pytest.fixture
def gunicorn_server(app_database, tmp_path):
    """The shipped server and its config (gunicorn.conf.py), on this test's database."""
    port = free_port()
    env = {**os.environ, "FOODCA_DATABASE_URL": app_database, "FOODCA_INSTANCE_DIR": str(tmp_path),
           "FOODCA_MAX_BODY_BYTES": str(LIMIT), "FOODCA_USDA_DOWNLOAD": "0", "WEB_CONCURRENCY": "1",
           "PYTHONPATH": str(REPO)}
    env = {k: v for k, v in env.items() if not k.startswith("FOODCA_LLM")}
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "-b", f"127.0.0.1:{port}", "wsgi:app"], cwd=REPO,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while True:
        try:
            if b" 200 " in raw_request(port, "GET", "/readyz", None)[:20]:
                break
        except OSError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, process.stderr.read().decode()[-2000:]
        time.sleep(0.2)
    yield port
    process.terminate()
    process.wait(timeout=30)
    process.stderr.close()


def raw_request(port: int, method: str, path: str, chunks: list[bytes] | None, token: str | None = None) -> bytes:
    """One HTTP/1.1 request over a socket; the body (if any) in chunked encoding, with no Content-Length."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if token:
            head += f"Authorization: Bearer {token}\r\n"
        if chunks is not None:
            head += "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
        connection.sendall(head.encode() + b"\r\n")
        try:
            for chunk in chunks or []:
                connection.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            if chunks is not None:
                connection.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server may answer 413 before it has read everything
        # Read the answer up to its Content-Length, not until the server closes: werkzeug's development server drains
        # what is left of a refused body with a blocking read after answering, and would wait on this client for good.
        answer = b""
        while data := connection.recv(65536):
            answer += data
            head, separator, body = answer.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head) if separator else None
            if length and len(body) >= int(length.group(1)):
                break
    return answer


def status_and_json(answer: bytes) -> tuple[int, dict]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body)


@pytest.mark.parametrize("server", ["werkzeug_server", "gunicorn_server"])
def test_a_chunked_body_over_the_limit_is_refused(request, client, server):
    port = request.getfixturevalue(server)
    token = json.loads(raw_request(port, "POST", "/api/v1/auth/anonymous", [b'{"device_id": "chunked"}'])
                       .partition(b"\r\n\r\n")[2])["token"]
    body = oversized_json()
    # In pieces, as a phone streaming its upload would send it.
    status, answer = status_and_json(raw_request(port, "POST", "/api/v1/meals/parse",
                                                 [body[i:i + 1000] for i in range(0, len(body), 1000)], token))
    assert (status, answer["error"]["code"]) == (413, "payload_too_large")
    # Valid JSON padded with spaces past the limit: a truncating reader would accept it.
    padded = b'{"device_id": "padded"}' + b" " * LIMIT
    status, answer = status_and_json(raw_request(port, "POST", "/api/v1/auth/anonymous", [padded]))
    assert (status, answer["error"]["code"]) == (413, "payload_too_large")
    # A small chunked body is read whole.
    status, answer = status_and_json(raw_request(port, "POST", "/api/v1/meals/parse", [b'{"text": ', b'"two eggs"}'],
                                                 token))
    assert status == 200 and answer["items"][0]["said"] == "two eggs"


# --- fields over their own limits --------------------------------------------------------------------------

LONG_TEXT = "馒头" * 501  # 1002 characters, about 3 kB: under the body limit, over the text field's 1000


@pytest.mark.parametrize(("method", "path", "body", "field"), [
    ("POST", "/api/v1/meals/parse", {"text": LONG_TEXT}, "text"),
    ("POST", "/api/v1/meals", {"text": LONG_TEXT}, "text"),
    ("POST", "/api/v1/meals/{meal_id}/items", {"text": LONG_TEXT}, "text"),
    ("POST", "/api/v1/meals", {"items": [{"food_id": 1, "grams": 1}] * 51}, "items"),
    ("POST", "/api/v1/meals", {"items": [{"food_id": 1, "grams": 1, "said": "x" * 201}]}, "items"),
    ("POST", "/api/v1/meals/{meal_id}/items", {"food_id": 1, "grams": 1, "said": "x" * 201}, "said"),
    ("POST", "/api/v1/auth/anonymous", {"device_id": "x" * 129}, "device_id"),
    ("POST", "/api/v1/auth/register", {"email": "a" * 250 + "@example.com", "password": "12345678"}, "email"),
    ("POST", "/api/v1/auth/register", {"email": "a@example.com", "password": "x" * 257}, "password"),
    ("POST", "/api/v1/auth/login", {"email": "a@example.com", "password": "x" * 257}, "password"),
    ("GET", "/api/v1/foods/search?q=" + "x" * 101, None, "q"),
])
def test_over_long_fields_are_refused_naming_the_field(client, auth, own_objects, method, path, body, field):
    response = client.open(path.format(**own_objects), method=method, json=body, headers=auth)
    assert response.status_code == 422, response.json
    assert response.json["error"]["code"] == "validation_error" and field in response.json["error"]["fields"]
