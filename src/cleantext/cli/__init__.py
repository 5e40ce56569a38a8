"""The ``cleantext`` command line; ``main`` is the console script's entry point.

Errors end the run with one line on standard error and exit status 2, never a
traceback: usage errors from click, and anything unexpected (reported as an
internal error; set ``CLEANTEXT_DEBUG=1`` to see the traceback).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CLI with ``argv`` (default: the process's arguments) and exit."""
    from cleantext.cli.app import cli

    try:
        code = cli.main(args=argv, prog_name="cleantext", standalone_mode=False)
    except click.UsageError as error:
        command = error.ctx.command_path if error.ctx else "cleantext"
        click.echo(f"error: {error.format_message()} (see '{command} --help')", err=True)
        code = 2
    except click.ClickException as error:
        click.echo(f"error: {error.format_message()}", err=True)
        code = error.exit_code
    except click.Abort:
        click.echo("error: interrupted", err=True)
        code = 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error of ours. Point stdout at
        # /dev/null so the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    except Exception as error:
        if os.environ.get("CLEANTEXT_DEBUG"):
            raise
        click.echo(f"error: internal error: {type(error).__name__}: {error}", err=True)
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
