"""The compound lexicon: learned from underthesea output, applied by longest match."""

from __future__ import annotations

import pickle

from models.lexicon import CompoundLexicon
from models.text import TextConfig, normalize

SEGMENTED = ["học_sinh đi học ở thành_phố hồ_chí_minh", "học_sinh giỏi , thành_phố lớn"]


def test_learns_compounds_and_joins_them_longest_first() -> None:
    lexicon = CompoundLexicon.from_segmented(SEGMENTED)
    assert ("học", "sinh") in lexicon.compounds and ("hồ", "chí", "minh") in lexicon.compounds
    assert len(lexicon) == 3
    out = lexicon.segment("học sinh ở thành phố hồ chí minh, học sinh học.")
    assert out == "học_sinh ở thành_phố hồ_chí_minh , học_sinh học ."


def test_pickles_as_its_compounds_and_segments_the_same_after_loading() -> None:
    lexicon = CompoundLexicon.from_segmented(SEGMENTED)
    again = pickle.loads(pickle.dumps(lexicon))
    assert again.compounds == lexicon.compounds
    assert again.segment("học sinh thành phố hồ chí minh") == "học_sinh thành_phố hồ_chí_minh"


def test_min_count_and_overlong_or_broken_tokens() -> None:
    lexicon = CompoundLexicon.from_segmented([*SEGMENTED, "a_b_c_d_e _x y_"], min_count=2)
    assert lexicon.compounds == {("học", "sinh"), ("thành", "phố")}
    assert CompoundLexicon([]).segment("không có gì") == "không có gì"
    assert CompoundLexicon([("a", "b")]).segment("") == ""


def test_matches_underthesea_on_the_words_it_learned() -> None:
    texts = [
        "Bộ Y tế khuyến cáo người dân đeo khẩu trang khi ra đường",
        "Thủ tướng chỉ đạo các bộ ngành phòng chống dịch bệnh",
    ]
    segmented = [normalize(t, TextConfig(segment=True)) for t in texts]
    lexicon = CompoundLexicon.from_segmented(segmented)
    assert [lexicon.segment(normalize(t)) for t in texts] == segmented
