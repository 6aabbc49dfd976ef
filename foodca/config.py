"""Settings: the only module that reads the environment."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class LlmProvider:
    """One OpenAI-compatible endpoint; providers are tried in order."""

    base_url: str
    api_key: str = field(repr=False)  # a secret: never in reprs or logs
    model: str = ""
    # "json_schema": structured output; "json_object": JSON mode with the schema in the prompt.
    response_format: str = "json_schema"
    timeout_s: float = 10.0


def _llm_providers(env) -> tuple[LlmProvider, ...]:
    providers = []
    for prefix in ["FOODCA_LLM_"] + [f"FOODCA_LLM_{n}_" for n in range(2, 6)]:
        base_url, model = env.get(prefix + "BASE_URL"), env.get(prefix + "MODEL")
        if base_url and model:
            providers.append(LlmProvider(
                base_url=base_url, model=model, api_key=env.get(prefix + "API_KEY", ""),
                response_format=env.get(prefix + "RESPONSE_FORMAT", "json_schema"),
                timeout_s=float(env.get(prefix + "TIMEOUT", "10")),
            ))
    return tuple(providers)


def _optional(env, name: str, convert):
    value = env.get(name)
    return convert(value) if value else None


@dataclass(frozen=True)
class Settings:
    database_url: str
    instance_dir: Path
    usda_path: str | None = None
    usda_download: bool = True
    usda_import_dir: Path = field(default=PROJECT_ROOT / "data" / "usda_import")
    llm_providers: tuple[LlmProvider, ...] = ()
    # A meal's whole model attempt, every provider and retry included; then the offline parser answers.
    llm_deadline_s: float = 8.0
    # Rankings of names said that each process keeps (0: none); people log the same foods day after day.
    match_cache_size: int = 50_000
    # How often an API process checks whether an import changed the food tables (then rebuilds its index); 0: never.
    index_refresh_s: float = 60.0
    # API limits; the rate limit is per token and per process (see foodca/api/ratelimit.py).
    rate_limit_per_minute: int = 120
    # Reverse proxies in front of the app (nginx: 1) whose X-Forwarded-For/-Proto are trusted; 0 trusts none, so a
    # client cannot pick the address its sign-ups are limited by.
    proxy_hops: int = 0
    max_body_bytes: int = 64 * 1024
    model_parses_per_day_free: int = 20
    model_parses_per_day_member: int = 200
    # GET /metrics (Prometheus) answers only a scraper sending this bearer token; unset: no /metrics at all.
    metrics_token: str | None = field(default=None, repr=False)
    # gunicorn: the folder where every worker writes its metric values (prometheus_client's own variable).
    metrics_multiprocess_dir: Path | None = None
    # `foodca scheduler` serves its own metrics on 127.0.0.1:PORT when set.
    scheduler_metrics_port: int | None = None
    # Nightly reviews (foodca/reviews.py, foodca/jobs/scheduler.py).
    review_hour: int = 21  # the user's local hour at which the day's review is written
    review_grace_hours: float = 6.0  # a run missed by less than this is caught up
    review_tick_minutes: int = 15  # how often `foodca scheduler` looks for due users
    review_concurrency: int = 32  # reviews written at once (model calls in flight)
    review_tokens_per_minute: int = 2_000_000  # model tokens a process may use per minute; 0: no budget
    review_stale_claim_minutes: int = 15  # a claim older than this is taken to be a crashed writer's

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        instance_dir = Path(env.get("FOODCA_INSTANCE_DIR", PROJECT_ROOT / "instance"))
        default_url = f"sqlite:///{instance_dir / 'foodca.sqlite'}"
        return cls(
            database_url=env.get("FOODCA_DATABASE_URL") or default_url,
            instance_dir=instance_dir,
            usda_path=env.get("FOODCA_USDA_PATH") or None,
            usda_download=env.get("FOODCA_USDA_DOWNLOAD", "1") not in ("0", "false", "no"),
            usda_import_dir=Path(env.get("FOODCA_USDA_IMPORT_DIR", PROJECT_ROOT / "data" / "usda_import")),
            llm_providers=_llm_providers(env),
            llm_deadline_s=float(env.get("FOODCA_LLM_DEADLINE", "8")),
            match_cache_size=int(env.get("FOODCA_MATCH_CACHE_SIZE", "50000")),
            index_refresh_s=float(env.get("FOODCA_INDEX_REFRESH_SECONDS", "60")),
            rate_limit_per_minute=int(env.get("FOODCA_RATE_LIMIT_PER_MINUTE", "120")),
            proxy_hops=int(env.get("FOODCA_PROXY_HOPS", "0")),
            max_body_bytes=int(env.get("FOODCA_MAX_BODY_BYTES", str(64 * 1024))),
            model_parses_per_day_free=int(env.get("FOODCA_MODEL_PARSES_PER_DAY_FREE", "20")),
            model_parses_per_day_member=int(env.get("FOODCA_MODEL_PARSES_PER_DAY_MEMBER", "200")),
            metrics_token=env.get("FOODCA_METRICS_TOKEN") or None,
            metrics_multiprocess_dir=_optional(env, "PROMETHEUS_MULTIPROC_DIR", Path),
            scheduler_metrics_port=_optional(env, "FOODCA_SCHEDULER_METRICS_PORT", int),
            review_hour=int(env.get("FOODCA_REVIEW_HOUR", "21")),
            review_grace_hours=float(env.get("FOODCA_REVIEW_GRACE_HOURS", "6")),
            review_tick_minutes=int(env.get("FOODCA_REVIEW_TICK_MINUTES", "15")),
            review_concurrency=int(env.get("FOODCA_REVIEW_CONCURRENCY", "32")),
            review_tokens_per_minute=int(env.get("FOODCA_REVIEW_TOKENS_PER_MINUTE", "2000000")),
            review_stale_claim_minutes=int(env.get("FOODCA_REVIEW_STALE_CLAIM_MINUTES", "15")),
        )
