"""Label quality per moderator: pure functions over feedback records.

Two signals per subject (a person or system writing labels through its keys):

* **partners**: for every normalised text that two different subjects labelled, each
  subject's latest label is compared with the other's (a double review);
* **model**: each label is compared with the active model's label for the text: the
  ``predicted_label`` stored with the feedback row, else a re-scored one.

**Flagging rule** (parameters in ``training.recipe.QualityRule``, fixed before the loop
simulation was run): for each signal where subject ``s`` has at least ``min_labels``
comparisons, let ``p0`` be the pooled disagreement rate of all *other* subjects (leave one
out, so a heavy poisoner does not raise its own baseline). ``s`` is flagged when its rate is
at least ``min_excess`` above ``p0`` *and* a one-sided binomial test of its disagreements
against ``p0`` gives p < ``alpha / tests`` (Bonferroni over every test run). The excess guard
keeps ordinary label noise (a careful but human moderator) from being flagged on volume
alone; the test keeps small counts from being flagged on chance. Per-week counts are
reported for review; the rule uses the whole window.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from scipy.stats import binom

from models.text import unify_tone_marks
from training.recipe import QualityRule

_SPACE = re.compile(r"\s+")
SIGNALS = ("partner", "model")


def text_key(text: str) -> str:
    """The normalised text that identifies a post: NFC, one tone style, case and space folded."""
    text = unify_tone_marks(unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text.casefold()).strip()


@dataclass(frozen=True)
class LabelRecord:
    """One stored label, as training sees it (no database types).

    Attributes:
        text: the labelled post.
        label: the label the subject gave.
        subject_id: who gave it (stable across key rotation).
        created_at: when (aware UTC).
        predicted_label: what the serving model said when the post was classified, if known.
    """

    text: str
    label: str
    subject_id: str
    created_at: datetime
    predicted_label: str | None = None


@dataclass(frozen=True)
class SubjectInfo:
    """What training needs to know about a subject.

    Attributes:
        id: the subject id of its labels.
        name: shown in reports.
        trusted: an admin marked the subject trusted (its labels count as confirmed).
        labels_approved_at: an admin approved the subject's labels written up to this time
            although the quality check flags it; ``None``: never approved.
    """

    id: str
    name: str
    trusted: bool = False
    labels_approved_at: datetime | None = None


@dataclass
class Counts:
    n: int = 0
    disagree: int = 0

    def add(self, differs: bool) -> None:
        self.n += 1
        self.disagree += int(differs)

    @property
    def rate(self) -> float | None:
        return self.disagree / self.n if self.n else None


@dataclass
class SubjectQuality:
    """Per-subject result; ``tests`` holds, per signal tested, p0, excess and p-value."""

    subject_id: str
    name: str
    labels: int = 0
    partner: Counts = field(default_factory=Counts)
    model: Counts = field(default_factory=Counts)
    weeks: dict[str, dict[str, Counts]] = field(default_factory=dict)
    tests: dict[str, dict[str, float]] = field(default_factory=dict)
    flagged: bool = False
    reasons: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def counts(c: Counts) -> dict[str, Any]:
            rate = None if c.rate is None else round(c.rate, 4)
            return {"n": c.n, "disagree": c.disagree, "rate": rate}

        return {
            "subject_id": self.subject_id,
            "name": self.name,
            "labels": self.labels,
            "partner": counts(self.partner),
            "model": counts(self.model),
            "tests": self.tests,
            "flagged": self.flagged,
            "reasons": self.reasons,
            "weeks": {
                week: {sig: counts(c) for sig, c in row.items()}
                for week, row in sorted(self.weeks.items())
            },
        }


def iso_week(at: datetime) -> str:
    year, week, _ = at.isocalendar()
    return f"{year}-W{week:02d}"


def _latest_per_subject(
    records: Sequence[LabelRecord],
) -> dict[str, dict[str, LabelRecord]]:
    """text key → subject → that subject's latest record for the text."""
    out: dict[str, dict[str, LabelRecord]] = defaultdict(dict)
    for rec in sorted(records, key=lambda r: r.created_at):
        out[text_key(rec.text)][rec.subject_id] = rec
    return out


