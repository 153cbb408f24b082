"""GPU figures for a phobert-base-sized model: a ViHSD fine-tuning epoch, steps/s, posts/s.

Self-contained on purpose: a lent GPU machine has no network, no ``../shared`` and its own
Python, so this uses only torch, numpy (and transformers' ``RobertaForSequenceClassification``
when installed, else an ``nn.TransformerEncoder`` of the same shape; matplotlib for the
figure when installed). Weights are random: no PhoBERT weights reach the project's machines.

1. With ``--ids`` present (``bench/gpu_pretokenize.py`` writes it here; the device run
   carries it), one epoch over ViHSD train's real ids: steps/s, samples/s, epoch time,
   the loss curve, peak memory; then dev scoring speed (``bench/gpu_finetune.py``).
2. Fixed-shape random batches: fine-tune steps/s at 128/256 tokens and inference posts/s
   in bf16 and fp16 at several batch sizes and lengths. Every measurement is time-boxed.

The JSON is rewritten after each part, so a run cut short keeps what it measured.
``--tiny`` swaps in a 2-layer model and short time boxes so the test runs it all on CPU.

    python bench/gpu_phobert.py --ids var/gpu/vihsd_ids.npz --out gpu_phobert.json
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import gpu_finetune, gpu_ids  # noqa: E402
from bench.gpu_model import BASE, FALLBACK, ROBERTA, TINY, Shape, build, has_transformers  # noqa: E402


def batch(size: int, length: int, device: str, vocab: int) -> tuple[torch.Tensor, torch.Tensor]:
    ids = torch.randint(4, vocab, (size, length), device=device)
    ids[:, 0], ids[:, -1] = 0, 2
    return ids, torch.ones_like(ids)


def timed(
    step: Callable[[], Any], seconds: float, device: str, warmup: int = 3
) -> tuple[int, float]:
    """Run ``step`` for about ``seconds`` after ``warmup`` calls; return (calls, elapsed)."""
    for _ in range(warmup):
        step()
    if device == "cuda":
        torch.cuda.synchronize()
    calls, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds or calls == 0:
        step()
        calls += 1
        if device == "cuda" and calls % 5 == 0:
            torch.cuda.synchronize()
    if device == "cuda":
        torch.cuda.synchronize()
    return calls, time.perf_counter() - start


def train_rate(
    model: torch.nn.Module,
    size: int,
    length: int,
    device: str,
    seconds: float,
    vocab: int,
    warmup: int = 3,
) -> dict[str, float]:
    opt = torch.optim.AdamW(model.parameters(), lr=2e-5)
    ids, mask = batch(size, length, device, vocab)
    labels = torch.randint(0, 3, (size,), device=device)
    model.train()

    def step() -> None:
        with torch.autocast(device, dtype=torch.bfloat16, enabled=device == "cuda"):
            logits = model(ids, mask)
        torch.nn.functional.cross_entropy(logits.float(), labels).backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        opt.zero_grad(set_to_none=True)

    calls, elapsed = timed(step, seconds, device, warmup)
    return {
        "steps_per_s": round(calls / elapsed, 2),
        "samples_per_s": round(calls * size / elapsed, 1),
    }


def infer_rate(
    model: torch.nn.Module,
    size: int,
    length: int,
    device: str,
    seconds: float,
    dtype: torch.dtype,
    vocab: int,
    warmup: int = 3,
) -> float:
    ids, mask = batch(size, length, device, vocab)
    model.eval()

    def step() -> None:
        with torch.inference_mode(), torch.autocast(device, dtype=dtype, enabled=device == "cuda"):
            model(ids, mask)

    calls, elapsed = timed(step, seconds, device, warmup)
    return round(calls * size / elapsed, 1)


def environment(device: str) -> dict[str, Any]:
    """What the figures were measured on: card, driver, library versions, CPU flags."""
    env: dict[str, Any] = {
        "python": platform.python_version(),
        "torch": torch.__version__,
        "cuda": torch.version.cuda,
        "cudnn": torch.backends.cudnn.version() if device == "cuda" else None,
    }
    try:
        import transformers

        env["transformers"] = transformers.__version__
    except ImportError:
        env["transformers"] = None
    try:
        query = "--query-gpu=name,memory.total,driver_version"
        out = subprocess.run(
            ["nvidia-smi", query, "--format=csv,noheader"],
            capture_output=True,
            text=True,
            timeout=30,
        )
        env["nvidia_smi"] = out.stdout.strip() or None
    except (OSError, subprocess.TimeoutExpired):
        env["nvidia_smi"] = None
    try:
        cpu = Path("/proc/cpuinfo").read_text().splitlines()
        env["cpu"] = next((ln.split(":", 1)[1].strip() for ln in cpu if "model name" in ln), None)
        flags = next((ln.split(":", 1)[1].split() for ln in cpu if ln.startswith("flags")), [])
        wanted = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_bf16", "amx_int8")
        env["cpu_flags"] = [f for f in wanted if f in flags]
    except OSError:
        env["cpu"] = None
    return env


def _peak_gib(device: str) -> float | None:
    return round(torch.cuda.max_memory_allocated() / 2**30, 2) if device == "cuda" else None


def _reset_peak(device: str) -> None:
    if device == "cuda":
        torch.cuda.reset_peak_memory_stats()


def vihsd_part(args: argparse.Namespace, device: str, shape: Shape, result: dict[str, Any]) -> None:
    """Part 1: one epoch over the shipped ViHSD ids, then dev scoring."""
    splits, meta = gpu_ids.load(args.ids, args.max_len)
    if meta["max_len"] + 2 > shape.positions:
        raise SystemExit(f"max_len {meta['max_len']} needs {meta['max_len'] + 2} positions")
    result["data"] = meta
    torch.manual_seed(0)
    model, _ = build(device, shape)
    settings = gpu_finetune.Settings(
        batch_size=args.batch_size,
        lr=args.lr,
        log_every=args.log_every,
        max_steps=args.max_steps,
        max_seconds=args.epoch_seconds,
    )
    _reset_peak(device)
    result["vihsd_finetune"] = gpu_finetune.finetune(model, splits["train"], device, settings)
    result["finetune_peak_memory_gib"] = _peak_gib(device)
    if "dev" in splits:
        _reset_peak(device)
        result["vihsd_dev"] = gpu_finetune.evaluate(model, splits["dev"], device, settings)
        result["vihsd_dev"]["note"] = "random init + this one epoch: a pipeline check, not PhoBERT"
        result["inference_peak_memory_gib"] = _peak_gib(device)
    del model
    if device == "cuda":
        torch.cuda.empty_cache()


def synthetic_part(
    args: argparse.Namespace, device: str, shape: Shape, result: dict[str, Any]
) -> None:
    """Part 2: fixed-shape random batches, time-boxed per measurement."""
    torch.manual_seed(0)
    model, _ = build(device, shape)
    _reset_peak(device)
    train = result.setdefault("fine_tune_bf16_adamw", {})
    for size, length in ((32, 128), (32, 256)):
        train[f"batch{size}_len{length}"] = train_rate(
            model, size, length, device, args.seconds, shape.vocab, args.warmup
        )
        print("train", size, length, train[f"batch{size}_len{length}"], flush=True)
    infer = result.setdefault("inference_posts_per_s", {})
    for name, dtype in (("bf16", torch.bfloat16), ("fp16", torch.float16)):
        for size, length in ((32, 64), (32, 128), (128, 64), (128, 128), (64, 256)):
            rate = infer_rate(
                model, size, length, device, args.seconds / 2, dtype, shape.vocab, args.warmup
            )
            infer[f"{name}_batch{size}_len{length}"] = rate
            print("infer", name, size, length, rate, flush=True)
    result["synthetic_peak_memory_gib"] = _peak_gib(device)
    steps = train["batch32_len256"]["steps_per_s"]
    # ViHSD train: 24,048 posts; one epoch at batch 32 is 752 steps.
    result["epoch_minutes_if_every_post_had_256_tokens"] = round(752 / steps / 60, 2)


def _write(result: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("gpu_phobert.json"))
    ap.add_argument("--plot", type=Path, default=None, help="PNG (default: beside --out)")
    ap.add_argument("--ids", type=Path, default=ROOT / "var" / "gpu" / "vihsd_ids.npz")
    ap.add_argument("--max-len", type=int, default=None, help="cut the shipped ids shorter")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=2e-5, help="the phobert kind's default")
    ap.add_argument("--log-every", type=int, default=25, help="loss curve resolution (steps)")
    ap.add_argument("--max-steps", type=int, default=None, help="stop the epoch early")
    ap.add_argument("--epoch-seconds", type=float, default=180.0, help="stop the epoch early")
    ap.add_argument("--seconds", type=float, default=5.0, help="per synthetic train measurement")
    ap.add_argument("--warmup", type=int, default=3, help="untimed calls per synthetic shape")
    ap.add_argument("--skip-synthetic", action="store_true")
    ap.add_argument("--tiny", action="store_true", help="2-layer model, short boxes (CPU test)")
    args = ap.parse_args(argv)
    device = "cuda" if torch.cuda.is_available() else "cpu"
    shape = TINY if args.tiny else BASE
    if args.tiny:
        torch.set_num_threads(1)
        args.seconds, args.warmup = min(args.seconds, 0.05), min(args.warmup, 1)
    torch.backends.cuda.matmul.allow_tf32 = True
    impl = ROBERTA if has_transformers() else FALLBACK
    result: dict[str, Any] = {
        "device": torch.cuda.get_device_name(0)
        if device == "cuda"
        else f"CPU {platform.machine()}",
        "precision": "bf16 autocast" if device == "cuda" else "fp32 (no CUDA)",
        "model": f"{impl}, {shape.layers}x{shape.hidden}, vocab {shape.vocab:,}, random weights",
        "environment": environment(device),
    }
    print(json.dumps({k: result[k] for k in ("device", "environment")}), flush=True)
    out = args.out
    if args.ids.is_file():
        vihsd_part(args, device, shape, result)
        _write(result, out)
        try:
            from bench.gpu_plot import plot

            plot(result, args.plot or out.with_suffix(".png"))
        except ImportError as exc:
            result["plot"] = f"not drawn: {exc}"
        print(json.dumps({k: result[k] for k in ("vihsd_finetune", "vihsd_dev") if k in result}))
    else:
        result["vihsd_finetune"] = f"skipped: no {args.ids} (run bench/gpu_pretokenize.py)"
        print(result["vihsd_finetune"], flush=True)
    _write(result, out)
    if not args.skip_synthetic:
        synthetic_part(args, device, shape, result)
    _write(result, out)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
