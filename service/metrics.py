"""Prometheus metrics (``vimod_`` prefix), recorded through these helpers only.

Each app gets its own ``CollectorRegistry`` so tests can build many apps in one process.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

_LATENCY = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


@dataclass
class Metrics:
    registry: CollectorRegistry = field(default_factory=CollectorRegistry)

    def __post_init__(self) -> None:
        r = self.registry
        self.requests = Counter(
            "vimod_requests_total", "HTTP requests", ["route", "method", "status"], registry=r
        )
        self.request_seconds = Histogram(
            "vimod_request_duration_seconds",
            "HTTP request latency",
            ["route"],
            buckets=_LATENCY,
            registry=r,
        )
        self.errors = Counter("vimod_errors_total", "Error responses", ["error_type"], registry=r)
        self.texts = Counter("vimod_texts_total", "Texts scored", ["task"], registry=r)
        self.inference_seconds = Histogram(
            "vimod_inference_duration_seconds",
            "Model call latency",
            ["task"],
            buckets=_LATENCY,
            registry=r,
        )
        self.batch_size = Histogram(
            "vimod_batch_size",
            "Texts per model call",
            ["task"],
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256),
            registry=r,
        )
        self.queue = Gauge("vimod_queue_texts", "Texts waiting for a model", ["task"], registry=r)
        self.model_info = Gauge(
            "vimod_model_info",
            "Loaded model version (value 1)",
            ["task", "kind", "version"],
            registry=r,
        )
        self.feedback = Counter("vimod_feedback_total", "Feedback records", ["task"], registry=r)
        self.quota_rejections = Counter(
            "vimod_quota_rejections_total",
            "Requests refused by a key's quota",
            ["kind"],
            registry=r,
        )
        self.quota_backend_errors = Counter(
            "vimod_quota_backend_errors_total",
            "Quota checks skipped because the quota store (Redis) failed",
            registry=r,
        )

    def observe_request(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.request_seconds.labels(route).observe(seconds)

    def observe_batch(self, task: str, size: int, seconds: float) -> None:
        self.texts.labels(task).inc(size)
        self.batch_size.labels(task).observe(size)
        self.inference_seconds.labels(task).observe(seconds)
