"""Offline work: dataset adapters, training, evaluation reports. Imports ``models``, never ``service``."""
