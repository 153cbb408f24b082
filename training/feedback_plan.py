"""Feedback labels → training and holdout rows: conflicts, trust, the holdout, the merge.

Pure functions over ``LabelRecord``s (``training.retrain`` documents the order of steps):

* **conflicts** (``resolve_labels``): per normalised text, each subject's latest label is one
  vote; the label with most distinct subjects wins; a tie goes to the most recent label by
  an admin-trusted subject among the tied labels, else to the most recent one.
* **trust**: a resolved label is trusted when ``trusted_agreement`` distinct subjects gave
  it or an admin-trusted subject did: one subject (however many keys) cannot vouch for
  itself.
* **holdout** (``in_holdout``): trusted texts whose salted hash falls below
  ``holdout_share`` never reach training.
* **merge**: feedback texts found in the dev or benchmark splits are dropped; the rest
  replace dataset rows with the same normalised text.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from training.datasets import Example
from training.label_quality import LabelRecord, SubjectInfo, text_key
from training.recipe import FeedbackSettings


@dataclass(frozen=True)
class Resolved:
    """The label training uses for one normalised text, and how it was decided."""

    key: str
    text: str
    label: str
    votes: int
    trusted: bool
    rule: str  # single | unanimous | majority | trusted-recent | recent


def resolve_labels(
    records: Sequence[LabelRecord], subjects: Sequence[SubjectInfo], agreement: int = 2
) -> list[Resolved]:
    """Resolve each normalised text's labels by the module's conflict rule."""
    trusted_ids = {s.id for s in subjects if s.trusted}
    latest: dict[str, dict[str, LabelRecord]] = defaultdict(dict)
    for rec in sorted(records, key=lambda r: r.created_at):
        latest[text_key(rec.text)][rec.subject_id] = rec
    out = []
    for key, by_subject in latest.items():
        votes: dict[str, list[LabelRecord]] = defaultdict(list)
        for rec in by_subject.values():
            votes[rec.label].append(rec)
        top = max(len(v) for v in votes.values())
        tied = [rec for v in votes.values() if len(v) == top for rec in v]
        by_trusted = [r for r in tied if r.subject_id in trusted_ids]
        if len(votes) == 1:
            rule = "single" if top == 1 else "unanimous"
        elif len({r.label for r in tied}) == 1:
            rule = "majority"
        else:
            rule = "trusted-recent" if by_trusted else "recent"
        winner = max(by_trusted or tied, key=lambda r: r.created_at)
        backers = votes[winner.label]
        trusted = len(backers) >= agreement or any(r.subject_id in trusted_ids for r in backers)
        newest = max(by_subject.values(), key=lambda r: r.created_at)
        out.append(Resolved(key, newest.text, winner.label, len(backers), trusted, rule))
    return out


def in_holdout(key: str, share: float) -> bool:
    """Stable choice by the text's hash: the same text is held out on every run.

    The hash is salted so that the choice is independent of any other hash-based split of
    the same texts (a simulation's, a dataset's): an unsalted SHA-256 split at 70 % would
    leave no text of the other 30 % below a 20 % holdout bucket.
    """
    digest = hashlib.sha256(f"vimod-holdout\x00{key}".encode()).hexdigest()
    return int(digest[:8], 16) < share * 16**8


@dataclass
class FeedbackPlan:
    train: list[Example]
    holdout: list[Example]
    facts: dict[str, Any]


def plan_feedback(
    records: Sequence[LabelRecord],
    excluded: Sequence[bool],
    subjects: Sequence[SubjectInfo],
    settings: FeedbackSettings,
    evaluation_keys: set[str],
) -> FeedbackPlan:
    """Feedback for training and for the holdout, with the counts the manifest records."""
    names = {s.id: s.name for s in subjects}
    kept = [r for r, out in zip(records, excluded, strict=True) if not out]
    left_out = Counter(
        names.get(r.subject_id, r.subject_id)
        for r, out in zip(records, excluded, strict=True)
        if out
    )
    resolved = resolve_labels(kept, subjects, settings.trusted_agreement)
    rules = Counter(r.rule for r in resolved)
    train, holdout, in_eval = [], [], 0
    for res in resolved:
        example = Example(res.text, res.label, "feedback")
        if res.key in evaluation_keys:
            in_eval += 1
        elif res.trusted and in_holdout(res.key, settings.holdout_share):
            holdout.append(example)
        else:
            train.append(example)
    facts = {
        "records": len(records),
        "subjects": len({r.subject_id for r in records}),
        "excluded_records": dict(left_out),
        "texts": len(resolved),
        "conflicts": sum(rules[k] for k in ("majority", "trusted-recent", "recent")),
        "resolved_by": dict(rules),
        "trusted_texts": sum(r.trusted for r in resolved),
        "holdout": len(holdout),
        "dropped_in_evaluation_splits": in_eval,
        "train": len(train),
    }
    return FeedbackPlan(train, holdout, facts)


def merge(base: Sequence[Example], plan: FeedbackPlan) -> tuple[list[Example], dict[str, int]]:
    """Dataset rows, less those a feedback text replaces or holds out, plus feedback rows."""
    labels = {text_key(e.text): e.label for e in plan.train}
    held = {text_key(e.text) for e in plan.holdout}
    kept, replaced, relabelled = [], 0, 0
    for example in base:
        key = text_key(example.text)
        if key in labels or key in held:
            replaced += 1
            relabelled += key in labels and labels[key] != example.label
            continue
        kept.append(example)
    return kept + plan.train, {"base_replaced": replaced, "base_relabelled": relabelled}
