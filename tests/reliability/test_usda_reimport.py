"""Re-importing USDA while gunicorn serves: `foodca import usda` in a subprocess, clients in threads. No request
fails, logged meals keep their snapshots; and what a worker's food index (built once per process) serves after."""
from __future__ import annotations

import csv
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from served_api import REPO, ApiClient, ApiServer, HttpError, child_env
from sqlalchemy import select

from foodca.db import make_engine
from foodca.models import Food

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ORIGINAL_RELEASE = FIXTURES / "usda" / "matching"
DAY = "2026-11-20"
EATEN_AT = f"{DAY}T08:00:00+00:00"
MEALS_BEFORE = ["2 eggs and a cup of rice", "an apple", "two slices of white bread"]
# What the modified release changes (per 100 g): egg and rice get new values, the apple leaves (and is retired).
EGG, RICE, APPLE = "100006", "100008", "100009"
NEW_VALUES = {(EGG, "1008"): 200.0, (EGG, "1003"): 15.0, (RICE, "1008"): 160.0, (RICE, "1003"): 3.1}
# Foods the modified release adds and the original one retires again: each import then writes for a while, so
# the clients' requests meet its write transaction. Their names match nothing the clients say.
FILLER_FOODS = 20_000
CLIENTS = 4
# A client's pause between requests: a steady load, not one that starves the import of the machine's CPU.
THINK_S = 0.05
# Requests the clients must have sent while an import ran, for the test to show anything.
MIN_REQUESTS_DURING_IMPORTS = 30


def modified_release(usda_fixture, fillers: int) -> Path:
    """The matching release with NEW_VALUES, without the apple, with `fillers` extra foods."""
    folder = usda_fixture("matching")

    def rewrite(name: str, change) -> None:
        path = folder / name
        with path.open(newline="", encoding="utf-8") as source:
            rows = list(csv.reader(source))
        kept = [row for row in (change(row) for row in rows[1:]) if row is not None]
        with path.open("w", newline="", encoding="utf-8") as target:
            csv.writer(target, quoting=csv.QUOTE_ALL).writerows([rows[0], *kept])

    def nutrient(row):  # id, fdc_id, nutrient_id, amount, ...
        if row[1] == APPLE:
            return None
        if (row[1], row[2]) in NEW_VALUES:
            row[3] = str(NEW_VALUES[(row[1], row[2])])
        return row

    rewrite("food_nutrient.csv", nutrient)
    rewrite("food.csv", lambda row: None if row[0] == APPLE else row)
    rewrite("food_portion.csv", lambda row: None if row[1] == APPLE else row)
    with (folder / "food.csv").open("a", newline="", encoding="utf-8") as foods, \
            (folder / "food_nutrient.csv").open("a", newline="", encoding="utf-8") as nutrients:
        food_rows, nutrient_rows = csv.writer(foods, quoting=csv.QUOTE_ALL), csv.writer(nutrients, quoting=csv.QUOTE_ALL)
        for number in range(fillers):
            fdc_id = str(9_000_000 + number)
            food_rows.writerow([fdc_id, "sr_legacy_food", f"Zzfiller ration {number}", "", ""])
            for offset, (nutrient_id, amount) in enumerate((("1008", 100 + number % 50), ("1003", 5.0), ("1004", 3.0))):
                nutrient_rows.writerow([str(10_000_000 + 3 * number + offset), fdc_id, nutrient_id, str(amount),
                                        "", "", "", "", "", "", ""])
    return folder


def import_usda(database_url: str, release: Path, folder: Path) -> subprocess.CompletedProcess:
    """`foodca import usda RELEASE --no-progress` as its own process, on this checkout's code."""
    env = child_env(FOODCA_DATABASE_URL=database_url, FOODCA_INSTANCE_DIR=str(folder / "import_instance"),
                    FOODCA_USDA_IMPORT_DIR=str(folder / "usda_downloads"))
    return subprocess.run([sys.executable, "-c", "from foodca.cli import cli; cli()", "import", "usda", str(release),
                           "--no-progress"], env=env, cwd=REPO, capture_output=True, text=True, timeout=120)


