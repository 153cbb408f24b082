"""``models.language``: the language rule on the team's seed posts, Vietnamese as people type
it (no diacritics, teencode, mixed with English), posts too short to tell, and stripped ViHSD."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from models.language import detect_language, detect_languages
from models.text import strip_diacritics

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "training" / "seed" / "languages.csv"


def _seed(lang: str) -> list[str]:
    with open(SEED, encoding="utf-8", newline="") as fh:
        return [row["text"] for row in csv.DictReader(fh) if row["lang"] == lang]


@pytest.mark.parametrize("lang", ["zh", "ru"])
def test_chinese_and_russian_posts_are_unsupported(lang: str) -> None:
    guesses = detect_languages(_seed(lang))
    assert len(guesses) >= 30
    assert all(not g.supported for g in guesses)
    assert sum(g.code == lang for g in guesses) / len(guesses) >= 0.9


@pytest.mark.parametrize(("lang", "share"), [("en", 0.85), ("fr", 0.8)])
def test_most_english_and_french_posts_are_unsupported(lang: str, share: float) -> None:
    # Measured 0.88 / 0.84 (README "Languages"): short posts of Vietnamese-shaped words
    # ("to be or not to be") pass as Vietnamese, the price of the guard.
    guesses = detect_languages(_seed(lang))
    assert sum(not g.supported for g in guesses) / len(guesses) >= share


def test_code_mixed_vietnamese_is_supported_as_written_and_stripped() -> None:
    posts = _seed("vi")
    assert len(posts) >= 30
    for text in posts:
        assert detect_language(text).code == "vi", text
        assert detect_language(strip_diacritics(text)).code == "vi", text


@pytest.mark.parametrize(
    "text",
    [
        "khong biet nguoi ta nghi gi nua",  # no diacritics
        "hom nay troi dep qua di choi thoi",
        "ko bit j lun a oi",  # teencode
        "dc r mik ok nha",
        "Đi đâu đấy",  # a Vietnamese-only letter decides even a short post
    ],
)
def test_vietnamese_as_typed_is_supported(text: str) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.supported) == ("vi", True)


@pytest.mark.parametrize("text", ["haha", "Perfect!", "😂😂😂", "12345", "   "])
def test_posts_too_short_to_tell_are_undetermined_and_supported(text: str) -> None:
    guess = detect_language(text)
    assert (guess.code, guess.supported) == ("und", True)


def test_unencodable_text_reads_undetermined_not_an_error() -> None:
    assert detect_language("今天天气\ud800真好").code == "und"


def test_deterministic_and_batch_equals_one_by_one() -> None:
    posts = _seed("zh")[:5] + _seed("vi")[:5]
    assert detect_languages(posts) == [detect_language(t) for t in posts] == detect_languages(posts)


def test_nothing_loads_at_import() -> None:
    code = "import sys, models.language; print('pycld2' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"


def test_stripped_vihsd_dev_is_rarely_called_another_language(data_dir: Path) -> None:
    # Measured 1.01% on dev (0.73% on test, the 1% goal); 1.5% guards against regressions.
    with open(data_dir / "vihsd" / "dev.csv", encoding="utf-8", newline="") as fh:
        texts = [strip_diacritics(row["free_text"]) for row in csv.DictReader(fh)]
    guesses = detect_languages(texts)
    other = sum(not g.supported for g in guesses) / len(guesses)
    assert len(texts) > 2000
    assert other <= 0.015, f"{other:.2%} of stripped ViHSD dev called not Vietnamese"
