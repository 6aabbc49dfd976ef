"""Every answer carries a request id, and one access-log line names it, without the token or the meal text."""
from __future__ import annotations

import json
import logging

from foodca.api.request_log import JsonFormatter


def test_request_id_is_kept_or_made_and_logged_without_secrets(client, auth, caplog):
    caplog.set_level(logging.INFO, logger="foodca.access")
    kept = client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers={**auth, "X-Request-ID": "abc-123"})
    assert kept.headers["X-Request-ID"] == "abc-123"
    made = client.get("/api/v1/me", headers={**auth, "X-Request-ID": "bad id; <script>"})
    assert made.headers["X-Request-ID"] != "bad id; <script>" and len(made.headers["X-Request-ID"]) == 32
    refused = client.get("/api/v1/me")
    assert refused.status_code == 401 and refused.headers["X-Request-ID"]

    lines = [json.loads(JsonFormatter().format(record)) for record in caplog.records if record.name == "foodca.access"]
    assert [(line["request_id"], line["status"]) for line in lines] == [
        ("abc-123", 200), (made.headers["X-Request-ID"], 200), (refused.headers["X-Request-ID"], 401)]
    assert lines[0]["path"] == "/api/v1/meals/parse" and lines[0]["user_id"] is not None and lines[0]["ms"] >= 0
    token = auth["Authorization"].split()[1]
    assert not any(token in json.dumps(line) or "馒头" in json.dumps(line) for line in lines)
