"""Domain errors. The service maps each ``error_type`` to one HTTP status in one table."""

from __future__ import annotations


class VimodError(Exception):
    """Base class; ``error_type`` is the stable machine-readable name clients see."""

    error_type = "Internal"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(VimodError):
    """The caller sent something we refuse (empty text, unknown label, ...)."""

    error_type = "Validation"


class NotFoundError(VimodError):
    """A referenced object (prediction id, model version) does not exist."""

    error_type = "NotFound"


class ConflictError(VimodError):
    """The request contradicts stored state (e.g. an idempotency key reused with a new body)."""

    error_type = "Conflict"


class RegistryError(VimodError):
    """A model version is missing, broken or incompatible; the active one is left alone."""

    error_type = "Registry"


class NotReadyError(VimodError):
    """The service has no model loaded for a task that was asked for."""

    error_type = "Unhealthy"


class OverloadedError(VimodError):
    """Too many requests are queued; the caller should retry later."""

    error_type = "Overloaded"


class UnauthorizedError(VimodError):
    """No API key, or one that is malformed, unknown or revoked."""

    error_type = "Unauthorized"


class ForbiddenError(VimodError):
    """The key is valid but its role (or tenant) does not allow this request."""

    error_type = "Forbidden"


class QuotaExceededError(VimodError):
    """The key used up its requests or characters for the current window."""

    error_type = "QuotaExceeded"

    def __init__(self, message: str, *, retry_after: int, headers: dict[str, str]) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.headers = headers


class StoreUnavailableError(VimodError):
    """The feedback store cannot be reached or is not migrated yet; retry later.

    Only requests that need the store fail with it: classification without ``store`` goes on.
    """

    error_type = "StoreUnavailable"


class LanguageNotSupportedError(VimodError):
    """Posts are in a language the models were not made for and the caller asked to refuse.

    Perspective's LANGUAGE_NOT_SUPPORTED analogue; ``details`` names each post and language.
    """

    error_type = "LanguageNotSupported"

    def __init__(self, message: str, *, details: list[dict[str, object]]) -> None:
        super().__init__(message)
        self.details = details
