"""One fine-tuning epoch on pre-tokenised ViHSD ids, then dev scoring: torch and numpy only.

Mirrors ``vimod train --model phobert`` (``training/trainers/phobert.py``) where it costs
time: a seeded shuffle, batches padded to their longest row with pad id 1, AdamW with no
decay on biases/LayerNorm, linear warm-up then decay, gradient clipping at 1.0, bf16
autocast on CUDA. Unlike the trainer it reads the loss back only every ``log_every`` steps
(the trainer's per-step ``loss.item()`` is a host sync; the figure here is the GPU's).
The ids sit on the device once, so each step only indexes them.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from bench.gpu_ids import Split


@dataclass(frozen=True)
class Settings:
    """The trainer's defaults (``models.configs.PhobertConfig``) plus the time box."""

    batch_size: int = 32
    lr: float = 2e-5
    weight_decay: float = 0.01
    warmup_ratio: float = 0.1
    max_grad_norm: float = 1.0
    log_every: int = 25
    max_steps: int | None = None
    max_seconds: float = 180.0
    seed: int = 42
    infer_batch_size: int = 128
    infer_passes: int = 3


def _sync(device: str) -> None:
    if device == "cuda":
        torch.cuda.synchronize()


def _optimiser(model: torch.nn.Module, s: Settings, total: int) -> tuple[Any, Any]:
    params = list(model.parameters())
    opt = torch.optim.AdamW(
        [
            {"params": [p for p in params if p.ndim >= 2], "weight_decay": s.weight_decay},
            {"params": [p for p in params if p.ndim < 2], "weight_decay": 0.0},
        ],
        lr=s.lr,
    )
    warmup = int(s.warmup_ratio * total)

    def factor(step: int) -> float:
        if step < warmup:
            return step / max(1, warmup)
        return max(0.0, (total - step) / max(1, total - warmup))

    return opt, torch.optim.lr_scheduler.LambdaLR(opt, factor)


def _on_device(split: Split, device: str) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    ids = torch.from_numpy(split.ids.astype(np.int64)).to(device)
    lengths = torch.from_numpy(split.lengths.astype(np.int64)).to(device)
    return ids, lengths, torch.from_numpy(split.labels.astype(np.int64)).to(device)


