"""CPU throughput of PhoBERT inference, all engines in one run, same texts, batch 32.

Engines: the plain transformers ``pipeline("text-classification")`` (fp32, slow Python
PhobertTokenizer), vimod's torch engine, vimod's ONNX int8 engine, and raw ONNX Runtime on
pre-tokenised arrays (the ceiling vimod's own pipeline is measured against). With ``--http``
the int8 model is also served by ``service.app`` under uvicorn and hit by concurrent clients.

The model is phobert-base sized (12 layers × 768, vocab 64,001, random weights: no
pretrained weights reach this machine; speed does not depend on the values). Texts are
ViHSD test posts when ``../shared/data`` exists, else synthetic ones, re-packed to exactly
64 or 128 tokens so every engine does the same work. Each engine's pass over the texts is
interleaved with the others' for ``--rounds`` rounds and the median is reported, which keeps
a shared machine's load swings from favouring whichever engine ran in a quiet moment.

    python bench/bench_phobert.py --n 96 --out bench/results/phobert.json
    python bench/bench_phobert.py --n 96 --http --out bench/results/phobert_http.json
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench._server import admin_headers, free_port, start_server  # noqa: E402
from models.phobert import PhobertClassifier, pad, windows  # noqa: E402
from models.phobert_tokenizer import FastPhobertTokenizer  # noqa: E402
from models.registry import Registry  # noqa: E402
from models.tasks import TOXICITY  # noqa: E402
from models.text import normalize  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
Engine = Callable[[list[str]], object]


def source_texts() -> tuple[list[str], str]:
    path = DATA / "vihsd" / "test.csv"
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            return [r["free_text"] for r in csv.DictReader(fh)], "ViHSD test"
    from tests.tiny_phobert import corpus

    return [t.replace("_", " ") for t in corpus(2000, seed=0)], "synthetic (tests/tiny_phobert.py)"


def build_version(root: Path, layers: int) -> tuple[Registry, str]:
    """Register a random phobert-base-sized classifier (tiny fixture vocab, padded to 64,001)."""
    import torch
    from transformers import RobertaConfig, RobertaForSequenceClassification

    from models.phobert_engines import TorchEngine
    from tests.tiny_phobert import write_bpe_files

    base = root / "base"
    write_bpe_files(base)
    torch.manual_seed(0)
    config = RobertaConfig(
        vocab_size=64_001,
        hidden_size=768,
        num_hidden_layers=layers,
        num_attention_heads=12,
        intermediate_size=3072,
        max_position_embeddings=258,
        type_vocab_size=1,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        tokenizer_class="PhobertTokenizer",
        id2label=dict(enumerate(TOXICITY.labels)),
        label2id={lab: i for i, lab in enumerate(TOXICITY.labels)},
    )
    module = RobertaForSequenceClassification(config).eval()
    model = PhobertClassifier(
        TOXICITY, {}, FastPhobertTokenizer.build(base), TorchEngine(module, "cpu")
    )
    registry = Registry(root / "registry")
    return registry, registry.save(model, data_fingerprint="bench", activate=True).version


def fixed_length_texts(model: PhobertClassifier, raw: list[str], tokens: int, n: int) -> list[str]:
    """``n`` segmented texts of exactly ``tokens`` tokens with <s> and </s> (BPE is per word).

    Words come from the normalised source posts in order; each text is topped up with a
    one-token filler word when the next word would overflow it.
    """
    words = [w for text in raw for w in normalize(text, model.text_config).split()]
    unique = list(dict.fromkeys(words))
    length = dict(zip(unique, (len(ids) for ids in model.tokenizer.encode(unique)), strict=True))
    filler = next(w for w in unique if length[w] == 1)
    target, out, current, used = tokens - 2, [], [], 0
    for word in itertools.cycle(words):
        if used + length[word] > target:
            out.append(" ".join(current + [filler] * (target - used)))
            current, used = [], 0
            if len(out) == n:
                return out
        if length[word] <= target:
            current.append(word)
            used += length[word]
    raise AssertionError("unreachable")


def batches(texts: list[str], size: int) -> list[list[str]]:
    return [texts[i : i + size] for i in range(0, len(texts), size)]


def pipeline_engine(version_dir: Path, tokens: int, batch: int) -> Engine:
    from transformers import pipeline

    pipe = pipeline("text-classification", model=str(version_dir), device="cpu")
    return lambda texts: pipe(texts, batch_size=batch, truncation=True, max_length=tokens)


def vimod_engine(model: object, batch: int) -> Engine:
    def run(texts: list[str]) -> None:
        for chunk in batches(texts, batch):
            model.predict_proba(chunk)  # type: ignore[attr-defined]

    return run


def raw_onnx_engine(model: PhobertClassifier, texts: list[str], batch: int) -> Engine:
    """ONNX Runtime alone on pre-tokenised, pre-padded arrays: vimod's ceiling."""
    rows = [windows(ids, model.max_len, model.stride)[0] for ids in model.encode(texts)]
    arrays = [pad(rows[start : start + batch]) for start in range(0, len(rows), batch)]
    engine = model.engine

    def run(_: list[str]) -> None:
        for ids, mask in arrays:
            engine.logits(ids, mask)  # type: ignore[attr-defined]

    return run


