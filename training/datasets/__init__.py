"""Dataset adapters: one module per source, each yielding ``Example`` rows.

A dataset is named by a spec string ``source[:split]``; ``csv:``/``jsonl:`` take a path:

    vihsd:train  vihsd:test  safesense:test  reintel:dev  seed:toxicity
    csv:posts.csv  jsonl:posts.jsonl  feedback  feedback:misinformation
    chat:vihsd:train@2000  (a toxicity corpus's posts as the benign label of another task)
    notices  (urgent notices vs hoaxes; evaluation only, see training/datasets/notices.py)
    identity  identity:lgbt  (harmless posts about groups of people; evaluation only)
    mentions:vihsd:test  (the posts of another dataset that name such a group, tagged)
    seed:identity  (the team's harmless posts about those groups, for training)
    seed:identity-fit  seed:identity-holdout  (a fixed quarter held out to choose its weight)
    seed:urgent  seed:urgent-fit  seed:urgent-holdout  (urgent notices and hoaxes, the same way)
    plain:vihsd:test  (another dataset with its diacritics stripped)
    repeat:30:seed:identity-fit  weight:0.5:safesense:train  (a dataset weighed up or down)
"""

from training.datasets.base import DataContext, Example, load_dataset

__all__ = ["DataContext", "Example", "load_dataset"]
