"""The seed corpora the project ships (``training/seed/<task>.csv``), written by the team.

They build the embedded default models on a machine with no other data. The spans task's
corpus is ``seed:toxicity_spans``: the toxicity seed posts with the offending words the
team marked (``text``, ``spans`` as JSON ``[[start, end], ...]``).

``seed:identity`` (toxicity): harmless posts that name regions, ethnic minorities,
religions and LGBT people (``posts/identity/<group>.txt``), all ``CLEAN``, so a model
learns that naming a group is not an attack. They were written apart from, and share no
post with, the evaluation set ``identity`` (docs/bias.md).

``seed:urgent`` (misinformation): genuine urgent notices and urgent hoaxes, each as written
and without diacritics; ``urgent-fit``/``urgent-holdout`` split it like the identity corpus.
"""

from __future__ import annotations

import hashlib
import json
from importlib import resources

from models.errors import InputError
from models.tasks import MISINFORMATION, SPANS, TOXICITY
from models.text import strip_diacritics
from training.datasets.base import DataContext, Example, packaged_rows

SPAN_CORPUS = "toxicity_spans"
# further corpora of a task beyond ``<task>.csv``: urgent notices vs urgent hoaxes
EXTRA_CORPORA = {"misinformation": ("urgent",)}
IDENTITY_CORPUS = "identity"
IDENTITY_DIR = "seed/posts/identity"  # <group>.txt, one post per line (posts/README.md)
# identity-fit / identity-holdout: a fixed quarter held out (by a hash of the post) to choose
# how much the corpus weighs (repeat:N:) without looking at the evaluation set
IDENTITY_PARTS = {IDENTITY_CORPUS: None, "identity-fit": False, "identity-holdout": True}
# urgent-fit / urgent-holdout: the same for the urgent notices and hoaxes (misinformation);
# a post and its copy without diacritics fall on the same side
URGENT_CORPUS = "urgent"
URGENT_PARTS = {"urgent-fit": False, "urgent-holdout": True}


def _read(name: str) -> list[dict[str, str]]:
    try:
        return packaged_rows(f"seed/{name}.csv")
    except FileNotFoundError:
        raise InputError(f"no seed corpus for task {name!r}") from None


def _span_examples(rows: list[dict[str, str]]) -> list[Example]:
    out = []
    for n, row in enumerate(rows, start=2):
        spans = tuple((int(s), int(e)) for s, e in json.loads(row["spans"]))
        if any(not 0 <= s < e <= len(row["text"]) for s, e in spans):
            raise InputError(f"seed/{SPAN_CORPUS}.csv:{n}: a span lies outside its post")
        label = SPANS.labels[int(bool(spans))]
        out.append(Example(text=row["text"], label=label, source="seed", spans=spans))
    return out


def _held_out(text: str) -> bool:
    return hashlib.sha256(text.encode("utf-8")).digest()[0] % 4 == 0


def _urgent_examples(holdout: bool, context: DataContext) -> list[Example]:
    if context.task is not MISINFORMATION:
        raise InputError(f"seed:{URGENT_CORPUS} is a misinformation corpus")
    return [
        Example(text=row["text"], label=context.task.check_label(row["label"]), source="seed")
        for row in _read(URGENT_CORPUS)
        if _held_out(strip_diacritics(row["text"])) == holdout
    ]


def _identity_examples(holdout: bool | None) -> list[Example]:
    from training.seed.files import parse_posts

    folder = resources.files("training").joinpath(IDENTITY_DIR)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return [
        Example(
            text=post,
            label=TOXICITY.labels[0],
            source=f"seed:{IDENTITY_CORPUS}",
            group=file.name.removesuffix(".txt"),
        )
        for file in files
        for post in parse_posts(file.read_text("utf-8"))
        if holdout is None or _held_out(post) == holdout
    ]


def load(split: str | None, context: DataContext) -> list[Example]:
    if split in IDENTITY_PARTS:
        if context.task is not TOXICITY:
            raise InputError(f"seed:{split} is a toxicity corpus")
        return _identity_examples(IDENTITY_PARTS[split])
    if split in URGENT_PARTS:
        return _urgent_examples(URGENT_PARTS[split], context)
    if context.task is SPANS:
        if (split or SPAN_CORPUS) != SPAN_CORPUS:
            raise InputError(f"the spans seed corpus is seed:{SPAN_CORPUS}")
        return _span_examples(_read(SPAN_CORPUS))
    name = split or context.task.name
    if name != context.task.name and name not in EXTRA_CORPORA.get(context.task.name, ()):
        raise InputError(f"seed:{name} is not a {context.task.name} corpus")
    rows = _read(name)
    return [
        Example(text=row["text"], label=context.task.check_label(row["label"]), source="seed")
        for row in rows
    ]
