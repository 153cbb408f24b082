"""Fine-tune any PhoBERT-architecture checkpoint as a sequence classifier.

The settings are ``models.configs.PhobertConfig``; ``base`` is a local directory or a hub id (``vinai/phobert-base``). Training reads
the same ``Example`` rows and text pipeline as serving (``PhobertClassifier.encode``), with
one difference written down here: a training text longer than ``max_len`` is cut to its
first window, while serving scores every window. Dev macro-F1 is measured through
``predict_proba``, so early stopping sees exactly what the service will serve; an epoch
that ties the best macro-F1 wins when its dev log-loss is lower (F1 plateaus early on
small dev sets while the model keeps getting more confident).

With ``job.work_dir`` the run is resumable: ``checkpoint/`` (weights, optimiser, scheduler,
RNG, position in the epoch) is rewritten every ``save_every`` steps and at each epoch end,
``best/`` holds the best dev weights. Rerunning the same job resumes; a work dir written by a
different job (data or trajectory-changing settings) is refused.

When the training posts carry metadata (ReINTEL), ``metadata_holdout`` of them (stratified)
are kept out of fine-tuning and used to fit a ``MetadataFusion`` on the fine-tuned model's
probabilities: stacking needs text scores for posts the text model did not learn from, and
cross-fitting a transformer k times would cost k fine-tunes. Dev stays untouched for early
stopping and the threshold.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
import shutil
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import torch
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split

from models.configs import PhobertConfig
from models.errors import InputError
from models.metadata import MetadataFusion
from models.phobert import (
    PhobertClassifier,
    check_architecture,
    pad,
    text_features,
    windows,
)
from models.phobert_engines import TorchEngine, default_device
from models.phobert_tokenizer import FastPhobertTokenizer
from training.datasets import Example
from training.progress import make_progress
from training.train import TrainJob, fingerprint

log = logging.getLogger(__name__)

# Settings that do not change the weight trajectory, so a resumed run may change them.
_RESUMABLE = {"max_steps", "patience", "save_every", "infer_batch_size"}


@dataclass
class _State:
    """Where a run is; ``checkpoint/state.json``."""

    job: str
    epoch: int = 0
    step_in_epoch: int = 0
    global_step: int = 0
    best_f1: float | None = None
    best_loss: float | None = None
    bad_evals: int = 0
    finished: bool = False
    history: list[dict[str, Any]] = field(default_factory=list)


def _config(job: TrainJob) -> PhobertConfig:
    """The job's settings, validated (unknown keys and wrong types raise ``InputError``)."""
    cfg = PhobertConfig.resolve(job.task.name, job.config)
    if not cfg.base:
        raise InputError("phobert needs a base checkpoint: --base PATH_OR_HUB_ID")
    return cfg


def _job_id(job: TrainJob, cfg: PhobertConfig) -> str:
    fixed = {k: v for k, v in cfg.to_dict().items() if k not in _RESUMABLE}
    parts = [fingerprint(job.train), fingerprint(job.dev or []), json.dumps(fixed, sort_keys=True)]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _tokenizer_dir(base: str) -> Path:
    """Directory holding the base's ``vocab.txt`` and ``bpe.codes`` (downloaded for hub ids)."""
    if Path(base).is_dir():
        return Path(base)
    from huggingface_hub import hf_hub_download

    try:
        hf_hub_download(base, "bpe.codes")
        return Path(hf_hub_download(base, "vocab.txt")).parent
    except Exception as exc:  # offline, unknown repo, not a PhoBERT repo
        raise InputError(f"cannot get PhoBERT tokenizer files for {base!r}: {exc}") from exc


def _seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _class_weights(cfg: PhobertConfig, y: np.ndarray, n_labels: int) -> torch.Tensor | None:
    if cfg.class_weights != "balanced":
        return None
    counts = np.bincount(y, minlength=n_labels).astype(np.float64)
    weights = np.where(counts > 0, len(y) / (n_labels * np.maximum(counts, 1)), 1.0)
    return torch.tensor(weights, dtype=torch.float32)


def _dev_scores(model: PhobertClassifier, dev: Sequence[Example]) -> tuple[float, float]:
    """Macro-F1 over the dev labels present, and mean log-loss (the tie-breaker)."""
    index = {lab: i for i, lab in enumerate(model.task.labels)}
    y = np.array([index[e.label] for e in dev])
    proba = model.predict_proba([e.text for e in dev])
    f1 = f1_score(y, proba.argmax(axis=1), average="macro", labels=sorted(set(y)), zero_division=0)
    loss = -np.log(np.clip(proba[np.arange(len(y)), y], 1e-12, None)).mean()
    return float(f1), float(loss)


def _improves(state: _State, f1: float, loss: float) -> bool:
    if state.best_f1 is None or state.best_loss is None or f1 > state.best_f1:
        return True
    return f1 == state.best_f1 and loss < state.best_loss


