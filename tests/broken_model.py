"""Break a saved baseline version so that it still loads but fails on its first prediction.

This is the failure a load-only check misses: the pickle is valid, the loader finds a
model, and only ``predict_proba`` raises (here, from scikit-learn: the classifier was
never fitted).
"""

from __future__ import annotations

from pathlib import Path

import joblib
from sklearn.linear_model import LogisticRegression

from models.baseline import MODEL_FILE


def break_predict(version_dir: Path) -> None:
    """Replace the fitted classifier in ``version_dir`` with an unfitted one."""
    path = version_dir / MODEL_FILE
    state = joblib.load(path)
    state["model"] = LogisticRegression()
    joblib.dump(state, path)
