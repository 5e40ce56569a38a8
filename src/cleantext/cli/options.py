"""Options shared by several commands, declared once so they read and behave the same."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import click

from cleantext.cli import api
from cleantext.cli.files import CHUNK_SIZE, reason
from cleantext.cli.work import STREAM_ABOVE

__all__ = [
    "cleaning_choice",
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
    """``--profile``, ``--set``, ``--rules`` and ``--encoding-only``: what cleaning means."""
    for decorator in reversed(
        [
            click.option(
                "--profile",
                metavar="NAME",
                callback=_check_profile,
                help=f"Cleaning profile: {', '.join(api.profile_names())} (default: safe).",
            ),
            click.option(
                "--set",
                "settings",
                multiple=True,
                metavar="OPTION=VALUE",
                help="Change one cleaning option, e.g. --set quotes=straighten (repeatable).",
            ),
            click.option(
                "--rules",
                metavar="FILE",
                help="Extra boilerplate rules (from learn-boilerplate), added to the bundled ones.",
            ),
            click.option(
                "--encoding-only",
                is_flag=True,
                help="Only repair mojibake (cleantext.fix_encoding); change nothing else.",
            ),
        ]
    ):
        function = decorator(function)
    return function


def cleaning_choice(
    profile: str | None, settings: Sequence[str], rules: str | None, encoding_only: bool
) -> api.Overrides:
    """Check the cleaning options together; return the overrides for ``cleantext.clean``."""
    if encoding_only and (profile or settings or rules):
        raise click.UsageError(
            "--encoding-only cannot be combined with --profile, --set or --rules"
        )
    overrides: list[tuple[str, object]] = []
    for setting in settings:
        name, equals, raw = setting.partition("=")
        if not equals or not name.strip():
            raise click.UsageError(f"--set expects OPTION=VALUE, got {setting!r}")
        overrides.append((name.strip().replace("-", "_"), _value(raw.strip())))
    if rules is not None:
        overrides.append(("boilerplate_rules", rules))
    try:
        api.check_options(profile, tuple(overrides))
    except (OSError, ValueError) as error:
        raise click.UsageError(reason(error)) from None
    return tuple(overrides)


def _value(raw: str) -> object:
    """``true``/``false``/``none`` (any case) as Python values; anything else as text."""
    words: dict[str, object] = {
        "true": True,
        "yes": True,
        "false": False,
        "no": False,
        "none": None,
    }
    return words.get(raw.lower(), raw)


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
