"""Code shared by serving and training: text pipeline, classifiers, registry.

Nothing here imports ``service`` or ``training`` and nothing loads a model at import time.
"""
