"""The ``cleantext`` command group; each command lives in a module of its own."""

from __future__ import annotations

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
  cleantext learn-boilerplate corpus/ -o rules.json

Run 'cleantext COMMAND --help' for each command's options.
"""


@click.group(
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
