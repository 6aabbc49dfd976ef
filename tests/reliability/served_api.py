"""The API as a real process: `gunicorn wsgi:app` with the repo's gunicorn.conf.py (gthread workers), its log,
and a plain HTTP client for it (standard library only)."""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
API = "/api/v1"
READY_TIMEOUT_S = 45
STOP_TIMEOUT_S = 20


def child_env(**settings: str) -> dict[str, str]:
    """The environment of a child process: this checkout's code first, no FOODCA_ or OPENAI_ settings of the
    developer's own, then `settings`."""
    env = {name: value for name, value in os.environ.items() if not name.startswith(("FOODCA_", "OPENAI_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    env.update(settings)
    return env


class HttpError(Exception):
    """No HTTP answer at all: refused, reset, timed out."""


@dataclass
class Answer:
    status: int
    body: object
    headers: dict[str, str]


@dataclass
class ApiClient:
    """JSON over a new connection per request (standard library only), optionally with a bearer token."""

    port: int
    token: str | None = None
    timeout_s: float = 30.0

    def request(self, method: str, path: str, body: object = None) -> Answer:
        headers = {"Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout_s)
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            raw = response.read()
            answer_headers = {name.lower(): value for name, value in response.getheaders()}
        except OSError as err:  # refused, reset, timed out
            raise HttpError(f"{method} {path}: {type(err).__name__}: {err}") from err
        finally:
            connection.close()
        try:
            parsed: object = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode("utf-8", "replace")
        return Answer(response.status, parsed, answer_headers)

    def get(self, path: str) -> Answer:
        return self.request("GET", API + path)

    def post(self, path: str, body: object) -> Answer:
        return self.request("POST", API + path, body)

    def signed_up(self, device_id: str) -> ApiClient:
        """A client for a new anonymous user."""
        answer = self.post("/auth/anonymous", {"device_id": device_id})
        assert answer.status == 201, answer.body
        return ApiClient(self.port, token=answer.body["token"], timeout_s=self.timeout_s)


_LISTENING = re.compile(r"Listening at: http://127\.0\.0\.1:(\d+)")
_BOOTING = re.compile(r"Booting worker with pid: (\d+)")


@dataclass
class ApiServer:
    """A running `gunicorn wsgi:app`; its stderr (gunicorn's log and the JSON access log) is in `log_path`."""

    process: subprocess.Popen
    log_path: Path
    port: int = 0
    _log_file: object = field(default=None, repr=False)

    def client(self) -> ApiClient:
        return ApiClient(self.port)

    def log(self, since: int = 0) -> str:
        """gunicorn's stderr, from character `since` (a len(log()) taken earlier) on."""
        return self.log_path.read_text(encoding="utf-8", errors="replace")[since:]

    def json_log(self, since: int = 0) -> list[dict]:
        """The app's JSON log lines (requests answered, food index rebuilds, ...), parsed."""
        complete = self.log(since).split("\n")[:-1]  # the last one may be half written
        return [json.loads(line) for line in complete if line.startswith("{")]

    def access_log(self, since: int = 0) -> list[dict]:
        """The access log's lines (one per request answered), parsed."""
        lines = []
        for line in self.log(since).splitlines():
            if line.startswith("{") and '"logger": "foodca.access"' in line:
                lines.append(json.loads(line))
        return lines

    def server_errors(self, since: int = 0) -> list[str]:
        """Tracebacks and 5xx answers in the log: what a reliability test must never see."""
        found = [line for line in self.log(since).splitlines() if line.startswith("Traceback")]
        found += [json.dumps(entry) for entry in self.access_log(since) if entry["status"] >= 500]
        return found

    def wait_ready(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"gunicorn exited with {self.process.returncode} before it was ready:\n{self.log()}")
            if not self.port:
                found = _LISTENING.search(self.log())
                self.port = int(found.group(1)) if found else 0
            if self.port:
                try:
                    if self.client().request("GET", "/readyz").status == 200:
                        return
                except HttpError:
                    pass  # bound by the master, no worker has accepted yet
            time.sleep(0.1)
        raise AssertionError(f"gunicorn did not answer 200 on /readyz within {timeout_s} s; its stderr:\n{self.log()}")

    def worker_pids(self) -> list[str]:
        """Every worker this master has started, in order."""
        return _BOOTING.findall(self.log())

    def reload(self, timeout_s: float = READY_TIMEOUT_S) -> None:
        """SIGHUP: gunicorn starts new workers (each builds its food index again) and stops the old ones;
        returns once every old worker has exited and a new one answers /readyz."""
        old = self.worker_pids()
        self.process.send_signal(signal.SIGHUP)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            log = self.log()
            if len(self.worker_pids()) > len(old) and all(f"Worker exiting (pid: {pid})" in log for pid in old):
                self.wait_ready(deadline - time.monotonic())
                return
            time.sleep(0.1)
        raise AssertionError(f"gunicorn did not replace workers {old} within {timeout_s} s; its stderr:\n{self.log()}")

    def stop(self) -> None:
        """SIGTERM (gunicorn's graceful stop), then SIGKILL to what is left of its process group."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=STOP_TIMEOUT_S)
        if self._log_file is not None:
            self._log_file.close()


def launch_api(folder: Path, database_url: str, *, workers: int = 1, **settings: str) -> ApiServer:
    """Start `gunicorn wsgi:app` on `database_url` with extra FOODCA_ settings; returns once /readyz answers 200
    (a worker takes requests only after it has built its food index). The caller stops it."""
    folder.mkdir(parents=True, exist_ok=True)
    log_path = folder / f"gunicorn-{time.monotonic_ns()}.stderr"
    env = child_env(FOODCA_DATABASE_URL=database_url, FOODCA_INSTANCE_DIR=str(folder / "instance"),
                    WEB_CONCURRENCY=str(workers), GUNICORN_THREADS="4", **settings)
    log_file = log_path.open("w", encoding="utf-8")
    # Port 0: the kernel picks a free port and gunicorn logs it ("Listening at"), so no one can take the port
    # between choosing and binding it. No control socket: gunicorn's default is one path per user
    # (~/.gunicorn/gunicorn.ctl), which servers of parallel test runs would fight over. A session of its own, so
    # a stuck worker can be killed with its master.
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", str(REPO / "gunicorn.conf.py"), "--chdir", str(REPO),
         "--bind", "127.0.0.1:0", "--no-control-socket", "wsgi:app"],
        env=env, cwd=REPO, stdout=subprocess.DEVNULL, stderr=log_file, start_new_session=True)
    server = ApiServer(process=process, log_path=log_path, _log_file=log_file)
    try:
        server.wait_ready()
    except BaseException:
        server.stop()
        raise
    return server
