"""Read and write ``vimod classify`` files: CSV, JSONL or Parquet, chosen by extension.

Both scoring paths (one process, Ray) read and write through here, so their files match
byte for byte. Parquet holds the CSV's flat columns with their types kept (scores as
floats, ``flagged`` as booleans, ``flagged_labels`` as a list, nulls as nulls).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from models.errors import InputError
from training.datasets.generic import read_jsonl

FORMATS = (".csv", ".jsonl", ".parquet")


def file_format(path: Path, what: str) -> str:
    """``path``'s format from its extension, or an ``InputError`` naming those accepted."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(
            f"{what} {path.name}: unknown extension {suffix or '(none)'!r}; "
            f"use {', '.join(FORMATS)}"
        )
    return suffix


def read_rows(path: Path, column: str) -> list[dict[str, Any]]:
    """Every row of ``path`` as a dict; each must have a string in ``column``."""
    suffix = file_format(path, "input")
    if not path.is_file():
        raise InputError(f"input file not found: {path}")
    if suffix == ".jsonl":
        rows = read_jsonl(path)
    elif suffix == ".parquet":
        rows = _read_parquet(path)
    else:
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    if not rows:
        raise InputError(f"{path.name} has no rows to score")
    for n, row in enumerate(rows, start=1):
        if not isinstance(row.get(column), str):
            raise InputError(f"{path.name} row {n}: no text in column {column!r}")
    return rows


def _read_parquet(path: Path) -> list[dict[str, Any]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(path).to_pylist()
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{path.name}: not a readable Parquet file ({exc})") from None


def write_results(path: Path, rows: list[dict[str, Any]], results: list[dict[str, Any]]) -> None:
    """Each input row with its result: JSONL nests the API's fields, CSV and Parquet flatten."""
    suffix = file_format(path, "output")
    if suffix == ".jsonl":
        with open(path, "w", encoding="utf-8") as fh:
            for row, res in zip(rows, results, strict=True):
                fh.write(json.dumps({**row, **res}, ensure_ascii=False) + "\n")
        return
    typed = suffix == ".parquet"
    flat = [_flat(row, res, typed=typed) for row, res in zip(rows, results, strict=True)]
    # A skipped first row has no score columns: take the header from every row, in order.
    fields = list(dict.fromkeys(k for r in flat for k in r)) if flat else ["text"]
    if typed:
        _write_parquet(path, fields, flat)
        return
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, restval="")
        writer.writeheader()
        writer.writerows(flat)


def _flat(row: dict[str, Any], res: dict[str, Any], *, typed: bool) -> dict[str, Any]:
    out = dict(row)
    for t, r in (res["categories"] or {}).items():
        out[f"{t}_label"] = r["label"]
        out[f"{t}_flagged"] = r["flagged"]
        labels = list(r["flagged_labels"])
        out[f"{t}_flagged_labels"] = labels if typed else " ".join(labels)
        out.update({f"{t}_{label}": score for label, score in r["scores"].items()})
        out[f"{t}_model_version"] = r["model_version"]
        if "spans" in r:
            out[f"{t}_spans"] = json.dumps(r["spans"], ensure_ascii=False)
    out["language"] = res["language"]["code"]
    out["language_supported"] = res["language"]["supported"]
    out["skipped"] = res["skipped"] if typed else res["skipped"] or ""
    return out


def _write_parquet(path: Path, fields: list[str], flat: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        table = pa.table({f: [r.get(f) for r in flat] for f in fields})
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:  # e.g. a JSONL column of mixed types
        raise InputError(f"cannot write {path.name} as Parquet: {exc}") from None
    pq.write_table(table, path)
