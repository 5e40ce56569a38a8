"""``cleantext explain``: the plan for one string, change by change, in words."""

from __future__ import annotations

import json
import sys

import click

from cleantext.cli import api
from cleantext.cli.options import cleaning_choice, cleaning_options

__all__ = ["explain"]

EXAMPLES = """
\b
Examples:
  cleantext explain 'Heâ€™s here'
  cleantext explain --encoding-only '鈥淗IGH STAKES!!!鈥'
  echo 'Ã©tÃ©' | cleantext explain -
  cleantext explain --format json 'cafÃ©'
"""


@click.command(epilog=EXAMPLES, short_help="Show the plan of changes for one string.")
@click.argument("text", metavar="TEXT | -")
@cleaning_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people, json for programs.",
)
def explain(
    text: str,
    profile: str | None,
    settings: tuple[str, ...],
    rules: str | None,
    encoding_only: bool,
    output_format: str,
) -> None:
    """Show what cleaning TEXT would change, and why (- reads standard input)."""
    overrides = cleaning_choice(profile, settings, rules, encoding_only)
    if text == "-":
        text = api.decode(sys.stdin.buffer.read()).text
    cleaned, plan = api.clean_and_explain(text, profile, encoding_only, overrides)
    if output_format == "json":
        record = {"input": text, "output": cleaned, "changes": json.loads(plan.to_json())}
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    click.echo(f"input:  {text!r}")
    click.echo(f"output: {cleaned!r}")
    if not plan:
        click.echo("no changes: the text looks clean")
        return
    click.echo(f"{len(plan)} change{'s' if len(plan) != 1 else ''}:")
    for number, change in enumerate(plan, start=1):
        click.echo(
            f"  {number}. {change.before!r} -> {change.after!r} "
            f"at characters {change.start}-{change.end} [{change.step}]"
        )
        note = f"; {change.note}" if change.note else ""
        click.echo(f"     {change.model}, confidence {change.confidence:.2f}{note}")
