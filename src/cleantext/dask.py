"""Clean corpora on a Dask cluster (the optional extra ``cleantext[dask]``).

Three shapes of corpus: a Dask bag of strings, a text column of a Dask
DataFrame, and a folder of JSON-lines files cleaned into another folder.  Every
function runs ``cleantext.clean`` on the workers, so the output is exactly what
one process would produce, and each can also add up the plans into a
:class:`RepairReport` of what was repaired.  Dask is imported only when one of
these functions is called, so ``import cleantext`` stays fast without it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cleantext.config import DEFAULT_PROFILE, Config
from cleantext.pipeline import clean_and_explain
from cleantext.plan import Plan

if TYPE_CHECKING:
    import pandas as pd
    from dask.bag import Bag, Item
    from dask.dataframe import DataFrame, Scalar

__all__ = [
    "RepairReport",
    "clean_bag",
    "clean_bag_with_report",
    "clean_column",
    "clean_column_with_report",
    "clean_jsonl",
    "clean_jsonl_file",
]

_EXTRA_HINT = "cleantext.dask needs Dask: pip install 'cleantext-repair[dask]'"


def _require_dask() -> None:
    """Import Dask's parts here, with an error naming the extra when it is missing."""
    try:
        import dask.bag
        import dask.dataframe  # noqa: F401
    except ImportError as error:
        raise ImportError(f"{_EXTRA_HINT} ({error})") from error


@dataclass(frozen=True)
class RepairReport:
    """What a corpus run changed: documents seen and changed, and changes per model or rule.

    Reports add up (``a + b``), so per-partition reports reduce to one; ``skipped``
    counts JSON lines left as they were because they held no text to clean.
    """

    documents: int = 0
    changed: int = 0
    skipped: int = 0
    changes: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, plan: Plan) -> RepairReport:
        """The report for one document, from its plan."""
        return cls(documents=1, changed=int(bool(plan)), changes=plan.counts())

    def __add__(self, other: RepairReport) -> RepairReport:
        changes = dict(self.changes)
        for model, count in other.changes.items():
            changes[model] = changes.get(model, 0) + count
        return RepairReport(
            self.documents + other.documents,
            self.changed + other.changed,
            self.skipped + other.skipped,
            changes,
        )

    def __str__(self) -> str:
        lines = [f"{self.documents} documents, {self.changed} changed, {self.skipped} skipped"]
        ranked = sorted(self.changes.items(), key=lambda item: (-item[1], item[0]))
        lines += [f"{count:>10}  {model}" for model, count in ranked]
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "changed": self.changed,
            "skipped": self.skipped,
            "changes": dict(sorted(self.changes.items())),
        }


def _total(reports: Iterable[RepairReport]) -> RepairReport:
    return sum(reports, RepairReport())


# --- Bags of strings -----------------------------------------------------------------


def _explain_partition(texts: Iterable[str], config: Config) -> list[tuple[str, RepairReport]]:
    out = []
    for text in texts:
        cleaned, plan = clean_and_explain(text, config)
        out.append((cleaned, RepairReport.of(plan)))
    return out


def _clean_partition(texts: Iterable[str], config: Config) -> list[str]:
    return [clean_and_explain(text, config)[0] for text in texts]


def clean_bag(bag: Bag, *, profile: str | Config = DEFAULT_PROFILE) -> Bag:
    """A bag of the cleaned strings, in the same partitions and order."""
    _require_dask()
    return bag.map_partitions(_clean_partition, Config.from_profile(profile))


def clean_bag_with_report(bag: Bag, *, profile: str | Config = DEFAULT_PROFILE) -> tuple[Bag, Item]:
    """The cleaned bag and a lazy :class:`RepairReport`.

    Compute both in one call (``dask.compute(cleaned, report)``) and each text is
    cleaned once.
    """
    _require_dask()
    pairs = bag.map_partitions(_explain_partition, Config.from_profile(profile))
    report = pairs.reduction(_partition_report, _total)
    return pairs.pluck(0), report


def _partition_report(pairs: Iterable[tuple[str, RepairReport]]) -> RepairReport:
    return _total(report for _text, report in pairs)


# --- DataFrame columns ---------------------------------------------------------------


def _explain_series(series: pd.Series, config: Config, column: str) -> pd.DataFrame:
    """Cleaned texts and a one-row-per-text report; missing values pass through."""
    import pandas as pd

    texts: list[object] = []
    reports: list[RepairReport] = []
    for value in series.tolist():
        if isinstance(value, str):
            cleaned, plan = clean_and_explain(value, config)
            texts.append(cleaned)
            reports.append(RepairReport.of(plan))
        elif value is None or pd.isna(value):
            texts.append(value)
            reports.append(RepairReport(skipped=1))
        else:
            raise TypeError(
                f"column {column!r} holds a {type(value).__name__}, not str: {value!r:.60}"
            )
    return pd.DataFrame(
        {
            "text": pd.Series(texts, index=series.index, dtype=series.dtype),
            "report": pd.Series(reports, index=series.index, dtype=object),
        }
    )


