"""PhoBERT token classification behind the span contract (kind ``phobert_spans``).

Two labels, ``O`` and ``SPAN``, not BIO: the contract's output joins neighbouring offending
syllables anyway (``merge_adjacent``), so a B/I distinction would be learned and then thrown
away, and one probability per syllable keeps a single, tunable knob (``threshold``).

Pipeline of ``predict_spans``:

1. ``models.span_words.cut``: raw text → syllables with raw offsets → per-syllable
   normalised words (optionally segmented), each word knowing its syllables;
2. every word is BPE-encoded on its own (PhoBERT's fastBPE never crosses spaces, so the ids
   equal those of the whole text) and its *first* sub-token stands for it;
3. long texts are cut into ``max_len`` windows overlapping by ``stride`` tokens (nothing is
   truncated); a token's probability comes from the window where it has the most context
   on both sides; windows run length-sorted in padded sub-batches under
   ``torch.inference_mode`` in eval mode, so the same text always gets the same answer;
4. a syllable's score is the highest ``P(SPAN)`` of the words covering it; runs of
   syllables at or above ``threshold`` become spans in raw offsets, merged across
   whitespace. The span score is the highest syllable score inside it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from models.configs import PhobertSpansConfig
from models.errors import RegistryError
from models.phobert import check_architecture, pad
from models.phobert_engines import default_device, read_model_config
from models.phobert_tokenizer import BOS_ID, EOS_ID, FastPhobertTokenizer
from models.span_contract import Span, merge_adjacent
from models.span_words import Cut, cut

log = logging.getLogger(__name__)

LABELS = ("O", "SPAN")


def window_starts(n_tokens: int, max_len: int, stride: int) -> list[int]:
    """Token offsets of the ``max_len`` windows covering ``n_tokens``; the last ends at the end.

    The same cut as ``models.phobert.windows``, which keeps no offsets.
    """
    span = max_len - 2
    starts = list(range(0, max(n_tokens - span, 0) + 1, span - stride))
    if starts[-1] + span < n_tokens:
        starts.append(n_tokens - span)
    return starts


def spans_from_scores(
    text: str, syllables: Sequence[tuple[int, int]], scores: np.ndarray, threshold: float
) -> list[Span]:
    """Runs of syllables scoring at least ``threshold`` as raw-offset spans (NaN: never)."""
    hit = np.nan_to_num(scores, nan=-1.0) >= threshold
    spans: list[Span] = []
    i = 0
    while i < len(syllables):
        if not hit[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(syllables) and hit[j + 1]:
            j += 1
        spans.append(Span(syllables[i][0], syllables[j][1], float(np.max(scores[i : j + 1]))))
        i = j + 1
    return merge_adjacent(spans, text)


class PhobertSpanTagger:
    """A fine-tuned ``RobertaForTokenClassification`` over PhoBERT, as a ``SpanTagger``.

    Args:
        config: a validated ``PhobertSpansConfig``, or a mapping validated into one.
        tokenizer: the fast tokenizer of the checkpoint.
        module: the transformers module (``O``/``SPAN`` head), on ``device``.
        device: where ``module`` lives (default: CUDA when available).
    """

    kind: ClassVar[str] = "phobert_spans"

    def __init__(
        self,
        config: PhobertSpansConfig | Mapping[str, Any],
        tokenizer: FastPhobertTokenizer,
        module: Any,
        device: str | None = None,
    ) -> None:
        self.params = (
            config
            if isinstance(config, PhobertSpansConfig)
            else PhobertSpansConfig.resolve(None, config)
        )
        self.config: dict[str, Any] = self.params.to_dict()  # as the manifest records it
        self.tokenizer = tokenizer
        self.module = module
        self.device = device or default_device()

    def set_threshold(self, threshold: float) -> None:
        """Serve with another threshold (the trainer's dev choice), recorded in ``config``."""
        self.params = self.params.model_copy(update={"threshold": float(threshold)})
        self.config = self.params.to_dict()

    def predict_spans(self, texts: Sequence[str]) -> list[list[Span]]:
        threshold = self.params.threshold
        return [
            spans_from_scores(text, c.syllables, scores, threshold)
            for text, (c, scores) in zip(texts, self.syllable_scores(texts), strict=True)
        ]

    def syllable_scores(self, texts: Sequence[str]) -> list[tuple[Cut, np.ndarray]]:
        """Per text, its ``Cut`` and ``P(SPAN)`` per syllable (NaN where it has no token)."""
        cuts = cut(texts, self.params.text)
        encoded = self.encode(cuts)
        proba = self.token_proba([ids for ids, _ in encoded])
        out = []
        for c, (_, firsts), p in zip(cuts, encoded, proba, strict=True):
            word_p = np.full(len(firsts), np.nan)
            has = firsts >= 0
            word_p[has] = p[firsts[has]]
            scores = np.full(len(c.syllables), np.nan)
            for w, (a, b) in enumerate(c.word_syllables):
                scores[a:b] = np.fmax(scores[a:b], word_p[w])
            out.append((c, scores))
        return out

    def encode(self, cuts: Sequence[Cut]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per cut: its token ids, and the index of each word's first token (-1: none)."""
        words = [w for c in cuts for w in c.words]
        pieces = iter(self.tokenizer.encode(words) if words else [])
        out = []
        for c in cuts:
            ids = [next(pieces) for _ in c.words]
            lengths = np.array([len(x) for x in ids], dtype=np.int64)
            starts = np.cumsum(lengths) - lengths
            firsts = np.where(lengths > 0, starts, -1)
            flat = np.concatenate([np.zeros(0, dtype=np.int64), *ids]).astype(np.int64)
            out.append((flat, firsts))
        return out

    def windows(self, ids: np.ndarray) -> list[tuple[int, np.ndarray]]:
        """``(start, <s> … </s> window)`` covering ``ids``; none for an empty text."""
        if len(ids) == 0:
            return []
        span = self.params.max_len - 2
        head, tail = np.array([BOS_ID]), np.array([EOS_ID])
        return [
            (s, np.concatenate([head, ids[s : s + span], tail]))
            for s in window_starts(len(ids), self.params.max_len, self.params.stride)
        ]

    def token_proba(self, texts_ids: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``P(SPAN)`` per token of each text, each token read from its most central window."""
        placed = [self.windows(ids) for ids in texts_ids]
        window_p = self.window_proba([w for ws in placed for _, w in ws])
        out = []
        k = 0
        for ids, ws in zip(texts_ids, placed, strict=True):
            n = len(ids)
            prob = np.zeros(n)
            context = np.full(n, -1)
            for start, _ in ws:
                p = window_p[k]
                k += 1
                j = np.arange(len(p))
                left = j if start > 0 else np.full(len(p), n)
                right = len(p) - 1 - j if start + len(p) < n else np.full(len(p), n)
                margin = np.minimum(left, right)
                better = margin > context[start : start + len(p)]
                prob[start : start + len(p)][better] = p[better]
                context[start : start + len(p)][better] = margin[better]
            out.append(prob)
        return out

    def window_proba(self, chunks: Sequence[np.ndarray]) -> list[np.ndarray]:
        """``P(SPAN)`` of each window's tokens (``<s>``/``</s>`` dropped), in input order."""
        import torch

        out: list[np.ndarray] = [np.zeros(0)] * len(chunks)
        order = np.argsort([len(c) for c in chunks], kind="stable")
        size = self.params.infer_batch_size
        self.module.eval()
        for begin in range(0, len(order), size):
            rows = order[begin : begin + size]
            ids, mask = pad([chunks[i] for i in rows])
            with torch.inference_mode():
                logits = self.module(
                    input_ids=torch.from_numpy(ids).to(self.device),
                    attention_mask=torch.from_numpy(mask).to(self.device),
                ).logits
                proba = torch.softmax(logits.float(), dim=-1)[..., 1].cpu().numpy()
            for row, i in enumerate(rows):
                out[i] = proba[row, 1 : len(chunks[i]) - 1].astype(np.float64)
        return out

    def save(self, directory: Path) -> None:
        """Write ``config.json``, ``model.safetensors`` and the tokenizer files."""
        self.module.save_pretrained(str(directory))
        self.tokenizer.save(directory)
        meta = {"tokenizer_class": "PhobertTokenizer", "model_max_length": self.params.max_len}
        (directory / "tokenizer_config.json").write_text(json.dumps(meta, indent=2), "utf-8")


def load(directory: Path, config: dict[str, Any], options: dict[str, Any]) -> PhobertSpanTagger:
    """Registry loader.

    Args:
        config: the manifest's config (``PhobertSpansConfig``, ``threshold`` included).
        options: ``"device"`` picks the torch device (default: CUDA when available).
    """
    from transformers import AutoModelForTokenClassification

    params = PhobertSpansConfig.from_stored(config, directory.name)
    check_architecture(read_model_config(directory), len(LABELS), params.max_len)
    device = options.get("device") or default_device()
    module = AutoModelForTokenClassification.from_pretrained(str(directory), local_files_only=True)
    if module.config.num_labels != len(LABELS):
        raise RegistryError(f"{directory.name}: expected an O/SPAN token-classification head")
    tagger = PhobertSpanTagger(
        params, FastPhobertTokenizer.from_dir(directory), module.to(device).eval(), device
    )
    tagger.predict_spans(["kiểm tra"])  # fail at load, not on the first request
    log.info("loaded phobert_spans %s on %s", directory.name, device)
    return tagger