def _batch(
    data: tuple[torch.Tensor, torch.Tensor, torch.Tensor], rows: np.ndarray, width: int
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    ids, lengths, labels = data
    index = torch.from_numpy(rows).to(ids.device)
    batch_lengths = lengths[index]
    positions = torch.arange(width, device=ids.device)
    mask = (positions[None, :] < batch_lengths[:, None]).long()
    return ids[index, :width], mask, labels[index]


def label_prior_loss(labels: np.ndarray) -> float:
    """Cross-entropy of always predicting the label shares: what learning nothing else reaches."""
    p = np.bincount(labels.astype(np.int64)) / len(labels)
    return float(-(p[p > 0] * np.log(p[p > 0])).sum())


def finetune(
    model: torch.nn.Module, train: Split, device: str, s: Settings = Settings()
) -> dict[str, Any]:
    """Train one epoch (or until ``max_steps`` / ``max_seconds``); return timings and losses."""
    per_epoch = -(-len(train) // s.batch_size)
    opt, sched = _optimiser(model, s, per_epoch)
    data = _on_device(train, device)
    order = np.random.default_rng(s.seed).permutation(len(train))
    amp = device == "cuda"
    warm = min(10, max(1, per_epoch // 4))
    curve: list[dict[str, float]] = []
    running = torch.zeros((), device=device)
    tokens = steps = warm_tokens = 0
    model.train()
    _sync(device)
    start = warm_at = time.perf_counter()
    while steps < per_epoch and (s.max_steps is None or steps < s.max_steps):
        rows = order[steps * s.batch_size : (steps + 1) * s.batch_size]
        width = int(train.lengths[rows].max())
        ids, mask, labels = _batch(data, rows, width)
        with torch.autocast(device, dtype=torch.bfloat16, enabled=amp):
            logits = model(ids, mask)
        loss = torch.nn.functional.cross_entropy(logits.float(), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), s.max_grad_norm)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        running += loss.detach()
        steps += 1
        tokens += int(train.lengths[rows].sum())
        if steps == warm:
            _sync(device)
            warm_at, warm_tokens = time.perf_counter(), tokens
        if steps % s.log_every == 0 or steps == per_epoch:
            done = steps - (curve[-1]["step"] if curve else 0)
            mean = running.item() / done  # the only host sync between log points
            running.zero_()
            curve.append(
                {"step": steps, "loss": round(mean, 4), "s": round(time.perf_counter() - start, 2)}
            )
        if time.perf_counter() - start > s.max_seconds:
            break
    _sync(device)
    end = time.perf_counter()
    steady = (steps - warm) / (end - warm_at) if steps > warm else steps / (end - start)
    measured = steps == per_epoch
    return {
        "steps_per_epoch": per_epoch,
        "steps_run": steps,
        "batch_size": s.batch_size,
        "steps_per_s": round(steady, 2),
        "samples_per_s": round(steady * s.batch_size, 1),
        "real_tokens_per_s": round((tokens - warm_tokens) / (end - warm_at))
        if steps > warm
        else None,
        "steps_per_s_note": f"after the first {warm} steps (kernel selection, allocator warm-up)",
        "wall_s": round(end - start, 2),
        "epoch_time_s": round(
            end - start if measured else (end - start) + (per_epoch - steps) / steady, 1
        ),
        "epoch_time_source": "measured"
        if measured
        else f"extrapolated from {steps} of {per_epoch} steps at the steady rate",
        "loss_curve": curve,
        "label_prior_loss": round(label_prior_loss(train.labels), 4),
        "settings": {
            k: getattr(s, k)
            for k in ("lr", "weight_decay", "warmup_ratio", "max_grad_norm", "log_every", "seed")
        },
    }


def _macro_f1(y: np.ndarray, pred: np.ndarray) -> float:
    scores = []
    for label in np.unique(y):
        tp = float(((pred == label) & (y == label)).sum())
        denom = float((pred == label).sum() + (y == label).sum())
        scores.append(2 * tp / denom if denom else 0.0)
    return float(np.mean(scores))


def evaluate(
    model: torch.nn.Module, dev: Split, device: str, s: Settings = Settings()
) -> dict[str, Any]:
    """Score ``dev`` as the service batches (sorted by length, padded per batch); time it."""
    order = np.argsort(dev.lengths, kind="stable")
    data = _on_device(dev, device)
    batches = [order[i : i + s.infer_batch_size] for i in range(0, len(dev), s.infer_batch_size)]
    amp = device == "cuda"
    model.eval()

    def one_pass() -> torch.Tensor:
        out = []
        with torch.inference_mode(), torch.autocast(device, torch.bfloat16, enabled=amp):
            for rows in batches:
                ids, mask, _ = _batch(data, rows, int(dev.lengths[rows].max()))
                out.append(model(ids, mask).float())
        return torch.cat(out)

    logits = one_pass()  # also the warm-up
    rates = []
    for _ in range(s.infer_passes):
        _sync(device)
        start = time.perf_counter()
        one_pass()
        _sync(device)
        rates.append(len(dev) / (time.perf_counter() - start))
    y = dev.labels.astype(np.int64)[order]
    loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y).to(logits.device))
    pred = logits.argmax(dim=1).cpu().numpy()
    return {
        "posts": len(dev),
        "batch_size": s.infer_batch_size,
        "posts_per_s": round(float(np.median(rates)), 1),
        "posts_per_s_passes": [round(r, 1) for r in rates],
        "loss": round(float(loss), 4) if math.isfinite(float(loss)) else None,
        "label_prior_loss": round(label_prior_loss(dev.labels), 4),
        "accuracy": round(float((pred == y).mean()), 4),
        "macro_f1": round(_macro_f1(y, pred), 4),
    }
