"""Fixtures for the model tests: a tiny PhoBERT checkpoint (see ``tests/tiny_phobert.py``)."""

from tests.tiny_phobert import tiny_phobert_dir

__all__ = ["tiny_phobert_dir"]
