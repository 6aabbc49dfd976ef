"""The meal path with a model splitter behind a real local chat-completions server."""
from __future__ import annotations

from pathlib import Path

import pytest
from chat_server import error, json_content

from foodca.config import LlmProvider
from foodca.db import make_engine, upgrade
from foodca.importers.service import import_cfct, import_usda
from foodca.nutrition.meal import MealAnalyser

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture
def engine_with_foods(tmp_path):
    url = f"sqlite:///{tmp_path / 'foodca.sqlite'}"
    upgrade(url)
    engine = make_engine(url)
    import_usda(engine, [str(FIXTURES / "usda" / "matching")], download_dir=tmp_path, report_dir=None, progress=False)
    import_cfct(engine, FIXTURES / "cfct" / "cfct_matching.csv", report_dir=None, progress=False)
    yield engine
    engine.dispose()


def provider(server, model: str) -> LlmProvider:
    return LlmProvider(base_url=server.base_url, api_key="sk-test", model=model, timeout_s=5.0)


def model_item(said, name, grams, **extra):
    return {"said": said, "name": name, "name_en": None, "quantity": None, "unit": None, "size": None,
            "grams": grams, "grams_source": "estimated", "brand": None, "state": None, "components": [], **extra}


def test_model_splits_database_computes(chat_server, engine_with_foods):
    # The model adds its own calorie figure; it must never reach the user.
    chat_server.script("qwen-test", json_content({"items": [
        model_item("一个馒头", "馒头", 100, energy_kcal=9999, calories=9999),
        model_item("两个鸡蛋", "鸡蛋", 100)]}))
    analyser = MealAnalyser.build(engine_with_foods, [provider(chat_server, "qwen-test")])
    result = analyser.analyse("一个馒头，两个鸡蛋")
    assert result["parser"] == "llm:qwen-test"
    assert [i["basis"] for i in result["items"]] == ["model", "model"]
    assert result["totals"]["energy_kcal"] == pytest.approx(223 + 139)
    numbers = [value for item in result["items"] for value in item.values() if isinstance(value, (int, float))]
    assert 9999 not in numbers and 9999 not in result["totals"].values()


def test_provider_down_falls_back_to_the_offline_parser(chat_server, engine_with_foods):
    chat_server.script("down", error(500, "overloaded"))
    analyser = MealAnalyser.build(engine_with_foods, [provider(chat_server, "down")])
    result = analyser.analyse("一个馒头")
    assert result["parser"] == "offline"
    assert result["items"][0]["status"] == "matched" and result["totals"]["energy_kcal"] > 0