def measure(engines: dict[str, Engine], texts: list[str], rounds: int) -> dict[str, list[float]]:
    """posts/s of each engine over ``texts``, interleaved round by round, after a warm-up."""
    for run in engines.values():
        run(texts[:8])
    out: dict[str, list[float]] = {name: [] for name in engines}
    for _ in range(rounds):
        for name, run in engines.items():
            start = time.perf_counter()
            run(texts)
            out[name].append(len(texts) / (time.perf_counter() - start))
    return out


HEADERS: dict[str, str] = {}  # the started server's admin key


def start(registry: Path, tmp: Path, port: int, batch: int) -> subprocess.Popen[bytes]:
    settings = {
        "VIMOD_REGISTRY_DIR": str(registry),
        "VIMOD_DATABASE_URL": f"sqlite:///{tmp / 'bench.db'}",
        "VIMOD_ENGINE": "onnx",
        "VIMOD_TASKS": '["toxicity"]',
        "VIMOD_BOOTSTRAP": "false",
        "VIMOD_BATCH_MAX_SIZE": str(batch),
        "VIMOD_MAX_QUEUE": "100000",
        "VIMOD_SECRETS_DIR": str(tmp / "secrets"),
    }
    proc = start_server(settings, port)
    HEADERS.update(admin_headers(tmp / "secrets"))
    return proc