def log_meal(user: ApiClient, text: str) -> dict:
    logged = user.post("/meals", {"text": text, "eaten_at": EATEN_AT})
    assert logged.status == 201, logged.body
    return logged.body


def item_by_source_id(meal: dict) -> dict[str, dict]:
    return {item["source_id"]: item for item in meal["items"]}


@dataclass
class Outcome:
    started: float
    ended: float
    what: str
    status: int | None  # None: no HTTP answer
    problem: str | None = None


def serve_until(stop: threading.Event, user: ApiClient, meal_id: int, outcomes: list[Outcome]) -> None:
    """A client of the app: preview, day summary, a meal, a new meal, over and over until `stop`."""
    calls = [
        ("POST /meals/parse", lambda: user.post("/meals/parse", {"text": "2 eggs and a cup of rice"})),
        ("GET /summary/day", lambda: user.get(f"/summary/day?date={DAY}")),
        ("GET /meals/{id}", lambda: user.get(f"/meals/{meal_id}")),
        ("POST /meals", lambda: user.post("/meals", {"text": "two slices of white bread", "eaten_at": EATEN_AT})),
    ]
    while not stop.is_set():
        for what, call in calls:
            started = time.monotonic()
            try:
                answer = call()
                problem = None if 200 <= answer.status < 300 else str(answer.body)[:300]
                outcomes.append(Outcome(started, time.monotonic(), what, answer.status, problem))
            except HttpError as err:
                outcomes.append(Outcome(started, time.monotonic(), what, None, str(err)))
            stop.wait(THINK_S)


def test_reimporting_usda_while_the_api_serves_fails_no_request_and_keeps_history(start_api, foods_database,
                                                                                usda_fixture, tmp_path):
    api = start_api(workers=2, FOODCA_RATE_LIMIT_PER_MINUTE="1000000")  # the clients are fast, limits not tested here
    owner = api.client().signed_up("owner")
    before = {text: owner.get(f"/meals/{log_meal(owner, text)['id']}").body for text in MEALS_BEFORE}
    assert {EGG, RICE} <= set(item_by_source_id(before["2 eggs and a cup of rice"])) and \
        APPLE in item_by_source_id(before["an apple"])
    modified = modified_release(usda_fixture, FILLER_FOODS)
    clients = [api.client().signed_up(f"client-{number}") for number in range(CLIENTS)]
    first_meals = [log_meal(client, "2 eggs and a cup of rice")["id"] for client in clients]

    outcomes: list[list[Outcome]] = [[] for _ in clients]
    stop = threading.Event()
    threads = [threading.Thread(target=serve_until, args=(stop, client, meal_id, found), daemon=True)
               for client, meal_id, found in zip(clients, first_meals, outcomes)]
    for thread in threads:
        thread.start()
    imports: list[tuple[float, float, subprocess.CompletedProcess]] = []
    try:
        time.sleep(0.3)  # clients under way before the first import starts
        # Modified, original, modified: three write transactions of 20,000 foods each (added, retired, updated).
        for release in (modified, ORIGINAL_RELEASE, modified):
            started = time.monotonic()
            done = import_usda(foods_database, release, tmp_path)
            imports.append((started, time.monotonic(), done))
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    every = sorted((outcome for found in outcomes for outcome in found), key=lambda outcome: outcome.started)

    for _started, _ended, done in imports:
        assert done.returncode == 0, done.stdout + done.stderr
    assert "added 20,000 · updated 2 · retired 1 ·" in imports[0][2].stdout, imports[0][2].stdout
    failed = [outcome for outcome in every if outcome.status is None or not 200 <= outcome.status < 300]
    assert failed == [], f"{len(failed)} of {len(every)} requests failed, first: {failed[:5]}"
    during = [[o for o in every if started <= o.started < ended] for started, ended, _ in imports]
    assert all(len(found) >= 3 for found in during), [len(found) for found in during]
    assert sum(len(found) for found in during) >= MIN_REQUESTS_DURING_IMPORTS, [len(found) for found in during]
    assert {o.what for found in during for o in found} == {"POST /meals/parse", "GET /summary/day",
                                                           "GET /meals/{id}", "POST /meals"}

    after = {text: owner.get(f"/meals/{meal['id']}").body for text, meal in before.items()}
    assert after == before  # snapshots: a re-import never changes a logged meal
    engine = make_engine(foods_database)
    with engine.connect() as conn:
        foods = {row.source_id: row for row in conn.execute(
            select(Food.source_id, Food.energy_kcal, Food.retired_at).where(Food.source_id.in_([EGG, RICE, APPLE])))}
    engine.dispose()
    assert (foods[EGG].energy_kcal, foods[RICE].energy_kcal) == (NEW_VALUES[(EGG, "1008")], NEW_VALUES[(RICE, "1008")])
    assert foods[APPLE].retired_at is not None
    assert api.server_errors() == []


