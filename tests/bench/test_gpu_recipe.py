"""The GPU recipe (``bench/gpu_phobert.sh``) end to end on CPU, with a tiny model.

No GPU reaches CI, so the whole path a lent device would run — ids file, one epoch, the
loss curve, dev scoring, fixed-shape timings, JSON and figure — runs here on synthetic ids
with ``--tiny``; only the figures' sizes differ on the device.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from bench import gpu_ids

torch = pytest.importorskip("torch")
pytest.importorskip("transformers")

ROOT = Path(__file__).resolve().parents[2]


def _split(n: int, max_len: int, seed: int) -> gpu_ids.Split:
    rng = np.random.default_rng(seed)
    windows = []
    for length in rng.integers(3, max_len + 1, size=n):
        body = rng.integers(4, 64_000, size=length - 2)
        windows.append(np.concatenate([[gpu_ids.BOS_ID], body, [gpu_ids.EOS_ID]]))
    return gpu_ids.pack(windows, rng.integers(0, 3, size=n).tolist(), max_len)


@pytest.fixture
def ids_file(tmp_path: Path) -> Path:
    path = tmp_path / "ids.npz"
    splits = {"train": _split(96, 24, 1), "dev": _split(40, 24, 2)}
    gpu_ids.save(path, splits, {"max_len": 24, "rows": {"train": 96, "dev": 40}})
    return path


def test_ids_round_trip_and_cut_to_a_shorter_window(ids_file: Path) -> None:
    full, meta = gpu_ids.load(ids_file)
    cut, cut_meta = gpu_ids.load(ids_file, max_len=10)
    assert meta["max_len"] == 24 and cut_meta == {**meta, "max_len": 10, "cut_from": 24}
    train, short = full["train"], cut["train"]
    assert short.ids.shape == (96, 10) and short.ids.dtype == np.uint16
    np.testing.assert_array_equal(short.labels, train.labels)
    np.testing.assert_array_equal(short.lengths, np.minimum(train.lengths, 10))
    for row in range(96):
        n = short.lengths[row]
        assert short.ids[row, 0] == gpu_ids.BOS_ID and short.ids[row, n - 1] == gpu_ids.EOS_ID
        assert (short.ids[row, n:] == gpu_ids.PAD_ID).all()
        np.testing.assert_array_equal(short.ids[row, : n - 1], train.ids[row, : n - 1])


def test_an_ids_file_over_the_carry_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gpu_ids, "MAX_BYTES", 1_000)
    path = tmp_path / "big.npz"
    with pytest.raises(ValueError, match="too big to carry"):
        gpu_ids.save(path, {"train": _split(200, 24, 3)}, {"max_len": 24})
    assert not path.exists()
    with pytest.raises(ValueError, match="30 ids > max_len 24"):
        gpu_ids.pack([np.arange(30)], [0], 24)


def test_a_full_epoch_is_measured_and_updates_the_weights(ids_file: Path) -> None:
    from bench import gpu_finetune
    from bench.gpu_model import TINY, build

    torch.set_num_threads(1)
    splits, _ = gpu_ids.load(ids_file)
    torch.manual_seed(0)
    model, _ = build("cpu", TINY)
    before = [p.detach().clone() for p in model.parameters()]
    settings = gpu_finetune.Settings(batch_size=16, log_every=2, infer_batch_size=16)
    run = gpu_finetune.finetune(model, splits["train"], "cpu", settings)
    assert run["steps_run"] == run["steps_per_epoch"] == 6
    assert run["epoch_time_source"] == "measured"
    assert [p["step"] for p in run["loss_curve"]] == [2, 4, 6]
    assert all(0.5 < p["loss"] < 2.0 for p in run["loss_curve"])  # ~ln 3 from random init
    assert any(not torch.equal(a, b) for a, b in zip(before, model.parameters(), strict=True))
    dev = gpu_finetune.evaluate(model, splits["dev"], "cpu", settings)
    assert dev["posts"] == 40 and dev["posts_per_s"] > 0
    assert 0.0 <= dev["macro_f1"] <= 1.0 and 0.0 <= dev["accuracy"] <= 1.0


def test_the_shell_recipe_runs_end_to_end_on_cpu(ids_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "OUT": str(out), "GPU_IDS": str(ids_file), "PYTHON": sys.executable}
    args = ["--tiny", "--batch-size", "16", "--max-steps", "3", "--log-every", "1"]
    done = subprocess.run(
        ["bash", str(ROOT / "bench" / "gpu_phobert.sh"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    result = json.loads((out / "gpu_phobert.json").read_text())
    assert result["environment"]["torch"] == torch.__version__
    assert {"nvidia_smi", "cuda", "cpu_flags"} <= result["environment"].keys()
    assert "RobertaForSequenceClassification, 2x32, vocab 64,001" in result["model"]
    run = result["vihsd_finetune"]
    assert run["steps_run"] == 3 and run["steps_per_epoch"] == 6
    assert run["epoch_time_source"].startswith("extrapolated from 3 of 6 steps")
    assert run["steps_per_s"] > 0 and run["samples_per_s"] == pytest.approx(
        run["steps_per_s"] * 16, rel=0.01
    )
    assert run["epoch_time_s"] > run["wall_s"]
    assert [p["step"] for p in run["loss_curve"]] == [1, 2, 3]
    assert result["data"]["rows"] == {"train": 96, "dev": 40}
    assert "finetune_peak_memory_gib" in result  # null off CUDA
    assert result["vihsd_dev"]["posts"] == 40 and result["vihsd_dev"]["posts_per_s"] > 0
    assert len(result["fine_tune_bf16_adamw"]) == 2 and len(result["inference_posts_per_s"]) == 10
    assert all(r["steps_per_s"] > 0 for r in result["fine_tune_bf16_adamw"].values())
    assert (out / "gpu_phobert.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"ids: {ids_file}" in (out / "gpu_phobert.log").read_text()


@pytest.mark.data
@pytest.mark.slow
def test_pretokenize_writes_the_trainers_view_of_vihsd(data_dir: Path, tmp_path: Path) -> None:
    from bench import gpu_pretokenize

    out = tmp_path / "ids.npz"
    paths = ["--data-dir", str(data_dir), "--out", str(out), "--tokenizer-dir", str(tmp_path)]
    gpu_pretokenize.main([*paths, "--limit", "150", "--max-len", "64"])
    splits, meta = gpu_ids.load(out)
    assert meta["rows"] == {"train": 150, "dev": 150} and meta["max_len"] == 64
    for split in splits.values():
        assert split.ids.shape == (150, 64) and set(np.unique(split.labels)) <= {0, 1, 2}
        assert (split.ids[:, 0] == gpu_ids.BOS_ID).all()
        last = split.ids[np.arange(150), split.lengths - 1]
        assert (last == gpu_ids.EOS_ID).all() and (split.lengths >= 2).all()
        assert int(split.ids.max()) < gpu_pretokenize.MODEL_VOCAB
    assert (splits["train"].lengths > 3).mean() > 0.9  # real posts, not empty windows
    assert meta["highest_id"] == max(int(split.ids.max()) for split in splits.values())


def test_the_fallback_encoder_has_the_same_interface(monkeypatch: pytest.MonkeyPatch) -> None:
    from bench import gpu_model

    monkeypatch.setitem(sys.modules, "transformers", None)  # import fails: the fallback
    model, impl = gpu_model.build("cpu", gpu_model.TINY)
    assert impl == gpu_model.FALLBACK and not gpu_model.has_transformers()
    ids = torch.tensor([[0, 5, 6, 2, 1], [0, 7, 2, 1, 1]])
    logits = model(ids, (ids != gpu_ids.PAD_ID).long())
    assert logits.shape == (2, 3) and torch.isfinite(logits).all()