class _Run:
    """One fine-tuning run: the module, its optimiser and schedule, and where it is."""

    def __init__(self, job: TrainJob, cfg: PhobertConfig, model: PhobertClassifier) -> None:
        from transformers import get_linear_schedule_with_warmup

        self.job, self.cfg, self.model = job, cfg, model
        self.module = model.engine.model  # type: ignore[attr-defined]
        self.device: str = model.engine.device  # type: ignore[attr-defined]
        self.work = Path(job.work_dir) if job.work_dir else None
        texts = model.encode([e.text for e in job.train])
        self.chunks = [windows(ids, model.max_len, model.stride)[0] for ids in texts]
        index = {lab: i for i, lab in enumerate(job.task.labels)}
        self.y = np.array([index[e.label] for e in job.train])
        self.batch_size = cfg.batch_size
        self.per_epoch = -(-len(self.chunks) // self.batch_size)
        total = self.per_epoch * cfg.epochs
        params = list(self.module.parameters())
        self.opt = torch.optim.AdamW(
            [
                {
                    "params": [p for p in params if p.ndim >= 2],
                    "weight_decay": cfg.weight_decay,
                },
                {"params": [p for p in params if p.ndim < 2], "weight_decay": 0.0},
            ],
            lr=cfg.lr,
        )
        warmup = int(cfg.warmup_ratio * total)
        self.sched = get_linear_schedule_with_warmup(self.opt, warmup, total)
        weights = _class_weights(cfg, self.y, len(job.task.labels))
        self.loss_fn = torch.nn.CrossEntropyLoss(
            weight=None if weights is None else weights.to(self.device)
        )
        self.best: dict[str, torch.Tensor] | None = None

    def restore(self, state: _State) -> None:
        """Load optimiser, schedule, RNG and best weights saved by ``save``."""
        from transformers import AutoModelForSequenceClassification

        assert self.work is not None
        saved = torch.load(self.work / "checkpoint" / "trainer.pt", map_location=self.device)
        self.opt.load_state_dict(saved["optimizer"])
        self.sched.load_state_dict(saved["scheduler"])
        torch.set_rng_state(saved["rng"]["torch"].cpu())
        if "cuda" in saved["rng"] and torch.cuda.is_available():
            torch.cuda.set_rng_state_all(saved["rng"]["cuda"])
        if state.best_f1 is not None and (self.work / "best").is_dir():
            best = AutoModelForSequenceClassification.from_pretrained(str(self.work / "best"))
            self.best = {k: v.clone() for k, v in best.state_dict().items()}

    def save(self, state: _State) -> None:
        """Replace ``work/checkpoint`` (written aside, then renamed)."""
        if self.work is None:
            return
        tmp = self.work / "checkpoint.tmp"
        shutil.rmtree(tmp, ignore_errors=True)
        self.module.save_pretrained(str(tmp))
        rng: dict[str, Any] = {"torch": torch.get_rng_state()}
        if torch.cuda.is_available():
            rng["cuda"] = torch.cuda.get_rng_state_all()
        extra = {"optimizer": self.opt.state_dict(), "scheduler": self.sched.state_dict()}
        torch.save({**extra, "rng": rng}, tmp / "trainer.pt")
        (tmp / "state.json").write_text(json.dumps(asdict(state), indent=2), "utf-8")
        shutil.rmtree(self.work / "checkpoint", ignore_errors=True)
        tmp.rename(self.work / "checkpoint")

    def step(self, rows: np.ndarray) -> float:
        ids, mask = (torch.from_numpy(a) for a in pad([self.chunks[i] for i in rows]))
        amp = self.cfg.amp and self.device == "cuda"
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=amp):
            out = self.module(input_ids=ids.to(self.device), attention_mask=mask.to(self.device))
        loss = self.loss_fn(out.logits.float(), torch.from_numpy(self.y[rows]).to(self.device))
        loss.backward()
        torch.nn.utils.clip_grad_norm_(self.module.parameters(), self.cfg.max_grad_norm)
        self.opt.step()
        self.sched.step()
        self.opt.zero_grad(set_to_none=True)
        return float(loss.item())

    def evaluate(self, state: _State) -> None:
        """End of an epoch: score dev, keep the best weights, decide whether to stop."""
        self.module.eval()
        entry: dict[str, Any] = {"epoch": state.epoch + 1, "step": state.global_step}
        if self.job.dev:
            f1, loss = _dev_scores(self.model, self.job.dev)
            entry.update(dev_macro_f1=round(f1, 4), dev_loss=round(loss, 4))
            if _improves(state, f1, loss):
                state.best_f1, state.best_loss, state.bad_evals = f1, loss, 0
                self.best = {
                    k: v.detach().to("cpu", copy=True) for k, v in self.module.state_dict().items()
                }
                if self.work:
                    self.module.save_pretrained(str(self.work / "best"))
            else:
                state.bad_evals += 1
                state.finished = state.bad_evals >= self.cfg.patience
        log.info("phobert %s", entry)
        state.history.append(entry)
        state.epoch += 1
        state.step_in_epoch = 0
        state.finished = state.finished or state.epoch >= self.cfg.epochs

    def fit(self, state: _State) -> None:
        """Train from ``state`` until done, early-stopped or ``max_steps``; keep the best."""
        max_steps = self.cfg.max_steps
        stopped = False
        with make_progress(disable=not self.job.show_progress) as progress:
            while not state.finished and not stopped:
                seed = self.cfg.seed + state.epoch
                order = np.random.default_rng(seed).permutation(len(self.chunks))
                label = f"epoch {state.epoch + 1}"
                bar = progress.add_task(label, total=self.per_epoch, completed=state.step_in_epoch)
                self.module.train()
                while state.step_in_epoch < self.per_epoch:
                    stopped = max_steps is not None and state.global_step >= max_steps
                    if stopped:
                        self.save(state)  # the current weights, so a rerun resumes here
                        break
                    start = state.step_in_epoch * self.batch_size
                    loss = self.step(order[start : start + self.batch_size])
                    state.step_in_epoch += 1
                    state.global_step += 1
                    progress.update(bar, advance=1, description=f"{label} loss {loss:.3f}")
                    if state.global_step % self.cfg.save_every == 0:
                        self.save(state)
                if not stopped:
                    self.evaluate(state)
                    self.save(state)
        if self.best is not None:
            self.module.load_state_dict(self.best)
        self.module.eval()


