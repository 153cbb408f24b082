"""Trainers, one per model kind, chosen through the explicit ``TRAINERS`` table in ``train``."""
