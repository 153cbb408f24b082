"""On-disk model registry: one directory per version, one active version per task.

Layout::

    <root>/<task>/<version>/manifest.json   # what the version is and how it scored
    <root>/<task>/<version>/...             # the model's own files
    <root>/<task>/ACTIVE                    # the active version's id
    <root>/<task>/history.jsonl             # every activation, for rollback
    <root>/changes.jsonl                    # every activation, for integrators (changelog)

Versions are written to a temporary directory and renamed into place, and ``ACTIVE`` is
replaced with ``os.replace``, so a crash never leaves a half-written version active.
A version is loaded and must pass a smoke prediction (``models.smoke``) before it is
activated or served: a broken or incompatible one is refused with a ``RegistryError``
naming it, and the active one stays.

File modes: the service reading the registry is usually another user in the writer's
group, so everything written here (task and version directories, model files, manifest,
``ACTIVE``, ``history.jsonl``) is made group-readable and closed to others whatever the
umask: directories 0o2750 (setgid, so the group is inherited), files 0o640 (``_files``).

Span tasks (``models.tasks.SPAN_TASKS``) live here too, with the same layout, gate and
history; their versions hold a ``SpanTagger`` and are loaded with ``load_spans`` (their
smoke check tags the sample posts and checks every offset).

Names: task names must be one of ``REGISTRY_TASKS`` and version ids must match ``VERSION_PATTERN``,
so no caller-supplied name can reach a path outside the root.

Each manifest records the library versions and git commit that built the version, and a
version built with an incompatible scikit-learn or numpy is refused before its files are
read (``models.provenance``).

Rollback steps back through the activations recorded in ``history.jsonl`` (a second
rollback goes to the version before that); entries carry ``"action"`` (``activate`` or
``rollback``), and older entries without it count as activations.

Promotion gate: ``training.gate`` compares a candidate with the active version and records
the outcome in the candidate's manifest under ``"gate"`` (``record_gate``). The registry
only reads that record: ``activate(..., require_gate=True)`` refuses a version whose
manifest holds no passed gate against the task's current active version (a first
activation needs none), unless it is forced with a reason. Rollback is never gated: it
returns to a version that served before. History entries say which of these happened.
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from models._files import atomic_write, make_dirs, share_tree
from models.base import Classifier
from models.changelog import metrics_delta, record_change
from models.errors import ConflictError, InputError, NotFoundError, RegistryError, VimodError
from models.history import HISTORY, activation_stack, read_history, record_activation
from models.kinds import load_classifier, load_span_tagger
from models.manifest import (
    MANIFEST,
    SCHEMA,
    VERSION_PATTERN,
    Manifest,
    check_compatible,
    check_version_id,
)
from models.promotion import GATE, gate_allows, gate_refusal
from models.provenance import check_libraries, git_commit, library_versions
from models.smoke import smoke_check, smoke_check_spans
from models.span_contract import SpanTagger
from models.tasks import REGISTRY_TASKS, SPANS, TASKS, get_registry_task, is_span_task

__all__ = ["MANIFEST", "SCHEMA", "VERSION_PATTERN", "Manifest", "Registry"]

log = logging.getLogger(__name__)


class Registry:
    """A model registry rooted at a directory (created on first write)."""

    def __init__(self, root: Path | str) -> None:
        self.root = Path(root)

    def _task_dir(self, task: str) -> Path:
        """``<root>/<task>`` for a known task; anything else raises ``InputError``."""
        if not isinstance(task, str):
            raise RegistryError(f"task name must be a string, got {type(task).__name__}")
        return self.root / get_registry_task(task).name

    # -- writing -----------------------------------------------------------------------
    def save(
        self,
        model: Classifier | SpanTagger,
        *,
        data_fingerprint: str,
        metrics: dict[str, Any] | None = None,
        thresholds: dict[str, float] | None = None,
        training: dict[str, Any] | None = None,
        activate: bool = False,
    ) -> Manifest:
        """Register ``model`` as a new version and return its manifest.

        Args:
            model: any ``Classifier``, or a ``SpanTagger`` (a version of the spans task);
                it writes its own files via ``model.save``.
            data_fingerprint: hash of the training data (see ``training.fingerprint``).
            metrics: evaluation results known at save time (e.g. dev scores).
            thresholds: flag thresholds chosen on dev data.
            training: free-form training facts (datasets, epochs, duration).
            activate: make it the task's active version once written.
        """
        task = model.task if isinstance(model, Classifier) else SPANS
        task_dir = self._task_dir(task.name)
        make_dirs(task_dir)
        now = datetime.now(UTC)
        version = check_version_id(f"{now:%Y%m%d-%H%M%S}-{model.kind}-{secrets.token_hex(2)}")
        manifest = Manifest(
            version=version,
            task=task.name,
            kind=model.kind,
            labels=list(task.labels),
            config=dict(model.config),
            data_fingerprint=data_fingerprint,
            created_at=now.isoformat(timespec="seconds"),
            thresholds=dict(thresholds or {}),
            metrics=dict(metrics or {}),
            training=dict(training or {}),
            libraries=library_versions(model.kind),
            git_commit=git_commit(),
        )
        tmp = Path(tempfile.mkdtemp(dir=task_dir, prefix=".tmp-"))
        try:
            model.save(tmp)
            manifest.write(tmp)
            share_tree(tmp)  # before the rename: readers never see a version they cannot read
            os.rename(tmp, task_dir / version)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        log.info("registered %s/%s", task.name, version)
        if activate:
            self.activate(version)
        return manifest

    def activate(
        self,
        version: str,
        *,
        require_gate: bool = False,
        forced: bool = False,
        reason: str | None = None,
        by: str | None = None,
        by_id: str | None = None,
    ) -> Manifest:
        """Make ``version`` active for its task after it loads and passes a smoke prediction.

        Args:
            version: the version to serve.
            require_gate: refuse (``ConflictError``) unless the manifest holds a passed
                promotion gate against the task's current active version.
            forced: skip the gate; ``reason`` is then required and recorded in the history.
            reason: why (required when forced); always recorded in the changelog.
            by: who asked, for the history.
            by_id: who asked as a stable id (a key's subject id), for the changelog;
                defaults to ``by``.
        """
        return self._activate(
            version,
            "activate",
            require_gate=require_gate,
            forced=forced,
            reason=reason,
            by=by,
            by_id=by_id,
        )

    def rollback(
        self,
        task: str,
        *,
        by: str | None = None,
        by_id: str | None = None,
        reason: str | None = None,
    ) -> Manifest:
        """Step back to the version activated before the current one.

        Each call goes one activation further back; the rollback itself is recorded with
        ``"action": "rollback"`` and ``"gated": false`` (no gate runs: the version served
        before), so the history stays a faithful log.
        """
        current = self.active_version(task)
        stack = activation_stack(read_history(self._task_dir(task) / HISTORY))
        while stack and stack[-1] == current:
            stack.pop()
        if current is None or not stack:
            raise RegistryError(f"no earlier version of {task!r} to roll back to")
        return self._activate(stack[-1], "rollback", by=by, by_id=by_id, reason=reason)

    def _activate(
        self,
        version: str,
        action: str,
        *,
        require_gate: bool = False,
        forced: bool = False,
        reason: str | None = None,
        by: str | None = None,
        by_id: str | None = None,
    ) -> Manifest:
        manifest = self.manifest(version)
        if forced and not (reason or "").strip():
            raise InputError(f"forcing {version} past the promotion gate needs a reason")
        previous = self.active_version(manifest.task)
        gated = None
        if action == "activate" and not forced:
            record = self.gate_record(version)
            gated = gate_allows(record, version, previous)
            if require_gate and not gated:
                raise ConflictError(gate_refusal(version, manifest.task, previous, record))
        self._checked_load(self.path(version), manifest, {})
        task_dir = self._task_dir(manifest.task)
        atomic_write(task_dir / "ACTIVE", version + "\n")
        record_activation(
            task_dir / HISTORY,
            version=version,
            previous=previous,
            action=action,
            gated=False if action == "rollback" else gated,
            forced=forced,
            reason=reason.strip() if forced and reason else None,
            by=by,
        )
        self._log_change(manifest, previous, action, by_id or by, reason)
        log.info("%s %s/%s (was %s)", action, manifest.task, version, previous)
        return manifest

    def _log_change(
        self,
        manifest: Manifest,
        previous: str | None,
        action: str,
        by: str | None,
        reason: str | None,
    ) -> None:
        """Append the activation to the integrators' changelog (``models.changelog``)."""
        delta: dict[str, dict[str, float]] = {}
        if previous is not None:
            try:
                delta = metrics_delta(manifest.metrics, self.manifest(previous).metrics)
            except VimodError:  # the previous version is gone or unreadable: no delta
                delta = {}
        record_change(
            self.root,
            {
                "task": manifest.task,
                "version": manifest.version,
                "previous": previous,
                "action": action,
                "by": by,
                "reason": reason.strip() if reason and reason.strip() else None,
                "metrics_delta": delta,
            },
        )

    def update_metrics(self, version: str, key: str, metrics: dict[str, Any]) -> Manifest:
        """Record evaluation results under ``metrics[key]`` (e.g. ``vihsd:test``)."""
        return self._update_manifest(
            version, lambda d: d.setdefault("metrics", {}).update({key: metrics})
        )

    def record_gate(self, version: str, summary: dict[str, Any]) -> Manifest:
        """Record a promotion gate's outcome under the manifest's ``"gate"`` (the latest wins).

        ``summary`` holds at least ``against`` (a version id or ``None``) and ``passed``.
        """
        if not isinstance(summary.get("passed"), bool) or "against" not in summary:
            raise InputError("a gate summary needs 'against' and a boolean 'passed'")
        return self._update_manifest(version, lambda d: d.update({GATE: summary}))

    def gate_record(self, version: str) -> dict[str, Any] | None:
        """The manifest's latest promotion gate summary, or ``None`` when it was never gated."""
        record = self.manifest_data(version).get(GATE)
        return record if isinstance(record, dict) else None

    def manifest_data(self, version: str) -> dict[str, Any]:
        """The manifest as stored, as JSON, keys this code does not model included."""
        manifest = self.manifest(version)  # validates it
        data: dict[str, Any] = json.loads(
            (self.path(manifest.version) / MANIFEST).read_text("utf-8")
        )
        return data

    def _update_manifest(self, version: str, change: Callable[[dict[str, Any]], Any]) -> Manifest:
        """Change the stored manifest and replace it atomically, keeping keys unknown here.

        Rewriting through ``Manifest`` would drop keys this code does not model (the gate
        record, fields added by newer code), so the JSON object itself is edited.
        """
        data = self.manifest_data(version)
        change(data)
        atomic_write(self.path(version) / MANIFEST, json.dumps(data, indent=2, ensure_ascii=False))
        return self.manifest(version)

    # -- reading -----------------------------------------------------------------------
    def path(self, version: str) -> Path:
        """Directory of ``version``; raises ``NotFoundError`` when it does not exist."""
        check_version_id(version)
        for task in REGISTRY_TASKS:
            candidate = self.root / task / version
            if candidate.is_dir():
                return candidate
        raise NotFoundError(f"model version {version!r} not found in {self.root}")

    def manifest(self, version: str) -> Manifest:
        manifest = Manifest.read(self.path(version))
        check_compatible(manifest)
        return manifest

    def versions(self, task: str | None = None) -> list[Manifest]:
        """All readable versions, oldest first; broken ones are logged and skipped."""
        out: list[Manifest] = []
        for name in [task] if task is not None else list(REGISTRY_TASKS):
            task_dir = self._task_dir(name)
            if not task_dir.is_dir():
                continue
            for child in task_dir.iterdir():
                if not child.is_dir() or not VERSION_PATTERN.fullmatch(child.name):
                    continue
                try:
                    out.append(Manifest.read(child))
                except RegistryError as exc:
                    log.warning("skipping %s", exc)
        return sorted(out, key=lambda m: (m.created_at, m.version))

    def active_version(self, task: str) -> str | None:
        """The id in the task's ``ACTIVE`` file, or ``None`` when it has none."""
        pointer = self._task_dir(task) / "ACTIVE"
        try:
            return pointer.read_text("utf-8").strip() or None
        except FileNotFoundError:
            return None
        except OSError as exc:  # e.g. written by a user whose group we are not in
            raise RegistryError(f"cannot read the active version of {task!r}: {exc}") from None

    def load(
        self, version: str, options: dict[str, Any] | None = None
    ) -> tuple[Classifier, Manifest]:
        """Load ``version`` and prove it predicts; ``options`` are runtime choices (engine)."""
        manifest = self.manifest(version)
        if is_span_task(manifest.task):
            raise RegistryError(f"{version} is a {manifest.task} model; load it with load_spans")
        return self._load_classifier(self.path(version), manifest, options or {}), manifest

    def load_spans(
        self, version: str, options: dict[str, Any] | None = None
    ) -> tuple[SpanTagger, Manifest]:
        """Load a span version and prove it tags the sample posts with valid offsets."""
        manifest = self.manifest(version)
        if not is_span_task(manifest.task):
            raise RegistryError(f"{version} is a {manifest.task} model, not a span model")
        check_libraries(manifest.version, manifest.libraries)
        directory = self.path(version)
        try:
            tagger = load_span_tagger(manifest.kind, directory, manifest.config, options or {})
        except RegistryError:
            raise
        except Exception as exc:  # a corrupt file can fail in any library; report, don't crash
            raise RegistryError(f"{version}: cannot load {manifest.kind} model: {exc}") from exc
        smoke_check_spans(tagger, version)
        return tagger, manifest

    def load_active_spans(
        self, task: str = SPANS.name, options: dict[str, Any] | None = None
    ) -> tuple[SpanTagger, Manifest] | None:
        """Load the span task's active version, or ``None`` when it has none."""
        version = self.active_version(task)
        return None if version is None else self.load_spans(version, options)

    def load_active(
        self, task: str, options: dict[str, Any] | None = None
    ) -> tuple[Classifier, Manifest] | None:
        """Load the task's active version, or ``None`` when the task has none."""
        version = self.active_version(task)
        return None if version is None else self.load(version, options)

    def _checked_load(
        self, directory: Path, manifest: Manifest, options: dict[str, Any]
    ) -> Classifier | SpanTagger:
        if is_span_task(manifest.task):
            return self.load_spans(manifest.version, options)[0]
        return self._load_classifier(directory, manifest, options)

    def _load_classifier(
        self, directory: Path, manifest: Manifest, options: dict[str, Any]
    ) -> Classifier:
        model = self._load_dir(directory, manifest, options)
        smoke_check(model, manifest.version)
        return model

    def _load_dir(self, directory: Path, manifest: Manifest, options: dict[str, Any]) -> Classifier:
        check_compatible(manifest)
        check_libraries(manifest.version, manifest.libraries)
        try:
            model = load_classifier(
                manifest.kind, directory, TASKS[manifest.task], manifest.config, options
            )
        except RegistryError:
            raise
        except Exception as exc:  # a corrupt file can fail in any library; report, don't crash
            raise RegistryError(
                f"{manifest.version}: cannot load {manifest.kind} model: {exc}"
            ) from exc
        if model.task.name != manifest.task:
            raise RegistryError(f"{manifest.version}: model task differs from manifest")
        return model
