"""Logging: JSON lines tagged with the request id, and tracebacks that carry no data.

A log line must never hold a post, a note, a moderator id or an API key, at any level.
Exception messages can (a driver's ``DETAIL: Key (...)=(...)``), so tracebacks are written
as exception classes and code locations only, and SQLAlchemy's loggers, which print result
rows at DEBUG, are pinned at WARNING.
"""

from __future__ import annotations

import json
import logging
import logging.config
import re
import traceback
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

request_id: ContextVar[str | None] = ContextVar("vimod_request_id", default=None)

_VALID_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

# Loggers that would print data (SQLAlchemy rows and statements) or raw query strings
# (uvicorn's access log; ours logs route templates instead) stay quiet at every level.
PINNED_LEVELS: dict[str, str] = {
    "sqlalchemy": "WARNING",
    "uvicorn.access": "CRITICAL",
    "alembic.runtime.plugins": "WARNING",  # only noise: one line per plugin at import
}

# LogRecord's own attributes; anything else on a record came from ``extra=`` and is a field.
# uvicorn's color_message is the message again, with terminal colours.
_RECORD_FIELDS = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "color_message",
}


def accept_request_id(value: str | None) -> str:
    """The client's ``X-Request-ID`` when it is safe to log and echo, else a fresh one."""
    if value is not None and _VALID_ID.fullmatch(value):
        return value
    return uuid.uuid4().hex


def safe_traceback(exc: BaseException) -> str:
    """``exc``'s chain as exception classes and code locations, without any message."""
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = traceback.extract_tb(current.__traceback__)
        where = " <- ".join(f"{f.filename}:{f.lineno} in {f.name}" for f in reversed(frames))
        parts.append(f"{type(current).__module__}.{type(current).__qualname__} at {where}")
        current = current.__cause__ or current.__context__
    return " | caused by ".join(parts)


class RequestIdFilter(logging.Filter):
    """Stamp every record with the id of the request being handled (``None`` outside one)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id and extra fields."""

    def format(self, record: logging.LogRecord) -> str:
        body: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": getattr(record, "request_id", None) or request_id.get(),
        }
        for key, value in vars(record).items():
            if key not in _RECORD_FIELDS and key not in body and not key.startswith("_"):
                body[key] = value
        if record.exc_info and record.exc_info[1] is not None:
            body["exc"] = safe_traceback(record.exc_info[1])
        return json.dumps(body, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """Plain lines for a terminal; tracebacks are made safe as in ``JsonFormatter``."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        if not hasattr(record, "request_id"):
            record.request_id = request_id.get()
        return super().format(record)

    def formatException(self, ei: Any) -> str:
        return safe_traceback(ei[1]) if ei and ei[1] is not None else ""


def logging_config(level: str = "info", *, json: bool = True) -> dict[str, Any]:
    """A ``dictConfig`` for vimod and uvicorn (passed as uvicorn's ``log_config``).

    Every logger, uvicorn's included, propagates to one stderr handler on the root.
    """
    formatter = "service.logs.JsonFormatter" if json else "service.logs.TextFormatter"
    loggers: dict[str, Any] = {
        name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error")
    }
    for name, pinned in PINNED_LEVELS.items():
        loggers[name] = {"level": pinned, "handlers": [], "propagate": True}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "service.logs.RequestIdFilter"}},
        "formatters": {"default": {"()": formatter}},
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "default",
                "filters": ["request_id"],
            }
        },
        "loggers": loggers,
        "root": {"level": level.upper(), "handlers": ["stderr"]},
    }


def configure_logging(level: str = "info", *, json: bool = True) -> None:
    """Route every log line of this process through one safe handler (``vimod serve``)."""
    logging.config.dictConfig(logging_config(level, json=json))
