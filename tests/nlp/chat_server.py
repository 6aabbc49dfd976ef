"""A real local HTTP server speaking the OpenAI chat-completions protocol, scripted per model name."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from collections.abc import Callable
from typing import Any


@dataclass(frozen=True)
class Reply:
    """What the server does with a request: wait `delay_s`, then answer `status` with `body` (bytes or JSON).

    Bytes go out as text/plain and anything else as JSON, unless `headers` names its own Content-Type."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0


def completion(content: str | None, *, model: str = "test-model", finish_reason: str = "stop",
               usage: dict[str, int] | None = None) -> dict:
    """A chat.completion object whose first choice says `content`."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": None},
            "finish_reason": finish_reason,
            "logprobs": None,
        }],
        "usage": usage or {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
    }


def content(text: str) -> Reply:
    """Answer with `text` as the message content (JSON or not)."""
    return Reply(body=completion(text))


def json_content(obj: Any) -> Reply:
    """Answer with `obj`, serialised, as the message content."""
    return content(json.dumps(obj, ensure_ascii=False))


def error(status: int, message: str = "error", headers: dict[str, str] | None = None) -> Reply:
    """An OpenAI-style error body with this status."""
    return Reply(status=status, body={"error": {"message": message, "type": "test_error", "code": None}},
                 headers=headers or {})


def slow(reply: Reply, delay_s: float) -> Reply:
    """The same reply, after a delay (longer than the client's timeout, to make it time out)."""
    return Reply(status=reply.status, body=reply.body, headers=reply.headers, delay_s=delay_s)


class _Server(ThreadingHTTPServer):
    # Room for many clients connecting at once (a benchmark's burst), beyond socketserver's 5.
    request_queue_size = 256


@dataclass
class ReceivedRequest:
    path: str
    headers: dict[str, str]  # lower-cased names
    body: Any  # parsed JSON, or the raw text when it was not JSON


class ChatServer:
    """Serves POST /v1/chat/completions on 127.0.0.1; `script(model, reply)` sets the reply for a model."""

    def __init__(self) -> None:
        self.requests: list[ReceivedRequest] = []
        self._replies: dict[str, Reply | Callable[[Any], Reply]] = {}
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), self._handler_class())
        # Handler threads are joined on close; a delayed reply wakes up early when the server stops.
        self._httpd.daemon_threads = False
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01},
                                        name="chat-server", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> ChatServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._thread.join()
        self._httpd.server_close()

    def script(self, model: str, reply: Reply | Callable[[Any], Reply]) -> None:
        """Every request for `model` gets `reply`, or what `reply(request_body)` makes (unscripted: a 404)."""
        with self._lock:
            self._replies[model] = reply

    def requests_for(self, model: str) -> list[ReceivedRequest]:
        with self._lock:
            return [r for r in self.requests if isinstance(r.body, dict) and r.body.get("model") == model]

    def _reply_for(self, request: ReceivedRequest) -> Reply:
        with self._lock:
            self.requests.append(request)
            model = request.body.get("model") if isinstance(request.body, dict) else None
            if request.path != "/v1/chat/completions":
                return error(404, f"no route {request.path}")
            reply = self._replies.get(model) or error(404, f"The model {model!r} does not exist")
        return reply if isinstance(reply, Reply) else reply(request.body)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                try:
                    body: Any = json.loads(raw)
                except ValueError:
                    body = raw.decode("utf-8", "replace")
                request = ReceivedRequest(
                    path=self.path, headers={k.lower(): v for k, v in self.headers.items()}, body=body
                )
                reply = server._reply_for(request)
                if reply.delay_s and server._stopping.wait(reply.delay_s):
                    return
                payload = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
                try:
                    self.send_response(reply.status)
                    if not any(name.lower() == "content-type" for name in reply.headers):
                        content_type = "text/plain" if isinstance(reply.body, bytes) else "application/json"
                        self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timed out) before the reply was ready

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler


def facts_in(body: Any) -> dict:
    """The facts a review request carries between <facts> and </facts> in its last message."""
    text = body["messages"][-1]["content"]
    return json.loads(text.split("<facts>", 1)[1].rsplit("</facts>", 1)[0])


def honest_review(body: Any, *, delay_s: float = 0.0, count_tokens: bool = False) -> Reply:
    """A review model that only repeats numbers from the facts, written the way people write them.

    `count_tokens`: usage as a real model would bill it (about 3 characters a token), not the fixed 150.
    """
    facts = facts_in(body)
    energy = facts["totals"]["energy_kcal"]
    text = (f"You had {facts['meal_count']} meals and {energy:,} kcal today; "
            f"well done on {facts['streak_days']} days of logging.")
    usage = None
    if count_tokens:
        # A real review is 3 to 5 sentences: about 120 tokens of answer.
        prompt = sum(len(message["content"]) for message in body["messages"]) // 3
        usage = {"prompt_tokens": prompt, "completion_tokens": 120, "total_tokens": prompt + 120}
    return Reply(body=completion(json.dumps({"text": text}), usage=usage), delay_s=delay_s)
