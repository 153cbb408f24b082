"""Misinformation end to end on the shipped seed corpus: text-only training, binary report."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from models.base import PostMetadata
from models.registry import Registry
from models.tasks import MISINFORMATION, TOXICITY
from training.datasets import DataContext, load_dataset
from training.evaluate import evaluate_version
from training.train import TrainJob, run_training


def test_seed_corpus_trains_with_the_bootstrap_config(tmp_path: Path) -> None:
    """The embedded default model: seed text only, ``{"min_df": 1}``, no dev split."""
    seed = load_dataset("seed:misinformation", DataContext(MISINFORMATION, Path(".")))
    assert all(e.metadata is None for e in seed)
    reg = Registry(tmp_path)
    job = TrainJob(MISINFORMATION, seed, config={"min_df": 1}, show_progress=False)
    manifest = run_training("baseline", job, reg, datasets=["seed:misinformation"])
    model, _ = reg.load(manifest.version)
    texts = [seed[0].text, "Nghe nói uống nước gừng là hết virus, share gấp!"]
    alone = model.predict_proba(texts)
    assert alone.shape == (2, 2) and np.isfinite(alone).all()
    # metadata the model never learned from changes nothing; text alone is never an error
    meta = [PostMetadata(likes=3, comments=0, shares=0, posted_at=1.7e9), None]
    np.testing.assert_allclose(model.predict_proba(texts, meta), alone)


def test_report_states_threshold_and_unreliable_f1(tmp_path: Path) -> None:
    rows = load_dataset("seed:misinformation", DataContext(MISINFORMATION, Path(".")))
    train, dev = rows[::2], rows[1::2]
    reg = Registry(tmp_path / "reg")
    job = TrainJob(MISINFORMATION, train, dev, config={"min_df": 1}, show_progress=False)
    manifest = run_training("baseline", job, reg)
    threshold = manifest.thresholds["UNRELIABLE"]
    path = tmp_path / "test.jsonl"
    lines = [{"text": e.text, "label": e.label, "likes": 5} for e in dev]
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines))
    metrics, paths = evaluate_version(
        reg, manifest.version, f"jsonl:{path}", DataContext(MISINFORMATION, tmp_path), show=False
    )
    assert metrics["positive_f1"] == metrics["per_label"]["UNRELIABLE"]["f1"]
    report = (paths[0].parent / "report.md").read_text("utf-8")
    assert f"score ≥ **{threshold:.2f}** (chosen on dev)" in report
    assert f"F1(UNRELIABLE) = **{metrics['positive_f1']:.4f}**" in report
    assert "ROC-AUC" in report and "PR-AUC" in report and "macro-F1" in report
    assert {"roc.png", "pr.png"} <= {p.name for p in paths}


EVERYDAY = [
    "bài hay quá",
    "trận đấu tối qua hay ghê",
    "chúc mừng sinh nhật bạn nha",
    "thằng này ngu vl",
    "cảm ơn ad nhiều",
    "hôm nay trời đẹp quá đi chơi thôi",
    "clip này hài vãi",
    "ăn cơm chưa mọi người",
]


def test_default_model_does_not_call_everyday_chat_a_hoax(seed_registry: Path) -> None:
    """The default learns chat as RELIABLE (``chat:seed:toxicity@150``); none of these is in it."""
    found = Registry(seed_registry).load_active("misinformation")
    assert found is not None
    model, manifest = found
    assert "chat:seed:toxicity@150" in manifest.training["datasets"]
    seed_texts = {e.text for e in load_dataset("seed:toxicity", DataContext(TOXICITY, Path(".")))}
    assert not seed_texts & set(EVERYDAY)
    flagged = model.predict_proba(EVERYDAY)[:, 1] >= 0.5
    assert flagged.sum() <= 2, [t for t, f in zip(EVERYDAY, flagged, strict=True) if f]


@pytest.mark.data
def test_default_model_flags_few_real_comments(seed_registry: Path, data_dir: Path) -> None:
    """ViHSD test comments make no claims; the default flagged 13 % of them when measured."""
    found = Registry(seed_registry).load_active("misinformation")
    assert found is not None
    comments = load_dataset("chat:vihsd:test", DataContext(MISINFORMATION, data_dir))
    flagged = found[0].predict_proba([e.text for e in comments])[:, 1] >= 0.5
    assert flagged.mean() < 0.2


RELIABLE_POSTS = [
    "UBND huyện thông báo: chiều thứ Năm họp dân tại nhà văn hóa thôn Nà Khoang bàn việc làm"
    " đường bê tông, mỗi hộ cử một người.",
    "Điện lực thị xã thông báo tạm ngừng cấp điện sáng Chủ nhật ở tổ 9 phường Sông Cầu để thay"
    " dây, mong khách hàng thông cảm.",
    "Kết quả trận giao hữu chiều qua: đội bóng xã Minh Tân thắng đội xã Yên Hà 2-1.",
]
NEUTRAL = Path(__file__).parents[2] / "bench" / "data" / "neutral_sentences.txt"


def test_padding_a_reliable_post_with_neutral_text_does_not_flip_it(seed_registry: Path) -> None:
    """Long is not suspicious: neutral sentences appended never make a post a hoax."""
    found = Registry(seed_registry).load_active("misinformation")
    assert found is not None
    model, manifest = found
    threshold = manifest.thresholds.get("UNRELIABLE", 0.5)
    sentences = [s for s in NEUTRAL.read_text("utf-8").splitlines() if s.strip()]
    base = model.predict_proba(RELIABLE_POSTS)[:, 1]
    assert (base < threshold).all(), base
    for k in (2, 5, 10, 30):
        padded = [
            " ".join([p, *(sentences[i % len(sentences)] for i in range(k))])
            for p in RELIABLE_POSTS
        ]
        scores = model.predict_proba(padded)[:, 1]
        assert (scores < threshold).all(), (k, scores)
        repeated = model.predict_proba([f"{p} {p} {p}" for p in RELIABLE_POSTS])[:, 1]
        assert (repeated < threshold).all(), repeated
