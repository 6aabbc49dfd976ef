"""Model provider faults end to end: gunicorn serving the API, the real local chat server scripted to fail. Every
meal is still logged (201, stored, with nutrients) by the offline parser, within the deadline, and no answer is
a 5xx. A control case where the model answers well proves the model path is taken, so these tests can fail."""
from __future__ import annotations

import socket
import time
from dataclasses import dataclass

import pytest
from chat_server import ChatServer, Reply, content, error, json_content, slow
from served_api import ApiServer, launch_api

from databases import drop_database, new_database

MEAL = "2 eggs and a cup of rice"
# What the offline parser makes of MEAL with the fixture foods (tests/fixtures/usda/matching).
OFFLINE_ITEMS = [("100006", 88.0), ("100008", 186.0)]  # Egg, whole, raw, fresh; Rice, white, ... cooked
# The model's split of MEAL; its weights are "stated", so they are kept as given and tell the two parsers apart.
MODEL_SPLIT = {"items": [
    {"said": "2 eggs", "name": "egg", "name_en": "Egg, whole, raw", "quantity": 2, "unit": None, "size": None,
     "grams": 100, "grams_source": "stated", "brand": None, "state": None, "components": []},
    {"said": "a cup of rice", "name": "rice", "name_en": "Rice, white, cooked", "quantity": 1, "unit": "cup",
     "size": None, "grams": 150, "grams_source": "stated", "brand": None, "state": None, "components": []},
]}
MODEL_ITEMS = [("100006", 100.0), ("100008", 150.0)]

PROVIDER_TIMEOUT_S = 1
DEADLINE_S = 2
# The deadline bounds the model's whole attempt; the rest of a request (offline parse, writes) is quick.
MOST_A_USER_WAITS_S = DEADLINE_S + 1.5
LONGER_THAN_THE_TIMEOUT_S = 5
HTML_PAGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body></html>"


def nothing_listening_url() -> str:
    with socket.socket() as probe:  # a port that was free a moment ago, with nothing listening on it now
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


@dataclass(frozen=True)
class Fault:
    """What the provider(s) do; `setup` names the gunicorn provider settings it needs."""

    primary: Reply | None
    secondary: Reply | None = None
    setup: str = "one provider"


FAULTS = {
    "hangs past the timeout": Fault(slow(json_content(MODEL_SPLIT), LONGER_THAN_THE_TIMEOUT_S)),
    "429 with a short Retry-After": Fault(error(429, "slow down", {"Retry-After": "1"})),
    "429 with a long Retry-After": Fault(error(429, "quota exceeded", {"Retry-After": "120"})),
    "429 without Retry-After": Fault(error(429, "rate limited")),
    "500": Fault(error(500, "internal error")),
    "503": Fault(error(503, "overloaded")),
    "content that is not JSON": Fault(content("Sure! Two eggs are about 140 kcal and a cup of rice 200 kcal.")),
    "an HTML page, 200": Fault(Reply(200, HTML_PAGE, {"Content-Type": "text/html; charset=utf-8"})),
    "an HTML page from a proxy, 502": Fault(Reply(502, b"<html><body><h1>502 Bad Gateway</h1></body></html>",
                                                  {"Content-Type": "text/html"})),
    "JSON of another schema": Fault(json_content({"foods": [{"food": "egg", "calories": 140}]})),
    "items of the wrong types": Fault(json_content({"items": [{"name": 5, "grams": "lots"}, "rice"]})),
    "connection refused": Fault(None, setup="nothing listening"),
    "two providers both failing": Fault(error(503, "overloaded"),
                                        slow(json_content(MODEL_SPLIT), LONGER_THAN_THE_TIMEOUT_S),
                                        setup="two providers"),
}


