"""GET /metrics: off without its token, refused without it, and counting what operators watch (requests by route,
model calls and tokens by provider, parser fallbacks, unmatched items)."""
from __future__ import annotations

import pytest
from prometheus_client.parser import text_string_to_metric_families

from foodca.config import Settings

METRICS_TOKEN = "scrape-secret-for-tests"


@pytest.fixture
def app_settings(chat_server):
    return Settings.from_env({"FOODCA_LLM_BASE_URL": chat_server.base_url, "FOODCA_LLM_MODEL": "qwen-test",
                              "FOODCA_LLM_API_KEY": "sk-test", "FOODCA_LLM_TIMEOUT": "2",
                              "FOODCA_MODEL_PARSES_PER_DAY_FREE": "3", "FOODCA_METRICS_TOKEN": METRICS_TOKEN})


def scrape(client) -> dict[tuple, float]:
    """Every sample of /metrics as {(name, sorted labels): value}."""
    response = client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert response.status_code == 200 and response.content_type.startswith("text/plain")
    return {(sample.name, tuple(sorted(sample.labels.items()))): sample.value
            for family in text_string_to_metric_families(response.get_data(as_text=True))
            for sample in family.samples}


def value(samples: dict, name: str, **labels) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_no_metrics_endpoint_without_a_configured_token(tmp_path, app_database):
    from foodca import create_app

    app = create_app({"FOODCA_DATABASE_URL": app_database, "FOODCA_SETTINGS": Settings.from_env({}), "TESTING": True})
    assert app.test_client().get("/metrics").status_code == 404
    app.extensions["foodca_engine"].dispose()


@pytest.mark.parametrize("header", [None, "Bearer wrong", f"Basic {METRICS_TOKEN}", "Bearer "])
def test_metrics_need_their_own_token(client, auth, header):
    refused = client.get("/metrics", headers={"Authorization": header} if header else {})
    assert refused.status_code == 401 and refused.json["error"]["code"] == "unauthorized"
    assert client.get("/metrics", headers=auth).status_code == 401  # a user's token is not the scraper's


def test_requests_are_timed_by_route_template(client, auth):
    before = scrape(client)
    meal = client.post("/api/v1/meals", json={"text": "一个馒头", "eaten_at": "2026-11-25T08:00:00+08:00"},
                       headers=auth)
    client.get(f"/api/v1/meals/{meal.json['id']}", headers=auth)
    client.get("/api/v1/meals/999999", headers=auth)
    after = scrape(client)
    count = "foodca_http_request_duration_seconds_count"
    route = "/api/v1/meals/<int(max=2147483647):meal_id>"  # the rule as registered (fields.ID)
    assert value(after, count, method="GET", route=route, status="200") - \
        value(before, count, method="GET", route=route, status="200") == 1
    assert value(after, count, method="GET", route=route, status="404") - \
        value(before, count, method="GET", route=route, status="404") == 1
    assert value(after, count, method="POST", route="/api/v1/meals", status="201") - \
        value(before, count, method="POST", route="/api/v1/meals", status="201") == 1
    assert not any("999999" in str(key) for key in after)  # ids never become label values


def test_model_calls_tokens_failures_and_fallbacks(client, auth, chat_server):
    provider = f"qwen-test@127.0.0.1:{chat_server.base_url.split(':')[2].split('/')[0]}"
    replies = chat_server.replies
    good = {"items": [{"said": "一个馒头", "name": "馒头", "name_en": None, "quantity": None, "unit": None,
                       "size": None, "grams": 120, "grams_source": "estimated", "brand": None, "state": None,
                       "components": []}]}
    before = scrape(client)

    chat_server.script("qwen-test", replies.json_content(good))
    assert client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers=auth).json["parser"] == "llm:qwen-test"
    chat_server.script("qwen-test", replies.error(400, "bad request"))
    assert client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers=auth).json["parser"] == "offline"
    chat_server.script("qwen-test", replies.json_content({"nothing": "useful"}))  # answers, but no items list
    assert client.post("/api/v1/meals/parse", json={"text": "一个馒头"}, headers=auth).json["parser"] == "offline"
    # The day's quota (3) is spent: the offline parser answers without calling the model.
    assert client.post("/api/v1/meals/parse", json={"text": "一个馒头，一份zzqqxx"},
                       headers=auth).json["parser"] == "offline"
    after = scrape(client)

    def delta(name, **labels):
        return value(after, name, **labels) - value(before, name, **labels)

    assert delta("foodca_model_calls_total", provider=provider, purpose="split", outcome="ok") == 2
    assert delta("foodca_model_calls_total", provider=provider, purpose="split", outcome="refused") == 1
    assert delta("foodca_model_answers_rejected_total", provider=provider, purpose="split") == 1
    assert delta("foodca_model_call_duration_seconds_count", provider=provider, purpose="split") == 3
    # The chat server reports 120 prompt and 30 completion tokens per answer.
    assert delta("foodca_model_tokens_total", provider=provider, purpose="split", kind="prompt") == 240
    assert delta("foodca_model_tokens_total", provider=provider, purpose="split", kind="completion") == 60
    assert delta("foodca_meal_splits_total", splitter="model") == 1
    assert delta("foodca_meal_splits_total", splitter="offline") == 3
    assert delta("foodca_parser_fallbacks_total", reason="model_failed") == 2
    assert delta("foodca_parser_fallbacks_total", reason="over_quota") == 1
    assert delta("foodca_meal_items_total", status="matched") == 4
    assert delta("foodca_meal_items_total", status="unmatched") == 1
    assert "sk-test" not in client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"}).get_data(
        as_text=True)
