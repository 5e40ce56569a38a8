"""``cleantext learn-boilerplate``: learn a site's header and footer lines from its pages."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import click

import cleantext
from cleantext.cli import api
from cleantext.cli.files import WalkError, collect, reason
from cleantext.cli.options import jsonl_field, selection_options, verbosity_options

__all__ = ["learn_boilerplate"]

EXAMPLES = """
\b
Examples:
  cleantext learn-boilerplate scraped/ -o site-rules.toml
  cleantext learn-boilerplate --include '*.txt' --min-documents 5 pages/ -o rules.toml
  cleantext learn-boilerplate --jsonl --field text crawl.jsonl -o -   # print the rules
"""


class _Corpus:
    """The documents of a run, read one at a time, counting what was read and skipped."""

    def __init__(
        self,
        paths: Sequence[str],
        include: Sequence[str],
        exclude: Sequence[str],
        column: str | None,
        quiet: bool,
    ) -> None:
        self._paths, self._include, self._exclude = paths, include, exclude
        self._column, self._quiet = column, quiet
        self.documents = 0
        self.errors = 0

    def __iter__(self) -> Iterator[str]:
        for found in collect(self._paths, self._include, self._exclude):
            if isinstance(found, WalkError):
                self._error(str(found.path), found.message)
                continue
            try:
                yield from self._read(found)
            except api.BinaryFileError as error:
                if not self._quiet:
                    click.echo(f"skipping {found}: {error}", err=True)
            except (OSError, ValueError) as error:
                self._error(str(found), reason(error))

    def _read(self, path: Path) -> Iterator[str]:
        data = path.read_bytes()
        if self._column is None:
            self.documents += 1
            yield api.decode(data).text
            return
        for number, raw in enumerate(data.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except UnicodeDecodeError as error:
                raise ValueError(f"line {number}: not valid UTF-8 at byte {error.start}") from None
            except json.JSONDecodeError as error:
                raise ValueError(f"line {number}: not valid JSON ({error.msg})") from None
            if isinstance(record, dict) and isinstance(record.get(self._column), str):
                self.documents += 1
                yield record[self._column]

    def _error(self, path: str, reason: str) -> None:
        self.errors += 1
        click.echo(f"error: {path}: {reason}", err=True)


@click.command(
    "learn-boilerplate", epilog=EXAMPLES, short_help="Learn boilerplate rules from a corpus."
)
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="Where to write the rules (TOML); - prints them.",
)
@click.option(
    "--min-documents",
    type=click.IntRange(min=2),
    default=3,
    show_default=True,
    help="A line must recur in at least this many documents.",
)
@click.option(
    "--min-share",
    type=click.FloatRange(min=0, max=1, min_open=True),
    default=0.2,
    show_default=True,
    help="... and in at least this share of all documents.",
)
@selection_options
@verbosity_options
def learn_boilerplate(
    paths: tuple[str, ...],
    output: str,
    min_documents: int,
    min_share: float,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    jsonl: bool,
    field: str | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Learn boilerplate rules from lines that recur at the start or end of many documents.

    The rules file is data (TOML): read it, edit it, and pass it to cleaning.
    """
    corpus = _Corpus(paths, include, exclude, jsonl_field(jsonl, field), quiet)
    rules = cleantext.learn_boilerplate(corpus, min_documents=min_documents, min_share=min_share)
    if corpus.errors:
        sys.exit(2)
    if output == "-":
        click.echo(rules.dumps(), nl=False)
    else:
        try:
            rules.dump(output)
        except OSError as error:
            click.echo(f"error: {output}: {reason(error)}", err=True)
            sys.exit(2)
    if not quiet:
        target = "standard output" if output == "-" else output
        click.echo(
            f"learned {len(rules)} rule{'s' if len(rules) != 1 else ''} from "
            f"{corpus.documents} document{'s' if corpus.documents != 1 else ''}; wrote {target}",
            err=True,
        )
