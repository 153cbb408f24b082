"""The fast PhoBERT tokenizer gives exactly the slow ``PhobertTokenizer``'s ids."""

from __future__ import annotations

import csv
import random
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from models.phobert_tokenizer import PY_WHITESPACE, FastPhobertTokenizer
from models.text import TextConfig, normalize
from tests.tiny_phobert import corpus

pytest.importorskip("transformers")

PHOBERT_TEXT = TextConfig(lowercase=False, teencode=False, segment=True)
EDGE_CASES = [
    "",
    "   ",
    "x",
    "hello <s> world<mask>x </s><pad><unk>",
    "a\nb c\n\n d\r\ne\t",
    "hel@@lo @@ a@@ @@@@ xx@@",
    "abc\x1cdef\x1f g\u00a0h\u2003i\u3000j\u200bk",
    "Việt_Nam VIỆT_NAM việt_nam",
    "e\u0301 NFD vs é NFC",
    "😂😂 👍🏽 ☹️ =)))) :3 全角 Ａ",
    "ngu" * 40,
]


def _slow(directory: Path):  # type: ignore[no-untyped-def]
    from transformers import PhobertTokenizer

    return PhobertTokenizer(str(directory / "vocab.txt"), str(directory / "bpe.codes"))


def _assert_same_ids(directory: Path, texts: Sequence[str]) -> None:
    slow = _slow(directory)
    fast = FastPhobertTokenizer.build(directory)
    got = [ids.tolist() for ids in fast.encode(texts)]
    for text, ids in zip(texts, got, strict=True):
        assert ids == slow(text, add_special_tokens=False)["input_ids"], repr(text)


def _synthetic(n: int, seed: int) -> list[str]:
    """Sentences from the fixture corpus, re-cased, glued and sprinkled with rare characters."""
    rng = random.Random(seed)
    noise = ["@@", "\n", "<s>", "ĐẸP", "qúa", "k0", "!!!", "😂", "ü", "ß", "_", "  "]
    out = []
    for text in corpus(n, seed=seed):
        words = text.split()
        for _ in range(rng.randint(0, 3)):
            words.insert(rng.randint(0, len(words)), rng.choice(noise))
        joiner = rng.choice([" ", " ", "", "  "])
        out.append(joiner.join(words))
    return out


def test_fast_ids_equal_slow_on_synthetic_texts(tiny_phobert_dir: Path) -> None:
    _assert_same_ids(tiny_phobert_dir, _synthetic(400, seed=11) + EDGE_CASES)


def test_saved_tokenizer_json_reloads_identically(tiny_phobert_dir: Path, tmp_path: Path) -> None:
    built = FastPhobertTokenizer.build(tiny_phobert_dir)
    built.save(tmp_path)
    assert {p.name for p in tmp_path.iterdir()} == {"vocab.txt", "bpe.codes", "tokenizer.json"}
    reloaded = FastPhobertTokenizer.from_dir(tmp_path)
    texts = _synthetic(100, seed=12) + EDGE_CASES
    for a, b in zip(built.encode(texts), reloaded.encode(texts), strict=True):
        assert a.tolist() == b.tolist()


def test_word_split_uses_pythons_whitespace_set() -> None:
    everything = map(chr, range(sys.maxunicode + 1))
    assert set(PY_WHITESPACE) == {c for c in everything if c.isspace()}


def test_specials_and_unknowns_use_phobert_ids(tiny_phobert_dir: Path) -> None:
    fast = FastPhobertTokenizer.build(tiny_phobert_dir)
    assert fast.encode(["<s> <pad> </s> <unk>"])[0].tolist() == [0, 1, 2, 3]
    assert fast.encode(["全"])[0].tolist() == [3]


def _vihsd(data_dir: Path, split: str) -> list[str]:
    with open(data_dir / "vihsd" / f"{split}.csv", encoding="utf-8", newline="") as fh:
        return [row["free_text"] for row in csv.DictReader(fh)]


def _realistic_bpe(data_dir: Path, directory: Path) -> Path:
    """A ~10k-merge vocab learned on ViHSD train (in a temp dir, never in the repo).

    The tiny fixture vocab leaves most ViHSD words as characters; this one exercises long
    merge chains and out-of-vocab intermediates the way PhoBERT's 64k vocab does.
    """
    import json
    from collections import Counter

    from tokenizers import Tokenizer, models, pre_tokenizers, trainers

    texts = _vihsd(data_dir, "train")
    learner = Tokenizer(models.BPE(end_of_word_suffix="</w>"))
    learner.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    learner.train_from_iterator(
        texts,
        trainers.BpeTrainer(vocab_size=12_000, end_of_word_suffix="</w>", show_progress=False),
    )
    merges = json.loads(learner.to_str())["model"]["merges"]
    directory.mkdir()
    lines = [" ".join(m if isinstance(m, list) else m.split(" ")) for m in merges]
    (directory / "bpe.codes").write_text("".join(f"{m} 1\n" for m in lines), "utf-8")
    (directory / "vocab.txt").write_text("a 1\n", "utf-8")
    slow = _slow(directory)
    counts = Counter(tok for text in texts[:6000] for tok in slow.tokenize(text))
    # vocab.txt cannot hold whitespace tokens (PhoBERT's has none), so leave those out.
    vocab = "".join(f"{t} {c}\n" for t, c in counts.most_common() if c >= 5 and t.split() == [t])
    (directory / "vocab.txt").write_text(vocab, "utf-8")
    return directory


@pytest.mark.data
@pytest.mark.slow
def test_fast_ids_equal_slow_on_vihsd(
    data_dir: Path, tiny_phobert_dir: Path, tmp_path: Path
) -> None:
    raw = _vihsd(data_dir, "test")  # 6,680 posts as users wrote them
    segmented = [normalize(t, PHOBERT_TEXT) for t in _vihsd(data_dir, "dev")]  # what we serve
    assert len(raw) + len(segmented) > 9000
    for directory in (tiny_phobert_dir, _realistic_bpe(data_dir, tmp_path / "bpe")):
        _assert_same_ids(directory, raw + segmented)
