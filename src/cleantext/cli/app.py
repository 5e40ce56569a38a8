"""The ``cleantext`` command group; each command lives in a module of its own."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Sequence
from typing import Any, NoReturn

import click

import cleantext
from cleantext.cli.diagnose import diagnose
from cleantext.cli.explain import explain
from cleantext.cli.fix import fix
from cleantext.cli.learn import learn_boilerplate

__all__ = ["cli"]

EXAMPLES = """
\b
Examples:
  cleantext fix article.txt              # print the repaired text
  cleantext fix --in-place corpus/       # repair files in place
  cleantext fix --check corpus/          # exit 1 if anything would change
  cleantext diagnose article.txt         # where is the damage, and what kind
  cleantext explain 'Heâ€™s here'        # the plan for one string
  cleantext learn-boilerplate corpus/ -o rules.toml

Run 'cleantext COMMAND --help' for each command's options.
"""


class CleantextGroup(click.Group):
    """A group whose errors end the run with one line on standard error, never a traceback.

    Usage errors exit with 2 (``error: ... (see 'cleantext fix --help')``), and so
    does anything unexpected (reported as an internal error; set
    ``CLEANTEXT_DEBUG=1`` to see the traceback).
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> NoReturn:
        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGTERM, _raise_terminated) if in_main_thread else None
        try:
            code = super().main(
                args,
                prog_name,
                complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
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
        except Terminated:
            click.echo("error: terminated", err=True)
            code = 128 + signal.SIGTERM
        except BrokenPipeError:
            # The reader went away (e.g. `| head`): not an error of ours. Point stdout
            # at /dev/null so the interpreter's final flush does not fail again.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            code = 0
        except Exception as error:
            if os.environ.get("CLEANTEXT_DEBUG"):
                raise
            click.echo(f"error: internal error: {type(error).__name__}: {error}", err=True)
            code = 2
        finally:
            if in_main_thread:
                signal.signal(signal.SIGTERM, previous)
        sys.exit(code if isinstance(code, int) else 0)


class Terminated(BaseException):
    """SIGTERM arrived (``kill``, a CI timeout, pre-commit stopped): raised so that every
    file being written is rolled back and its temporary file removed, as on Ctrl-C."""


def _raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


@click.group(
    "cleantext",
    cls=CleantextGroup,
    epilog=EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(cleantext.__version__, prog_name="cleantext")
def cli() -> None:
    """Find and repair broken text: mojibake, typography and boilerplate."""


cli.add_command(fix)
cli.add_command(diagnose)
cli.add_command(explain)
cli.add_command(learn_boilerplate)
