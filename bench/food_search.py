"""GET /api/v1/foods/search latency on the configured database (in-process, Flask test client, one token).

Usage: FOODCA_DATABASE_URL=... python bench/food_search.py [--runs 5] [QUERY ...]
Prints, per query, the number of matches and the median of --runs timings. Figures only; not a test.
"""
from __future__ import annotations

import argparse
import statistics
import time
from urllib.parse import quote

from foodca import create_app

QUERIES = ["番茄", "米饭", "鸡蛋", "cheddar cheese", "chicken breast", "apple", "egg", "ch"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("queries", nargs="*", default=QUERIES)
    args = parser.parse_args()
    app = create_app()
    client = app.test_client()
    token = client.post("/api/v1/auth/anonymous", json={"device_id": "bench-search"}).json["token"]
    headers = {"Authorization": f"Bearer {token}"}
    app.extensions["foodca_analyser"].get()  # the food index, as gunicorn builds it before a worker takes requests
    print(f"database {app.config['FOODCA_DATABASE_URL']}; median of {args.runs} per query")
    for query in args.queries:
        timings = []
        for _ in range(args.runs):
            started = time.perf_counter()
            answer = client.get(f"/api/v1/foods/search?q={quote(query)}", headers=headers)
            timings.append(time.perf_counter() - started)
        assert answer.status_code == 200, answer.json
        first = answer.json["foods"][0]["name"] if answer.json["foods"] else "-"
        print(f"{query:<16} {answer.json['total']:>8,} matches   {statistics.median(timings) * 1000:>7.1f} ms   first: {first[:50]}")


if __name__ == "__main__":
    main()
