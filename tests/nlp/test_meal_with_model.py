"""The meal path with a model splitter behind a real local chat-completions server."""
from __future__ import annotations

import pytest
from chat_server import error, json_content

from foodca.config import LlmProvider
from foodca.nutrition.meal import MealAnalyser

def provider(server, model: str) -> LlmProvider:
    return LlmProvider(base_url=server.base_url, api_key="sk-test", model=model, timeout_s=5.0)


def model_item(said, name, grams, **extra):
    return {"said": said, "name": name, "name_en": None, "quantity": None, "unit": None, "size": None,
            "grams": grams, "grams_source": "estimated", "brand": None, "state": None, "components": [], **extra}


def test_model_splits_database_computes(chat_server, small_food_engine):
    # The model adds its own calorie figure; it must never reach the user.
    chat_server.script("qwen-test", json_content({"items": [
        model_item("一个馒头", "馒头", 100, energy_kcal=9999, calories=9999),
        model_item("两个鸡蛋", "鸡蛋", 100)]}))
    analyser = MealAnalyser.build(small_food_engine, [provider(chat_server, "qwen-test")])
    result = analyser.analyse("一个馒头，两个鸡蛋")
    assert result["parser"] == "llm:qwen-test"
    assert [i["basis"] for i in result["items"]] == ["model", "model"]
    assert result["totals"]["energy_kcal"] == pytest.approx(224 + 141)
    numbers = [value for item in result["items"] for value in item.values() if isinstance(value, (int, float))]
    assert 9999 not in numbers and 9999 not in result["totals"].values()


def test_provider_down_falls_back_to_the_offline_parser(chat_server, small_food_engine):
    chat_server.script("down", error(500, "overloaded"))
    analyser = MealAnalyser.build(small_food_engine, [provider(chat_server, "down")])
    result = analyser.analyse("一个馒头")
    assert result["parser"] == "offline"
    assert result["items"][0]["status"] == "matched" and result["totals"]["energy_kcal"] > 0
