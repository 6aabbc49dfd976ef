"""The one wrapper around the OpenAI SDK: a chat completion that must answer with a JSON object."""
from __future__ import annotations

import json
import logging
import math
import random
import re
import time
from collections.abc import Sequence
from typing import Any, Self
from urllib.parse import urlsplit

import openai

from foodca import metrics
from foodca.config import LlmProvider

log = logging.getLogger(__name__)

DEFAULT_MAX_RETRIES = 1
# Backoff before a retry: BACKOFF_S * 2**attempt, with jitter. A server's Retry-After is honoured only up
# to MAX_RETRY_AFTER_S; a longer one means "over quota for now", so we give up on this provider at once.
BACKOFF_S = 0.25
MAX_RETRY_AFTER_S = 2.0
# Less time than this left before the caller's deadline: don't start a call that cannot finish.
MIN_CALL_S = 0.2
# Some local servers want no key; the SDK refuses an empty one, so they get a placeholder.
NO_KEY = "no-key"


class LlmError(Exception):
    """A model call gave no usable answer."""


class LlmUnavailable(LlmError):
    """The provider cannot answer now (timeout, connection, quota, server or auth error): try the next one."""

    def __init__(self, provider: LlmProvider | None, reason: str, kind: str = "unavailable") -> None:
        self.provider = provider
        self.reason = reason
        # For the metrics: timeout, connection, rate_limited, server_error, refused, out_of_time, unavailable.
        self.kind = kind
        where = describe_provider(provider) if provider is not None else "no provider"
        super().__init__(f"{where}: {reason}")


class LlmBadResponse(LlmError):
    """The provider answered, but not with the JSON object asked for."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def describe_provider(provider: LlmProvider) -> str:
    """"model@host:port" — never the key, nor a URL's user info or query string."""
    parts = urlsplit(provider.base_url)
    host = parts.hostname or "?"
    return f"{provider.model}@{host}:{parts.port}" if parts.port else f"{provider.model}@{host}"


class LlmClient:
    """One OpenAI-compatible provider; `complete_json` returns (parsed object, token usage)."""

    def __init__(self, provider: LlmProvider, *, max_retries: int = DEFAULT_MAX_RETRIES,
                 deadline: float | None = None, purpose: str = "split") -> None:
        if provider.response_format not in ("json_schema", "json_object"):
            # A typo in the settings makes this provider unusable, not the whole request.
            raise LlmUnavailable(provider, f"unknown response_format {provider.response_format!r}")
        self.provider = provider
        self.purpose = purpose  # what the calls are for (split, review): a label of the metrics
        self.max_retries = max_retries
        # time.monotonic() by which the caller needs an answer: waits and retries stop there.
        self.deadline = deadline
        key = provider.api_key or NO_KEY
        self._client = openai.OpenAI(
            api_key=key,
            base_url=provider.base_url,
            timeout=provider.timeout_s,
            # The SDK's own retries honour Retry-After up to two minutes and obey an x-should-retry header
            # even on a 400; we retry ourselves (see _create) so a user never waits that long.
            max_retries=0,
            # An explicit Authorization header keeps an ambient OPENAI_CUSTOM_HEADERS one from replacing our key.
            default_headers={"Authorization": f"Bearer {key}"},
        )
        # The SDK fills these from OPENAI_ORG_ID / OPENAI_PROJECT_ID; they belong to OpenAI, not to this provider.
        self._client.organization = None
        self._client.project = None

    def __repr__(self) -> str:
        return f"LlmClient({describe_provider(self.provider)})"

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def complete_json(
        self, messages: Sequence[dict[str, str]], schema: dict, schema_name: str
    ) -> tuple[dict, dict]:
        """Ask for one JSON object following `schema`; structured output or JSON mode as the provider supports."""
        if self.provider.response_format == "json_schema":
            response_format: dict[str, Any] = {
                "type": "json_schema",
                "json_schema": {"name": schema_name, "schema": schema, "strict": True},
            }
            request_messages = [dict(m) for m in messages]
        else:
            response_format = {"type": "json_object"}
            request_messages = _with_schema_in_system_prompt(messages, schema, schema_name)
        started, outcome, usage = time.perf_counter(), "ok", None
        try:
            completion = self._create(
                model=self.provider.model, messages=request_messages, response_format=response_format
            )
            usage = _usage_of(completion)
            return _parse_completion(completion), usage
        except LlmUnavailable as err:
            outcome = err.kind
            raise
        except LlmBadResponse:
            outcome = "bad_response"
            raise
        finally:
            metrics.record_model_call(describe_provider(self.provider), self.purpose, outcome,
                                      time.perf_counter() - started, usage)

    def count_rejected(self) -> None:
        """An answer that arrived but failed the caller's checks (schema, invented numbers): a metric."""
        metrics.model_answers_rejected.labels(describe_provider(self.provider), self.purpose).inc()

    def _create(self, **request: Any) -> Any:
        attempt = 0
        while True:
            timeout = self._time_left(self.provider.timeout_s)
            if timeout is None:
                raise LlmUnavailable(self.provider, "out of time", "out_of_time")
            try:
                return self._client.chat.completions.create(**request, timeout=timeout)
            except openai.APIConnectionError as err:  # includes APITimeoutError
                cause = type(err.__cause__).__name__ if err.__cause__ else "unknown"
                timed_out = isinstance(err, openai.APITimeoutError)
                reason = "timed out" if timed_out else f"connection failed ({cause})"
                kind = "timeout" if timed_out else "connection"
                delay = self._retry_delay(attempt, None)
            except openai.APIStatusError as err:
                reason = f"HTTP {err.status_code}{self._server_message(err)}"
                kind = ("rate_limited" if err.status_code == 429 else
                        "server_error" if err.status_code >= 500 else "refused")
                delay = self._retry_delay(attempt, err.response) if _is_retryable_status(err.status_code) else None
            except openai.APIResponseValidationError as err:
                raise LlmBadResponse("the response is not a chat completion") from err
            except openai.OpenAIError as err:
                raise LlmUnavailable(self.provider, f"{type(err).__name__}") from err
            if delay is None:
                # Not chained: the SDK's error text is the server's, which may echo the key back.
                raise LlmUnavailable(self.provider, reason, kind) from None
            if self.deadline is not None and time.monotonic() + delay + MIN_CALL_S > self.deadline:
                raise LlmUnavailable(self.provider, f"{reason}; no time left to retry", kind) from None
            attempt += 1
            log.info("LLM %s: %s; retry %d in %.2fs", describe_provider(self.provider), reason, attempt, delay)
            time.sleep(delay)

    def _time_left(self, wanted: float) -> float | None:
        """Seconds this call may take: `wanted`, cut to the deadline; None when too little is left to try."""
        if self.deadline is None:
            return wanted
        left = self.deadline - time.monotonic()
        return min(wanted, left) if left >= MIN_CALL_S else None

    def _retry_delay(self, attempt: int, response: Any) -> float | None:
        """Seconds to wait before retrying, or None when this provider should not be retried."""
        if attempt >= self.max_retries:
            return None
        retry_after = _retry_after_s(response.headers) if response is not None else None
        if retry_after is not None:
            return retry_after if retry_after <= MAX_RETRY_AFTER_S else None
        return BACKOFF_S * 2**attempt * (0.75 + 0.25 * random.random())

    def _server_message(self, err: openai.APIStatusError) -> str:
        body = err.body
        error = body.get("error", body) if isinstance(body, dict) else None
        message = error.get("message") if isinstance(error, dict) else None
        if not isinstance(message, str) or not message:
            return ""
        if self.provider.api_key:
            message = message.replace(self.provider.api_key, "***")
        return f" - {message[:200]}"


