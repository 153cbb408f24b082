"""``mentions:SPEC``: the posts of SPEC that name a group of the identity set, tagged with it.

A fix for false positives on posts about a group must not cost the hateful posts about
that group: ``vimod evaluate VERSION --data mentions:vihsd:test`` reports, per group, the
share of CLEAN posts flagged and the recall on OFFENSIVE and HATE posts. The group words
(neutral names and slurs) are data: ``training/eval/identity_terms.toml``. The context is
passed on unchanged, so wrapping an evaluation-only set still only loads for evaluation.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import replace
from functools import cache
from importlib import resources

from models.errors import InputError
from models.text import strip_diacritics
from training.datasets.base import DataContext, Example, load_dataset

TERMS_FILE = "eval/identity_terms.toml"  # group -> subgroup -> terms; under the training package


def _spellings(term: str) -> set[str]:
    """The term, and its bare spelling when it has two or more words."""
    term = unicodedata.normalize("NFC", term.lower())
    return {term, strip_diacritics(term)} if " " in term else {term}


@cache
def group_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """``(GROUP/SUBGROUP, whole-word pattern)`` in file order."""
    text = resources.files("training").joinpath(TERMS_FILE).read_text("utf-8")
    out = []
    for group, subgroups in tomllib.loads(text).items():
        for subgroup, terms in subgroups.items():
            words = sorted({s for term in terms for s in _spellings(term)}, key=len, reverse=True)
            alternation = "|".join(re.escape(w) for w in words)
            out.append((f"{group}/{subgroup}", re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")))
    return tuple(out)


def group_of(text: str) -> str | None:
    """The first group whose words ``text`` uses (``lgbt/gay``), or ``None``."""
    folded = unicodedata.normalize("NFC", text).lower()
    for name, pattern in group_patterns():
        if pattern.search(folded):
            return name
    return None


def load(arg: str | None, context: DataContext) -> list[Example]:
    if not arg:
        raise InputError("mentions: wants a dataset spec, e.g. mentions:vihsd:test")
    tagged = ((e, group_of(e.text)) for e in load_dataset(arg, context))
    return [replace(e, group=group, source=f"mentions:{e.source}") for e, group in tagged if group]
