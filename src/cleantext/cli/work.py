"""Cleaning one file: decode, clean, compare, and print, check or write it back.

:func:`process` is what a worker process runs, so it takes and returns plain,
picklable records and never raises for a problem with the file: every problem
becomes a :class:`Result` with ``status="error"`` and a one-line message.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from cleantext.cli import api
from cleantext.cli.diffs import Differ
from cleantext.cli.files import (
    CHUNK_SIZE,
    reason,
    replacement_in,
    write_bytes_atomic,
    write_refusal,
)
from cleantext.cli.lines import keep_line_endings, line_ending

__all__ = ["STREAM_ABOVE", "Job", "Result", "process", "process_stdin"]

#: Files larger than this are cleaned in chunks cut at line boundaries (with the same
#: result as cleaned whole: :func:`cleantext.stream.map_chunks`).  Below it a file is
#: cleaned whole, which takes about 17 bytes of memory per byte of text at the peak, so
#: this bound keeps every file's run near 150 MB resident.
STREAM_ABOVE = 4 * 1024 * 1024

Action = Literal["print", "write", "check"]
Status = Literal["unchanged", "changed", "skipped", "error"]


@dataclass(frozen=True, slots=True)
class Job:
    """What to do with each file; the same for every file of a run.

    ``action`` is ``print`` (cleaned text to standard output), ``write`` (in place)
    or ``check`` (report only). ``diff`` adds a unified diff to the result.
    """

    action: Action = "print"
    diff: bool = False
    color: bool = False
    profile: str | None = None
    encoding_only: bool = False
    overrides: api.Overrides = ()
    jsonl_field: str | None = None
    stream_above: int = STREAM_ABOVE
    chunk_size: int = CHUNK_SIZE


@dataclass(frozen=True, slots=True)
class Result:
    """What happened to one file. ``note`` says why (skipped, error) or what else was done.

    ``detail`` is shown with ``--verbose`` only (e.g. how an encoding was detected).
    """

    path: str
    status: Status
    note: str = ""
    diff: str = ""
    detail: str = ""


class _ContentError(Exception):
    """A problem with one file's content, reported as that file's error line."""


def process(path: Path, job: Job, out: BinaryIO | None = None) -> Result:
    """Clean one file according to ``job``; cleaned text goes to ``out`` when printing."""
    name = str(path)
    try:
        if job.action == "write" and (refusal := write_refusal(path)):
            return Result(name, "error", refusal)
        if job.jsonl_field is not None:
            return _jsonl(path, job, out)
        if path.stat().st_size > job.stream_above:
            return _large(path, job, out)
        return _whole(path, job, out)
    except _ContentError as problem:
        return Result(name, "error", str(problem))
    except api.BinaryFileError as error:
        return Result(name, "skipped", str(error))
    except OSError as error:
        return Result(name, "error", reason(error))
    except Exception as error:  # a bug in a cleaning step must not end the whole run
        return Result(name, "error", f"internal error: {type(error).__name__}: {error}")


def process_stdin(data: bytes, job: Job, out: BinaryIO | None) -> Result:
    """Clean standard input (already read) the way :func:`process` cleans a file."""
    try:
        if job.jsonl_field is not None:
            return _jsonl_lines("-", iter(data.splitlines(keepends=True)), job, out)
        return _clean_bytes("-", data, job, out)
    except _ContentError as problem:
        return Result("-", "error", str(problem))
    except api.BinaryFileError as error:
        return Result("-", "skipped", str(error))


def _whole(path: Path, job: Job, out: BinaryIO | None) -> Result:
    return _clean_bytes(str(path), path.read_bytes(), job, out, path)


def _clean_bytes(
    name: str, data: bytes, job: Job, out: BinaryIO | None, path: Path | None = None
) -> Result:
    decoded = api.decode(data)
    cleaned = _clean_text(decoded.text, job)
    new_data = (api.UTF8_BOM if decoded.bom else b"") + cleaned.encode("utf-8")
    differ = Differ(name, color=job.color)
    if job.diff:
        differ.add(decoded.text, cleaned)
    if out is not None:
        out.write(new_data)
    changed = new_data != data
    if changed and job.action == "write" and path is not None:
        write_bytes_atomic(path, new_data)
    status: Status = "changed" if changed else "unchanged"
    return Result(name, status, _encoding_note(decoded, job), str(differ), decoded.reason)


def _clean_text(text: str, job: Job) -> str:
    cleaned = api.clean(text, job.profile, job.encoding_only, job.overrides)
    return keep_line_endings(line_ending(text), cleaned)


def _encoding_note(decoded: api.Decoded, job: Job) -> str:
    if decoded.is_utf8:
        return ""
    verb = {"write": "rewritten", "check": "would be rewritten", "print": "printed"}[job.action]
    return f"{decoded.encoding}, {verb} as UTF-8"


def _large(path: Path, job: Job, out: BinaryIO | None) -> Result:
    """Clean a large file chunk by chunk (whole lines), in bounded memory."""
    name = str(path)
    differ = Differ(name, color=job.color)
    changed = False
    with ExitStack() as stack:
        source = stack.enter_context(path.open("rb"))
        replacement = replacement_in(stack, path) if job.action == "write" else None
        sinks = [out] if out is not None else []
        if replacement is not None:
            sinks.append(replacement.stream)
        chunks = api.StreamedText(source, job.chunk_size)
        parts = api.map_chunks(lambda text: _clean_text(text, job), chunks)
        for number, (text, cleaned) in enumerate(parts):
            changed = changed or cleaned != text
            if job.diff:
                differ.add(text, cleaned)
            data = cleaned.encode("utf-8")
            if number == 0 and chunks.bom:
                data = api.UTF8_BOM + data
            for sink in sinks:
                sink.write(data)
        changed = changed or chunks.recoded
        if replacement is not None and changed:
            replacement.commit()
    decoded = chunks.decoded("")
    status: Status = "changed" if changed else "unchanged"
    return Result(name, status, _encoding_note(decoded, job), str(differ), decoded.reason)


def _jsonl(path: Path, job: Job, out: BinaryIO | None) -> Result:
    name = str(path)
    with ExitStack() as stack:
        source = stack.enter_context(path.open("rb"))
        if job.action != "write":
            return _jsonl_lines(name, iter(source), job, out)
        replacement = replacement_in(stack, path)
        result = _jsonl_lines(name, iter(source), job, out, replacement.stream)
        if result.status == "changed":
            replacement.commit()
        return result


def _jsonl_lines(
    name: str,
    lines: Iterator[bytes],
    job: Job,
    out: BinaryIO | None,
    sink: BinaryIO | None = None,
) -> Result:
    """Clean one string field of every JSON object, one line at a time.

    Lines whose field does not change are copied byte for byte; changed lines are
    re-serialised (keeping non-ASCII characters literal unless the line escaped them).
    """
    field = job.jsonl_field
    assert field is not None
    differ = Differ(name, color=job.color)
    changed = 0
    for number, raw in enumerate(lines, start=1):
        new = _jsonl_line(number, raw, field, job)
        if new != raw:
            changed += 1
            if job.diff:
                differ.old_line = differ.new_line = number - 1
                differ.add(raw.decode("utf-8"), new.decode("utf-8"))
        if out is not None:
            out.write(new)
        if sink is not None:
            sink.write(new)
    note = f"{changed} record{'s' if changed != 1 else ''} changed" if changed else ""
    return Result(name, "changed" if changed else "unchanged", note, str(differ))


def _jsonl_line(number: int, raw: bytes, field: str, job: Job) -> bytes:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _ContentError(
            f"line {number}: not valid UTF-8 at byte {error.start} (JSON lines must be UTF-8)"
        ) from None
    body = line.rstrip("\r\n")
    if not body.strip():
        return raw
    try:
        record = json.loads(body)
    except json.JSONDecodeError as error:
        raise _ContentError(f"line {number}: not valid JSON ({error.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get(field), str):
        return raw
    value: str = record[field]
    cleaned = _clean_text(value, job)
    if cleaned == value:
        return raw
    record[field] = cleaned
    text = json.dumps(record, ensure_ascii=body.isascii()) + line[len(body) :]
    return text.encode("utf-8")