def train(job: TrainJob) -> PhobertClassifier:
    """Fine-tune ``base`` on ``job.train``; early-stop on ``job.dev`` macro-F1."""
    from transformers import AutoModelForSequenceClassification

    cfg = _config(job)
    job, held = _fusion_holdout(job, cfg)
    labels = job.task.labels
    work = Path(job.work_dir) if job.work_dir else None
    state = _State(job=_job_id(job, cfg))
    if work and (work / "checkpoint" / "state.json").is_file():
        found = _State(**json.loads((work / "checkpoint" / "state.json").read_text("utf-8")))
        if found.job != state.job:
            raise InputError(f"{work} holds a checkpoint of a different job; use a new --work-dir")
        state = found
        log.info("resuming from %s at step %d", work / "checkpoint", state.global_step)
    assert cfg.base is not None  # checked by _config
    tokenizer = FastPhobertTokenizer.build(_tokenizer_dir(cfg.base))  # fail fast
    _seed(cfg.seed)
    module = AutoModelForSequenceClassification.from_pretrained(
        str(work / "checkpoint") if work and state.global_step else cfg.base,
        num_labels=len(labels),
        id2label=dict(enumerate(labels)),
        label2id={lab: i for i, lab in enumerate(labels)},
    )
    check_architecture(module.config.to_dict(), len(labels), cfg.max_len)
    device = default_device()
    model = PhobertClassifier(job.task, cfg, tokenizer, TorchEngine(module.to(device), device))
    run = _Run(job, cfg, model)
    if state.global_step:
        run.restore(state)
    run.fit(state)
    if held:
        model.fusion = _fit_fusion(model, held, cfg.seed)
    return model


def _fusion_holdout(job: TrainJob, cfg: PhobertConfig) -> tuple[TrainJob, list[Example]]:
    """Split off the fusion's posts when training posts carry metadata; else keep all."""
    share = cfg.metadata_holdout
    n_held = round(len(job.train) * share)
    if share <= 0 or not any(e.metadata is not None for e in job.train):
        return job, []
    if n_held < MetadataFusion.MIN_ROWS:
        log.info("%d posts held out would be too few for the metadata fusion; text only", n_held)
        return job, []
    labels = [e.label for e in job.train]
    stratify = labels if min(labels.count(x) for x in set(labels)) >= 2 else None
    keep, held = train_test_split(
        list(range(len(job.train))),
        test_size=n_held,
        stratify=stratify,
        random_state=cfg.seed,
    )
    log.info("metadata fusion: %d posts held out of fine-tuning", len(held))
    return replace(job, train=[job.train[i] for i in keep]), [job.train[i] for i in held]


def _fit_fusion(model: PhobertClassifier, held: Sequence[Example], seed: int) -> MetadataFusion:
    """Stack the fine-tuned model's probabilities on held-out posts with their metadata."""
    index = {label: i for i, label in enumerate(model.task.labels)}
    proba = model.text_proba([e.text for e in held])
    y = np.array([index[e.label] for e in held])
    fusion = MetadataFusion(len(model.task.labels), seed=seed)
    return fusion.fit(text_features(proba), [e.metadata for e in held], y)
