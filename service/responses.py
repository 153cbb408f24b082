"""OpenAPI error responses, described once and shared by every router.

Every error answers with ``ErrorResponse``; routers list the statuses they can return so the
generated contract names them (and FastAPI's own ``HTTPValidationError`` never appears).
"""

from __future__ import annotations

from typing import Any

from service.schemas import ErrorResponse

_DESCRIPTIONS = {
    400: "Body is not valid JSON",
    401: "No API key, or an invalid or revoked one (WWW-Authenticate)",
    403: "The key's role does not allow this request",
    404: "Not found (in this tenant)",
    409: "Conflicts with stored state",
    413: "Body over payload_limit",
    422: "Invalid request; `details` names each field",
    429: "The key's quota is used up or the queue is full; see Retry-After",
    503: "A needed backend (store, model) is unavailable; see Retry-After",
}

AUTHENTICATED = (400, 401, 403, 413, 422, 429, 503)


def errors(*codes: int, **described: str) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for the given statuses; keyword ``s409="..."`` overrides a description."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        text = described.get(f"s{code}", _DESCRIPTIONS[code])
        out[code] = {"model": ErrorResponse, "description": text}
    return out
