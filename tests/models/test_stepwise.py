"""Stepwise scoring: the same probabilities as one ``predict_proba`` call, in bounded steps."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from models.base import PostMetadata
from models.baseline import BaselineClassifier
from models.lexicon import CompoundLexicon
from models.registry import Registry
from models.stepwise import StepwiseClassifier, run_steps, whitespace_pieces
from models.tasks import MISINFORMATION, TOXICITY, Task
from models.text import strip_diacritics
from training.datasets import DataContext, load_dataset


def _long_texts(tmp_path: Path) -> list[str]:
    """Seed-corpus posts joined into long texts: accented, accent-stripped, odd spacing."""
    posts = [e.text for e in load_dataset("seed:toxicity", DataContext(TOXICITY, tmp_path))]
    blob = " ".join(posts)
    while len(blob) < 20_000:
        blob += " " + blob
    return [
        blob[:19_500],
        strip_diacritics(blob[:12_000]),
        blob[:9_000].replace(" ", "  \n", 40),
        "x" * 5_000 + " " + blob[:3_000],  # a 5,000-character "word": cut only at a space
        posts[0],
    ]


@pytest.mark.parametrize("task", [TOXICITY, MISINFORMATION], ids=lambda t: t.name)
def test_steps_return_exactly_predict_proba(
    seed_registry: Path, tmp_path: Path, task: Task
) -> None:
    found = Registry(seed_registry).load_active(task.name)
    assert found is not None
    model = found[0]
    assert isinstance(model, BaselineClassifier) and isinstance(model, StepwiseClassifier)
    texts = _long_texts(tmp_path)
    meta: list[PostMetadata | None] = [PostMetadata(likes=3, comments=1, shares=0)] + [None] * 4

    whole = model.predict_proba(texts, meta)
    steps = model.predict_proba_steps(texts, meta, step_chars=1_000)
    count = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            stepped = done.value
            break
        count += 1

    assert np.array_equal(stepped, whole)  # bit for bit, not approximately
    assert count > 4 * 19_500 / 1_000 / 2  # long texts really were cut into many steps
    assert np.array_equal(
        run_steps(model.predict_proba_steps(texts[-1:], step_chars=50)), whole[-1:]
    )


def test_whitespace_pieces_cut_before_spaces_and_keep_every_character() -> None:
    text = "một hai  ba\nbốn " + "x" * 30 + " năm sáu"
    pieces = whitespace_pieces(text, 8)
    assert "".join(pieces) == text
    assert all(p.startswith(" ") for p in pieces[1:])  # never inside a word
    assert "x" * 30 in "".join(p for p in pieces if "x" in p)  # the long word stays whole
    assert whitespace_pieces("ngắn", 8) == ["ngắn"]


def test_lexicon_segment_steps_pause_without_changing_the_result() -> None:
    lexicon = CompoundLexicon([("học", "sinh"), ("thành", "phố"), ("hồ", "chí", "minh")])
    text = " ".join(["học sinh ở thành phố hồ chí minh ,"] * 50)
    steps = lexicon.segment_steps(text, 10)
    assert run_steps(steps) == lexicon.segment(text)
    paused = sum(1 for _ in lexicon.segment_steps(text, 10))
    assert paused > 50
