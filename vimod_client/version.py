"""The client's version: the installed vimod package's (the API it was written against)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def package_version() -> str:
    try:
        return version("vimod")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0.0.0"


def user_agent() -> str:
    return f"vimod-client/{package_version()}"
