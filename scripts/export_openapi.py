"""Write ``docs/openapi.json`` from the app factory.

``tests/service/test_openapi.py`` fails when the committed file differs from
``app.openapi()``; run ``python scripts/export_openapi.py`` after changing a route or schema.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "openapi.json"


def render(schema: dict[str, Any]) -> str:
    """The committed form: two-space indent, UTF-8 kept readable, trailing newline."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    from service.app import create_app
    from service.config import Settings

    OUTPUT.write_text(render(create_app(Settings()).openapi()), encoding="utf-8")
    sys.stderr.write(f"wrote {OUTPUT}\n")


if __name__ == "__main__":
    main()
