"""Options shared by several commands, declared once so they read and behave the same."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from cleantext.cli import api
from cleantext.cli.files import CHUNK_SIZE
from cleantext.cli.work import STREAM_ABOVE

__all__ = [
    "cleaning_options",
    "jsonl_field",
    "selection_options",
    "tuning_options",
    "verbosity_options",
]

F = TypeVar("F", bound=Callable[..., Any])


def _check_profile(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    names = api.profile_names()
    if value not in names:
        raise click.BadParameter(
            f"unknown profile {value!r}; choose one of: {', '.join(names)}", ctx, param
        )
    return value


def cleaning_options(function: F) -> F:
    """``--profile`` and ``--encoding-only``: what cleaning means for this run."""
    function = click.option(
        "--encoding-only",
        is_flag=True,
        help="Only repair mojibake (cleantext.fix_encoding); change nothing else.",
    )(function)
    return click.option(
        "--profile",
        metavar="NAME",
        callback=_check_profile,
        help="Cleaning profile for cleantext.clean (see the list in 'cleantext profiles').",
    )(function)


def selection_options(function: F) -> F:
    """Which files a directory walk picks, and how JSON-lines files are read."""
    for decorator in reversed(
        [
            click.option(
                "--include",
                multiple=True,
                metavar="GLOB",
                help="In directories, only files matching GLOB (repeatable), e.g. '*.txt'.",
            ),
            click.option(
                "--exclude",
                multiple=True,
                metavar="GLOB",
                help="Skip files and directories matching GLOB (repeatable), e.g. 'drafts/*'.",
            ),
            click.option(
                "--jsonl",
                is_flag=True,
                help="Files are JSON lines: clean one string field of each record.",
            ),
            click.option(
                "--field",
                metavar="NAME",
                help="With --jsonl: the field to clean (default: text).",
            ),
        ]
    ):
        function = decorator(function)
    return function


def verbosity_options(function: F) -> F:
    """``-q`` keeps only errors; ``-v`` reports every file."""
    function = click.option(
        "-v", "--verbose", is_flag=True, help="Also report files that needed nothing."
    )(function)
    return click.option(
        "-q", "--quiet", is_flag=True, help="Only print errors (and the text or diffs asked for)."
    )(function)


def jsonl_field(jsonl: bool, field: str | None) -> str | None:
    """The field to clean, or ``None`` when the files are plain text."""
    if field is not None and not jsonl:
        raise click.UsageError("--field only applies with --jsonl")
    return (field or "text") if jsonl else None


def tuning_options(function: F) -> F:
    """Hidden ``--stream-above``/``--chunk-size`` (bytes), so tests can stream small files."""
    function = click.option(
        "--chunk-size", type=click.IntRange(min=1), default=CHUNK_SIZE, hidden=True
    )(function)
    return click.option(
        "--stream-above", type=click.IntRange(min=0), default=STREAM_ABOVE, hidden=True
    )(function)