def _is_retryable_status(status: int) -> bool:
    return status == 429 or status >= 500


def _retry_after_s(headers: Any) -> float | None:
    """Retry-After in seconds (also retry-after-ms); an HTTP date or garbage counts as "too long"."""
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        value = headers.get(name)
        if value is None:
            continue
        try:
            seconds = float(value) / divisor
        except ValueError:
            return math.inf
        return seconds if math.isfinite(seconds) and seconds >= 0 else math.inf
    return None


def _with_schema_in_system_prompt(
    messages: Sequence[dict[str, str]], schema: dict, schema_name: str
) -> list[dict[str, str]]:
    instruction = (
        f"Answer with one JSON object only, matching this JSON Schema (named {schema_name}); "
        f"no prose, no code fences:\n{json.dumps(schema, ensure_ascii=False)}"
    )
    request_messages = [dict(m) for m in messages]
    for message in request_messages:
        if message.get("role") == "system":
            message["content"] = f"{message['content']}\n\n{instruction}"
            return request_messages
    return [{"role": "system", "content": instruction}, *request_messages]


_CODE_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL | re.IGNORECASE)


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _parse_completion(completion: Any) -> dict:
    choices = getattr(completion, "choices", None)
    if not isinstance(choices, list) or not choices:
        raise LlmBadResponse("the response has no choices")
    choice = choices[0]
    message = getattr(choice, "message", None)
    content = getattr(message, "content", None)
    if not isinstance(content, str) or not content.strip():
        refusal = getattr(message, "refusal", None)
        raise LlmBadResponse("the model refused" if refusal else "the response has no content")
    finish_reason = getattr(choice, "finish_reason", None)
    if finish_reason in ("length", "content_filter"):
        raise LlmBadResponse(f"the answer was cut short (finish_reason {finish_reason})")
    # JSON-mode providers sometimes wrap the object in a Markdown fence despite being told not to.
    fenced = _CODE_FENCE.match(content)
    text = fenced.group(1) if fenced else content
    try:
        parsed = json.loads(text, parse_constant=_reject_constant)
    except ValueError as err:
        raise LlmBadResponse(f"the content is not JSON ({err})") from None
    if not isinstance(parsed, dict):
        raise LlmBadResponse(f"the JSON is a {type(parsed).__name__}, not an object")
    return parsed


def _usage_of(completion: Any) -> dict:
    usage = getattr(completion, "usage", None)
    counts = {}
    for key in ("prompt_tokens", "completion_tokens", "total_tokens"):
        value = getattr(usage, key, None)
        counts[key] = value if isinstance(value, int) and not isinstance(value, bool) else 0
    return counts
