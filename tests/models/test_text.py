"""The text pipeline: one canonical form for the many spellings of a Vietnamese post."""

from __future__ import annotations

import unicodedata

import pytest

from models.text import (
    EMAIL_TOKEN,
    PHONE_TOKEN,
    URL_TOKEN,
    USER_TOKEN,
    TextConfig,
    normalize,
    strip_diacritics,
    teencode_table,
    unify_tone_marks,
)


def test_nfd_and_nfc_inputs_normalise_identically() -> None:
    nfc = "Người Việt nói tiếng Việt"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert normalize(nfd) == normalize(nfc) == "người việt nói tiếng việt"


@pytest.mark.parametrize(
    ("new_style", "old_style"),
    [
        ("hoà", "hòa"),
        ("khoẻ", "khỏe"),
        ("thuỷ", "thủy"),
        ("Hoá", "Hóa"),
        ("loạ", "lọa"),
        ("huỷ", "hủy"),
    ],
)
def test_tone_mark_placement_is_unified(new_style: str, old_style: str) -> None:
    assert unify_tone_marks(new_style) == old_style
    assert unify_tone_marks(old_style) == old_style


@pytest.mark.parametrize("word", ["quý", "hoàn", "khuya", "thuyền", "hoa", "qua", "toàn"])
def test_tone_marks_left_alone_where_styles_agree(word: str) -> None:
    assert unify_tone_marks(word) == word


def test_tone_unification_holds_inside_sentences_and_nfd() -> None:
    text = unicodedata.normalize("NFD", "Chúc mọi người hoà bình và khoẻ mạnh")
    assert normalize(text) == "chúc mọi người hòa bình và khỏe mạnh"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ko dc đâu", "không được đâu"),
        ("bn lm j z", "bạn làm gì vậy"),
        ("KO BIẾT", "không biết"),
    ],
)
def test_teencode_is_expanded(raw: str, expected: str) -> None:
    assert normalize(raw) == expected


def test_teencode_dictionary_is_large_and_lowercase() -> None:
    table = teencode_table()
    assert len(table) >= 300
    assert all(key == key.lower() for key in table)
    # Ordinary words must never be rewritten.
    for word in ("ban", "ma", "co", "nam", "thi"):
        assert word not in table


def test_teencode_can_be_turned_off() -> None:
    assert normalize("ko dc", TextConfig(teencode=False)) == "ko dc"


def test_entities_are_masked() -> None:
    out = normalize(
        "Xem https://vnexpress.net/abc nhé @Tuấn, gọi 0912 345 678 hoặc mail a.b@gmail.com"
    )
    assert URL_TOKEN in out and USER_TOKEN in out and PHONE_TOKEN in out and EMAIL_TOKEN in out
    assert "vnexpress" not in out and "0912" not in out and "gmail" not in out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ngu quáaaaa", "ngu quá"),
        ("NGUUUU", "ngu"),
        ("đẹppp", "đẹp"),
        ("xoong nồi", "xoong nồi"),
        ("quááá", "quá"),
        ("cứuuuu", "cứu"),
        ("hưưưu", "hưu"),
    ],
)
def test_stretched_letters_are_squeezed(raw: str, expected: str) -> None:
    assert normalize(raw, TextConfig(teencode=False)) == expected


def test_the_vowel_pair_uu_is_not_a_stretched_letter() -> None:
    text = "Cứu con cừu, nghỉ hưu, âm mưu, bưu điện, ƯU TIÊN"
    assert normalize(text, TextConfig(teencode=False)) == text.lower()


def test_acronyms_survive_squeezing() -> None:
    assert normalize("Làm CCCD ở PCCC", TextConfig(teencode=False)) == "làm cccd ở pccc"


def test_masked_swear_words_are_unmasked() -> None:
    assert normalize("d.m thằng này", TextConfig(teencode=False)) == "dm thằng này"
    assert normalize("đ.é.o", TextConfig(teencode=False)) == "đéo"
    assert normalize("đ*t", TextConfig(teencode=False)) == "đ*t"  # the star stands for a letter


def test_emoji_become_separate_tokens() -> None:
    assert normalize("hay quá😂") == "hay quá 😂"


def test_case_kept_when_asked() -> None:
    assert normalize("Hà Nội", TextConfig(lowercase=False)) == "Hà Nội"


def test_strip_diacritics() -> None:
    assert strip_diacritics("Đường phố Hà Nội") == "Duong pho Ha Noi"


def test_segmentation_joins_compounds() -> None:
    out = normalize("Học sinh đi học", TextConfig(segment=True))
    assert "học_sinh" in out


def test_config_roundtrip() -> None:
    cfg = TextConfig(lowercase=False, teencode=False, segment=True)
    assert TextConfig.from_dict(cfg.to_dict()) == cfg
