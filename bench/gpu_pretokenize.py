"""Pre-tokenise ViHSD train/dev into ids a lent GPU can fine-tune on (``bench/gpu_ids.py``).

The GPU machine gets only the working tree plus up to 64 MiB of carried files, with no
``../shared/data`` and no underthesea, so the text pipeline runs here, exactly as
``vimod train --model phobert`` runs it: ``models.text.normalize`` with the phobert kind's
text settings (cased, word-segmented), vimod's ``FastPhobertTokenizer``, and the first
``<s> … </s>`` window of each post (``models.phobert.windows``).

No PhoBERT vocab reaches this machine, so the BPE (fastBPE ``bpe.codes`` + ``vocab.txt``,
PhoBERT's formats) is learned on ViHSD train with 🤗 ``tokenizers``; its ids fit in
phobert-base's 64,001. Output goes under ``var/`` (git-ignored): never commit it, it is
derived from research-only data.

    python bench/gpu_pretokenize.py                      # → var/gpu/vihsd_ids.npz
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import gpu_ids  # noqa: E402

MODEL_VOCAB = 64_001  # phobert-base: 4 specials, 63,996 tokens, <mask>
SPECIAL_TOKENS = frozenset({"<s>", "<pad>", "</s>", "<unk>", "<mask>"})


def read_split(data_dir: Path, split: str, limit: int | None) -> tuple[list[str], list[int]]:
    """Raw ViHSD posts of ``split`` and their label indices (vimod's own adapter)."""
    from models.tasks import TOXICITY
    from training.datasets.base import DataContext
    from training.datasets.vihsd import load

    rows = load(split, DataContext(task=TOXICITY, data_dir=data_dir))[:limit]
    index = {label: i for i, label in enumerate(TOXICITY.labels)}
    return [r.text for r in rows], [index[r.label] for r in rows]


def learn_bpe(texts: Sequence[str], directory: Path, *, vocab_size: int, min_count: int) -> int:
    """Write ``bpe.codes`` and ``vocab.txt`` learned on ``texts``; return the vocab lines.

    ``tokenizers`` learns merges over ``x`` / ``x</w>`` symbols; the vocab lists the tokens
    those merges produce on ``texts`` in PhoBERT's spelling (``x@@`` continues a word, ``x``
    ends one), most frequent first, at least ``min_count`` times, capped to phobert-base.
    """
    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    learner = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    learner.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, min_frequency=min_count, end_of_word_suffix="</w>"
    )
    learner.train_from_iterator(texts, trainer)
    merges = json.loads(learner.to_str())["model"]["merges"]
    pairs = [m if isinstance(m, list) else m.split(" ") for m in merges]
    counts: Counter[str] = Counter()
    for enc in learner.encode_batch(list(texts)):
        counts.update(s[:-4] if s.endswith("</w>") else s + "@@" for s in enc.tokens)
    room = MODEL_VOCAB - len(SPECIAL_TOKENS)
    kept = [
        (tok, c)
        for tok, c in counts.most_common()
        if c >= min_count and tok not in SPECIAL_TOKENS and tok.split() == [tok]
    ][:room]
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "bpe.codes").write_text("".join(f"{a} {b} 1\n" for a, b in pairs), "utf-8")
    (directory / "vocab.txt").write_text("".join(f"{t} {c}\n" for t, c in kept), "utf-8")
    return len(kept)


def first_windows(tokenizer: object, texts: Sequence[str], max_len: int) -> list[np.ndarray]:
    """The trainer's view of each post: its first ``<s> … </s>`` window."""
    from models.phobert import windows

    encoded = tokenizer.encode(texts)  # type: ignore[attr-defined]
    return [windows(ids, max_len, 0)[0] for ids in encoded]


def run(args: argparse.Namespace) -> dict[str, object]:
    """Read, normalise, learn the BPE, encode, save; return what was written."""
    from models.configs import PhobertConfig
    from models.phobert_tokenizer import FastPhobertTokenizer
    from models.tasks import TOXICITY
    from models.text import normalize

    text_config = PhobertConfig().text
    start = time.perf_counter()
    raw = {s: read_split(args.data_dir, s, args.limit) for s in gpu_ids.SPLITS}
    texts = {s: [normalize(t, text_config) for t in raw[s][0]] for s in raw}
    normalised_s = time.perf_counter() - start
    kept = learn_bpe(
        texts["train"], args.tokenizer_dir, vocab_size=args.vocab_size, min_count=args.min_count
    )
    tokenizer = FastPhobertTokenizer.build(args.tokenizer_dir)
    splits = {
        s: gpu_ids.pack(first_windows(tokenizer, texts[s], args.max_len), raw[s][1], args.max_len)
        for s in raw
    }
    train = splits["train"]
    meta = {
        "source": "ViHSD official split (vimod adapter vihsd:train, vihsd:dev)",
        "labels": list(TOXICITY.labels),
        "rows": {s: len(split) for s, split in splits.items()},
        "max_len": args.max_len,
        "model_vocab": MODEL_VOCAB,
        "tokenizer": (
            f"vimod FastPhobertTokenizer over a fastBPE vocab learned on ViHSD train "
            f"({kept:,} tokens + 5 specials), text {text_config.to_dict()}"
        ),
        "highest_id": int(max(int(split.ids.max()) for split in splits.values())),
        "truncated": {s: int((split.lengths >= args.max_len).sum()) for s, split in splits.items()},
        "train_length_p50_p90_p99": [int(np.percentile(train.lengths, q)) for q in (50, 90, 99)],
    }
    size = gpu_ids.save(args.out, splits, meta)
    meta |= {"path": str(args.out), "bytes": size, "seconds": round(time.perf_counter() - start)}
    meta["normalise_seconds"] = round(normalised_s)
    return meta


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data-dir", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "var" / "gpu" / "vihsd_ids.npz")
    ap.add_argument("--tokenizer-dir", type=Path, default=ROOT / "var" / "gpu" / "tokenizer")
    ap.add_argument("--max-len", type=int, default=256, help="the phobert kind's default")
    ap.add_argument("--vocab-size", type=int, default=64_000, help="BPE symbols to learn")
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="first N posts of each split")
    args = ap.parse_args(argv)
    if not (args.data_dir / "vihsd" / "train.csv").is_file():
        sys.exit(f"no ViHSD under {args.data_dir}; pass --data-dir")
    meta = run(args)
    print(json.dumps(meta, indent=2))
    size = args.out.stat().st_size / 2**20
    print(f"{args.out}: {size:.2f} MiB (limit {gpu_ids.MAX_BYTES / 2**20:.0f} MiB)")


if __name__ == "__main__":
    main()
