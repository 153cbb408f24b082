"""Prometheus metrics (``vimod_`` prefix), recorded through these helpers only.

Each app gets its own ``CollectorRegistry`` so tests can build many apps in one process.

With several workers (``vimod serve`` sets ``PROMETHEUS_MULTIPROC_DIR`` to a fresh
directory before the workers start), prometheus-client's multiprocess mode writes every
value to a file per worker, and ``exposition`` sums them, so ``/metrics`` answers for the
whole server whichever worker serves the scrape. Gauges then say how they combine: the
queue is summed over live workers, ``vimod_model_info`` is the highest over live workers
(a version any worker still serves reads 1; one no worker serves any more reads 0).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)

_LATENCY = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)


@dataclass
class Metrics:
    """The app's metrics; ``multiprocess_dir`` set: aggregated over the server's workers."""

    registry: CollectorRegistry = field(default_factory=CollectorRegistry)
    multiprocess_dir: Path | None = None

    def __post_init__(self) -> None:
        r = self.registry
        self._published: set[tuple[str, str, str]] = set()
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
        self.queue = Gauge(
            "vimod_queue_texts",
            "Texts waiting for a model",
            ["task"],
            registry=r,
            multiprocess_mode="livesum",
        )
        self.model_info = Gauge(
            "vimod_model_info",
            "Loaded model version (value 1)",
            ["task", "kind", "version"],
            registry=r,
            multiprocess_mode="livemax",
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

    def publish_models(self, serving: dict[str, tuple[str, str]]) -> None:
        """Report the versions served now (task -> (kind, version)).

        In multiprocess mode a removed label set would live on in this worker's file, so
        versions no longer served here are set to 0 instead.
        """
        now = {(task, kind, version) for task, (kind, version) in serving.items()}
        if self.multiprocess_dir is None:
            self.model_info.clear()
        else:
            for labels in self._published - now:
                self.model_info.labels(*labels).set(0)
        for labels in now:
            self.model_info.labels(*labels).set(1)
        self._published = now

    def exposition(self) -> bytes:
        """The text ``/metrics`` serves: this process's metrics, or all workers' summed."""
        if self.multiprocess_dir is None:
            return generate_latest(self.registry)
        merged = CollectorRegistry()
        multiprocess.MultiProcessCollector(merged, path=str(self.multiprocess_dir))
        return generate_latest(merged)

    def worker_exited(self) -> None:
        """Drop this worker's live gauges from the aggregate (its counters still count)."""
        if self.multiprocess_dir is not None:
            multiprocess.mark_process_dead(os.getpid(), str(self.multiprocess_dir))
