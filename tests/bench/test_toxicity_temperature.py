"""The one-temperature calibration check (``bench/toxicity_temperature.py``): rescaling
keeps the labels, sharpening fixes an under-confident split and hurts a calibrated one."""

from __future__ import annotations

import numpy as np

from bench.toxicity_temperature import scan, with_temperature


def test_temperature_keeps_the_labels_and_sums_to_one() -> None:
    rng = np.random.default_rng(0)
    proba = rng.dirichlet(np.ones(3), size=50)
    for t in (0.5, 1.0, 2.0):
        scaled = with_temperature(proba, t)
        assert np.allclose(scaled.sum(axis=1), 1.0)
        assert (scaled.argmax(axis=1) == proba.argmax(axis=1)).all()
    assert np.allclose(with_temperature(proba, 1.0), proba)
    assert (with_temperature(proba, 0.5).max(axis=1) >= proba.max(axis=1) - 1e-12).all()


def test_scan_reports_the_trade_between_an_under_confident_and_a_calibrated_split() -> None:
    rng = np.random.default_rng(1)
    n = 2000
    y = rng.integers(0, 2, size=n)
    # "shy": always right, says 0.7; "fair": says 0.7 and is right 70 % of the time
    shy = np.where(y[:, None] == np.arange(2), 0.7, 0.3)
    right = rng.random(n) < 0.7
    fair_pred = np.where(right, y, 1 - y)
    fair = np.where(fair_pred[:, None] == np.arange(2), 0.7, 0.3)
    rows = scan({"shy": (shy, y), "fair": (fair, y)}, [1.0, 0.5])
    at_one, sharper = rows
    assert at_one["ece"]["shy"] > 0.25 and at_one["ece"]["fair"] < 0.03
    assert sharper["ece"]["shy"] < at_one["ece"]["shy"]
    assert sharper["ece"]["fair"] > at_one["ece"]["fair"]
    assert {"temperature", "ece", "pooled_nll"} <= set(at_one)