@pytest.fixture(scope="module")
def module_chat_server():
    server = ChatServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def api_for(tmp_path_factory, food_template, module_chat_server):
    """gunicorn per provider setup, made on first use and shared by this module's cases (each with a user of its
    own): one server per case would spend most of the module starting servers."""
    folder = tmp_path_factory.mktemp("model_faults")
    database_url = new_database(folder, "model_faults", template=food_template)
    model = {"FOODCA_LLM_API_KEY": "sk-test", "FOODCA_LLM_TIMEOUT": str(PROVIDER_TIMEOUT_S)}
    setups = {
        "one provider": {"FOODCA_LLM_BASE_URL": module_chat_server.base_url, "FOODCA_LLM_MODEL": "primary", **model},
        "nothing listening": {"FOODCA_LLM_BASE_URL": nothing_listening_url(), "FOODCA_LLM_MODEL": "primary", **model},
        "two providers": {"FOODCA_LLM_BASE_URL": module_chat_server.base_url, "FOODCA_LLM_MODEL": "primary", **model,
                          "FOODCA_LLM_2_BASE_URL": module_chat_server.base_url, "FOODCA_LLM_2_MODEL": "secondary",
                          "FOODCA_LLM_2_API_KEY": "sk-test-2", "FOODCA_LLM_2_TIMEOUT": str(PROVIDER_TIMEOUT_S)},
    }
    servers: dict[str, ApiServer] = {}

    def api(setup: str) -> ApiServer:
        if setup not in servers:
            servers[setup] = launch_api(folder / setup.replace(" ", "_"), database_url,
                                        FOODCA_LLM_DEADLINE=str(DEADLINE_S), **setups[setup])
        return servers[setup]

    yield api
    for server in servers.values():
        server.stop()
    drop_database(database_url)


def log_meal(api: ApiServer, device_id: str) -> tuple[dict, float, dict]:
    """Log MEAL as a new user: (the POST's answer, its seconds, the meal as GET /meals/{id} gives it)."""
    user = api.client().signed_up(device_id)
    started = time.monotonic()
    logged = user.post("/meals", {"text": MEAL})
    seconds = time.monotonic() - started
    assert logged.status == 201, logged.body
    stored = user.get(f"/meals/{logged.body['id']}")
    assert stored.status == 200, stored.body
    return logged.body, seconds, stored.body


def items_of(meal: dict) -> list[tuple[str, float]]:
    return [(item["source_id"], item["grams"]) for item in meal["items"]]


def assert_nutrients_stored(meal: dict) -> None:
    assert all(item["status"] == "matched" and item["energy_kcal"] > 0 for item in meal["items"]), meal["items"]
    assert meal["totals"]["energy_kcal"] > 0


def test_a_model_that_answers_well_splits_the_meal(api_for, module_chat_server):
    module_chat_server.script("primary", json_content(MODEL_SPLIT))
    api = api_for("one provider")
    log_start = len(api.log())
    logged, _seconds, stored = log_meal(api, "control")
    assert logged["parser"] == stored["parser"] == "llm:primary"
    assert items_of(stored) == MODEL_ITEMS
    assert_nutrients_stored(stored)
    assert api.server_errors(since=log_start) == []


@pytest.mark.parametrize("fault", list(FAULTS), ids=list(FAULTS))
def test_a_failing_provider_falls_back_to_the_offline_parser(api_for, module_chat_server, fault):
    script = FAULTS[fault]
    for model, reply in (("primary", script.primary), ("secondary", script.secondary)):
        # Unscripted models answer 404; a case scripts both, so none inherits an earlier case's reply.
        module_chat_server.script(model, reply or error(404, "not scripted in this case"))
    api = api_for(script.setup)
    asked_before = {model: len(module_chat_server.requests_for(model)) for model in ("primary", "secondary")}
    log_start = len(api.log())

    logged, seconds, stored = log_meal(api, f"device-{fault}")

    assert logged["parser"] == stored["parser"] == "offline"
    assert items_of(logged) == items_of(stored) == OFFLINE_ITEMS
    assert_nutrients_stored(stored)
    assert seconds < MOST_A_USER_WAITS_S, f"the meal took {seconds:.1f} s to log"
    asked = {model: len(module_chat_server.requests_for(model)) - asked_before[model]
             for model in ("primary", "secondary")}
    if script.setup == "one provider":
        assert asked["primary"] >= 1, "the fault was never met: the provider was not asked"
    if script.setup == "two providers":
        assert asked["primary"] >= 1 and asked["secondary"] >= 1, asked
    statuses = [entry["status"] for entry in api.access_log(since=log_start)]
    assert statuses == [201, 201, 200]  # sign-up, log, read back
    assert api.server_errors(since=log_start) == []
