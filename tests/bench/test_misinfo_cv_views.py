"""The screening harness for second text views (``bench/misinfo_cv_views.py``).

The ReINTEL run needs the real data; these check the parts that decide what a variant
means: each view's columns, and the stage's column layout.
"""

from __future__ import annotations

import numpy as np

from bench import misinfo_cv_views as views


def test_columns_add_each_view_to_the_base_columns() -> None:
    cols = views._columns(("char", "svd"))
    base = cols["base"]
    assert base == [0, 1, 2, 3, *range(4 + 1 + views.N_SVD, 4 + 1 + views.N_SVD + 10)]
    assert cols["+char"] == [*base, 4]
    assert cols["+svd"] == [*base, *range(5, 5 + views.N_SVD)]


def test_stage_gives_one_column_per_feature_of_the_chosen_views() -> None:
    rng = np.random.default_rng(0)
    words = ["mưa", "lũ", "share", "gấp", "thông", "báo", "xã", "khẩn"]
    texts = [" ".join(rng.choice(words, size=6)) for _ in range(40)]
    y = np.array([int("share" in t) for t in texts])
    out = views._stage(texts, texts, y, texts[:5], texts[:5], ("bare", "nb", "c1"))
    assert out.shape == (5, 4 + 3)
    assert np.isfinite(out).all()
