"""GPU figures for a phobert-base-sized model: fine-tune steps/s and inference posts/s.

Self-contained on purpose: a lent GPU machine has no network and its own Python, so this
uses only torch (and transformers' ``RobertaForSequenceClassification`` when installed,
else an equivalent ``nn.TransformerEncoder`` of the same shape). Random weights and token
ids: speed does not depend on the values. Every measurement is time-boxed.

    python bench/gpu_phobert.py --out gpu_phobert.json
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

VOCAB, HIDDEN, LAYERS, HEADS, FFN, POSITIONS, LABELS = 64_001, 768, 12, 12, 3072, 258, 3


class _Encoder(torch.nn.Module):
    """Fallback with phobert-base's shapes when transformers is not installed."""

    def __init__(self) -> None:
        super().__init__()
        self.tokens = torch.nn.Embedding(VOCAB, HIDDEN, padding_idx=1)
        self.positions = torch.nn.Embedding(POSITIONS, HIDDEN)
        layer = torch.nn.TransformerEncoderLayer(
            HIDDEN, HEADS, FFN, activation="gelu", batch_first=True, norm_first=False
        )
        self.encoder = torch.nn.TransformerEncoder(layer, LAYERS, enable_nested_tensor=False)
        self.head = torch.nn.Sequential(
            torch.nn.Linear(HIDDEN, HIDDEN), torch.nn.Tanh(), torch.nn.Linear(HIDDEN, LABELS)
        )

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(2, 2 + input_ids.shape[1], device=input_ids.device)
        x = self.tokens(input_ids) + self.positions(pos)
        x = self.encoder(x, src_key_padding_mask=attention_mask == 0)
        return self.head(x[:, 0])


def build(device: str) -> tuple[torch.nn.Module, str]:
    try:
        from transformers import RobertaConfig, RobertaForSequenceClassification
    except ImportError:
        return _Encoder().to(device), "torch.nn.TransformerEncoder (transformers absent)"
    config = RobertaConfig(
        vocab_size=VOCAB,
        hidden_size=HIDDEN,
        num_hidden_layers=LAYERS,
        num_attention_heads=HEADS,
        intermediate_size=FFN,
        max_position_embeddings=POSITIONS,
        type_vocab_size=1,
        pad_token_id=1,
        num_labels=LABELS,
    )
    model = RobertaForSequenceClassification(config).to(device)

    class _Logits(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits

    return _Logits(), "transformers RobertaForSequenceClassification"


def batch(size: int, length: int, device: str) -> tuple[torch.Tensor, torch.Tensor]:
    ids = torch.randint(4, VOCAB, (size, length), device=device)
    ids[:, 0], ids[:, -1] = 0, 2
    return ids, torch.ones_like(ids)


def timed(step: Callable[[], Any], seconds: float, device: str) -> tuple[int, float]:
    """Run ``step`` for about ``seconds`` after 3 warm-up calls; return (calls, elapsed)."""
    for _ in range(3):
        step()
    if device == "cuda":
        torch.cuda.synchronize()
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        step()
        calls += 1
        if device == "cuda" and calls % 5 == 0:
            torch.cuda.synchronize()
    if device == "cuda":
        torch.cuda.synchronize()
    return calls, time.perf_counter() - start


def train_rate(
    model: torch.nn.Module, size: int, length: int, device: str, seconds: float
) -> dict[str, float]:
    opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
    ids, mask = batch(size, length, device)
    labels = torch.randint(0, LABELS, (size,), device=device)
    model.train()

    def step() -> None:
        with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
            logits = model(ids, mask)
        torch.nn.functional.cross_entropy(logits.float(), labels).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)

    calls, elapsed = timed(step, seconds, device)
    return {
        "steps_per_s": round(calls / elapsed, 2),
        "samples_per_s": round(calls * size / elapsed, 1),
    }


def infer_rate(
    model: torch.nn.Module, size: int, length: int, device: str, seconds: float, dtype: torch.dtype
) -> float:
    ids, mask = batch(size, length, device)
    model.eval()

    def step() -> None:
        with torch.inference_mode(), torch.autocast(device, dtype=dtype, enabled=device == "cuda"):
            model(ids, mask)

    calls, elapsed = timed(step, seconds, device)
    return round(calls * size / elapsed, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seconds", type=float, default=8.0, help="per measurement")
    ap.add_argument("--out", type=Path, default=Path("gpu_phobert.json"))
    args = ap.parse_args()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    torch.manual_seed(0)
    torch.backends.cuda.matmul.allow_tf32 = True
    model, impl = build(device)
    result: dict[str, Any] = {
        "device": torch.cuda.get_device_name(0) if device == "cuda" else platform.processor(),
        "torch": torch.__version__,
        "model": f"{impl}, {LAYERS}x{HIDDEN}, vocab {VOCAB:,}, random weights",
        "fine_tune_bf16_adamw": {},
        "inference_posts_per_s": {},
    }
    for size, length in ((32, 128), (32, 256)):
        rate = train_rate(model, size, length, device, args.seconds)
        result["fine_tune_bf16_adamw"][f"batch{size}_len{length}"] = rate
        print("train", size, length, rate, flush=True)
    for name, dtype in (("bf16", torch.bfloat16), ("fp16", torch.float16)):
        for size, length in ((32, 64), (32, 128), (128, 64), (128, 128), (64, 256)):
            rate = infer_rate(model, size, length, device, args.seconds / 2, dtype)
            result["inference_posts_per_s"][f"{name}_batch{size}_len{length}"] = rate
            print("infer", name, size, length, rate, flush=True)
    if device == "cuda":
        result["max_memory_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
    # ViHSD train: 24,048 posts; one epoch at batch 32 is 752 steps.
    steps = result["fine_tune_bf16_adamw"]["batch32_len256"]["steps_per_s"]
    result["vihsd_epoch_minutes_at_len256"] = round(752 / steps / 60, 2) if steps else None
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
