"""``cleantext diagnose``: where each file is damaged, by which model, how surely. Never writes."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

import click

import cleantext
from cleantext.cli import api
from cleantext.cli.files import WalkError, collect, reason
from cleantext.cli.lines import LineIndex
from cleantext.cli.options import (
    jsonl_field,
    selection_options,
    tuning_options,
    verbosity_options,
)

__all__ = ["diagnose"]

EXAMPLES = """
\b
Examples:
  cleantext diagnose article.txt
  cleantext diagnose --include '*.txt' corpus/
  cleantext diagnose --format json corpus/ > report.json
  cleantext diagnose --jsonl --field text data.jsonl
  cat page.txt | cleantext diagnose -

\b
Output: one line per damaged span, PATH:LINE:COLUMN: MODEL (confidence) 'damaged' -> 'repaired'.
For --jsonl, LINE is the record's line and COLUMN counts characters inside the field.
Exit status: 0 no damage found; 1 damage found; 2 usage or I/O error.
"""


@dataclass(frozen=True, slots=True)
class Problem:
    """One damaged span, located by 1-based line and column (characters)."""

    line: int
    column: int
    end_line: int
    end_column: int
    model: str
    confidence: float
    damaged: str
    repaired: str
    note: str


@dataclass
class Report:
    """What diagnose found in one file."""

    path: str
    status: str = "clean"
    encoding: str = "utf-8"
    encoding_note: str = ""
    problems: list[Problem] = field(default_factory=list)
    error: str = ""


@click.command(epilog=EXAMPLES, short_help="Show where text is damaged, by what, how surely.")
@click.argument("paths", nargs=-1, required=True, metavar="PATH... | -")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for programs.",
)
@selection_options
@tuning_options
@verbosity_options
def diagnose(
    paths: tuple[str, ...],
    output_format: str,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jsonl: bool,
    field: str | None,
    stream_above: int,
    chunk_size: int,
    quiet: bool,
    verbose: bool,
) -> None:
    """Say what is wrong with the text in files, and where, without changing anything."""
    column = jsonl_field(jsonl, field)
    if "-" in paths and len(paths) > 1:
        raise click.UsageError("- (standard input) cannot be mixed with paths")
    reports: list[Report] = []
    found_files = [None] if paths == ("-",) else collect(paths, include, exclude)
    for found in found_files:
        if found is None:
            report = _diagnose_stdin(column)
        elif isinstance(found, WalkError):
            report = Report(str(found.path), status="error", error=found.message)
        else:
            report = _diagnose_file(found, column, stream_above, chunk_size)
        reports.append(report)
        if output_format == "text":
            _print_text(report, quiet, verbose)
    if output_format == "json":
        json.dump(
            [_as_json(report) for report in reports], sys.stdout, ensure_ascii=False, indent=2
        )
        sys.stdout.write("\n")
    elif not quiet:
        click.echo(_summary(reports), err=True)
    statuses = {report.status for report in reports}
    sys.exit(2 if "error" in statuses else 1 if "damaged" in statuses else 0)


def _diagnose_file(path: Path, column: str | None, stream_above: int, chunk_size: int) -> Report:
    def scan(report: Report) -> None:
        with path.open("rb") as source:
            if column is not None:
                _scan_jsonl(source, column, report)
            elif path.stat().st_size > stream_above:
                chunks = api.StreamedText(source, chunk_size)
                _scan_chunks(chunks, chunks, report)
            else:
                _scan_whole(source.read(), report)

    return _guarded(str(path), scan)


def _diagnose_stdin(column: str | None) -> Report:
    data = sys.stdin.buffer.read()

    def scan(report: Report) -> None:
        if column is not None:
            _scan_jsonl(iter(data.splitlines(keepends=True)), column, report)
        else:
            _scan_whole(data, report)

    return _guarded("-", scan)


def _guarded(name: str, scan: Callable[[Report], None]) -> Report:
    """Run ``scan`` on a fresh report; any problem becomes the report's one-line error."""
    report = Report(name)
    try:
        scan(report)
    except api.BinaryFileError as error:
        report.status, report.error = "skipped", str(error)
    except (OSError, ValueError) as error:
        report.status, report.error, report.problems = "error", reason(error), []
    except Exception as error:  # a bug in a step must not end the whole run
        report.status, report.problems = "error", []
        report.error = f"internal error: {type(error).__name__}: {error}"
    return report


