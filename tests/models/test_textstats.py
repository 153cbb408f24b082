"""Style statistics and claim markers: rates and capped counts that padding cannot inflate."""

from __future__ import annotations

import numpy as np

from models.markers import CAP, marker_counts, marker_patterns
from models.textstats import LENGTH_CAP, STAT_COLUMNS, text_stats

NEUTRAL = " Buổi sáng ở thị trấn thường có sương mỏng, đến trưa thì trời nắng nhẹ." * 20


def _col(name: str) -> int:
    return STAT_COLUMNS.index(name)


def test_shouting_links_and_hashtags_are_seen() -> None:
    stats = text_stats(["KHẨN!!! XEM NGAY <URL> #tin_nong #share", "thông báo lịch họp tổ"])
    assert stats.shape == (2, len(STAT_COLUMNS))
    assert stats[0, _col("upper_share")] > 0.5 and stats[1, _col("upper_share")] == 0.0
    assert stats[0, _col("exclaim_share")] > 0 and stats[1, _col("exclaim_share")] == 0.0
    assert stats[0, _col("urls")] == 1 and stats[0, _col("hashtags")] == 2


def test_padding_dilutes_rates_and_length_saturates() -> None:
    post = "KHẨN!!! Share ngay <URL> <URL> <URL> <URL> <URL>"
    short, padded = text_stats([post, post + NEUTRAL])
    for name in ("upper_share", "exclaim_share"):
        assert padded[_col(name)] < short[_col(name)]
    assert padded[_col("urls")] == short[_col("urls")] == 3  # capped, not grown
    huge = text_stats(["a" * (LENGTH_CAP * 4)])
    assert huge[0, _col("log_chars")] == np.log1p(LENGTH_CAP)


def test_max_chars_bounds_what_is_read() -> None:
    text = "bình thường " * 10 + "!!!!!!"
    assert text_stats([text], max_chars=50)[0, _col("exclaim_share")] == 0.0
    assert text_stats([text])[0, _col("exclaim_share")] > 0.0


def test_markers_ignore_diacritics_and_are_capped() -> None:
    names = list(marker_patterns())
    share = names.index("share_call")
    written, plain = marker_counts(["Chia sẻ giúp mọi người", "chia se giup moi nguoi"])
    np.testing.assert_array_equal(written, plain)
    assert written[share] == 1
    assert marker_counts(["share share share share share"])[0, share] == CAP


def test_markers_match_whole_words_only() -> None:
    cover_up = list(marker_patterns()).index("cover_up")
    # "giàu" (rich) strips to the same letters as "giấu" (hide): only phrases count
    assert marker_counts(["nhà ông ấy giàu lắm"])[0, cover_up] == 0
    assert marker_counts(["chính quyền đang giấu số người chết"])[0, cover_up] == 1
    official = list(marker_patterns()).index("official_source")
    assert marker_counts(["UBND xã thông báo"])[0, official] == 1
    assert marker_counts(["ubndx"])[0, official] == 0


def test_neutral_padding_leaves_marker_counts_unchanged() -> None:
    post = "Nghe nói chính quyền đang giấu, share gấp, bấm vào link"
    np.testing.assert_array_equal(*marker_counts([post, post + NEUTRAL]))
