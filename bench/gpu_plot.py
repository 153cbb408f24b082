"""The figure of a ``bench/gpu_phobert.py`` run: training loss over the epoch, with the facts.

matplotlib is imported only here and only when a figure is asked for; the lent GPU image
has it, and a run without it still writes its JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def plot(result: dict[str, Any], path: Path) -> None:
    """Write ``path`` (PNG): loss per logged step, the label-prior line, a summary box."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    run = result["vihsd_finetune"]
    curve = run["loss_curve"]
    fig, ax = plt.subplots(figsize=(9, 5.2))
    ax.plot([p["step"] for p in curve], [p["loss"] for p in curve], marker=".", label="train loss")
    ax.axhline(
        run["label_prior_loss"],
        color="grey",
        linestyle="--",
        label=f"label-share loss {run['label_prior_loss']:.3f} (predicting the prior only)",
    )
    ax.set_xlabel(
        f"step (batch {run['batch_size']}; mean loss over each {run['settings']['log_every']} steps)"
    )
    ax.set_ylabel("cross-entropy")
    ax.legend(loc="best")
    ax.grid(alpha=0.3)
    dev = result.get("vihsd_dev", {})
    lines = [
        f"{run['steps_per_s']} steps/s, {run['samples_per_s']} samples/s",
        f"epoch {run['epoch_time_s']} s ({run['epoch_time_source']})",
        f"peak GPU memory {result.get('finetune_peak_memory_gib') or 'n/a'} GiB",
        f"dev inference {dev.get('posts_per_s', 'n/a')} posts/s (batch {dev.get('batch_size', '-')})",
    ]
    ax.text(
        0.02,
        0.04,
        "\n".join(lines),
        transform=ax.transAxes,
        fontsize=9,
        va="bottom",
        bbox={"facecolor": "white", "alpha": 0.8, "edgecolor": "grey"},
    )
    data = result["data"]
    ax.set_title(
        f"{result['model']}\n"
        f"ViHSD train ({data['rows']['train']:,} posts, max_len {data['max_len']}), "
        f"{run['steps_run']} of {run['steps_per_epoch']} steps (one epoch), {result['precision']}, lr {run['settings']['lr']}, on {result['device']}",
        fontsize=9,
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    plt.close(fig)
