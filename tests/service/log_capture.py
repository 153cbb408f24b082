"""Capture what vimod would write as JSON log lines, at DEBUG, as ``vimod serve`` sets it up.

``configure_logging`` itself is not called in-process: ``dictConfig`` closes every existing
handler, pytest's included. This attaches the same formatter and filter to the root logger
and pins the same loggers, then undoes it.
"""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from service.logs import PINNED_LEVELS, JsonFormatter, RequestIdFilter

LogLines = Callable[[], list[dict[str, Any]]]


@contextmanager
def json_log_lines(level: int = logging.DEBUG) -> Iterator[LogLines]:
    """Yields a function returning the lines logged so far, each parsed from JSON."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    pinned = {name: logging.getLogger(name) for name in PINNED_LEVELS}
    saved_root, saved = root.level, {name: lg.level for name, lg in pinned.items()}
    root.addHandler(handler)
    root.setLevel(level)
    for name, lg in pinned.items():
        lg.setLevel(PINNED_LEVELS[name])
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines() if line]
    finally:
        root.removeHandler(handler)
        root.setLevel(saved_root)
        for name, lg in pinned.items():
            lg.setLevel(saved[name])


def problems(lines: list[dict[str, Any]], request_id: str) -> list[dict[str, Any]]:
    """The lines at WARNING or above logged while handling ``request_id``."""
    return [
        line
        for line in lines
        if line.get("request_id") == request_id
        and line["level"] in ("warning", "error", "critical")
    ]
