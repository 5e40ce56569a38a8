"""The ``cleantext`` command line; ``main`` is the console script's entry point.

The commands live in :mod:`cleantext.cli.app` and are imported only when the CLI
runs, so ``import cleantext`` never pays for click.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the CLI with ``argv`` (default: the process's arguments) and exit with its status."""
    from cleantext.cli.app import cli

    cli.main(args=argv, prog_name="cleantext")
