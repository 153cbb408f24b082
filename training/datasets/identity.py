"""``identity[:GROUP]``: the team's harmless posts about the people moderation must not silence.

Everyday comments, questions, praise and news-like sentences that mention regions (Bắc,
Trung, Nam, miền Tây, Huế, Nghệ An, "Bắc Kỳ"/"Nam Kỳ" as history names them), ethnic
minorities (Mông, Dao, Tày, Giáy, Hà Nhì, Khmer, Chăm, Ê Đê, Hoa, ...), religions and LGBT
people, some typed without diacritics or in teencode. Every post is ``CLEAN``, so the
share a model flags is its false-positive rate on that group (docs/bias.md). Written for
vimod, never copied from a dataset, and evaluation-only: ``load_dataset`` refuses it
unless the ``DataContext`` loads for evaluation, so no training path can learn from it.
"""

from __future__ import annotations

from models.errors import InputError
from models.tasks import TOXICITY
from training.datasets.base import DataContext, Example, packaged_rows

FILE = "eval/identity.csv"  # columns text,group,subgroup,label; under the training package
GROUPS = ("regions", "ethnic_minorities", "religions", "lgbt")


def load(arg: str | None, context: DataContext) -> list[Example]:
    """All rows (or one group's), each with ``group`` ``GROUP/SUBGROUP`` (``lgbt/gay``)."""
    if context.task is not TOXICITY:
        raise InputError("identity is a toxicity evaluation set")
    if arg and arg not in GROUPS:
        raise InputError(f"identity has groups {', '.join(GROUPS)}, not {arg!r}")
    return [
        Example(
            text=row["text"],
            label=context.task.check_label(row["label"]),
            source="identity",
            group=f"{row['group']}/{row['subgroup']}",
        )
        for row in packaged_rows(FILE)
        if not arg or row["group"] == arg
    ]
