"""An import that changes the food tables reaches new meals without a restart (the API process rebuilds its food
index in the background), while meals logged before keep the values they were logged with."""
from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from foodca.config import Settings
from foodca.importers.service import import_cfct

CFCT_FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "cfct" / "cfct_matching.csv"


@pytest.fixture
def app_settings():
    return Settings.from_env({"FOODCA_INDEX_REFRESH_SECONDS": "0.2"})


def cfct_with_new_mantou_values(folder: Path) -> Path:
    """The fixture table with 馒头's energy and carbohydrate raised (kJ and Atwater kept consistent)."""
    with CFCT_FIXTURE.open(encoding="utf-8") as source:
        rows = list(csv.reader(source))
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("食物名称")].startswith("馒头"):
            row[header.index("能量(kcal)")], row[header.index("能量(kJ)")] = "250", "1046"
            row[header.index("碳水化合物(g)")] = "52.5"
    changed = folder / "cfct_next_edition.csv"
    with changed.open("w", encoding="utf-8", newline="") as target:
        csv.writer(target).writerows(rows)
    return changed


def mantou_kcal(client, auth) -> float:
    parsed = client.post("/api/v1/meals/parse", json={"text": "100克馒头"}, headers=auth)
    assert parsed.status_code == 200, parsed.json
    return parsed.json["items"][0]["energy_kcal"]


def test_a_reimport_reaches_new_meals_and_leaves_logged_ones(client, auth, engine_of, tmp_path):
    logged = client.post("/api/v1/meals", json={"text": "100克馒头"}, headers=auth).json
    before = mantou_kcal(client, auth)
    assert logged["items"][0]["energy_kcal"] == pytest.approx(before)
    built_first = client.application.extensions["foodca_analyser"].get()

    summary = import_cfct(engine_of, cfct_with_new_mantou_values(tmp_path), report_dir=None, progress=False)
    assert summary.updated == 1

    deadline, now_kcal = time.monotonic() + 20, before
    while now_kcal == pytest.approx(before) and time.monotonic() < deadline:
        time.sleep(0.1)
        now_kcal = mantou_kcal(client, auth)  # each request may start the check; none waits for the rebuild
    assert now_kcal == pytest.approx(250), "the new values never reached the API's food index"
    assert client.application.extensions["foodca_analyser"].get() is not built_first
    assert client.get(f"/api/v1/meals/{logged['id']}", headers=auth).json["items"][0]["energy_kcal"] == \
        pytest.approx(before)


def test_an_import_that_changes_nothing_keeps_the_index(client, auth, engine_of):
    mantou_kcal(client, auth)
    built_first = client.application.extensions["foodca_analyser"].get()
    assert import_cfct(engine_of, CFCT_FIXTURE, report_dir=None, progress=False).updated == 0
    time.sleep(0.5)
    for _ in range(3):
        mantou_kcal(client, auth)
        time.sleep(0.3)
    assert client.application.extensions["foodca_analyser"].get() is built_first
