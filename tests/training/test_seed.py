"""The seed corpora are generated from their data files, byte for byte."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from models.text import strip_diacritics
from training.seed import generate, misinformation, toxicity
from training.seed.files import POSTS_DIR, SEED_DIR, parse_posts, read_base_posts


def test_regenerating_gives_the_committed_csvs_byte_for_byte(tmp_path: Path) -> None:
    written = generate.generate(tmp_path)
    assert set(written) == {"toxicity", "misinformation", "urgent"}
    for name, path in written.items():
        assert path.read_bytes() == (SEED_DIR / f"{name}.csv").read_bytes(), name


def test_check_names_a_stale_or_missing_csv(tmp_path: Path) -> None:
    committed = tmp_path / "committed"
    committed.mkdir()
    (committed / "toxicity.csv").write_bytes((SEED_DIR / "toxicity.csv").read_bytes())
    assert generate.check(["toxicity"], committed) == []
    with (committed / "toxicity.csv").open("a", encoding="utf-8") as handle:
        handle.write("một dòng thêm tay,CLEAN\n")
    assert generate.check(["toxicity", "misinformation"], committed) == [
        "toxicity",
        "misinformation",
    ]


def test_main_refuses_an_unknown_corpus() -> None:
    with pytest.raises(SystemExit) as exc:
        generate.main(["toxicty"])
    assert exc.value.code == 2


def test_posts_files_wrap_with_two_spaces() -> None:
    text = "Một bài\n  viết dài\n\nBài hai  \n  \n   tiếp tục\n"
    assert parse_posts(text) == ["Một bài viết dài", "Bài hai tiếp tục"]


def test_every_posts_file_is_listed_once_and_is_nfc() -> None:
    listed = [
        POSTS_DIR / task / name
        for task, config in (
            ("toxicity", toxicity.load()),
            ("misinformation", misinformation.load()),
        )
        for names in config.posts.values()
        for name in names
    ]
    assert len(listed) == len(set(listed))
    # posts/identity/ is read as it is by seed:identity (tests/training/test_seed_identity.py)
    generated = set(POSTS_DIR.glob("*/*.txt")) - set(POSTS_DIR.glob("identity/*.txt"))
    assert set(listed) == generated
    for path in listed:
        text = path.read_text("utf-8")
        assert unicodedata.is_normalized("NFC", text), path.name
        assert parse_posts(text), path.name


def test_base_posts_have_no_duplicates_and_a_duplicate_is_refused(tmp_path: Path) -> None:
    for module, task in ((toxicity, "toxicity"), (misinformation, "misinformation")):
        rows = read_base_posts(POSTS_DIR / task, module.load().posts)
        assert len(rows) == len({text for text, _ in rows})
    (tmp_path / "a.txt").write_text("Cùng một bài\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("khác\nCùng một\n  bài\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate base post"):
        read_base_posts(tmp_path, {"CLEAN": ["a.txt"], "HATE": ["b.txt"]})


def test_toxicity_label_shares_are_as_configured() -> None:
    config = toxicity.load()
    assert dict(config.label_shares) == {"CLEAN": 0.5, "OFFENSIVE": 0.25, "HATE": 0.25}
    counts = Counter(label for _, label in toxicity.build_rows(config))
    assert counts == {"CLEAN": 1000, "OFFENSIVE": 500, "HATE": 500}


def test_misinformation_rows_are_base_posts_plus_template_counts() -> None:
    config = misinformation.load()
    base = Counter(
        label for _, label in read_base_posts(POSTS_DIR / "misinformation", config.posts)
    )
    for template in config.templates:
        base[template.label] += template.count
    counts = Counter(label for _, label in misinformation.build_rows(config))
    assert counts == base == {"RELIABLE": 524, "UNRELIABLE": 408}


def test_configs_refuse_unknown_keys_and_unknown_slots(tmp_path: Path) -> None:
    bad = tmp_path / "toxicity.toml"
    bad.write_text((SEED_DIR / "toxicity.toml").read_text("utf-8") + "\n[extra]\nx = 1\n")
    with pytest.raises(ValueError, match="extra"):
        toxicity.load(bad)
    config = misinformation.load()
    template = config.templates[0].model_copy(update={"text": "Trời {mây_lạ} quá"})
    broken = config.model_copy(update={"templates": (template,)})
    with pytest.raises(ValueError, match="unknown slots"):
        misinformation.build_rows(broken)


def test_urgent_corpus_holds_notices_and_hoaxes_in_both_spellings() -> None:
    config = misinformation.load()
    rows = misinformation.build_urgent_rows(config)
    counts = Counter(label for _, label in rows)
    assert counts["RELIABLE"] >= 40 and counts["UNRELIABLE"] >= 40
    files = {
        label: [n for n in names if n in config.urgent_files]
        for label, names in config.posts.items()
    }
    bases = read_base_posts(POSTS_DIR / "misinformation", files)
    stripped = {(strip_diacritics(text), label) for text, label in bases}
    assert set(rows) == set(bases) | stripped and len(rows) == len(set(rows))
    # as written, the same posts are part of the misinformation seed corpus, same labels
    assert set(bases) <= set(misinformation.build_rows(config))