def _explained(df: DataFrame, column: str, config: Config) -> DataFrame:
    import pandas as pd

    if column not in df.columns:
        raise KeyError(f"no column {column!r}; columns: {', '.join(map(str, df.columns))}")
    meta = pd.DataFrame(
        {
            "text": pd.Series([], dtype=df[column].dtype),
            "report": pd.Series([], dtype=object),
        }
    )
    return df[column].map_partitions(_explain_series, config, column, meta=meta)


def clean_column(
    df: DataFrame, column: str, *, profile: str | Config = DEFAULT_PROFILE
) -> DataFrame:
    """``df`` with ``column`` cleaned; other columns, index and partitions unchanged."""
    _require_dask()
    explained = _explained(df, column, Config.from_profile(profile))
    return df.assign(**{column: explained["text"]})


def clean_column_with_report(
    df: DataFrame, column: str, *, profile: str | Config = DEFAULT_PROFILE
) -> tuple[DataFrame, Scalar]:
    """The cleaned frame and a lazy :class:`RepairReport` of the column's changes.

    Compute both in one call (``dask.compute(cleaned, report)``) and each text is
    cleaned once; missing values are counted as skipped.
    """
    _require_dask()
    explained = _explained(df, column, Config.from_profile(profile))
    report = explained["report"].reduction(
        chunk=_series_total, aggregate=_series_total, meta=object
    )
    return df.assign(**{column: explained["text"]}), report


def _series_total(reports: pd.Series) -> RepairReport:
    return _total(reports.tolist())


# --- Folders of JSON-lines files -----------------------------------------------------


def clean_jsonl(
    source: str | os.PathLike[str],
    target: str | os.PathLike[str],
    *,
    field: str = "text",
    profile: str | Config = DEFAULT_PROFILE,
    pattern: str = "*.jsonl",
) -> RepairReport:
    """Clean ``field`` of every record in every ``pattern`` file under ``source`` into ``target``.

    One task per file, streamed line by line, written under the same relative
    path.  Lines that are not JSON objects with a string ``field`` are copied
    unchanged and counted as skipped; unchanged records are copied byte for byte.
    Runs on the current Dask scheduler (a ``distributed.Client`` if one is active).
    """
    _require_dask()
    from dask.base import compute
    from dask.delayed import delayed

    config = Config.from_profile(profile)
    root, out = Path(source), Path(target)
    if not root.is_dir():
        raise NotADirectoryError(f"source folder not found: {root}")
    if out.resolve() == root.resolve():
        raise ValueError("target must differ from source (files are not cleaned in place)")
    files = sorted(path for path in root.rglob(pattern) if path.is_file())
    tasks = [
        delayed(clean_jsonl_file)(path, out / path.relative_to(root), field, config)
        for path in files
    ]
    (reports,) = compute(tasks)
    return _total(reports)


def clean_jsonl_file(
    source: Path, target: Path, field: str = "text", config: Config | None = None
) -> RepairReport:
    """Clean one JSON-lines file into ``target`` (written whole, then renamed into place)."""
    config = config or Config.from_profile(DEFAULT_PROFILE)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    report = RepairReport()
    with source.open("rb") as reader, partial.open("wb") as writer:
        for raw in reader:
            line, ending = _split_ending(raw)
            cleaned = _clean_record(line, field, config)
            if cleaned is None:
                report += RepairReport(skipped=1)
                writer.write(raw)
                continue
            data, plan = cleaned
            report += RepairReport.of(plan)
            writer.write((data if plan else line) + ending)
    partial.replace(target)
    return report


def _split_ending(raw: bytes) -> tuple[bytes, bytes]:
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith(b"\n"):
        return raw[:-1], b"\n"
    return raw, b""


def _clean_record(line: bytes, field: str, config: Config) -> tuple[bytes, Plan] | None:
    """The record with its field cleaned, or None when the line has no text to clean."""
    try:
        record = json.loads(line)
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict) or not isinstance(record.get(field), str):
        return None
    record[field], plan = clean_and_explain(record[field], config)
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8"), plan
    except UnicodeEncodeError:  # lone surrogates from \ud800-style escapes stay escaped
        return json.dumps(record).encode("ascii"), plan
