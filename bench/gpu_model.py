"""A randomly initialised phobert-base-sized classifier (or a tiny one) for the GPU bench.

transformers' ``RobertaForSequenceClassification`` when installed (the lent GPU image has
it), else an ``nn.TransformerEncoder`` of the same shapes; both map ``(ids, mask)`` to
logits, so ``bench/gpu_finetune.py`` and the fixed-shape timings drive either alike.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass(frozen=True)
class Shape:
    """Model sizes; ``BASE`` is phobert-base's (``vinai/phobert-base`` config.json)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int = 64_001
    positions: int = 258
    labels: int = 3


ROBERTA = "transformers RobertaForSequenceClassification"
FALLBACK = "torch.nn.TransformerEncoder (transformers absent)"
BASE = Shape(hidden=768, layers=12, heads=12, ffn=3072)
TINY = Shape(hidden=32, layers=2, heads=2, ffn=64)


class _Encoder(torch.nn.Module):
    """Fallback with the same shapes when transformers is not installed."""

    def __init__(self, s: Shape) -> None:
        super().__init__()
        self.tokens = torch.nn.Embedding(s.vocab, s.hidden, padding_idx=1)
        self.positions = torch.nn.Embedding(s.positions, s.hidden)
        layer = torch.nn.TransformerEncoderLayer(
            s.hidden, s.heads, s.ffn, activation="gelu", batch_first=True, norm_first=False
        )
        self.encoder = torch.nn.TransformerEncoder(layer, s.layers, enable_nested_tensor=False)
        self.head = torch.nn.Sequential(
            torch.nn.Linear(s.hidden, s.hidden),
            torch.nn.Tanh(),
            torch.nn.Linear(s.hidden, s.labels),
        )

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        pos = torch.arange(2, 2 + input_ids.shape[1], device=input_ids.device)
        x = self.tokens(input_ids) + self.positions(pos)
        x = self.encoder(x, src_key_padding_mask=attention_mask == 0)
        return self.head(x[:, 0])


class _Logits(torch.nn.Module):
    """``(ids, mask) -> logits`` over a transformers model, like ``_Encoder``."""

    def __init__(self, inner: torch.nn.Module) -> None:
        super().__init__()
        self.inner = inner

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.inner(input_ids=input_ids, attention_mask=attention_mask).logits


def has_transformers() -> bool:
    try:
        import transformers  # noqa: F401
    except ImportError:
        return False
    return True


def build(device: str, s: Shape = BASE) -> tuple[torch.nn.Module, str]:
    """A randomly initialised classifier of shape ``s`` and a description of it."""
    try:
        from transformers import RobertaConfig, RobertaForSequenceClassification
    except ImportError:
        return _Encoder(s).to(device), FALLBACK
    config = RobertaConfig(
        vocab_size=s.vocab,
        hidden_size=s.hidden,
        num_hidden_layers=s.layers,
        num_attention_heads=s.heads,
        intermediate_size=s.ffn,
        max_position_embeddings=s.positions,
        type_vocab_size=1,
        pad_token_id=1,
        num_labels=s.labels,  # type: ignore[call-arg]  # a PretrainedConfig kwarg
    )
    model = RobertaForSequenceClassification(config).to(device)  # type: ignore[arg-type]
    return _Logits(model), ROBERTA
