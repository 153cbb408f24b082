"""Fixtures for the training tests: a tiny PhoBERT checkpoint and one CLI-trained version."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.tiny_phobert import tiny_phobert_dir, write_marker_csvs

__all__ = ["TrainedPhobert", "tiny_phobert_dir", "trained_phobert"]

# Enough for the tiny model to learn the marker (dev macro-F1 1.0) in ~15 s on one core.
TINY_TRAINING = ["epochs=10", "lr=0.005", "batch_size=16", "patience=3", "save_every=50"]


@dataclass(frozen=True)
class TrainedPhobert:
    """A registry holding one phobert version fine-tuned by ``vimod train``."""

    registry: Path
    version: str
    data: dict[str, Path]
    work_dir: Path
    env: dict[str, str]


@pytest.fixture(scope="session")
def trained_phobert(
    tiny_phobert_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> TrainedPhobert:
    """Fine-tune the tiny checkpoint through the CLI, exactly as a user would."""
    from typer.testing import CliRunner

    from cli.main import app

    root = tmp_path_factory.mktemp("phobert-run")
    data = write_marker_csvs(root / "data")
    env = {
        "VIMOD_REGISTRY_DIR": str(root / "registry"),
        "VIMOD_DATABASE_URL": f"sqlite:///{root / 'store.db'}",
        "VIMOD_DATA_DIR": str(root / "data"),
    }
    args = ["train", "--model", "phobert", "--base", str(tiny_phobert_dir)]
    args += ["--data", f"csv:{data['train']}", "--dev", f"csv:{data['dev']}"]
    args += ["--work-dir", str(root / "work")]
    for item in TINY_TRAINING:
        args += ["--set", item]
    result = CliRunner().invoke(app, args, env=env)
    assert result.exit_code == 0, result.output
    version = result.stdout.strip().splitlines()[-1]
    return TrainedPhobert(root / "registry", version, data, root / "work", env)
