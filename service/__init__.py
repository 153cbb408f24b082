"""The HTTP service and the labeled-feedback store."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vimod")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0.0.0"
