"""The smoke prediction a version must pass: any failure becomes a ``RegistryError``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pytest

from models.base import PostMetadata
from models.errors import RegistryError
from models.smoke import smoke_check, smoke_posts
from models.tasks import TOXICITY, Task


class _Stub:
    """A classifier whose output is whatever the test asks for."""

    kind: ClassVar[str] = "stub"

    def __init__(self, output: Callable[[int], Any]) -> None:
        self.task: Task = TOXICITY
        self.config: dict[str, Any] = {}
        self.output = output
        self.seen: list[PostMetadata | None] = []

    def predict_proba(
        self, texts: Sequence[str], metadata: Sequence[PostMetadata | None] | None = None
    ) -> np.ndarray:
        self.seen = list(metadata or [])
        return self.output(len(texts))  # type: ignore[no-any-return]

    def save(self, directory: Path) -> None:  # pragma: no cover - never saved
        raise NotImplementedError


def _uniform(n: int) -> np.ndarray:
    return np.full((n, 3), 1 / 3)


def _raise(exc: BaseException) -> Callable[[int], Any]:
    def fail(n: int) -> Any:
        raise exc

    return fail


def test_samples_are_vietnamese_posts_with_and_without_metadata() -> None:
    texts, metadata = smoke_posts()

    assert len(texts) == len(metadata) >= 3
    assert all(t.strip() for t in texts)
    assert None in metadata and any(m is not None for m in metadata)


def test_a_working_model_passes_and_sees_the_metadata() -> None:
    stub = _Stub(_uniform)

    smoke_check(stub, "v1")

    assert stub.seen == list(smoke_posts()[1])


@pytest.mark.parametrize(
    "exc",
    [ValueError("bad"), KeyError("features"), AttributeError("x"), ZeroDivisionError("0")],
    ids=lambda e: type(e).__name__,
)
def test_any_exception_from_predict_becomes_a_registry_error(exc: Exception) -> None:
    with pytest.raises(RegistryError, match="smoke prediction failed") as info:
        smoke_check(_Stub(_raise(exc)), "20250101-000000-baseline-abcd")

    assert info.value.message.startswith("20250101-000000-baseline-abcd: ")
    assert type(exc).__name__ in info.value.message


@pytest.mark.parametrize(
    ("output", "fragment"),
    [
        (lambda n: np.full((n, 2), 0.5), "shape"),
        (lambda n: np.full((n + 1, 3), 1 / 3), "shape"),
        (lambda n: np.full(n, 1.0), "shape"),
        (lambda n: np.full((n, 3), np.nan), "NaN or infinite"),
        (lambda n: np.full((n, 3), np.inf), "NaN or infinite"),
        (lambda n: np.full((n, 3), 0.5), "do not sum to 1"),
        (lambda n: [["a", "b", "c"]] * n, "ValueError"),
    ],
    ids=["labels", "rows", "1d", "nan", "inf", "sum", "strings"],
)
def test_unusable_output_is_refused(output: Callable[[int], Any], fragment: str) -> None:
    with pytest.raises(RegistryError, match="v9: smoke prediction failed") as info:
        smoke_check(_Stub(output), "v9")

    assert fragment in info.value.message
