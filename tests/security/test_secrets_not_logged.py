"""Tokens, passwords, model API keys and meal text appear in no log record, whatever the level and logger."""
from __future__ import annotations

import json
import logging

import pytest
from api_fixtures import chat_server_module

from foodca.api.request_log import JsonFormatter
from foodca.config import LlmProvider, Settings

API_KEY = "sk-live-do-not-log-7f3a9c"
PASSWORD = "correct horse battery staple"
MEAL_TEXT = "一个馒头，两个鸡蛋，秘密的晚餐"
MODEL = "qwen-test"


@pytest.fixture
def app_settings(chat_server):
    return Settings.from_env({"FOODCA_LLM_BASE_URL": chat_server.base_url, "FOODCA_LLM_MODEL": MODEL,
                              "FOODCA_LLM_API_KEY": API_KEY, "FOODCA_LLM_TIMEOUT": "2"})


def everything_logged(records: list[logging.LogRecord]) -> str:
    """Each record as every handler could write it: message, arguments, extra fields, exception text."""
    lines = []
    for record in records:
        lines.append(JsonFormatter().format(record))
        lines.append(logging.Formatter().format(record))  # adds the traceback when there is one
        lines.append(repr(record.args))
        lines.append(repr({k: v for k, v in vars(record).items() if k not in ("msg", "args", "exc_info")}))
    return "\n".join(lines)


def test_a_session_logs_no_secret(client, chat_server, caplog):
    # The model fails (rate limited, then down): the offline parser answers, and the failure is logged.
    chat_server.script(MODEL, chat_server_module().error(429, "rate limited", {"retry-after": "0"}))
    caplog.set_level(logging.DEBUG)  # the root logger: foodca, openai, httpx, httpcore, werkzeug, sqlalchemy...
    token = client.post("/api/v1/auth/anonymous", json={"device_id": "phone"}).json["token"]
    auth = {"Authorization": f"Bearer {token}"}
    email = "li.hua@example.com"
    assert client.post("/api/v1/auth/register", json={"email": email, "password": PASSWORD},
                       headers=auth).status_code == 204
    second = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD}).json["token"]
    meal = client.post("/api/v1/meals", json={"text": MEAL_TEXT}, headers=auth)
    assert meal.status_code == 201 and meal.json["parser"] == "offline"
    assert chat_server.requests_for(MODEL)  # the model was really asked, with the key
    assert chat_server.requests_for(MODEL)[0].headers["authorization"] == f"Bearer {API_KEY}"
    client.post("/api/v1/auth/logout", headers={"Authorization": f"Bearer {second}"})
    client.get("/api/v1/me", headers={"Authorization": f"Bearer {second}"})  # a refused token is not logged either

    logged = everything_logged(caplog.records)
    assert len(caplog.records) > 5  # the capture saw the session
    leaked = {name: secret for name, secret in {"token": token, "second token": second, "password": PASSWORD,
                                                "API key": API_KEY, "meal text": MEAL_TEXT,
                                                "a meal text fragment": "秘密的晚餐"}.items() if secret in logged}
    assert leaked == {}, [line for line in logged.splitlines() if any(s in line for s in leaked.values())][:5]


def test_reprs_hide_the_api_key(app_settings):
    assert API_KEY not in repr(app_settings) and API_KEY not in str(app_settings)
    provider = app_settings.llm_providers[0]
    assert API_KEY not in repr(provider) and API_KEY not in json.dumps(repr(provider))
    assert API_KEY not in repr(LlmProvider(base_url="http://127.0.0.1/v1", api_key=API_KEY, model="m"))

