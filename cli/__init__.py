"""The ``vimod`` command line: the composition root that wires service, models and training."""
