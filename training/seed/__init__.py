"""The seed corpora the project ships, and the generator that rebuilds them from data files.

Posts live in ``posts/``, generation settings and tables in ``<task>.toml``; run
``python -m training.seed.generate`` to rewrite ``<task>.csv`` (see ``generate``).
"""
