"""Score a backlog on Ray Data: stateful actors that each load the pinned models once.

Imported only for ``vimod classify --ray``; Ray itself is imported inside the functions so
that a missing install is one clear error. The driver reads the file and writes the results
(``cli.backlog_io``), so both paths share one reader and writer; Ray carries only each
post's index, text and metadata to the actors and their results back, in input order.

Every worker opens the registry by the path the driver has: on a cluster of several machines
that path must be the same shared directory on each (NFS or similar), and the workers need
vimod installed at the same version.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from cli.backlog import Pinned, Scorer
from models.base import PostMetadata
from models.errors import InputError, VimodError
from models.outcomes import Policy, plan
from models.registry import Registry
from training.progress import make_progress, phase

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass(frozen=True)
class RayOptions:
    """``address`` ``None`` starts a local cluster of ``num_cpus`` CPUs."""

    address: str | None = None
    num_cpus: int | None = None
    actors: int | None = None  # default: one per CPU of the cluster
    batch_size: int = 256


@dataclass(frozen=True)
class RayTimes:
    startup_s: float  # ray.init; 0 when a session was already running
    scoring_s: float  # from building the dataset to the last result


class _ScoreBatch:
    """The Ray Data actor: loads the models in ``__init__``, scores a batch per call."""

    def __init__(self, registry_dir: str, pinned: Pinned, policy: Policy) -> None:
        self._scorer = Scorer.load(Registry(registry_dir), pinned)
        self._policy = policy

    def __call__(self, batch: pa.Table) -> dict[str, list[Any]]:
        meta = [
            None if m is None else PostMetadata(**m)
            for m in map(json.loads, batch.column("meta").to_pylist())
        ]
        results = self._scorer.score(batch.column("text").to_pylist(), meta, self._policy)
        return {
            "i": batch.column("i").to_pylist(),
            "result": [json.dumps(r, ensure_ascii=False) for r in results],
        }


def _import_ray() -> Any:
    try:
        import ray
        import ray.data
    except ModuleNotFoundError:
        raise InputError("--ray needs Ray: pip install 'vimod[ray]'") from None
    return ray


def score_on_ray(
    texts: Sequence[str],
    metadata: Sequence[PostMetadata | None],
    *,
    registry_dir: str,
    pinned: Pinned,
    policy: Policy,
    options: RayOptions,
    show: bool = True,
) -> tuple[list[dict[str, Any]], RayTimes]:
    """The results ``Scorer.score`` gives for ``texts``, computed by Ray actors.

    Starts Ray (and shuts it down after) unless a session is already running in this process.
    """
    ray = _import_ray()
    if policy == "reject":  # refuse before starting anything, naming rows as one process does
        plan(texts, policy, name="rows")
        policy = "score"
    started = time.perf_counter()
    owned = not ray.is_initialized()
    if owned:
        with phase("starting Ray", show=show):
            if options.address is None:
                ray.init(
                    num_cpus=options.num_cpus,
                    include_dashboard=False,
                    logging_level=logging.WARNING,
                )
            else:
                ray.init(address=options.address, logging_level=logging.WARNING)
    startup = time.perf_counter() - started if owned else 0.0
    try:
        began = time.perf_counter()
        results = _run(ray, texts, metadata, registry_dir, pinned, policy, options, show)
        return results, RayTimes(startup, time.perf_counter() - began)
    finally:
        if owned:
            ray.shutdown()


def _run(
    ray: Any,
    texts: Sequence[str],
    metadata: Sequence[PostMetadata | None],
    registry_dir: str,
    pinned: Pinned,
    policy: Policy,
    options: RayOptions,
    show: bool,
) -> list[dict[str, Any]]:
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ctx.enable_progress_bars = False  # the driver counts rows in its own bar below
    actors = options.actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    # Every column has one type whatever the rows hold (metadata as JSON, "null" when none),
    # and from_items builds its blocks here. (from_arrow computes block metadata in remote
    # tasks, which died with abseil's "Mutex corrupt" in 5 of our first sessions, retried.)
    items = [
        {"i": i, "text": t, "meta": json.dumps(None if m is None else asdict(m))}
        for i, (t, m) in enumerate(zip(texts, metadata, strict=True))
    ]
    size = options.batch_size
    # one block per batch, so the actors share the work (one block would go to one actor)
    blocks = max(1, -(-len(items) // size))
    ds = ray.data.from_items(items, override_num_blocks=blocks).map_batches(
        _ScoreBatch,
        fn_constructor_kwargs={"registry_dir": registry_dir, "pinned": pinned, "policy": policy},
        compute=ray.data.ActorPoolStrategy(size=actors),
        batch_size=size,
        batch_format="pyarrow",
        num_cpus=1,
    )
    out: list[tuple[int, str]] = []
    with make_progress(disable=not show) as progress:
        bar = progress.add_task(f"scoring on Ray ({actors} actors)", total=len(texts))
        for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
            index, result = batch.column("i").to_pylist(), batch.column("result").to_pylist()
            out.extend(zip(index, result, strict=True))
            progress.advance(bar, batch.num_rows)
    out.sort(key=lambda pair: pair[0])  # preserve_order keeps it; sorting makes it certain
    if [i for i, _ in out] != list(range(len(texts))):
        raise VimodError(f"Ray returned {len(out)} results for {len(texts)} posts")
    return [json.loads(r) for _, r in out]
