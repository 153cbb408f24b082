"""Fine-tune a PhoBERT-architecture checkpoint as the ``phobert_spans`` tagger.

Gold spans are character ranges of the raw posts. A syllable is ``SPAN`` when it overlaps
a gold span; a word (``models.span_words``) is ``SPAN`` when any of its syllables is; the
word's first sub-token carries that label and every other position (later sub-tokens,
``<s>``, ``</s>``, padding) is ``-100``, ignored by the loss. Training and serving cut and
encode through the same ``PhobertSpanTagger`` methods, and long posts are trained on every
window, as they are served.

With a dev set (and ``tune_threshold``), every epoch is scored by the mean per-post
character F1 (the SemEval-2021 toxic-spans measure ViHOS also reports: a post with no gold
and no predicted span counts 1) at the best threshold of a 0.05 grid; the best epoch's
weights and threshold are kept and the threshold is written into the tagger's config.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import torch

from models.configs import PhobertSpansConfig
from models.errors import InputError
from models.phobert import check_architecture, pad
from models.phobert_engines import default_device
from models.phobert_spans import LABELS, PhobertSpanTagger, spans_from_scores
from models.phobert_tokenizer import FastPhobertTokenizer
from models.span_contract import Span
from models.span_words import cut
from training.progress import make_progress
from training.train import TrainJob
from training.trainers.phobert import _seed, _tokenizer_dir

log = logging.getLogger(__name__)

CharSpans = Sequence[Sequence[tuple[int, int]]]
IGNORE = -100
THRESHOLDS = np.round(np.linspace(0.05, 0.95, 19), 2)


def train_phobert_spans(
    texts: Sequence[str],
    spans_per_text: CharSpans,
    dev: tuple[Sequence[str], CharSpans] | None = None,
    *,
    config: PhobertSpansConfig | Mapping[str, Any] | None = None,
    progress: bool = True,
) -> PhobertSpanTagger:
    """Fine-tune ``config.base`` to tag the character spans ``spans_per_text`` of ``texts``.

    Args:
        texts: raw training posts.
        spans_per_text: per post, its offending ``(start, end)`` character ranges.
        dev: ``(texts, spans)`` to choose the epoch and threshold on.
        config: ``PhobertSpansConfig`` or overrides of its defaults (``base`` is required).
        progress: show a bar per epoch.

    Returns:
        The tagger, in eval mode, with the chosen threshold in its ``config``.
    """
    from transformers import AutoModelForTokenClassification

    cfg = (
        config
        if isinstance(config, PhobertSpansConfig)
        else PhobertSpansConfig.resolve(None, config)
    )
    if not cfg.base:
        raise InputError("phobert_spans needs a base checkpoint: --base PATH_OR_HUB_ID")
    _check(texts, spans_per_text, "train")
    if dev is not None:
        _check(dev[0], dev[1], "dev")
    tokenizer = FastPhobertTokenizer.build(_tokenizer_dir(cfg.base))  # fail fast
    _seed(cfg.seed)
    module = AutoModelForTokenClassification.from_pretrained(
        cfg.base,
        num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)),
        label2id={label: i for i, label in enumerate(LABELS)},
    )
    check_architecture(module.config.to_dict(), len(LABELS), cfg.max_len)
    device = default_device()
    tagger = PhobertSpanTagger(cfg, tokenizer, module.to(device), device)
    windows, labels = training_windows(tagger, texts, spans_per_text)
    _fit(tagger, windows, labels, dev, progress=progress)
    return tagger


def _check(texts: Sequence[str], spans: CharSpans, name: str) -> None:
    if len(texts) != len(spans):
        raise InputError(f"{name}: {len(texts)} texts but {len(spans)} span lists")
    for i, (text, ranges) in enumerate(zip(texts, spans, strict=True)):
        for start, end in ranges:
            if not 0 <= start < end <= len(text):
                raise InputError(f"{name} post {i}: span ({start}, {end}) outside its text")


def syllable_labels(
    syllables: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]]
) -> np.ndarray:
    """True for every syllable overlapping a gold character span."""
    return np.array([any(s < e2 and s2 < e for s2, e2 in spans) for s, e in syllables], dtype=bool)


def training_windows(
    tagger: PhobertSpanTagger, texts: Sequence[str], spans_per_text: CharSpans
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Every ``<s> … </s>`` window of every post, with its per-position labels."""
    cuts = cut(texts, tagger.params.text)
    windows: list[np.ndarray] = []
    labels: list[np.ndarray] = []
    for c, (ids, firsts), spans in zip(cuts, tagger.encode(cuts), spans_per_text, strict=True):
        gold = syllable_labels(c.syllables, spans)
        token_labels = np.full(len(ids), IGNORE, dtype=np.int64)
        for w, (a, b) in enumerate(c.word_syllables):
            if firsts[w] >= 0:
                token_labels[firsts[w]] = int(gold[a:b].any())
        for start, window in tagger.windows(ids):
            inner = token_labels[start : start + len(window) - 2]
            windows.append(window)
            labels.append(np.concatenate([[IGNORE], inner, [IGNORE]]))
    return windows, labels


