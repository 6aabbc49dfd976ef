"""Load on POST /api/v1/meals/parse (a 5-item Chinese meal, offline parser, authenticated) under gunicorn.

Usage: FOODCA_DATABASE_URL=... python bench/api_load.py [--duration 20] [--connections 16]
Starts gunicorn with 2 workers on the database, gets a token, warms both workers up (each builds its food
index on first use), then runs wrk with a Lua script that POSTs --meals different 5-item meals in turn (made
of the household phrases of ../shared's zh_portions dev set; the four below without it). In the same run a
bare Flask view doing one read of the same database (SQLite or PostgreSQL), under the same gunicorn and wrk settings, gives the ceiling. Prints
requests/s, latency p50/p99 and errors for both. Figures only; not a test. Needs `wrk` (Debian package wrk).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy.engine import make_url

from foodca.config import Settings

ROOT = Path(__file__).resolve().parents[1]
MEALS = [
    "一个馒头，两个鸡蛋，一碗米饭，一杯牛奶，一个苹果",
    "一碗米饭，一个西红柿，两个鸡蛋，一根香蕉，一杯豆浆",
    "两个包子，一杯牛奶，一个鸡蛋，一个苹果，一根玉米",
    "一碗面条，一个鸡蛋，一个西红柿，一杯橙汁，一个梨",
]
BARE_SQLITE = '''
import sqlite3
from flask import Flask
app = Flask(__name__)
DATABASE = {database!r}

@app.get("/food")
def food():
    with sqlite3.connect(DATABASE) as conn:
        row = conn.execute("SELECT id, name FROM food WHERE id = 1").fetchone()
    return {{"id": row[0], "name": row[1]}}
'''
# On PostgreSQL the ceiling keeps one connection per thread, as the app's pool does.
BARE_POSTGRES = '''
import threading
import psycopg
from flask import Flask
app = Flask(__name__)
DATABASE = {database!r}
local = threading.local()

@app.get("/food")
def food():
    if not hasattr(local, "conn"):
        local.conn = psycopg.connect(DATABASE, autocommit=True)
    row = local.conn.execute("SELECT id, name FROM food WHERE id = 1").fetchone()
    return {{"id": row[0], "name": row[1]}}
'''
LUA = '''
local meals = {meals}
local token = "{token}"
local i = 0
request = function()
  i = i % #meals + 1
  return wrk.format("POST", "/api/v1/meals/parse",
    {{["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token}}, meals[i])
end
'''


EVAL = ROOT.parent / "shared" / "data" / "eval"


def varied_meals(count: int, seed: int = 7) -> list[str]:
    """`count` different 5-item meals made of the household phrases in zh_portions_dev.jsonl (一碗米饭, 半根玉米…),
    so the load is not one meal served from the matcher's cache; the built-in four without ../shared."""
    source = EVAL / "zh_portions_dev.jsonl"
    if not source.is_file():
        return MEALS
    phrases = [json.loads(line)["phrase"] for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    chooser = random.Random(seed)
    return ["，".join(chooser.sample(phrases, 5)) for _ in range(count)]


def start_gunicorn(app: str, port: int, env: dict[str, str], chdir: Path, worker_class: str,
                   log: Path) -> subprocess.Popen:
    """Its stderr (gunicorn's log and the app's JSON access log, one line a request, as in production) goes to `log`."""
    command = [str(Path(sys.executable).parent / "gunicorn"), "-w", "2", "-k", worker_class, "-b", f"127.0.0.1:{port}",
               "--chdir", str(chdir), "--log-level", "warning", app]
    if worker_class == "gthread":
        command[5:5] = ["--threads", "4"]
    with log.open("a") as stderr:
        return subprocess.Popen(command, env=env, start_new_session=True, stderr=stderr)


def worker_rss_mb(master_pid: int) -> list[float]:
    """Resident memory of the gunicorn master's workers (its child processes), from /proc."""
    sizes = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == master_pid:
                status = (stat.parent / "status").read_text()
                sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
        except (OSError, AttributeError, IndexError):
            continue
    return sorted(sizes)


def stop(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def wait_for(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"no answer from {url}")


def post(url: str, body: dict, token: str | None = None) -> dict:
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)


def warm_up(base: str, token: str) -> None:
    """Both workers build their food index on first use; go on until parses are fast everywhere."""
    def one(_):
        started = time.perf_counter()
        post(f"{base}/api/v1/meals/parse", {"text": MEALS[0]}, token)
        return time.perf_counter() - started

    with ThreadPoolExecutor(8) as pool:
        for _ in range(60):
            if max(pool.map(one, range(16))) < 0.2:
                return
    raise SystemExit("the workers did not warm up")


def run_wrk(url: str, args, script: Path | None = None) -> dict:
    command = ["wrk", "-t", "2", "-c", str(args.connections), "-d", f"{args.duration}s", "--latency", url]
    if script:
        command[1:1] = ["-s", str(script)]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return parse_wrk(out)


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse_wrk(out: str) -> dict:
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1)),
            "p99": _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "errors": errors + (int(non_2xx.group(1)) if non_2xx else 0)}