def assess(
    records: Sequence[LabelRecord],
    model_labels: Sequence[str | None],
    subjects: Sequence[SubjectInfo],
    rule: QualityRule,
) -> dict[str, SubjectQuality]:
    """Partner and model agreement per subject and week, and who is flagged.

    Args:
        records: feedback of one task.
        model_labels: the model's label for each record (aligned; ``None``: unknown).
        subjects: names and admin marks; a subject missing here is shown by its id.
        rule: the flagging parameters.

    Returns:
        subject id → its quality, for every subject with at least one record.
    """
    if len(model_labels) != len(records):
        raise ValueError(f"{len(model_labels)} model labels for {len(records)} records")
    names = {s.id: s.name for s in subjects}
    out: dict[str, SubjectQuality] = {}

    def quality(subject_id: str) -> SubjectQuality:
        if subject_id not in out:
            out[subject_id] = SubjectQuality(subject_id, names.get(subject_id, subject_id))
        return out[subject_id]

    def week(q: SubjectQuality, at: datetime) -> dict[str, Counts]:
        return q.weeks.setdefault(iso_week(at), {sig: Counts() for sig in SIGNALS})

    for rec, predicted in zip(records, model_labels, strict=True):
        q = quality(rec.subject_id)
        q.labels += 1
        week(q, rec.created_at)
        if predicted is not None:
            q.model.add(rec.label != predicted)
            week(q, rec.created_at)["model"].add(rec.label != predicted)
    for by_subject in _latest_per_subject(records).values():
        for sid, rec in by_subject.items():
            for other_sid, other in by_subject.items():
                if other_sid != sid:
                    quality(sid).partner.add(rec.label != other.label)
                    week(quality(sid), rec.created_at)["partner"].add(rec.label != other.label)
    flag(out, rule)
    return out


def flag(qualities: dict[str, SubjectQuality], rule: QualityRule) -> None:
    """Apply the module's flagging rule in place (see the module docstring)."""
    planned: list[tuple[SubjectQuality, str, float, float]] = []
    for signal in SIGNALS:
        total = Counts()
        for q in qualities.values():
            c: Counts = getattr(q, signal)
            total.n, total.disagree = total.n + c.n, total.disagree + c.disagree
        for q in qualities.values():
            c = getattr(q, signal)
            others_n, others_d = total.n - c.n, total.disagree - c.disagree
            if c.n < rule.min_labels or others_n == 0:
                continue
            p0 = others_d / others_n
            planned.append((q, signal, p0, c.disagree / c.n - p0))
    threshold = rule.alpha / max(1, len(planned))
    for q, signal, p0, excess in planned:
        c = getattr(q, signal)
        # P(X >= disagree) for X ~ Binomial(n, p0): the one-sided test.
        p_value = float(binom.sf(c.disagree - 1, c.n, p0))
        q.tests[signal] = {
            "p0": round(p0, 4),
            "excess": round(excess, 4),
            "p_value": p_value,
            "threshold": threshold,
        }
        if excess >= rule.min_excess and p_value < threshold:
            q.flagged = True
            q.reasons.append(
                f"{signal} disagreement {c.disagree}/{c.n} = {c.disagree / c.n:.1%} vs "
                f"others' {p0:.1%} (p = {p_value:.2g})"
            )


def excluded_records(
    records: Sequence[LabelRecord],
    qualities: dict[str, SubjectQuality],
    subjects: Sequence[SubjectInfo],
) -> list[bool]:
    """Which records stay out of training: a flagged subject's labels not approved.

    An approval covers the labels written up to its time; a flagged subject's later labels
    stay out until an admin approves again.
    """
    approved = {s.id: s.labels_approved_at for s in subjects}
    out = []
    for rec in records:
        q = qualities.get(rec.subject_id)
        until = approved.get(rec.subject_id)
        out.append(q is not None and q.flagged and (until is None or rec.created_at > until))
    return out
