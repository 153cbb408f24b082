"""Rewrite the seed corpora from their data files: ``python -m training.seed.generate``.

To change a corpus, edit its posts (``posts/<task>/*.txt``) or its settings and tables
(``<task>.toml``), run this, and commit the data files together with the new CSV. The
generators draw from one seeded RNG, so the same data always gives the same bytes;
``--check`` fails when a committed CSV is out of date. The CSVs are the contract: spans
are marked on ``toxicity.csv`` rows and the embedded default models are trained from them.
"""

from __future__ import annotations

import argparse
import filecmp
import logging
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from training.seed import misinformation, toxicity
from training.seed.files import SEED_DIR, Row, write_csv

logger = logging.getLogger(__name__)

# corpus name -> builder of its rows from the committed data files
CORPORA: dict[str, Callable[[], list[Row]]] = {
    "toxicity": lambda: toxicity.build_rows(toxicity.load()),
    "misinformation": lambda: misinformation.build_rows(misinformation.load()),
    "urgent": lambda: misinformation.build_urgent_rows(misinformation.load()),
}


def generate(out_dir: Path, names: Sequence[str] = tuple(CORPORA)) -> dict[str, Path]:
    """Write ``<name>.csv`` for each corpus into ``out_dir``; returns name -> path."""
    written: dict[str, Path] = {}
    for name in names:
        rows = CORPORA[name]()
        path = out_dir / f"{name}.csv"
        write_csv(rows, path)
        counts = Counter(label for _, label in rows)
        logger.info("wrote %d rows to %s: %s", len(rows), path, dict(counts))
        written[name] = path
    return written


def check(names: Sequence[str] = tuple(CORPORA), committed: Path = SEED_DIR) -> list[str]:
    """Names of the corpora whose CSV in ``committed`` differs from a fresh generation."""
    with tempfile.TemporaryDirectory() as tmp:
        return [
            name
            for name, path in generate(Path(tmp), names).items()
            if not (committed / f"{name}.csv").is_file()
            or not filecmp.cmp(path, committed / f"{name}.csv", shallow=False)
        ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m training.seed.generate", description=__doc__)
    parser.add_argument("corpus", nargs="*", help=f"any of {', '.join(CORPORA)} (default: all)")
    parser.add_argument("--out", type=Path, default=SEED_DIR, help="folder for the CSVs")
    parser.add_argument(
        "--check", action="store_true", help="compare with the committed CSVs, write nothing"
    )
    args = parser.parse_args(argv)
    unknown = sorted(set(args.corpus) - set(CORPORA))
    if unknown:
        parser.error(f"unknown corpus {', '.join(unknown)}; known: {', '.join(CORPORA)}")
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    names = args.corpus or list(CORPORA)
    if not args.check:
        generate(args.out, names)
        return 0
    stale = check(names)
    for name in stale:
        logger.error("%s.csv differs from its data files: regenerate and commit it", name)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