def line(name: str, result: dict) -> str:
    return (f"{name:<34} {result['rps']:>8.0f} req/s   p50 {result['p50']:>6.2f} ms   p99 {result['p99']:>6.2f} ms   "
            f"errors {result['errors']} of {result['requests']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per run")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--worker-class", default="gthread", choices=["sync", "gthread"],
                        help="gthread, as gunicorn.conf.py ships")
    parser.add_argument("--port", type=int, default=8911)
    parser.add_argument("--meals", type=int, default=500,
                        help="different meals in the load, made of the dev set's household phrases")
    parser.add_argument("--match-cache-size", type=int, default=None,
                        help="FOODCA_MATCH_CACHE_SIZE for the server (0: every name scored on every request)")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed (apt-get install -y wrk)")
    settings = Settings.from_env()
    # The offline parser (no model), and no rate limit: the load comes from one token.
    env = {k: v for k, v in os.environ.items() if not k.startswith("FOODCA_LLM")}
    env.update({"FOODCA_DATABASE_URL": settings.database_url, "FOODCA_RATE_LIMIT_PER_MINUTE": "0"})
    if args.match_cache_size is not None:
        env["FOODCA_MATCH_CACHE_SIZE"] = str(args.match_cache_size)
    meals = varied_meals(args.meals)
    base = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        server = start_gunicorn("wsgi:app", args.port, env, ROOT, args.worker_class, folder / "api.log")
        try:
            wait_for(f"{base}/healthz")
            token = post(f"{base}/api/v1/auth/anonymous", {"device_id": "bench"})["token"]
            started = time.perf_counter()
            warm_up(base, token)
            print(f"database {settings.database_url}; warm-up (food index in both workers) "
                  f"{time.perf_counter() - started:.1f} s")
            rss = worker_rss_mb(server.pid)
            sample = post(f"{base}/api/v1/meals/parse", {"text": MEALS[0]}, token)
            print(f"parser {sample['parser']}; {MEALS[0]} → " + ", ".join(
                f"{i['food']['name'] if i['food'] else 'UNMATCHED'} {i['grams']:.0f} g" for i in sample["items"]))
            script = folder / "parse.lua"
            script.write_text(LUA.format(meals="{" + ", ".join(json.dumps(json.dumps({"text": m}, ensure_ascii=False),
                                                                           ensure_ascii=False) for m in meals) + "}",
                                         token=token), encoding="utf-8")
            api = run_wrk(f"{base}/api/v1/meals/parse", args, script)
            rss_after = worker_rss_mb(server.pid)
        finally:
            stop(server)
        url = make_url(settings.database_url)
        if url.get_backend_name() == "postgresql":
            bare_app = BARE_POSTGRES.format(database=url.set(drivername="postgresql").render_as_string(hide_password=False))
        else:
            bare_app = BARE_SQLITE.format(database=url.database)
        (folder / "bare.py").write_text(bare_app)
        bare = start_gunicorn("bare:app", args.port, env, folder, args.worker_class, folder / "bare.log")
        try:
            wait_for(f"{base}/food")
            baseline = run_wrk(f"{base}/food", args)
        finally:
            stop(bare)
    print(f"gunicorn -w 2 -k {args.worker_class}; wrk -t 2 -c {args.connections} -d {args.duration}s; "
          f"{os.cpu_count()} CPUs")
    cache = env.get("FOODCA_MATCH_CACHE_SIZE", "default")
    print(f"{len(meals)} different 5-item meals in turn; match cache size {cache}")
    print(line("POST /api/v1/meals/parse (5 items)", api))
    print(line("bare Flask, one row read", baseline))
    print("worker RSS after warm-up: " + ", ".join(f"{mb:.0f} MB" for mb in rss)
          + "; after the load: " + ", ".join(f"{mb:.0f} MB" for mb in rss_after))
    print(f"target: >= 500 req/s and p99 <= 40 ms with no errors: "
          f"{'met' if api['rps'] >= 500 and api['p99'] <= 40 and api['errors'] == 0 else 'NOT met'}")


if __name__ == "__main__":
    main()
