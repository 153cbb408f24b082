"""``python -m cli`` runs the ``vimod`` CLI (used by the benchmarks)."""

from cli.main import app

app()
