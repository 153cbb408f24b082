"""Numeric features from post metadata (likes, comments, shares, posting time).

Missing values are encoded explicitly (a flag column) so a client that sends text alone
gets a well-defined input rather than zeros that look like an unpopular post.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.base import PostMetadata

FEATURES = ("likes", "comments", "shares")


def metadata_matrix(metadata: Sequence[PostMetadata | None]) -> np.ndarray:
    """Return ``(n, 2 * len(FEATURES))``: log1p counts and a missing flag per count."""
    out = np.zeros((len(metadata), 2 * len(FEATURES)))
    for i, meta in enumerate(metadata):
        for j, name in enumerate(FEATURES):
            value = None if meta is None else getattr(meta, name)
            if value is None or value != value or value < 0:
                out[i, 2 * j + 1] = 1.0
            else:
                out[i, 2 * j] = np.log1p(value) / 10.0
    return out