# Each worker checks every FOODCA_INDEX_REFRESH_SECONDS whether an import changed the food tables and then rebuilds
# its food index (names and per-100 g values) in the background; 0.5 s here so the test need not wait a minute.
REFRESH_SECONDS = "0.5"
REFRESH_DEADLINE_S = 20.0


def energy_per_100g(item: dict) -> float:
    return round(item["energy_kcal"] * 100 / item["grams"], 6)


def reimport_modified(foods_database: str, usda_fixture, tmp_path: Path) -> None:
    done = import_usda(foods_database, modified_release(usda_fixture, fillers=0), tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "updated 2 · retired 1 ·" in done.stdout, done.stdout


def test_a_meal_logged_after_a_reimport_uses_the_new_values(start_api, foods_database, usda_fixture, tmp_path):
    api = start_api(workers=2, FOODCA_INDEX_REFRESH_SECONDS=REFRESH_SECONDS)
    user = api.client().signed_up("after-import")
    reimport_modified(foods_database, usda_fixture, tmp_path)

    # No restart, and no request needed: each worker notices the new release by itself, idle or not. Until both
    # have swapped their index in, a meal may still get the old values; none is sent before they have.
    workers = set(api.worker_pids())
    assert len(workers) == 2, api.log()
    deadline, rebuilt = time.monotonic() + REFRESH_DEADLINE_S, set()
    while rebuilt != workers and time.monotonic() < deadline:
        rebuilt = {str(line["pid"]) for line in api.json_log() if line["message"] == "food index rebuilt"}
        time.sleep(0.1)
    assert rebuilt == workers, f"workers {sorted(workers - rebuilt)} did not rebuild within {REFRESH_DEADLINE_S} s"

    for _ in range(20):
        preview = user.post("/meals/parse", {"text": "2 eggs"})
        assert preview.status == 200, preview.body
        assert energy_per_100g(preview.body["items"][0]) == NEW_VALUES[(EGG, "1008")]

    eggs_and_rice = item_by_source_id(log_meal(user, "2 eggs and a cup of rice"))
    apple = log_meal(user, "an apple")
    served = {source_id: energy_per_100g(eggs_and_rice[source_id]) for source_id in (EGG, RICE)}
    assert served == {EGG: NEW_VALUES[(EGG, "1008")], RICE: NEW_VALUES[(RICE, "1008")]}
    assert APPLE not in item_by_source_id(apple)  # retired: no new meal may use it
    assert api.server_errors() == []


def test_a_reload_after_a_reimport_serves_the_new_values(start_api, foods_database, usda_fixture, tmp_path):
    """`systemctl reload` (SIGHUP to gunicorn's master) right after an import gives the new values at once."""
    api = start_api()
    user = api.client().signed_up("after-reload")
    reimport_modified(foods_database, usda_fixture, tmp_path)
    api.reload()

    eggs_and_rice = item_by_source_id(log_meal(user, "2 eggs and a cup of rice"))
    apple = log_meal(user, "an apple")
    assert {source_id: energy_per_100g(eggs_and_rice[source_id]) for source_id in (EGG, RICE)} == {
        EGG: NEW_VALUES[(EGG, "1008")], RICE: NEW_VALUES[(RICE, "1008")]}
    assert APPLE not in item_by_source_id(apple)
    assert api.server_errors() == []
