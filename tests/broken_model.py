"""Break a saved baseline version so that it still loads but fails on its first prediction.

This is the failure a load-only check misses: the model file is valid, the loader finds a
model, and only ``predict_proba`` raises (here, from scikit-learn: the classifier was
never fitted).
"""

from __future__ import annotations

from pathlib import Path

from sklearn.linear_model import LogisticRegression

from models.baseline_io import MODEL_FILE, read_state, write_state


def break_predict(version_dir: Path) -> None:
    """Replace the fitted classifier in ``version_dir`` with an unfitted one."""
    state = read_state(version_dir)
    state["model"] = LogisticRegression()
    write_state(state, version_dir / MODEL_FILE)
