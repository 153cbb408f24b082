"""All runtime settings, read once from ``VIMOD_*`` environment variables.

Nothing else in vimod reads ``os.environ``. Every limit the API enforces lives here and is
echoed by ``GET /v1/info``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from models.tasks import TASKS
from service.batcher import TEXT_OVERHEAD_CHARS


class Settings(BaseSettings):
    """vimod settings. Each field reads ``VIMOD_<NAME>`` (e.g. ``VIMOD_DATABASE_URL``)."""

    model_config = SettingsConfigDict(
        env_prefix="VIMOD_", env_file=None, extra="ignore", populate_by_name=True
    )

    database_url: str = Field(
        "sqlite:///var/vimod.db",
        description="SQLAlchemy URL of the feedback store; SQLite file by default.",
    )
    registry_dir: Path = Field(Path("var/registry"), description="Model registry root.")
    data_dir: Path = Field(Path("../shared/data"), description="Public datasets root.")
    tasks: list[str] = Field(
        default_factory=lambda: ["toxicity", "misinformation"],
        description="Tasks served; a task with no active model is reported, not fatal.",
    )
    engine: Literal["auto", "torch", "onnx"] = Field(
        "auto", description="Inference engine for transformer models."
    )
    max_client_batch_size: int = Field(64, ge=1, le=4096, description="Texts per request.")
    max_input_chars: int = Field(20_000, ge=1, description="Characters per text.")
    payload_limit: int = Field(2_000_000, ge=1024, description="Request body bytes.")
    max_page_size: int = Field(500, ge=1, description="Feedback rows per page.")
    batch_max_size: int = Field(64, ge=1, description="Most texts in one model call.")
    batch_max_chars: int = Field(
        8_000,
        ge=100,
        description="Most characters in one model call: a request's texts are scored in "
        "pieces of at most this much, so other keys' requests interleave; a longer text runs "
        "alone, in steps of about this many characters where the model allows (baseline).",
    )
    batch_max_wait_ms: float = Field(
        0.0,
        ge=0,
        description="Deprecated, ignored: calls batch what is queued when the previous ends.",
    )
    max_queue_chars: int = Field(
        24_000_000,
        ge=1,
        description="Characters of model work queued, in all, before 429 Overloaded. A "
        "request costs (characters + 50 per text) x passes (languages, each task, explain).",
    )
    max_queue_chars_per_key: int = Field(
        6_000_000,
        ge=1,
        description="Characters of model work one key may have queued before its own 429; "
        "must hold the largest request (max_client_batch_size x (max_input_chars + 50) x "
        "(2 + tasks)).",
    )
    inference_threads: int = Field(
        1,
        ge=1,
        le=64,
        description="Threads running model calls, shared by all tasks; 1 avoids GIL contention.",
    )
    gil_switch_interval_ms: float = Field(
        1.0,
        gt=0,
        le=100,
        description="How long the model thread may hold the GIL while the event loop waits "
        "for it (Python's switch interval, 5 ms by default): shorter lets one-post requests "
        "through faster while a long text is being scored; costs nothing when idle.",
    )
    registry_watch_s: float = Field(
        0.5,
        ge=0,
        le=3600,
        description="How often each worker compares the registry's active versions with the "
        "ones it serves and loads what another worker, replica or the CLI activated; 0: never "
        "(then only this worker's activate/reload routes change what it serves).",
    )
    pinned_models_max: int = Field(
        2,
        ge=0,
        le=16,
        description="Versions other than the active one kept loaded for requests that pin a "
        "version (least recently used goes first), per task and worker; each costs one more "
        "model in memory (a baseline: tens of MB; PhoBERT: about 0.5-1 GB). 0: no pinning.",
    )
    metrics_multiproc_dir: Path | None = Field(
        None,
        validation_alias="PROMETHEUS_MULTIPROC_DIR",
        description="prometheus-client's multiprocess directory (PROMETHEUS_MULTIPROC_DIR, no "
        "VIMOD_ prefix): /metrics sums every worker's files. `vimod serve` with workers > 1 "
        "sets a fresh one and removes it on exit.",
    )
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    workers: int = Field(1, ge=1)
    log_level: str = "info"
    log_json: bool = Field(True, description="One JSON object per log line (else plain text).")
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Origins allowed by CORS, comma-separated; none: no CORS headers at all.",
    )
    db_connect_timeout_s: int = Field(
        5, ge=1, description="Seconds to wait for a new database connection."
    )
    store_retry_initial_s: float = Field(
        1.0, gt=0, description="First wait before retrying an unreachable store at start-up."
    )
    store_retry_max_s: float = Field(
        10.0, gt=0, description="Longest wait between start-up retries (the backoff doubles)."
    )
    store_retry_after_s: int = Field(
        5, ge=1, description="Retry-After (seconds) of a 503 StoreUnavailable."
    )
    overloaded_retry_after_s: int = Field(
        1,
        ge=1,
        description="Least Retry-After (seconds) of a 429 Overloaded; the header carries the "
        "queue's estimated drain time when longer.",
    )
    bootstrap: bool = Field(
        True, description="Build the embedded default model when a task has none."
    )

    auth_disabled: bool = Field(
        False,
        description="Serve without API keys (every caller is an anonymous admin). Loudly logged; "
        "for a private test network only.",
    )
    key_cache_seconds: float = Field(
        30.0,
        ge=0,
        le=3600,
        description="Verified keys are trusted this long without asking the store; a revocation "
        "takes effect within this time.",
    )
    key_cache_stale_seconds: float = Field(
        600.0,
        ge=0,
        le=86400,
        description="While the store is down, keys verified this recently still work.",
    )
    secrets_dir: Path = Field(
        Path("var"),
        description="Where the first start writes the bootstrap admin key (file mode 0600).",
    )
    retention_days: int | None = Field(
        None,
        ge=1,
        le=36500,
        description="Delete stored posts (store: true) older than this many days; unset: keep.",
    )
    retention_every_s: float = Field(
        3600.0, ge=1, description="How often the retention purge runs, in seconds."
    )
    metrics_public: bool = Field(
        False, description="Serve /metrics without a key (for a scraper on a private network)."
    )
    quota_requests_per_minute: int = Field(
        600, ge=1, description="Default requests per minute per key (a key may set its own)."
    )
    quota_chars_per_minute: int = Field(
        2_000_000,
        ge=1,
        description="Default characters of text classified per minute per key.",
    )
    redis_url: str | None = Field(
        None,
        description="Redis for quotas shared by workers and replicas; unset: per worker.",
    )

    ui_session_seconds: int = Field(
        8 * 3600,
        ge=60,
        le=30 * 86400,
        description="How long a web UI sign-in lasts (signed session cookie); then sign in again.",
    )
    ui_cookie_secure: bool = Field(
        False,
        description="Mark the web UI's cookies Secure (sent over HTTPS only); set it behind TLS.",
    )
    ui_secret: SecretStr | None = Field(
        None,
        min_length=32,
        description="Key that signs web UI sessions; unset: generated once into "
        "secrets_dir/ui-session.secret (mode 0600). Every worker and replica needs the same one.",
    )
    ui_form_limit: int = Field(
        65_536, ge=1024, le=2_000_000, description="Bytes of one web UI form submission."
    )
    review_margin: float = Field(
        0.15,
        ge=0,
        le=1,
        description="A stored post whose flag-label score is within this of the model's own "
        "threshold enters the review queue as uncertain.",
    )
    review_double_share: float = Field(
        0.1, ge=0, le=1, description="Share of queued items reviewed by two moderators."
    )
    review_lease_minutes: int = Field(
        15, ge=1, description="How long claimed review slots stay held, by default."
    )
    review_lease_max_minutes: int = Field(
        120, ge=1, description="Longest lease a moderator may ask for."
    )
    review_claim_max: int = Field(50, ge=1, description="Review slots handed out per claim.")
    review_bulk_max: int = Field(100, ge=1, description="Decisions per bulk request.")
    review_deadline_hours: float = Field(
        72.0, gt=0, description="Items should be decided within this many hours."
    )
    review_reported_deadline_hours: float = Field(
        24.0, gt=0, description="Deadline of reported items (takedown requests), in hours."
    )
    review_priority_hours: float = Field(
        6.0,
        gt=0,
        description="Hours of waiting one priority point is worth when ordering the queue.",
    )

    @field_validator("tasks")
    @classmethod
    def _known_tasks(cls, value: list[str]) -> list[str]:
        unknown = [t for t in value if t not in TASKS]
        if unknown:
            raise ValueError(f"unknown task(s) {unknown}; known: {list(TASKS)}")
        return value

    @model_validator(mode="after")
    def _queue_holds_a_batch(self) -> Settings:
        per_text = self.max_input_chars + TEXT_OVERHEAD_CHARS
        largest = self.max_client_batch_size * per_text * (2 + len(self.tasks))
        if self.max_queue_chars_per_key < largest:
            raise ValueError(
                f"max_queue_chars_per_key must hold the largest request: at least {largest} "
                "(max_client_batch_size x (max_input_chars + 50) x (2 + tasks))"
            )
        if self.max_queue_chars < self.max_queue_chars_per_key:
            raise ValueError("max_queue_chars must be at least max_queue_chars_per_key")
        if self.review_lease_max_minutes < self.review_lease_minutes:
            raise ValueError("review_lease_max_minutes must be at least review_lease_minutes")
        return self

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        # "https://a.example,https://b.example" from the environment, or a JSON list.
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [o.strip() for o in text.split(",") if o.strip()]
        return value

    @field_validator("database_url")
    @classmethod
    def _normalise_db_url(cls, value: str) -> str:
        # Accept the URLs people paste from Heroku-style providers and plain libpq.
        if value.startswith("postgres://"):
            value = "postgresql://" + value[len("postgres://") :]
        if value.startswith("postgresql://"):
            value = "postgresql+psycopg://" + value[len("postgresql://") :]
        return value
