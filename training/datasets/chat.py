"""``chat:SPEC[@N]``: everyday social comments as the benign label of a claim task.

A misinformation model trained on ReINTEL has only seen news-like posts. Everyday
comments resemble neither its reliable news nor its hoaxes, and it flags many of them:
39 % of ViHSD test comments for the ReINTEL-trained baseline. A comment, polite or rude,
makes no factual claim, so it is ``RELIABLE`` by this task's definition. This adapter
loads the posts of a toxicity corpus (``vihsd:train``, ``seed:toxicity``, a CSV, ...) and
labels all of them with the task's first, benign label. ``@N`` keeps a fixed random
sample of N. The trade-off against ReINTEL figures is measured in docs/misinformation.md.
"""

from __future__ import annotations

import random

from models.errors import InputError
from models.tasks import TOXICITY
from training.datasets.base import DataContext, Example, load_dataset


def load(arg: str | None, context: DataContext) -> list[Example]:
    if context.task is TOXICITY:
        raise InputError("chat: labels posts benign; that would teach toxicity that insults are")
    spec, _, size = (arg or "").partition("@")
    if not spec:
        raise InputError("chat: wants a toxicity corpus, e.g. chat:vihsd:train@2000")
    posts = load_dataset(spec, DataContext(TOXICITY, context.data_dir, context.database_url))
    if size:
        if not size.isdigit() or int(size) < 1:
            raise InputError(f"chat: sample size must be a positive integer, not {size!r}")
        posts = random.Random(0).sample(posts, min(int(size), len(posts)))
    benign = context.task.labels[0]
    return [Example(text=p.text, label=benign, source=f"chat:{p.source}") for p in posts]
