"""/metrics under gunicorn with two workers: one scrape adds up what every worker counted."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from prometheus_client.parser import text_string_to_metric_families

METRICS_TOKEN = "scraper-token-for-tests"
PARSES = 48
MAX_ROUNDS = 10


def workers_that_counted(folder) -> set[str]:
    return {path.stem.split("_")[-1] for path in folder.glob("counter_*.db")}


def test_one_scrape_counts_every_workers_requests(start_api, tmp_path):
    folder = tmp_path / "metrics"
    folder.mkdir()
    api = start_api(workers=2, FOODCA_METRICS_TOKEN=METRICS_TOKEN, PROMETHEUS_MULTIPROC_DIR=str(folder),
                    FOODCA_RATE_LIMIT_PER_MINUTE="0")
    user = api.client().signed_up("metrics")
    workers = set(api.worker_pids())
    # Eight at once, more than one worker's four threads, in rounds until every worker has served some: the kernel
    # may hand one worker a whole round, and a worker that served nothing proves nothing about adding up.
    statuses: list[int] = []
    for _ in range(MAX_ROUNDS):
        with ThreadPoolExecutor(8) as pool:
            statuses += pool.map(lambda _: user.post("/meals/parse", {"text": "2 eggs and a cup of rice"}).status,
                                 range(PARSES))
        if workers_that_counted(folder) == workers:
            break
    parses = len(statuses)
    assert statuses == [200] * parses

    scraper = api.client()
    scraper.token = METRICS_TOKEN
    answer = scraper.request("GET", "/metrics")
    assert answer.status == 200
    samples = {(s.name, tuple(sorted(s.labels.items()))): s.value
               for family in text_string_to_metric_families(answer.body) for s in family.samples}
    route = (("method", "POST"), ("route", "/api/v1/meals/parse"), ("status", "200"))
    assert samples[("foodca_http_request_duration_seconds_count", route)] == parses
    assert samples[("foodca_meal_items_total", (("status", "matched"),))] == 2 * parses
    assert workers_that_counted(folder) == workers, "every worker's counts are in the folder the scrape adds up"
    assert api.server_errors() == []
