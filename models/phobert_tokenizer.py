"""A fast PhoBERT tokenizer built from ``vocab.txt`` + ``bpe.codes`` with 🤗 ``tokenizers``.

transformers' ``PhobertTokenizer`` is pure Python and costs more than the int8 model it feeds,
and PhoBERT ships no fast tokenizer. This one is built from the same two files and gives
identical ids (``tests/models/test_phobert_tokenizer.py`` proves it, on ViHSD too).

How the slow tokenizer's fastBPE scheme is reproduced:

* words are ``\\S+\\n?`` runs (Python's own whitespace set, spelled out for the Rust regex);
  ``<s> <pad> </s> <unk> <mask>`` in the text are special tokens, as in the slow one;
* a word's last character carries ``</w>``; merges apply by rank; a non-final piece ``x``
  is the vocab token ``x@@`` and a final piece ``x</w>`` is the token ``x``. The BPE model
  therefore holds *symbols* (``x`` / ``x</w>``) whose ids are the PhoBERT ids of those tokens;
* symbols the vocab does not name directly still need ids of their own, because the BPE
  model merges by id: merge intermediates ``vocab.txt`` lacks (the slow tokenizer merges
  strings) and final pieces that end in ``@@`` (the slow one looks ``x@@`` up as a token, so
  such a piece shares the id of the non-final ``x``). They get ids past the vocab, and
  ``encode`` maps each back to the PhoBERT id the slow tokenizer would emit (often ``<unk>``).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from models.errors import RegistryError

VOCAB_FILE = "vocab.txt"
MERGES_FILE = "bpe.codes"
TOKENIZER_FILE = "tokenizer.json"
SPECIALS = ("<s>", "<pad>", "</s>", "<unk>")  # ids 0..3, fixed by PhobertTokenizer
MASK = "<mask>"
BOS_ID, PAD_ID, EOS_ID, UNK_ID = 0, 1, 2, 3

# Python's ``\s`` (what PhobertTokenizer's ``re.findall(r"\S+\n?")`` uses) is ``str.isspace``,
# which differs from the Rust regex's ``\s`` (it also holds U+001C..U+001F). Spell the set
# out so both agree; a test checks it against ``str.isspace`` over all of Unicode.
PY_WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
WORD_PATTERN = "[^" + "".join(f"\\x{{{ord(c):x}}}" for c in PY_WHITESPACE) + "]+\\n?"


def read_vocab(path: Path) -> dict[str, int]:
    """Token → PhoBERT id, parsed exactly as ``PhobertTokenizer.add_from_file`` does."""
    encoder = {tok: i for i, tok in enumerate(SPECIALS)}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        idx = line.rfind(" ")
        if idx == -1:
            raise RegistryError(f"{path.name}: expected '<token> <count>' lines, got {raw!r}")
        encoder[line[:idx]] = len(encoder)
    if MASK not in encoder:
        encoder[MASK] = len(encoder)
    return encoder


def read_merges(path: Path) -> list[tuple[str, str]]:
    """Merge pairs in rank order, with the slow tokenizer's quirks (last line, duplicates)."""
    lines = path.read_text(encoding="utf-8").split("\n")[:-1]
    ranks: dict[tuple[str, ...], int] = {}
    for rank, line in enumerate(lines):
        ranks[tuple(line.split()[:-1])] = rank  # a repeated pair keeps its last rank
    pairs = [(p, r) for p, r in ranks.items() if len(p) == 2]
    return [(a, b) for (a, b), _ in sorted(pairs, key=lambda item: item[1])]


def _symbol(token: str) -> str:
    """The BPE symbol a vocab token stands for: ``x@@`` → ``x``, ``x`` → ``x</w>``."""
    return token[:-2] if token.endswith("@@") else token + "</w>"


def _token(symbol: str) -> str:
    """The string the slow tokenizer looks up for a piece: ``x`` → ``x@@``, ``x</w>`` → ``x``."""
    return symbol[:-4] if symbol.endswith("</w>") else symbol + "@@"


