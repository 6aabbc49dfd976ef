"""Operational metrics in the Prometheus format: requests, model calls and tokens by provider, parser fallbacks,
unmatched items, reviews written.

The metric objects are process-wide, as prometheus_client intends. Under gunicorn, set PROMETHEUS_MULTIPROC_DIR
(an empty folder) for the master and its workers: each worker then writes its values to files there and
`render` adds every worker's up, so one scrape of /metrics sees the whole server (gunicorn.conf.py clears the
folder at start and marks dead workers). Labels stay few and bounded: route templates, never paths with ids;
providers as "model@host", never URLs or keys.
"""
from __future__ import annotations

from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest, multiprocess
from prometheus_client import CONTENT_TYPE_LATEST as CONTENT_TYPE  # noqa: F401  (re-exported for the view)
from prometheus_client import REGISTRY

# Requests are a few ms (parse) to a model's seconds; reviews and imports are not requests.
REQUEST_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
MODEL_BUCKETS = (0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)

http_request_seconds = Histogram(
    "foodca_http_request_duration_seconds", "API requests by route template, method and status: latency.",
    ["method", "route", "status"], buckets=REQUEST_BUCKETS)
model_calls = Counter(
    "foodca_model_calls_total", "Model calls by provider, purpose (split, review) and outcome.",
    ["provider", "purpose", "outcome"])
model_call_seconds = Histogram(
    "foodca_model_call_duration_seconds", "Model calls by provider and purpose: latency, retries included.",
    ["provider", "purpose"], buckets=MODEL_BUCKETS)
model_tokens = Counter(
    "foodca_model_tokens_total", "Tokens the providers reported, by kind (prompt, completion).",
    ["provider", "purpose", "kind"])
model_answers_rejected = Counter(
    "foodca_model_answers_rejected_total",
    "Model answers that arrived but failed our checks (schema, invented numbers), by provider and purpose.",
    ["provider", "purpose"])
meal_splits = Counter(
    "foodca_meal_splits_total", "Meals split into items, by splitter (model, offline).", ["splitter"])
parser_fallbacks = Counter(
    "foodca_parser_fallbacks_total",
    "Meals the offline parser answered although a model is configured: over_quota or model_failed.",
    ["reason"])
meal_items = Counter(
    "foodca_meal_items_total", "Items of analysed meals by match status (matched, unmatched).", ["status"])
reviews_written = Counter(
    "foodca_reviews_written_total", "Daily reviews written, by writer (model, template).", ["writer"])


def record_request(method: str, route: str, status: int, seconds: float) -> None:
    http_request_seconds.labels(method, route, str(status)).observe(seconds)


def record_model_call(provider: str, purpose: str, outcome: str, seconds: float, usage: dict | None) -> None:
    model_calls.labels(provider, purpose, outcome).inc()
    model_call_seconds.labels(provider, purpose).observe(seconds)
    if usage:
        for kind in ("prompt", "completion"):
            if usage.get(f"{kind}_tokens"):
                model_tokens.labels(provider, purpose, kind).inc(usage[f"{kind}_tokens"])


def record_split(splitter: str, fallback_reason: str | None = None) -> None:
    meal_splits.labels(splitter).inc()
    if fallback_reason:
        parser_fallbacks.labels(fallback_reason).inc()


def record_items(statuses: list[str]) -> None:
    matched = sum(1 for status in statuses if status == "matched")
    if matched:
        meal_items.labels("matched").inc(matched)
    if len(statuses) > matched:
        meal_items.labels("unmatched").inc(len(statuses) - matched)


def render(multiprocess_dir: Path | None = None) -> bytes:
    """The text exposition: every gunicorn worker's values added up when they share a multiprocess folder."""
    if multiprocess_dir is None:
        return generate_latest(REGISTRY)
    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry, path=str(multiprocess_dir))
    return generate_latest(registry)