def char_f1(
    pred: Sequence[Span] | Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> float:
    """SemEval-2021 toxic-spans F1 of one post over character offsets."""
    p = {i for s in pred for i in range(*_bounds(s))}
    g = {i for s, e in gold for i in range(s, e)}
    if not p or not g:
        return float(not p and not g)
    hit = len(p & g)
    return 2 * hit / (len(p) + len(g))


def _bounds(span: Span | tuple[int, int]) -> tuple[int, int]:
    return (span.start, span.end) if isinstance(span, Span) else (span[0], span[1])


def best_threshold(
    tagger: PhobertSpanTagger, texts: Sequence[str], gold: CharSpans
) -> tuple[float, float]:
    """``(threshold, mean char F1)`` maximising dev F1; ties go to the threshold nearest 0.5."""
    scored = tagger.syllable_scores(texts)
    best = (0.5, -1.0)
    for t in sorted(THRESHOLDS, key=lambda x: abs(x - 0.5)):
        f1 = float(
            np.mean(
                [
                    char_f1(spans_from_scores(text, c.syllables, scores, float(t)), g)
                    for text, (c, scores), g in zip(texts, scored, gold, strict=True)
                ]
            )
        )
        if f1 > best[1]:
            best = (float(t), f1)
    return best


def _fit(
    tagger: PhobertSpanTagger,
    windows: list[np.ndarray],
    labels: list[np.ndarray],
    dev: tuple[Sequence[str], CharSpans] | None,
    *,
    progress: bool,
) -> None:
    from transformers import get_linear_schedule_with_warmup

    cfg, module, device = tagger.params, tagger.module, tagger.device
    per_epoch = -(-len(windows) // cfg.batch_size)
    total = per_epoch * cfg.epochs
    params = list(module.parameters())
    opt = torch.optim.AdamW(
        [
            {"params": [p for p in params if p.ndim >= 2], "weight_decay": cfg.weight_decay},
            {"params": [p for p in params if p.ndim < 2], "weight_decay": 0.0},
        ],
        lr=cfg.lr,
    )
    sched = get_linear_schedule_with_warmup(opt, int(cfg.warmup_ratio * total), total)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    amp = cfg.amp and device == "cuda"
    tune = dev is not None and cfg.tune_threshold
    best: tuple[float, float, dict[str, torch.Tensor]] | None = None
    with make_progress(disable=not progress) as bars:
        for epoch in range(cfg.epochs):
            order = np.random.default_rng(cfg.seed + epoch).permutation(len(windows))
            bar = bars.add_task(f"epoch {epoch + 1}", total=per_epoch)
            module.train()
            for begin in range(0, len(order), cfg.batch_size):
                rows = order[begin : begin + cfg.batch_size]
                ids, mask = (
                    torch.from_numpy(a).to(device) for a in pad([windows[i] for i in rows])
                )
                target = torch.from_numpy(_pad_labels([labels[i] for i in rows])).to(device)
                with torch.autocast("cuda", dtype=torch.bfloat16, enabled=amp):
                    logits = module(input_ids=ids, attention_mask=mask).logits
                loss = loss_fn(logits.float().reshape(-1, len(LABELS)), target.reshape(-1))
                loss.backward()
                torch.nn.utils.clip_grad_norm_(module.parameters(), cfg.max_grad_norm)
                opt.step()
                sched.step()
                opt.zero_grad(set_to_none=True)
                bars.update(bar, advance=1, description=f"epoch {epoch + 1} loss {loss.item():.3f}")
            module.eval()
            if tune:
                assert dev is not None
                threshold, f1 = best_threshold(tagger, dev[0], dev[1])
                log.info(
                    "phobert_spans epoch %d: dev char F1 %.4f at %.2f", epoch + 1, f1, threshold
                )
                if best is None or f1 > best[1]:
                    state = {
                        k: v.detach().to("cpu", copy=True) for k, v in module.state_dict().items()
                    }
                    best = (threshold, f1, state)
    if best is not None:
        module.load_state_dict(best[2])
        tagger.set_threshold(best[0])
    module.eval()


def _pad_labels(rows: Sequence[np.ndarray]) -> np.ndarray:
    out = np.full((len(rows), max(len(r) for r in rows)), IGNORE, dtype=np.int64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row
    return out


def train(job: TrainJob) -> PhobertSpanTagger:
    """``vimod train --task spans --model phobert_spans``: the registry's trainer entry."""
    missing = [e for e in job.train if e.spans is None]
    if missing:
        raise InputError(
            f"phobert_spans trains on span data (e.g. vihos:train); {len(missing)} posts have none"
        )
    dev = [e for e in job.dev or [] if e.spans is not None]
    return train_phobert_spans(
        [e.text for e in job.train],
        [list(e.spans or ()) for e in job.train],
        ([e.text for e in dev], [list(e.spans or ()) for e in dev]) if dev else None,
        config=PhobertSpansConfig.resolve(job.task.name, job.config),
        progress=job.show_progress,
    )
