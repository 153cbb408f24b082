"""Reading web UI form posts: URL-encoded bodies only, bounded by ``ui_form_limit``.

Parsed here with the standard library (forms carry a few short fields), so the service does
not need a multipart parser; a body of another type is refused with 415.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from fastapi import Request

from service.ui.errors import UiError

FORM_TYPE = "application/x-www-form-urlencoded"
MAX_FIELDS = 1000  # a bulk decision in a later phase posts one field per selected item


class FormData:
    """The fields of a posted form; repeated names keep every value, in order."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self._pairs = pairs

    def get(self, name: str, default: str = "") -> str:
        return next((v for k, v in self._pairs if k == name), default)

    def getlist(self, name: str) -> list[str]:
        return [v for k, v in self._pairs if k == name]


async def read_form(request: Request, limit: int) -> FormData:
    """The request's URL-encoded form; ``UiError`` (413/415/400) when it is not one."""
    body = await request.body()
    if not body:  # nothing posted: an empty form (so a missing CSRF token, a 403)
        return FormData([])
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != FORM_TYPE:
        raise UiError(415, "errors.form_type")
    if len(body) > limit:
        raise UiError(413, "errors.form_size", limit=limit)
    try:
        pairs = parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise UiError(400, "errors.form_bad") from None
    return FormData(pairs)
