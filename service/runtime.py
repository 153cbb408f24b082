"""The models a running service holds: loading, hot reload and batched scoring.

Built in the app's lifespan and kept on ``app.state``; nothing is loaded at import time.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from models.base import PostMetadata
from models.errors import NotReadyError, RegistryError, VimodError
from models.explain import SpanResult, span_results
from models.language import LanguageGuess, detect_languages
from models.registry import Manifest, Registry
from models.scorer import LoadedModel, load_active_models
from models.span_contract import SpanTagger
from models.stepwise import Steps, StepwiseClassifier
from models.tasks import SPANS, TOXICITY
from service.batcher import FairScheduler, Reservation, StepsFn, text_cost
from service.config import Settings
from service.metrics import Metrics
from service.pins import PinnedModels

log = logging.getLogger(__name__)

# Up to this many characters a request's languages are detected on the event loop (tens of
# microseconds); longer ones go through the scheduler (a 20,000-character Latin post
# costs the guard about 20 ms).
INLINE_LANGUAGE_CHARS = 2_000


class ModelRuntime:
    """Active model per task, and one fair scheduler for all model work.

    Every model call (each task's scoring, language detection, spans, pinned versions)
    goes through one ``FairScheduler``, which runs one call at a time on a small pool
    (``inference_threads``, default 1). The CPU models hold the GIL, so two calls in
    parallel threads only contend for it.

    Args:
        registry: where versions live.
        settings: tasks served, engine and batching limits.
        metrics: where batch sizes and inference times are recorded.
    """

    def __init__(self, registry: Registry, settings: Settings, metrics: Metrics) -> None:
        self.registry = registry
        self.settings = settings
        self.metrics = metrics
        self.models: dict[str, LoadedModel] = {}
        self.load_errors: dict[str, str] = {}
        # The span model behind toxicity's ``explain``: optional, never blocks readiness.
        self.spans: tuple[SpanTagger, Manifest] | None = None
        self.spans_error: str | None = None
        self._scheduler: FairScheduler | None = None
        self._swap = asyncio.Lock()  # one reload at a time: the watcher's or a route's
        self._refused: dict[str, str] = {}  # task -> active version that failed here
        self._refused_spans: str | None = None  # span version that failed here
        self.pinned = PinnedModels(
            registry, settings.pinned_models_max, {"engine": settings.engine}
        )
        # Process-wide: the event loop waits at most this long for the GIL while a model
        # call (pure-Python n-gram loops) holds it.
        sys.setswitchinterval(settings.gil_switch_interval_ms / 1000)
        self._executor = ThreadPoolExecutor(
            max_workers=settings.inference_threads, thread_name_prefix="vimod-inference"
        )

    @property
    def tasks(self) -> list[str]:
        return list(self.settings.tasks)

    def _load_all(
        self, tasks: Sequence[str] | None = None
    ) -> tuple[dict[str, LoadedModel], dict[str, str]]:
        """Load each task's active version on its own, so one broken task never stops another.

        The registry's smoke prediction also pays each model's lazy imports (underthesea,
        ONNX sessions) here rather than on a client's first request.
        """
        loaded: dict[str, LoadedModel] = {}
        errors: dict[str, str] = {}
        for task in self.tasks if tasks is None else tasks:
            try:
                loaded.update(
                    load_active_models(self.registry, [task], {"engine": self.settings.engine})
                )
            except VimodError as exc:  # NotFound: ACTIVE names no version
                errors[task] = exc.message
                log.error("cannot load the active %s model: %s", task, exc.message)
            except Exception as exc:  # a bug must not take the other tasks down with it
                errors[task] = f"unexpected {type(exc).__name__} while loading: {exc}"
                log.exception("cannot load the active %s model", task)
        return loaded, errors

    def _load_spans(self) -> tuple[tuple[SpanTagger, Manifest] | None, str | None]:
        """The active span model when toxicity is served (and why not, when it is missing)."""
        if TOXICITY.name not in self.tasks:
            return None, None
        try:
            found = self.registry.load_active_spans(SPANS.name)
        except VimodError as exc:
            log.error("cannot load the active spans model: %s", exc.message)
            return None, exc.message
        except Exception as exc:  # a bug must not take the classifiers down with it
            log.exception("cannot load the active spans model")
            return None, f"unexpected {type(exc).__name__} while loading: {exc}"
        return found, None if found else "no active version"

    def load(self) -> None:
        """Load every served task's active version (a task that fails is reported, not fatal)."""
        fresh, errors = self._load_all()
        self.spans, self.spans_error = self._load_spans()
        self._swap_in(fresh, errors, replace_errors=True)

    async def reload(self) -> dict[str, str]:
        """Load the registry's active versions and swap them in; a task that fails keeps its model.

        Returns:
            task → version now serving.
        """
        async with self._swap:
            fresh, errors = await asyncio.to_thread(self._load_all)
            spans, self.spans_error = await asyncio.to_thread(self._load_spans)
            self.spans = spans or self.spans  # a failed reload keeps the old span model
            self._swap_in(fresh, errors, replace_errors=True)
        if errors:
            raise RegistryError("; ".join(f"{t}: {e}" for t, e in errors.items()))
        return {t: m.version for t, m in self.models.items()}

    def _swap_in(
        self, fresh: dict[str, LoadedModel], errors: dict[str, str], *, replace_errors: bool
    ) -> None:
        """Serve ``fresh`` at once; a task that failed keeps serving its old model."""
        self.models = {**self.models, **fresh}
        kept = (
            {} if replace_errors else {t: e for t, e in self.load_errors.items() if t not in fresh}
        )
        self.load_errors = {**kept, **errors}
        for task in fresh:
            self._refused.pop(task, None)
        for task in errors:  # not retried by ``sync`` until ACTIVE names another version
            try:
                self._refused[task] = self.registry.active_version(task) or ""
            except VimodError:
                self._refused[task] = ""
        self._publish()

    def _stale_tasks(self) -> list[str]:
        """Tasks whose registry ``ACTIVE`` names another version than the one served here
        (and not one that already failed to load here: it is retried once ACTIVE moves)."""
        stale = []
        for task in self.tasks:
            try:
                active = self.registry.active_version(task)
            except VimodError:
                continue
            serving = self.models.get(task)
            if active is None or (serving is not None and serving.version == active):
                if serving is not None and active is not None:
                    self.load_errors.pop(task, None)  # ACTIVE is back to what serves here
                continue
            if self._refused.get(task) != active:
                stale.append(task)
        return stale

    async def sync(self) -> list[str]:
        """Load what the registry activated since this process last looked; cheap when nothing did.

        This is how an activation through another worker, another replica or the CLI reaches
        this process: every process compares the registry's ``ACTIVE`` files with what it
        serves. The old model serves until the new one loaded and passed its smoke test.

        Returns:
            the tasks that changed version here.
        """
        stale = await asyncio.to_thread(self._stale_tasks)
        if not stale:
            return []
        async with self._swap:
            stale = await asyncio.to_thread(self._stale_tasks)  # a reload may have won the lock
            if not stale:
                return []
            fresh, errors = await asyncio.to_thread(self._load_all, stale)
            self._swap_in(fresh, errors, replace_errors=False)
        if fresh:
            log.info("now serving %s", {t: m.version for t, m in fresh.items()})
        return list(fresh)

    async def watch(self, interval: float) -> None:
        """Call ``sync`` every ``interval`` seconds until cancelled (the app's lifespan task)."""
        while True:
            await asyncio.sleep(interval)
            try:
                await self.sync()
                await self._sync_spans()
            except Exception:  # a failed check must not stop the next ones
                log.exception("checking the registry for activations failed")

    def _publish(self) -> None:
        serving = {task: (m.manifest.kind, m.version) for task, m in self.models.items()}
        if self.spans is not None:
            serving[SPANS.name] = (self.spans[1].kind, self.spans[1].version)
        self.metrics.publish_models(serving)

    def _spans_stale(self) -> bool:
        """Whether the registry activated another span model than the one served here."""
        if TOXICITY.name not in self.tasks:
            return False
        try:
            active = self.registry.active_version(SPANS.name)
        except VimodError:
            return False
        serving = None if self.spans is None else self.spans[1].version
        return active is not None and active != serving and self._refused_spans != active

    async def _sync_spans(self) -> None:
        """Follow an activation of the span model made elsewhere (as ``sync`` does for tasks)."""
        if not await asyncio.to_thread(self._spans_stale):
            return
        async with self._swap:
            if not await asyncio.to_thread(self._spans_stale):
                return
            spans, error = await asyncio.to_thread(self._load_spans)
            if spans is None:
                self.spans_error = error
                self._refused_spans = self.registry.active_version(SPANS.name)
                return
            self.spans, self.spans_error, self._refused_spans = spans, None, None
            self._publish()
        log.info("now serving spans %s", spans[1].version)

    @property
    def scheduler(self) -> FairScheduler:
        """The scheduler of all model work (made on first use, inside the event loop)."""
        if self._scheduler is None:
            settings = self.settings

            def observe(label: str, size: int, seconds: float) -> None:
                if label in self.models:  # a task, not languages or spans
                    self.metrics.observe_batch(label, size, seconds)

            self._scheduler = FairScheduler(
                max_batch=settings.batch_max_size,
                max_batch_chars=settings.batch_max_chars,
                max_queue_chars=settings.max_queue_chars,
                max_queue_chars_per_key=settings.max_queue_chars_per_key,
                executor=self._executor,
                observe=observe,
                min_retry_after=settings.overloaded_retry_after_s,
            )
        return self._scheduler

    @contextlib.contextmanager
    def admit(
        self,
        key: str,
        texts: Sequence[str],
        passes: int,
        metadata: Sequence[PostMetadata | None] | None = None,
    ) -> Iterator[Reservation]:
        """Refuse a request whose ``passes`` over ``texts`` (languages, each task, spans)
        would overfill the queue, in all or for ``key`` (``OverloadedError``, Retry-After);
        else hold its characters while the block runs, for its work to draw on.
        A post's context counts like text (``text_cost``)."""
        meta = metadata if metadata is not None else [None] * len(texts)
        held = self.scheduler.reserve(
            key, passes * sum(text_cost(t, m) for t, m in zip(texts, meta, strict=True))
        )
        try:
            yield held
        finally:
            self.scheduler.release(held)

    async def languages(
        self, texts: Sequence[str], *, key: str = "", admitted: Reservation | None = None
    ) -> list[LanguageGuess]:
        """Each post's language, detected on the inference thread under ``key``'s share
        (a long Latin post costs milliseconds: not on the event loop)."""

        if sum(len(t) for t in texts) <= INLINE_LANGUAGE_CHARS:
            if admitted is not None:  # this pass is done here, so its room is free again
                self.scheduler.spend(admitted, sum(text_cost(t) for t in texts))
            return detect_languages(texts)  # microseconds: cheaper than a trip to the thread

        def detect(batch: list[str], _meta: list[PostMetadata | None]) -> list[LanguageGuess]:
            return detect_languages(batch)

        found = await self.scheduler.score(
            key,
            "languages",
            "languages",
            detect,
            texts,
            [None] * len(texts),
            admitted=admitted,
        )
        return list(found)

    async def explain(
        self, texts: Sequence[str], *, key: str = "", admitted: Reservation | None = None
    ) -> tuple[list[list[SpanResult]], str] | None:
        """Offending spans of ``texts`` and the span model's version; ``None`` without one.

        Runs through the scheduler, like the classifiers, so it never blocks the event loop.
        """
        found = self.spans  # read once, so a reload mid-request cannot mix two models
        if found is None:
            return None
        tagger, manifest = found

        def spans(batch: list[str], _meta: list[PostMetadata | None]) -> list[list[SpanResult]]:
            return span_results(tagger, batch)

        results = await self.scheduler.score(
            key,
            ("spans", id(tagger)),
            "spans",
            spans,
            texts,
            [None] * len(texts),
            admitted=admitted,
        )
        return list(results), manifest.version

    async def score(
        self,
        task: str,
        texts: Sequence[str],
        metadata: Sequence[PostMetadata | None],
        version: str | None = None,
        *,
        key: str = "",
        admitted: Reservation | None = None,
    ) -> tuple[LoadedModel, np.ndarray]:
        """Probabilities for ``texts`` from the task's active model (or the pinned ``version``),
        and that model.

        The model is chosen when the request arrives, so every text of it is scored by the
        same version even if a reload lands halfway through a long request.

        Args:
            key: whose share of model time this uses (the API key's id).
            admitted: what ``admit`` holds for the request; without it the work is admitted
                on its own.
        """
        active = self.models.get(task)
        if version is not None and (active is None or active.version != version):
            model = await self.pinned.get(task, version)
        elif active is None:
            reason = self.load_errors.get(task, "no active version in the registry")
            raise NotReadyError(f"task {task!r} is not available: {reason}")
        else:
            model = active
        classifier = model.classifier
        steps: StepsFn | None = None
        if isinstance(classifier, StepwiseClassifier):
            stepwise = classifier

            def steps(t: list[str], m: list[PostMetadata | None], n: int) -> Steps:
                return stepwise.predict_proba_steps(t, m, step_chars=n)

        scheduler = self.scheduler
        self.metrics.queue.labels(task).set(scheduler.waiting_texts(task) + len(texts))
        proba = await scheduler.score(
            key,
            (task, id(classifier)),
            task,
            classifier.predict_proba,
            texts,
            metadata,
            steps=steps,
            admitted=admitted,
        )
        self.metrics.queue.labels(task).set(scheduler.waiting_texts(task))
        return model, np.asarray(proba)

    async def close(self) -> None:
        if self._scheduler is not None:
            await self._scheduler.close()
        self._executor.shutdown(wait=False, cancel_futures=True)