def _id_table(symbols: dict[str, int], encoder: dict[str, int], size: int) -> np.ndarray:
    """Internal id → PhoBERT id: identity below ``size``, the slow tokenizer's lookup above."""
    table = np.arange(max(symbols.values()) + 1, dtype=np.int64)
    for sym, i in symbols.items():
        if i >= size:
            table[i] = encoder.get(_token(sym), UNK_ID)
    return table


class FastPhobertTokenizer:
    """``PhobertTokenizer``-identical ids from a Rust BPE.

    Args:
        tokenizer: the ``tokenizers.Tokenizer`` over BPE symbols (see the module docstring).
        table: internal id → PhoBERT id (see ``_id_table``).
        source: directory holding ``vocab.txt`` and ``bpe.codes``, copied by ``save``.
    """

    def __init__(self, tokenizer: object, table: np.ndarray, source: Path) -> None:
        self._tok = tokenizer
        self._table = table
        self.source = source

    @classmethod
    def build(cls, directory: Path) -> FastPhobertTokenizer:
        """Build from ``directory/vocab.txt`` and ``directory/bpe.codes``."""
        from tokenizers import AddedToken, Regex, Tokenizer, pre_tokenizers
        from tokenizers.models import BPE
        from tokenizers.processors import TemplateProcessing

        for name in (VOCAB_FILE, MERGES_FILE):
            if not (directory / name).is_file():
                raise RegistryError(f"{directory}: no {name}; not a PhoBERT tokenizer")
        encoder = read_vocab(directory / VOCAB_FILE)
        if any(encoder[tok] != i for i, tok in enumerate(SPECIALS)):
            raise RegistryError(f"{directory / VOCAB_FILE}: redefines a special token")
        size = max(encoder.values()) + 1
        specials = (*SPECIALS, MASK)
        symbols = {tok: i for tok, i in encoder.items() if tok in specials}
        for tok, i in encoder.items():
            if tok not in specials and _symbol(tok):
                symbols.setdefault(_symbol(tok), i)
        merges = read_merges(directory / MERGES_FILE)
        next_id = size
        for a, b in merges:
            for sym in (a, b, a + b):
                if sym not in symbols:
                    symbols[sym] = next_id
                    next_id += 1
        model = BPE(
            vocab=symbols,
            merges=merges,
            unk_token="<unk>",
            end_of_word_suffix="</w>",
            fuse_unk=False,
        )
        rust = Tokenizer(model)
        rust.pre_tokenizer = pre_tokenizers.Split(
            Regex(WORD_PATTERN), behavior="removed", invert=True
        )
        rust.add_special_tokens([AddedToken(s, special=True, normalized=False) for s in specials])
        rust.post_processor = TemplateProcessing(
            single="<s> $A </s>", special_tokens=[("<s>", BOS_ID), ("</s>", EOS_ID)]
        )
        return cls(rust, _id_table(symbols, encoder, size), directory)

    @classmethod
    def from_dir(cls, directory: Path) -> FastPhobertTokenizer:
        """Load ``tokenizer.json`` when present (what was saved), else build from the BPE files."""
        path = directory / TOKENIZER_FILE
        if not path.is_file():
            return cls.build(directory)
        from tokenizers import Tokenizer

        tok = Tokenizer.from_file(str(path))
        encoder = read_vocab(directory / VOCAB_FILE)
        size = max(encoder.values()) + 1
        return cls(tok, _id_table(tok.get_vocab(), encoder, size), directory)

    def encode(self, texts: Sequence[str]) -> list[np.ndarray]:
        """PhoBERT ids of each text, without ``<s>``/``</s>`` and without truncation.

        Callers add special tokens and cut windows themselves, so nothing here depends on
        ``model_max_length``.
        """
        encodings = self._tok.encode_batch(list(texts), add_special_tokens=False)  # type: ignore[attr-defined]
        return [self._table[np.asarray(enc.ids, dtype=np.int64)] for enc in encodings]

    def save(self, directory: Path) -> None:
        """Write ``vocab.txt``, ``bpe.codes`` (the slow tokenizer's files) and ``tokenizer.json``."""
        for name in (VOCAB_FILE, MERGES_FILE):
            if (self.source / name).resolve() != (directory / name).resolve():
                shutil.copyfile(self.source / name, directory / name)
        self._tok.save(str(directory / TOKENIZER_FILE))  # type: ignore[attr-defined]
