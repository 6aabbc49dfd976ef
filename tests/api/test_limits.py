"""Rate limit per token, daily model-parse quota per plan (offline parser beyond it), `foodca users set-plan`."""
from __future__ import annotations

import pytest
from api_fixtures import chat_server_module
from click.testing import CliRunner

from foodca.cli import cli
from foodca.config import Settings


@pytest.fixture
def app_settings(chat_server):
    return Settings.from_env({"FOODCA_LLM_BASE_URL": chat_server.base_url, "FOODCA_LLM_MODEL": "qwen-test",
                              "FOODCA_LLM_API_KEY": "sk-test", "FOODCA_MODEL_PARSES_PER_DAY_FREE": "2",
                              "FOODCA_MODEL_PARSES_PER_DAY_MEMBER": "3", "FOODCA_RATE_LIMIT_PER_MINUTE": "30"})


def model_reply(chat_server):
    chat_server.script("qwen-test", chat_server.replies.json_content({"items": [
        {"said": "一个馒头", "name": "馒头", "name_en": None, "quantity": None, "unit": None, "size": None,
         "grams": 120, "grams_source": "estimated", "brand": None, "state": None, "components": []}]}))


def test_model_parses_are_counted_and_the_offline_parser_answers_over_quota(client, auth, chat_server):
    model_reply(chat_server)
    parsers = [client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers=auth).json["parser"]
               for _ in range(2)]
    logged = client.post("/api/v1/meals", json={"text": "一个馒头"}, headers=auth)
    assert parsers == ["llm:qwen-test"] * 2
    assert logged.status_code == 201 and logged.json["parser"] == "offline"  # never refused
    assert len(chat_server.requests_for("qwen-test")) == 2
    me = client.get("/api/v1/me", headers=auth).json
    assert (me["model_parses_today"], me["model_parses_per_day"]) == (2, 2)


def test_set_plan_raises_the_quota(client, auth, chat_server, app, tmp_path):
    model_reply(chat_server)
    user_id = client.get("/api/v1/me", headers=auth).json["id"]
    env = {"FOODCA_DATABASE_URL": app.config["FOODCA_DATABASE_URL"], "FOODCA_INSTANCE_DIR": str(tmp_path)}
    result = CliRunner().invoke(cli, ["users", "set-plan", str(user_id), "member"], env=env)
    assert result.exit_code == 0, result.output
    assert client.get("/api/v1/me", headers=auth).json["plan"] == "member"
    parsers = [client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers=auth).json["parser"]
               for _ in range(4)]
    assert parsers == ["llm:qwen-test"] * 3 + ["offline"]
    missing = CliRunner().invoke(cli, ["users", "set-plan", "999", "member"], env=env)
    assert missing.exit_code == 2 and "no user 999" in missing.output
    bad = CliRunner().invoke(cli, ["users", "set-plan", str(user_id), "gold"], env=env)
    assert bad.exit_code != 0


def test_rate_limit_per_token_answers_429_with_retry_after(client, sign_up):
    auth, other = sign_up("one"), sign_up("two")
    statuses = [client.get("/api/v1/me", headers=auth).status_code for _ in range(31)]
    assert statuses == [200] * 30 + [429]
    limited = client.get("/api/v1/me", headers=auth)
    assert limited.json["error"]["code"] == "rate_limited" and 1 <= int(limited.headers["Retry-After"]) <= 60
    assert client.get("/api/v1/me", headers=other).status_code == 200


@pytest.mark.parametrize("proxy_hops, limited_per_forwarded_address", [("0", False), ("1", True)])
def test_sign_up_is_limited_per_client_address_behind_a_trusted_proxy(app_database, proxy_hops,
                                                                       limited_per_forwarded_address):
    from foodca import create_app

    settings = Settings.from_env({"FOODCA_RATE_LIMIT_PER_MINUTE": "3", "FOODCA_PROXY_HOPS": proxy_hops})
    app = create_app({"FOODCA_DATABASE_URL": app_database, "FOODCA_SETTINGS": settings, "TESTING": True})
    client = app.test_client()

    def sign_up(forwarded_for: str) -> int:
        return client.post("/api/v1/auth/anonymous", json={"device_id": "d"},
                           headers={"X-Forwarded-For": forwarded_for}).status_code

    # One client behind the proxy, then another: the second keeps its own allowance only when the proxy is trusted.
    statuses = [sign_up("203.0.113.7") for _ in range(4)] + [sign_up("198.51.100.9")]
    assert statuses[:4] == [201, 201, 201, 429]
    assert statuses[4] == (201 if limited_per_forwarded_address else 429)
    app.extensions["foodca_engine"].dispose()
