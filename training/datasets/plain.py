"""``plain:SPEC``: the rows of another dataset with every diacritic removed.

Many people type Vietnamese without diacritics ("may ngu vl" for "mày ngu vl").
``vimod evaluate V --data plain:vihsd:test`` against ``--data vihsd:test`` measures how
much a model loses on such text. Stripping is ``models.text.strip_diacritics`` (tone and
vowel marks dropped, ``đ`` → ``d``), the function the models' accent-blind features use.
The context is passed on unchanged, so ``plain:`` of an evaluation-only set still only
loads for evaluation.
"""

from __future__ import annotations

from dataclasses import replace

from models.errors import InputError
from models.text import strip_diacritics
from training.datasets.base import DataContext, Example, load_dataset


def load(arg: str | None, context: DataContext) -> list[Example]:
    if not arg:
        raise InputError("plain: wants a dataset spec, e.g. plain:vihsd:test")
    return [
        replace(e, text=strip_diacritics(e.text), source=f"plain:{e.source}")
        for e in load_dataset(arg, context)
    ]
