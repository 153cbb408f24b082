"""Build ``misinformation.csv``: hand-written posts plus slot-filled template rows.

``RELIABLE`` rows are sober, sourced news-style posts and ordinary verified updates
(including debunks and police warnings about scams); ``UNRELIABLE`` rows are hoaxes,
miracle cures, fake official notices, scam giveaways, chain messages and rumours. Each
template yields a fixed number of distinct rows with places, dates and numbers drawn
with the seed, some written without diacritics the way many people type.
"""

from __future__ import annotations

import random
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from models.text import strip_diacritics
from training.seed.files import POSTS_DIR, SEED_DIR, Row, load_config, read_base_posts

# strip_diacritics comes from models.text. The generator's old private copy also dropped
# the emoji variation selector (U+FE0F) and accents on non-Vietnamese letters; neither
# occurs in a row written without diacritics, and tests/training/test_seed.py proves the
# output unchanged.

CONFIG = SEED_DIR / "misinformation.toml"
_SLOT = re.compile(r"\{(\w+)\}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Template(_Strict):
    """A post with ``{slot}`` fields, and how many distinct rows to draw from it."""

    label: Literal["RELIABLE", "UNRELIABLE"]
    text: str
    count: int = Field(gt=0)
    plain_share: float = Field(default=0.0, ge=0.0, le=1.0)


class Sky(_Strict):
    text: str
    lo_min: int
    lo_max: int


class School(_Strict):
    name: str
    grades: tuple[int, ...] = Field(min_length=1)


class Debunk(_Strict):
    rumor: str
    agency: str


class MisinformationConfig(_Strict):
    """``misinformation.toml``; slots keep file order, which the seeded draws depend on."""

    seed: int
    min_rows: int = Field(gt=0)
    max_tries_per_row: int = Field(gt=0)
    teams: tuple[str, ...] = Field(min_length=2)
    debunk_text: str
    posts: dict[str, tuple[str, ...]]
    slots: dict[str, tuple[str, ...]]
    templates: tuple[Template, ...]
    skies: tuple[Sky, ...] = Field(min_length=1)
    schools: tuple[School, ...] = Field(min_length=1)
    debunks: tuple[Debunk, ...] = Field(min_length=1)
    urgent_files: tuple[str, ...] = ()


def load(path: Path = CONFIG) -> MisinformationConfig:
    return load_config(path, MisinformationConfig)


def _derived_slots(config: MisinformationConfig, rng: random.Random) -> dict[str, str]:
    """Values that must agree with each other (temperatures, teams, grades, hours)."""
    sky = rng.choice(config.skies)
    lo = rng.randint(sky.lo_min, sky.lo_max)
    team_a, team_b = rng.sample(config.teams, 2)
    winner = rng.randint(1, 4)
    school = rng.choice(config.schools)
    hour = rng.randint(6, 9)
    debunk = rng.choice(config.debunks)
    province = rng.choice(config.slots["province"])
    return {
        "province": province,
        "sky": sky.text,
        "lo": str(lo),
        "hi": str(lo + rng.randint(5, 9)),
        "team_a": team_a,
        "team_b": team_b,
        "score": f"{winner}-{rng.randint(0, winner - 1)}",
        "school": school.name,
        "grade": str(rng.choice(school.grades)),
        "hour": str(hour),
        "hour2": str(hour + rng.randint(6, 12)),
        "date": f"{rng.randint(1, 28)}/{rng.randint(1, 12)}",
        "pct": str(rng.randint(3, 25)),
        "cases": str(rng.randint(40, 900)),
        "flights": str(rng.randint(6, 48)),
        "winners": str(rng.choice((100, 200, 500, 1000))),
        "missing": str(rng.randint(2, 9)),
        "rumor_debunk": config.debunk_text.format(
            rumor=debunk.rumor.format(province=province), agency=debunk.agency
        ),
    }


def _expand(
    config: MisinformationConfig, template: Template, rng: random.Random, taken: set[str]
) -> list[str]:
    """Draw ``template.count`` distinct rows not already in ``taken``."""
    rows: list[str] = []
    for _ in range(template.count * config.max_tries_per_row):
        if len(rows) == template.count:
            return rows
        values = {name: rng.choice(options) for name, options in config.slots.items()}
        values.update(_derived_slots(config, rng))
        text = template.text.format_map(values)
        if rng.random() < template.plain_share:
            text = strip_diacritics(text)
        if text not in taken:
            taken.add(text)
            rows.append(text)
    raise ValueError(f"could not draw {template.count} distinct rows from {template.text!r}")


def build_rows(
    config: MisinformationConfig, posts_dir: Path = POSTS_DIR / "misinformation"
) -> list[Row]:
    """All corpus rows as ``(text, label)``: base posts, then template rows, shuffled.

    Raises:
        ValueError: a base post is duplicated, a template names an unknown slot, or the
            corpus is smaller than ``min_rows``.
    """
    bases = read_base_posts(posts_dir, config.posts)
    rng = random.Random(config.seed)
    known = set(config.slots) | set(_derived_slots(config, random.Random(0)))
    taken = {text for text, _ in bases}
    rows = list(bases)
    for template in config.templates:
        unknown = set(_SLOT.findall(template.text)) - known
        if unknown:
            raise ValueError(f"unknown slots {sorted(unknown)} in {template.text!r}")
        rows += [(text, template.label) for text in _expand(config, template, rng, taken)]
    if len(rows) < config.min_rows:
        raise ValueError(f"only {len(rows)} rows; the seed corpus needs {config.min_rows}")
    rng.shuffle(rows)
    return rows


def build_urgent_rows(
    config: MisinformationConfig, posts_dir: Path = POSTS_DIR / "misinformation"
) -> list[Row]:
    """The ``urgent`` corpus: the posts of ``urgent_files``, as written then without diacritics.

    Genuine notices and hoaxes share their urgency ("KHẨN", "cảnh báo", "!!!"); what tells
    them apart is who speaks and what they ask (an agency, a time and a hotline against
    "share ngay", a link, a fee, "chính quyền giấu"). People re-share both without
    diacritics, so each post is kept in both spellings.
    """
    files = {
        label: tuple(name for name in names if name in config.urgent_files)
        for label, names in config.posts.items()
    }
    bases = read_base_posts(posts_dir, files)
    plain = [(strip_diacritics(text), label) for text, label in bases]
    return bases + [row for row in plain if row[0] not in {text for text, _ in bases}]
