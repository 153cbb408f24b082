"""How a post makes its claim: calls to share, hearsay, cover-up talk, money or links,
an accountable source. Stacking features for the misinformation model.

Genuine urgent notices and urgent hoaxes share their urgency; a bag of words trained on
few notices learns "khẩn" as a hoax word. These counts name the difference a reader looks
for (docs/misinformation.md). The phrase lists are data (``resources/claim_markers.toml``),
matched as whole words on the lower-cased, diacritic-stripped text, each group's count
capped at 3: padding a post with neutral sentences leaves them unchanged.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources

import numpy as np

from models.text import strip_diacritics

CAP = 3


@cache
def marker_patterns() -> dict[str, re.Pattern[str]]:
    """Group name -> one compiled alternation of its phrases (file order)."""
    raw = resources.files("models").joinpath("resources/claim_markers.toml").read_text("utf-8")
    groups: dict[str, list[str]] = tomllib.loads(raw)
    return {
        name: re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
            + r")(?!\w)"
        )
        for name, phrases in groups.items()
    }


def marker_counts(texts: Sequence[str], max_chars: int = 0) -> np.ndarray:
    """``(n, groups)`` capped counts of each marker group in ``texts`` (first ``max_chars``)."""
    patterns = list(marker_patterns().values())
    out = np.zeros((len(texts), len(patterns)))
    for i, raw in enumerate(texts):
        text = strip_diacritics((raw[:max_chars] if max_chars > 0 else raw).lower())
        for j, pattern in enumerate(patterns):
            out[i, j] = min(len(pattern.findall(text)), CAP)
    return out