def _scan_chunks(chunks: Iterable[str], source: api.StreamedText | None, report: Report) -> None:
    first_line = 1
    for text in chunks:
        if source is not None and source.recoded and not report.encoding_note:
            report.encoding, report.encoding_note = source.encoding, source.reason
            report.status = "damaged"
        index = LineIndex(text, first_line)
        _add_findings(text, index.position, report)
        first_line += index.breaks


def _scan_whole(data: bytes, report: Report) -> None:
    decoded = api.decode(data)
    if not decoded.is_utf8:
        report.encoding, report.encoding_note = decoded.encoding, decoded.reason
        report.status = "damaged"
    _scan_chunks([decoded.text], None, report)


def _scan_jsonl(source: Iterable[bytes], column: str, report: Report) -> None:
    for number, raw in enumerate(source, start=1):
        try:
            record = json.loads(raw.decode("utf-8")) if raw.strip() else None
        except UnicodeDecodeError as error:
            raise ValueError(
                f"line {number}: not valid UTF-8 at byte {error.start} (JSON lines must be UTF-8)"
            ) from None
        except json.JSONDecodeError as error:
            raise ValueError(f"line {number}: not valid JSON ({error.msg})") from None
        if isinstance(record, dict) and isinstance(record.get(column), str):
            text: str = record[column]
            _add_findings(text, _in_record(number), report)


def _in_record(line: int) -> Callable[[int], tuple[int, int]]:
    """Positions inside one JSON-lines field: the record's line, the column in the field."""
    return lambda offset: (line, offset + 1)


def _add_findings(text: str, locate: Callable[[int], tuple[int, int]], report: Report) -> None:
    for finding in cleantext.diagnose(text).findings:
        line, col = locate(finding.start)
        end_line, end_col = locate(finding.end)
        report.problems.append(
            Problem(
                line,
                col,
                end_line,
                end_col,
                finding.model,
                finding.confidence,
                text[finding.start : finding.end],
                finding.repaired,
                finding.note,
            )
        )
        report.status = "damaged"


def _print_text(report: Report, quiet: bool, verbose: bool) -> None:
    if report.status == "error":
        click.echo(f"error: {report.path}: {report.error}", err=True)
        return
    if report.status == "skipped":
        if not quiet:
            click.echo(f"skipping {report.path}: {report.error}", err=True)
        return
    if report.encoding_note:
        click.echo(
            f"{report.path}: not UTF-8: decoded as {report.encoding} ({report.encoding_note})"
        )
    for problem in report.problems:
        note = f" ({problem.note})" if problem.note else ""
        where = f"{report.path}:{problem.line}:{problem.column}"
        change = f"{problem.damaged!r} -> {problem.repaired!r}"
        click.echo(f"{where}: {problem.model}, confidence {problem.confidence:.2f}: {change}{note}")
    if verbose and report.status == "clean":
        click.echo(f"{report.path}: clean", err=True)


def _summary(reports: Sequence[Report]) -> str:
    damaged = [report for report in reports if report.status == "damaged"]
    spans = sum(len(report.problems) for report in damaged)
    checked = sum(report.status in ("clean", "damaged") for report in reports)
    parts = [
        f"{spans} damaged span{'s' if spans != 1 else ''} in {len(damaged)} of "
        f"{checked} file{'s' if checked != 1 else ''}"
    ]
    if recoded := sum(bool(report.encoding_note) for report in damaged):
        parts.append(f"{recoded} not UTF-8")
    if skipped := sum(report.status == "skipped" for report in reports):
        parts.append(f"{skipped} skipped")
    if errors := sum(report.status == "error" for report in reports):
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    return ", ".join(parts) + "."


def _as_json(report: Report) -> dict[str, object]:
    record = asdict(report)
    record["problems"] = [asdict(problem) for problem in report.problems]
    return record
