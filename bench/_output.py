"""How every bench script hands back its result: indented JSON on stdout and, with
``--out``, the same text in a file (the committed ``bench/results/*.json``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def emit(result: Any, out: Path | None) -> None:
    """Print ``result`` as JSON and write it to ``out`` when given."""
    text = json.dumps(result, indent=2) + "\n"
    if out is not None:
        out.write_text(text, encoding="utf-8")
    sys.stdout.write(text)
