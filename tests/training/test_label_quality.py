"""Label quality per subject: partner and model agreement, weeks, the flagging rule."""

from __future__ import annotations

import random
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest

from training.label_quality import (
    LabelRecord,
    SubjectInfo,
    assess,
    excluded_records,
    iso_week,
    text_key,
)
from training.recipe import QualityRule

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)  # a Monday
RULE = QualityRule(min_labels=30, min_excess=0.2, alpha=0.01)
LABELS = ("CLEAN", "OFFENSIVE", "HATE")


def rec(text: str, label: str, who: str, minutes: int = 0, predicted: str | None = None):
    return LabelRecord(text, label, who, T0 + timedelta(minutes=minutes), predicted)


def test_text_key_folds_unicode_form_tone_style_case_and_spaces() -> None:
    nfd = unicodedata.normalize("NFD", "Hòa  bình")
    assert text_key(nfd) == text_key("hoà bình ") == text_key("HÒA BÌNH") == "hòa bình"
    assert text_key("hòa bình") != text_key("hoa binh")


def test_partner_agreement_uses_each_subjects_latest_label() -> None:
    records = [
        rec("a", "HATE", "s1", 0),
        rec("a", "CLEAN", "s1", 5),  # s1 changed its mind: only CLEAN counts
        rec("A ", "CLEAN", "s2", 1),
        rec("b", "HATE", "s1", 2),
        rec("b", "CLEAN", "s2", 3),
        rec("c", "HATE", "s3", 4),  # nobody else labelled c
    ]
    q = assess(records, [None] * len(records), [], RULE)
    assert (q["s1"].partner.n, q["s1"].partner.disagree) == (2, 1)
    assert (q["s2"].partner.n, q["s2"].partner.disagree) == (2, 1)
    assert q["s3"].partner.n == 0 and q["s3"].labels == 1
    assert q["s1"].labels == 3 and q["s1"].model.n == 0


def test_model_agreement_and_weeks() -> None:
    records = [
        rec("a", "HATE", "s1", 0, predicted="HATE"),
        rec("b", "HATE", "s1", 60 * 24 * 7, predicted="CLEAN"),
        rec("c", "CLEAN", "s1", 60 * 24 * 7 + 1),
    ]
    model = ["HATE", "CLEAN", None]
    q = assess(records, model, [SubjectInfo("s1", "lan")], RULE)["s1"]
    assert q.name == "lan"
    assert (q.model.n, q.model.disagree) == (2, 1)
    weeks = q.as_dict()["weeks"]
    assert list(weeks) == [iso_week(T0), iso_week(T0 + timedelta(days=7))]
    assert weeks[iso_week(T0)]["model"] == {"n": 1, "disagree": 0, "rate": 0.0}
    assert weeks[iso_week(T0 + timedelta(days=7))]["model"]["n"] == 1


def _crowd(rng: random.Random, noise: dict[str, float], n: int = 200):
    """Each subject labels ``n`` texts; the model knows the truth; ``noise`` is their error."""
    records, model = [], []
    for who, rate in noise.items():
        for i in range(n):
            truth = LABELS[i % 3]
            label = rng.choice([x for x in LABELS if x != truth]) if rng.random() < rate else truth
            records.append(rec(f"{who}-{i}", label, who, i))
            model.append(truth)
    return records, model


def test_a_poisoner_is_flagged_and_honest_noise_is_not() -> None:
    rng = random.Random(0)
    records, model = _crowd(rng, {"a": 0.05, "b": 0.15, "c": 0.10, "p": 0.9})
    q = assess(records, model, [], RULE)
    assert [s for s in q if q[s].flagged] == ["p"]
    assert "model disagreement" in q["p"].reasons[0]
    test = q["p"].tests["model"]
    assert test["excess"] > 0.7 and test["p_value"] < test["threshold"]
    assert test["threshold"] == pytest.approx(0.01 / 4)  # four subjects tested on one signal


def test_the_rule_needs_both_excess_and_significance() -> None:
    rng = random.Random(1)
    # 15 points above the others on 2,000 labels: significant, but under the excess guard
    records, model = _crowd(rng, {"a": 0.05, "b": 0.05, "c": 0.20}, n=2000)
    assert not any(s.flagged for s in assess(records, model, [], RULE).values())
    # a large excess on too few labels is not tested at all
    records, model = _crowd(rng, {"a": 0.05, "b": 0.05, "c": 1.0}, n=20)
    q = assess(records, model, [], RULE)
    assert not q["c"].flagged and q["c"].tests == {}


def test_approval_covers_labels_written_until_then() -> None:
    rng = random.Random(2)
    records, model = _crowd(rng, {"a": 0.05, "b": 0.05, "p": 0.95})
    q = assess(records, model, [], RULE)
    never = excluded_records(records, q, [SubjectInfo("p", "p")])
    assert sum(never) == 200 and all(
        r.subject_id == "p" for r, x in zip(records, never, strict=True) if x
    )
    cut = T0 + timedelta(minutes=99)  # p's labels 0..99 approved, 100..199 written after
    later = excluded_records(records, q, [SubjectInfo("p", "p", labels_approved_at=cut)])
    assert sum(later) == 100


def test_misaligned_model_labels_are_refused() -> None:
    with pytest.raises(ValueError):
        assess([rec("a", "HATE", "s1")], [], [], RULE)
