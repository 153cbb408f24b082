"""Python client of the vimod HTTP API (v1): ``Client`` (sync) and ``AsyncClient`` (async).

from vimod_client import Client

with Client("http://127.0.0.1:8000", api_key="vmk_...") as vimod:
    result = vimod.classify("bài viết hay quá")
    print(result.flagged, result.categories["toxicity"].label)
"""

from vimod_client.async_client import AsyncClient
from vimod_client.client import Client
from vimod_client.errors import VimodError
from vimod_client.retry import NO_RETRY, RetryPolicy
from vimod_client.types import (
    ClassifyResult,
    Feedback,
    FeedbackPage,
    Info,
    ModelVersion,
    Readiness,
    TaskResult,
)
from vimod_client.version import package_version

__version__ = package_version()

__all__ = [
    "NO_RETRY",
    "AsyncClient",
    "ClassifyResult",
    "Client",
    "Feedback",
    "FeedbackPage",
    "Info",
    "ModelVersion",
    "Readiness",
    "RetryPolicy",
    "TaskResult",
    "VimodError",
    "__version__",
]