async def http_posts_per_s(url: str, texts: list[str], clients: int, per_request: int) -> float:
    """``clients`` concurrent clients, ``per_request`` posts each call, until all are sent."""
    import httpx

    queue: asyncio.Queue[list[str]] = asyncio.Queue()
    for chunk in batches(texts, per_request):
        queue.put_nowait(chunk)

    async def client(http: httpx.AsyncClient) -> None:
        while not queue.empty():
            chunk = queue.get_nowait()
            (await http.post(url, json={"texts": chunk, "tasks": ["toxicity"]})).raise_for_status()

    limits = httpx.Limits(max_connections=clients)
    async with httpx.AsyncClient(timeout=300, limits=limits, headers=HEADERS) as http:
        await http.post(url, json={"texts": texts[:per_request], "tasks": ["toxicity"]})
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        return len(texts) / (time.perf_counter() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--n", type=int, default=96, help="texts per engine pass")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved passes per engine")
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lengths", type=int, nargs="+", default=[64, 128])
    ap.add_argument("--http", action="store_true", help="also serve the int8 model over HTTP")
    ap.add_argument("--clients", type=int, default=32, help="concurrent HTTP clients")
    ap.add_argument("--per-request", type=int, default=1, help="posts per HTTP request")
    ap.add_argument("--layers", type=int, default=12, help="12 = phobert-base; fewer: smoke run")
    ap.add_argument("--out", type=Path, help="write results as JSON")
    args = ap.parse_args()

    from models.onnx_export import export_onnx

    load_before = os.getloadavg()
    raw, source = source_texts()
    results: dict[str, dict[str, float]] = {}
    per_round: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        t0 = time.perf_counter()
        registry, version = build_version(tmp, args.layers)
        version_dir = registry.path(version)
        torch_model, _ = registry.load(version, {"engine": "torch", "device": "cpu"})
        texts = {n: fixed_length_texts(torch_model, raw, n, args.n) for n in args.lengths}  # type: ignore[arg-type]
        report = export_onnx(version_dir, int8=True, sample_texts=texts[args.lengths[0]][:32])
        onnx_model, _ = registry.load(version, {"engine": "onnx"})
        setup_s = time.perf_counter() - t0
        for n in args.lengths:
            engines = {
                "pipeline fp32": pipeline_engine(version_dir, n, args.batch),
                "vimod torch fp32": vimod_engine(torch_model, args.batch),
                "vimod onnx int8": vimod_engine(onnx_model, args.batch),
                "raw onnx int8": raw_onnx_engine(onnx_model, texts[n], args.batch),  # type: ignore[arg-type]
            }
            rates = measure(engines, texts[n], args.rounds)
            seen = [len(ids) + 2 for ids in torch_model.encode(texts[n])]  # type: ignore[attr-defined]
            per_round[str(n)] = {k: [round(x, 2) for x in v] for k, v in rates.items()}
            results[str(n)] = {name: round(statistics.median(r), 2) for name, r in rates.items()}
            results[str(n)]["vimod tokens/text (mean)"] = round(float(np.mean(seen)), 1)
            print(f"{n} tokens: " + json.dumps(per_round[str(n)]), flush=True)
        if args.http:
            port = free_port()
            server = start(registry.root, tmp, port, args.batch)
            try:
                url = f"http://127.0.0.1:{port}/v1/classify"
                for n in args.lengths:
                    rate = asyncio.run(
                        http_posts_per_s(url, texts[n], args.clients, args.per_request)
                    )
                    results[str(n)]["vimod onnx int8 over HTTP"] = round(rate, 2)
            finally:
                server.terminate()
                server.wait(timeout=60)

    import onnxruntime
    import torch
    import transformers

    for row in results.values():
        peer = row["pipeline fp32"]
        for name in [k for k in row if k.startswith("vimod") and "tokens" not in k]:
            row[f"{name} / pipeline"] = round(row[name] / peer, 2)
        if "vimod onnx int8 over HTTP" in row:
            row["HTTP / raw onnx int8"] = round(
                row["vimod onnx int8 over HTTP"] / row["raw onnx int8"], 3
            )
        row["vimod onnx int8 / raw onnx int8"] = round(
            row["vimod onnx int8"] / row["raw onnx int8"], 3
        )
    out = {
        "model": f"RoBERTa {args.layers}x768, vocab 64,001, random weights, 3 labels",
        "texts": source,
        "n": args.n,
        "batch": args.batch,
        "rounds": args.rounds,
        "http": {"clients": args.clients, "per_request": args.per_request} if args.http else None,
        "onnx_parity": {"max_abs_diff": report.max_abs_diff, "int8_size_mb": report.size_mb},
        "setup_s": round(setup_s, 1),
        "machine": {
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "load_avg_before": [round(x, 2) for x in load_before],
            "load_avg_after": [round(x, 2) for x in os.getloadavg()],
            "torch_threads": torch.get_num_threads(),
            "versions": {
                "torch": torch.__version__,
                "transformers": transformers.__version__,
                "onnxruntime": onnxruntime.__version__,
            },
        },
        "posts_per_s": results,
        "posts_per_s_each_round": per_round,
    }
    engines = [k for k in next(iter(results.values())) if "/" not in k and "tokens" not in k]
    print(f"\n{'engine':<28}" + "".join(f"{n + ' tok':>12}" for n in results))
    for name in engines:
        print(
            f"{name:<28}"
            + "".join(f"{row.get(name, float('nan')):>12.1f}" for row in results.values())
        )
    print(json.dumps(out, indent=2))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2) + "\n", "utf-8")


if __name__ == "__main__":
    main()
