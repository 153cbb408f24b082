"""Build ``toxicity.csv``: the team's hand-written posts plus surface variants.

Labels follow ViHSD conventions (CLEAN, OFFENSIVE, HATE). Variants of the base posts are
added until each label reaches its share of ``target_total`` (about 50/25/25), each new
row distinct from every row before it, then all rows are shuffled with the seed.
"""

from __future__ import annotations

import random
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from training.seed.files import POSTS_DIR, SEED_DIR, Row, load_config, read_base_posts
from training.seed.variants import VariantMaker

CONFIG = SEED_DIR / "toxicity.toml"


class ToxicityConfig(BaseModel):
    """``toxicity.toml``; mappings keep file order, which the seeded draws depend on."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seed: int
    target_total: int = Field(gt=0)
    max_variants_per_post: int = Field(gt=0)
    mentions: tuple[str, ...]
    label_shares: dict[str, float]
    posts: dict[str, tuple[str, ...]]
    transforms: dict[str, float]
    emoji: dict[str, tuple[str, ...]]
    teencode: dict[str, tuple[str, ...]]
    masks: dict[str, tuple[str, ...]]


def load(path: Path = CONFIG) -> ToxicityConfig:
    return load_config(path, ToxicityConfig)


def build_rows(config: ToxicityConfig, posts_dir: Path = POSTS_DIR / "toxicity") -> list[Row]:
    """The shuffled corpus rows as ``(text, label)``, base posts and variants together."""
    maker = VariantMaker.from_tables(
        weights=config.transforms,
        emoji=config.emoji,
        mentions=config.mentions,
        teencode=config.teencode,
        masks=config.masks,
    )
    rng = random.Random(config.seed)
    base = read_base_posts(posts_dir, config.posts)
    rows = list(base)
    seen = {text for text, _ in base}
    seen_folded = {text.casefold() for text in seen}
    for label, share in config.label_shares.items():
        pool = [text for text, lab in base if lab == label]
        needed = round(config.target_total * share) - len(pool)
        uses = dict.fromkeys(pool, 0)
        attempts = 0
        while needed > 0 and attempts < 200 * len(pool):
            attempts += 1
            source = rng.choice(pool)
            if uses[source] >= config.max_variants_per_post:
                continue
            variant = maker.make(source, label, rng)
            if not variant or variant in seen:
                continue
            # A change of case alone is not a new post, except for deliberate shouting.
            if variant.casefold() in seen_folded and not variant.isupper():
                continue
            seen.add(variant)
            seen_folded.add(variant.casefold())
            uses[source] += 1
            rows.append((variant, label))
            needed -= 1
    rng.shuffle(rows)
    return rows
