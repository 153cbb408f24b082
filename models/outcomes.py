"""One result per post, API and ``vimod classify`` alike: its language, and its scores unless
the caller chose to skip posts in languages the models were not made for.

``plan`` detects languages and says which posts to score (``reject`` refuses the batch);
``assemble`` puts the per-task predictions of those posts back in input order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from models.base import Prediction
from models.errors import LanguageNotSupportedError
from models.language import SUPPORTED, LanguageGuess, detect_languages

Policy = Literal["score", "skip", "reject"]
POLICIES: tuple[Policy, ...] = ("score", "skip", "reject")
SKIPPED = "language_not_supported"


@dataclass(frozen=True)
class PostOutcome:
    """``categories`` is ``None`` for a skipped post, so ``flagged`` is ``None``, not False:
    a post nobody scored must never read as clean."""

    language: LanguageGuess
    categories: dict[str, Prediction] | None
    skipped: str | None = None

    @property
    def flagged(self) -> bool | None:
        if self.categories is None:
            return None
        return any(p.flagged for p in self.categories.values())


@dataclass(frozen=True)
class Plan:
    languages: list[LanguageGuess]
    scored: list[int]  # indices of the posts to score, in input order


def plan(
    texts: Sequence[str],
    policy: Policy,
    *,
    name: str = "texts",
    languages: Sequence[LanguageGuess] | None = None,
) -> Plan:
    """Detect each post's language; ``score`` scores all, ``skip`` only supported posts,
    ``reject`` raises ``LanguageNotSupportedError`` naming every unsupported post as
    ``name[i]`` (just ``text`` when ``name`` is ``"text"``, the one-post field).
    ``languages``: already detected (the service detects off its event loop)."""
    languages = list(languages) if languages is not None else detect_languages(texts)
    bad = [i for i, g in enumerate(languages) if not g.supported]
    if bad and policy == "reject":
        where = (lambda i: name) if name == "text" else (lambda i: f"{name}[{i}]")
        listed = ", ".join(f"{where(i)} ({languages[i].code})" for i in bad[:20])
        more = f" and {len(bad) - 20} more" if len(bad) > 20 else ""
        raise LanguageNotSupportedError(
            f"{len(bad)} post(s) not in a supported language ({', '.join(sorted(SUPPORTED))}): "
            f"{listed}{more}",
            details=[{"index": i, "language": languages[i].code} for i in bad],
        )
    skip = set(bad) if policy == "skip" else set()
    return Plan(languages, [i for i in range(len(texts)) if i not in skip])


def assemble(found: Plan, predictions: Mapping[str, Sequence[Prediction]]) -> list[PostOutcome]:
    """Outcomes in input order; ``predictions[task][k]`` is for post ``found.scored[k]``."""
    at = {i: k for k, i in enumerate(found.scored)}
    out: list[PostOutcome] = []
    for i, language in enumerate(found.languages):
        k = at.get(i)
        if k is None:
            out.append(PostOutcome(language, None, SKIPPED))
        else:
            out.append(PostOutcome(language, {t: p[k] for t, p in predictions.items()}))
    return out
