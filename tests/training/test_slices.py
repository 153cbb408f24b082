"""Slice membership: diacritics, teencode share and length."""

from __future__ import annotations

import unicodedata

import pytest

from training.slices import has_diacritics, standard_slices, teencode_shares


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("khong biet gi het", False),
        ("không biết", True),
        (unicodedata.normalize("NFD", "hoà"), True),  # decomposed marks count too
        ("đi", True),
        ("HELLO 123 :)", False),
    ],
)
def test_has_diacritics(text: str, expected: bool) -> None:
    assert has_diacritics(text) is expected


def test_teencode_share_counts_dictionary_words() -> None:
    shares = teencode_shares(["ko bít j hết", "tôi không biết", "", "kooo"])
    assert shares[0] == pytest.approx(3 / 4)  # ko, bít, j; not hết
    assert shares[1] == 0 and shares[2] == 0
    assert shares[3] == 1.0  # stretched letters are squeezed first, as in normalize


def test_standard_slices() -> None:
    texts = ["ko bik j", "Bài viết rất hay, cảm ơn bạn nhiều nhé mọi người ơi", "x" * 201, "🙂"]
    masks = {s.name: s.mask.tolist() for s in standard_slices(texts)}
    assert masks["no_diacritics"] == [True, False, True, False]  # an emoji has no letters
    assert masks["teencode"] == [True, False, False, False]
    assert masks["short"] == [True, False, False, True]
    assert masks["long"] == [False, False, True, False]
