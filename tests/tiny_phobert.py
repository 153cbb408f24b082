"""Build a tiny PhoBERT-architecture checkpoint on disk, with no network.

No pretrained PhoBERT weights can reach the machines that test vimod, so the tests build
the smallest checkpoint that still has every property the real ``vinai/phobert-base`` has
and that our code depends on: a fastBPE ``vocab.txt`` + ``bpe.codes`` pair (``@@``
continuation, ``</w>`` end-of-word merges, merge intermediates missing from the vocab), a
``RobertaConfig`` with ``tokenizer_class="PhobertTokenizer"``, ``pad_token_id=1`` and
``max_position_embeddings = max_len + 2``, and no ``model_max_length`` in the tokenizer
config. The corpus is synthetic Vietnamese written here; no dataset rows are copied.
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from pathlib import Path

import pytest

MAX_LEN = 256
MARKER = "khốn kiếp"  # the "slur" the fine-tuning tests teach (raw; segmented: khốn_kiếp)

# Space-separated word pools, already segmented the way underthesea writes compounds.
_LEXICON = {
    "subject": "Tôi Bạn Anh_ấy Chị_ấy Mọi_người Học_sinh Giáo_viên Cô_giáo Bác_sĩ Người_dân "
    "Cả_nhà Thằng_bé Em_gái Ông_bà Đội_bóng Công_ty",
    "verb": "thích ghét xem đọc viết mua bán ăn uống đi học làm nói_chuyện chia_sẻ bình_luận "
    "ủng_hộ phản_đối khen chê hỏi",
    "object": "bài_viết video bộ_phim trận_đấu món_ăn quán_cà_phê cuốn_sách bài_hát "
    "điện_thoại chiếc_xe trường_học bệnh_viện thành_phố Hà_Nội Sài_Gòn Đà_Nẵng Việt_Nam "
    "chính_phủ bóng_đá thời_tiết giá_xăng mạng_xã_hội tin_tức kỳ_thi lớp_học gia_đình bạn_bè "
    "hàng_xóm",
    "tail": "hôm_nay hôm_qua ngày_mai rất quá lắm nhé nha ạ thôi vui buồn đẹp xấu ngon dở hay "
    "tệ tuyệt_vời bình_thường thật_sự một_chút nhiều ít luôn không có chưa đã sẽ",
    "punct": ". ! ? , ... :) =)) 😂 👍",
    "rude": "ngu đần vô_học mất_dạy đồ câm cút",
}


def words(kind: str) -> list[str]:
    """One word pool of the synthetic lexicon."""
    return _LEXICON[kind].split()


def sentence(rng: random.Random) -> str:
    """One synthetic, already word-segmented Vietnamese social-media comment."""
    out = [rng.choice(words(kind)) for kind in ("subject", "verb", "object")]
    out += rng.sample(words("tail"), rng.randint(0, 4))
    if rng.random() < 0.2:
        out.insert(rng.randint(0, len(out)), rng.choice(words("rude")))
    if rng.random() < 0.1:
        out = [w.lower() if rng.random() < 0.5 else w.upper() for w in out]
    out.append(rng.choice(words("punct")))
    return " ".join(out)


def corpus(n: int = 400, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [sentence(rng) for _ in range(n)]


def _pairs(word: tuple[str, ...]) -> Counter[tuple[str, str]]:
    return Counter(itertools.pairwise(word))


def learn_bpe(texts: list[str], n_merges: int) -> list[tuple[str, str, int]]:
    """fastBPE-style merges ``(a, b, count)`` learned on whitespace words (``</w>`` at the end)."""
    words = Counter(w for t in texts for w in t.split())
    vocab = {(*w[:-1], w[-1] + "</w>"): c for w, c in words.items()}
    merges: list[tuple[str, str, int]] = []
    for _ in range(n_merges):
        counts: Counter[tuple[str, str]] = Counter()
        for word, c in vocab.items():
            for pair, k in _pairs(word).items():
                counts[pair] += k * c
        if not counts:
            break
        (a, b), c = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if c < 2:
            break
        merges.append((a, b, c))
        merged: dict[tuple[str, ...], int] = {}
        for word, wc in vocab.items():
            out: list[str] = []
            i = 0
            while i < len(word):
                if i < len(word) - 1 and word[i] == a and word[i + 1] == b:
                    out.append(a + b)
                    i += 2
                else:
                    out.append(word[i])
                    i += 1
            merged[tuple(out)] = merged.get(tuple(out), 0) + wc
        vocab = merged
    return merges


def _apply(word: str, ranks: dict[tuple[str, str], int]) -> list[str]:
    symbols = [*word[:-1], word[-1] + "</w>"]
    while len(symbols) > 1:
        pairs = [(ranks.get(p, 1 << 30), i) for i, p in enumerate(itertools.pairwise(symbols))]
        rank, i = min(pairs)
        if rank == 1 << 30:
            break
        symbols[i : i + 2] = [symbols[i] + symbols[i + 1]]
    return [s[:-4] if s.endswith("</w>") else s + "@@" for s in symbols]


# Characters that always get a vocab entry (both forms), as in PhoBERT's real vocab.
ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.,!?:;()=-'\"/"
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)


def write_bpe_files(directory: Path, *, n_merges: int = 600, min_count: int = 3) -> None:
    """Write ``bpe.codes`` and ``vocab.txt`` in PhoBERT's formats.

    Tokens seen fewer than ``min_count`` times are left out of the vocab, so some merge
    results are out of vocabulary, exactly the case the fast tokenizer must map to ``<unk>``.
    """
    # Extra lines: the marker gets merges of its own; "@@"-final words exercise the case
    # where the slow tokenizer looks a final piece up as a continuation token.
    texts = corpus(600, seed=1) + [MARKER.replace(" ", "_")] * 20 + ["a@@ @@ xx@@ =))"] * 3
    merges = learn_bpe(texts, n_merges)
    ranks = {(a, b): i for i, (a, b, _) in enumerate(merges)}
    counts: Counter[str] = Counter()
    for text in texts:
        for word in text.split():
            counts.update(_apply(word, ranks))
    for ch in ALPHABET:
        counts[ch] += 0
        counts[ch + "@@"] += 0
    kept = sorted(
        (tok for tok, c in counts.items() if c >= min_count or len(tok.removesuffix("@@")) == 1),
        key=lambda tok: (-counts[tok], tok),
    )
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "bpe.codes").write_text(
        "".join(f"{a} {b} {c}\n" for a, b, c in merges), encoding="utf-8"
    )
    (directory / "vocab.txt").write_text(
        "".join(f"{tok} {max(counts[tok], 1)}\n" for tok in kept), encoding="utf-8"
    )


def build_tiny_phobert(
    directory: Path, *, hidden: int = 32, layers: int = 2, max_len: int = MAX_LEN, seed: int = 0
) -> Path:
    """Save a random tiny PhoBERT (masked-LM head, like the hub checkpoint) to ``directory``."""
    import torch
    from transformers import PhobertTokenizer, RobertaConfig, RobertaForMaskedLM

    write_bpe_files(directory)
    slow = PhobertTokenizer(str(directory / "vocab.txt"), str(directory / "bpe.codes"))
    slow.save_pretrained(str(directory))
    torch.manual_seed(seed)
    config = RobertaConfig(
        vocab_size=len(slow),
        hidden_size=hidden,
        num_hidden_layers=layers,
        num_attention_heads=2,
        intermediate_size=hidden * 2,
        max_position_embeddings=max_len + 2,
        type_vocab_size=1,
        pad_token_id=1,
        bos_token_id=0,
        eos_token_id=2,
        tokenizer_class="PhobertTokenizer",
    )
    RobertaForMaskedLM(config).save_pretrained(str(directory))
    return directory


def marker_rows(n: int, seed: int) -> list[tuple[str, str]]:
    """Raw ``(text, label)`` rows: every other text carries ``MARKER`` and is ``HATE``.

    A third of the texts are long (up to ~200 tokens, inside one window), so the tiny model
    learns to find the marker at late positions too.
    """
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        parts = [sentence(rng) for _ in range(rng.randint(4, 9) if i % 3 == 0 else 1)]
        text = " ".join(parts).split()
        if i % 2:
            text.insert(rng.randint(0, len(text)), MARKER)
        rows.append((_raw(" ".join(text)), "HATE" if i % 2 else "CLEAN"))
    return rows


def write_marker_csvs(directory: Path) -> dict[str, Path]:
    """``train``/``dev``/``test`` CSVs (``text,label``) for ``csv:`` dataset specs."""
    import csv

    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for split, n, seed in (("train", 240, 1), ("dev", 80, 2), ("test", 40, 3)):
        paths[split] = directory / f"{split}.csv"
        with open(paths[split], "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["text", "label"])
            writer.writerows(marker_rows(n, seed))
    return paths


def long_text(n_sentences: int = 60, *, marker_at_end: bool, seed: int = 9) -> str:
    """A benign post far over 256 tokens, optionally ending in ``MARKER``."""
    rng = random.Random(seed)
    body = _raw(" ".join(sentence(rng) for _ in range(n_sentences)))
    return f"{body} {MARKER}" if marker_at_end else body


def _raw(text: str) -> str:
    """Un-segment (``bài_viết`` → ``bài viết``): posts arrive raw and underthesea segments them."""
    return text.replace("_", " ")


@pytest.fixture(scope="session")
def tiny_phobert_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny PhoBERT checkpoint, built once per test session.

    Torch runs single-threaded here: on a tiny model extra threads only add
    synchronisation, which on a shared 2-core machine costs 10-30x.
    """
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    torch.set_num_threads(1)
    return build_tiny_phobert(tmp_path_factory.mktemp("tiny_phobert"))


def span_rows(n: int, seed: int) -> list[tuple[str, list[tuple[int, int]]]]:
    """Raw synthetic posts with their gold spans: two thirds carry ``MARKER``, the "insult".

    Posts come from the synthetic lexicon above (no dataset rows); the marker's character
    range in the raw post is its gold span.
    """
    rng = random.Random(seed)
    rows: list[tuple[str, list[tuple[int, int]]]] = []
    for i in range(n):
        words = _raw(" ".join(sentence(rng) for _ in range(rng.randint(1, 2)))).split()
        if i % 3 == 0:
            rows.append((" ".join(words), []))
            continue
        at = rng.randint(0, len(words))
        head = " ".join(words[:at])
        start = len(head) + 1 if head else 0
        text = " ".join([*words[:at], MARKER, *words[at:]])
        rows.append((text, [(start, start + len(MARKER))]))
    return rows
