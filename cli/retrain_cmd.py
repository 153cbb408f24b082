"""``vimod retrain``: a task's recipe plus the feedback store → a new candidate version.

Feedback is read straight from the configured store (SQLite or PostgreSQL) and handed to
``training.retrain`` as plain records, so training never imports the service.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from cli.common import registry, run_guarded, settings, store_session
from models.errors import InputError

if TYPE_CHECKING:
    from service.config import Settings
    from training.label_quality import LabelRecord, SubjectInfo, SubjectQuality

out = Console()
err = Console(stderr=True)


def read_labels(
    cfg: Settings, task: str, tenant: str | None = None
) -> tuple[list[LabelRecord], list[SubjectInfo]]:
    """Every feedback row of ``task`` (of one tenant, or all) and the subjects, as records."""
    from service.store import find_tenant, iter_feedback, list_label_subjects
    from training.label_quality import LabelRecord, SubjectInfo

    with store_session(cfg) as session:
        tenant_id = find_tenant(session=session, name=tenant).id if tenant else None
        records = [
            LabelRecord(
                text=row.text,
                label=row.label,
                subject_id=row.subject_id or f"moderator:{row.moderator_id}",
                created_at=row.created_at,
                predicted_label=row.predicted_label,
            )
            for row in iter_feedback(session=session, task=task, tenant_id=tenant_id)
        ]
        subjects = [
            SubjectInfo(s.id, s.name, bool(s.trusted), s.labels_approved_at)
            for s in list_label_subjects(session=session, tenant_id=tenant_id)
        ]
    return records, subjects


def _rate(counts: dict[str, Any]) -> str:
    return "-" if not counts["n"] else f"{counts['rate']:.1%} of {counts['n']}"


def quality_table(
    quality: dict[str, SubjectQuality],
    subjects: Sequence[SubjectInfo],
    excluded: dict[str, int] | None = None,
) -> Table:
    """One row per subject: labels, disagreement with partners and the model, the verdict."""
    approved = {s.id: s.labels_approved_at for s in subjects}
    trusted = {s.id for s in subjects if s.trusted}
    table = Table("subject", "labels", "vs partners", "vs model", "flagged", "left out", "why")
    for q in sorted(quality.values(), key=lambda q: q.name):
        row = q.as_dict()
        verdict = "yes" if q.flagged else "no"
        if q.flagged and approved.get(q.subject_id):
            verdict += f" (approved {approved[q.subject_id]:%Y-%m-%d %H:%M})"
        name = q.name + (" (trusted)" if q.subject_id in trusted else "")
        table.add_row(
            name,
            str(q.labels),
            _rate(row["partner"]),
            _rate(row["model"]),
            verdict,
            str((excluded or {}).get(q.name, 0)),
            "; ".join(q.reasons),
        )
    return table


def retrain(
    task: Annotated[str, typer.Option(help="toxicity or misinformation.")],
    recipe: Annotated[
        str | None, typer.Option(help="Recipe name or TOML path (default: the task's recipe).")
    ] = None,
    tenant: Annotated[str | None, typer.Option(help="Only this tenant's feedback.")] = None,
    promote: Annotated[
        bool,
        typer.Option(
            help="Hand the new version to the promotion gate (prints its command for now)."
        ),
    ] = False,
) -> None:
    """Retrain a task from its recipe and the store's feedback; register the candidate."""
    from models.tasks import get_task
    from training.recipe import load_recipe
    from training.retrain import HOLDOUT_KEY
    from training.retrain import retrain as run_retrain

    def _run() -> None:
        cfg = settings()
        name = get_task(task).name
        parsed = load_recipe(recipe or name)
        if parsed.task != name:
            raise InputError(f"recipe is for task {parsed.task!r}, not {name!r}")
        records, subjects = read_labels(cfg, name, tenant)
        err.print(f"{len(records)} feedback labels of {name} from the store")
        result = run_retrain(parsed, records, subjects, registry(cfg), cfg.data_dir)
        facts = result.facts
        err.print(quality_table(result.quality, subjects, facts["excluded_records"]))
        err.print(
            f"feedback: {facts['texts']} texts, {facts['conflicts']} conflicts "
            f"({facts['resolved_by']}), {facts['trusted_texts']} trusted, "
            f"holdout {facts['holdout']}, {facts['dropped_in_evaluation_splits']} dropped "
            f"(in dev/benchmark), {facts['train']} trained on; {facts['base_relabelled']} "
            f"dataset rows relabelled; left out: {facts['excluded_records'] or 'none'}"
        )
        for spec, metrics in result.metrics.items():
            line = f"{spec}: macro-F1 {metrics['macro_f1']:.4f} (n {metrics['n']})"
            if spec == HOLDOUT_KEY and "holdout_active" in facts:
                line += f"; active {facts['active_version']}: "
                line += f"{facts['holdout_active']['macro_f1']:.4f}"
            err.print(line)
        version = result.manifest.version
        err.print(f"registered [bold]{version}[/] ({name}, {result.manifest.kind})")
        if promote:
            from cli.gate_cmd import promote_version

            promote_version(cfg, version, parsed.benchmark, extra=[(HOLDOUT_KEY, result.holdout)])
        typer.echo(version)

    run_guarded(_run)
