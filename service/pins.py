"""Versions that requests pin (``"versions"`` in ``POST /v1/classify``), loaded on demand.

A small LRU per worker (``pinned_models_max`` per task): a pinned version is loaded and
smoke-tested like an activated one, then kept until less recently pinned versions push it
out. Versions that fail to load are remembered too (bounded), so a client repeating a bad
pin costs one load, not one per request.
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from models.errors import InputError, VimodError
from models.manifest import VERSION_PATTERN
from models.registry import Registry
from models.scorer import LoadedModel

log = logging.getLogger(__name__)

_REFUSALS_KEPT = 64
_LISTED = 20  # pinnable versions named in a refusal, newest first


class PinnedModels:
    """Loaded non-active versions, least recently used first.

    Args:
        registry: where versions live.
        per_task: versions kept per task (0: pinning refused).
        options: runtime load options (engine).
    """

    def __init__(self, registry: Registry, per_task: int, options: dict[str, object]) -> None:
        self.registry = registry
        self.per_task = per_task
        self.options = options
        self._loaded: dict[str, OrderedDict[str, LoadedModel]] = {}
        self._refused: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._lock = asyncio.Lock()

    async def get(self, task: str, version: str) -> LoadedModel:
        """``version`` of ``task`` loaded, or ``InputError`` (422) naming the pinnable ones."""
        if self.per_task == 0:
            raise InputError("versions: pinning is off here (pinned_models_max is 0)")
        cached = self._hit(task, version)
        if cached is not None:
            return cached
        async with self._lock:  # one load at a time; the next waiter finds it cached
            cached = self._hit(task, version)
            if cached is not None:
                return cached
            reason = self._refused.get((task, version))
            if reason is None:
                try:
                    model = await asyncio.to_thread(self._load, task, version)
                except VimodError as exc:
                    reason = exc.message
                    self._refused[(task, version)] = reason
                    while len(self._refused) > _REFUSALS_KEPT:
                        self._refused.popitem(last=False)
                else:
                    kept = self._loaded.setdefault(task, OrderedDict())
                    kept[version] = model
                    while len(kept) > self.per_task:
                        dropped, _ = kept.popitem(last=False)
                        log.info("unpinned %s/%s (least recently used)", task, dropped)
                    return model
        pinnable = await asyncio.to_thread(self._pinnable, task)
        raise InputError(
            f"versions: {task} version {version!r} cannot be served ({reason}); pinnable: "
            f"{', '.join(pinnable) or 'none'}"
        )

    def _hit(self, task: str, version: str) -> LoadedModel | None:
        kept = self._loaded.get(task)
        if kept is None or version not in kept:
            return None
        kept.move_to_end(version)
        return kept[version]

    def _load(self, task: str, version: str) -> LoadedModel:
        if not VERSION_PATTERN.fullmatch(version):
            raise InputError("not a version id")
        manifest = self.registry.manifest(version)
        if manifest.task != task:
            raise InputError(f"it is a {manifest.task} version")
        classifier, manifest = self.registry.load(version, dict(self.options))
        return LoadedModel(classifier, manifest)

    def _pinnable(self, task: str) -> list[str]:
        """The newest versions of ``task`` on disk that have not failed here."""
        versions = [m.version for m in reversed(self.registry.versions(task))]
        return [v for v in versions if (task, v) not in self._refused][:_LISTED]
