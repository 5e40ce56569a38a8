"""docs/cli.md tells the truth: every ``$ command`` in it is run and its output compared.

Each ```text block whose first line starts with ``$ `` is a transcript: commands, their
merged standard output and error, and ``[exit N]``. A block runs in a fresh copy of the
example folder the page describes; the commands of one block run in order there.

When cleantext's output changes on purpose, rewrite the transcripts with
``python tests/test_cli_docs.py`` and review the diff of docs/cli.md.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).resolve().parents[1] / "docs" / "cli.md"
BLOCK = re.compile(r"```text\n(\$ .*?)```\n", re.DOTALL)
STEP = re.compile(
    r"^\$ (?P<command>.*)\n(?P<output>(?:(?!\$ ).*\n)*?)\[exit (?P<code>\d+)\]\n", re.M
)

STORIES = [
    "The council approved the new bridge over the river on Monday evening.\n"
    "Work starts in spring and should take two years, the mayor said.\n"
    "Residents of the east bank have waited a decade for a crossing.",
    "Heavy rain is expected across the region this weekend, forecasters warn.\n"
    "Farmers welcomed the news after the driest summer on record.\n"
    "The harbour master asked boat owners to check their moorings.",
    "The museum reopens on Saturday after a long renovation of its east wing.\n"
    "Tickets are free on Sundays until the end of the year.\n"
    "A new room shows the town's railway history.",
    "Local runners raised money for the children's ward of the hospital.\n"
    "More than three hundred people finished the ten kilometre course.\n"
    "They hope to run again next year, with a longer route.",
]


def make_examples(folder: Path) -> None:
    """The example folder of docs/cli.md (the page lists these files)."""
    (folder / "news").mkdir(parents=True)
    (folder / "site").mkdir()
    (folder / "notes.txt").write_text(
        "Heâ€™s at the cafÃ© today.\nNothing else is wrong here.\n", encoding="utf-8"
    )
    (folder / "news" / "alaska.txt").write_text(
        "鈥淗IGH STAKES!!!鈥 Trump wrote on his social media platform.\n", encoding="utf-8"
    )
    (folder / "news" / "clean.txt").write_text("This file is fine.\n", encoding="utf-8")
    (folder / "legacy.txt").write_bytes("Le café est fermé. Où est la gare?\n".encode("cp1252"))
    (folder / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "data.jsonl").write_text(
        '{"id": 1, "text": "Itâ€™s fine."}\n{"id": 2, "text": "Clean already."}\n',
        encoding="utf-8",
    )
    for number, story in enumerate(STORIES, start=1):
        (folder / "site" / f"page{number}.txt").write_text(
            f"DAILY BUGLE | Home | World | Sport\n\n{story}\n\nShare this article\n"
            "Copyright 2025 Daily Bugle. All rights reserved.\n",
            encoding="utf-8",
        )


def run_step(command: str, folder: Path) -> tuple[str, int]:
    """Run one documented command in ``folder``: its merged output and exit status.

    Plain ``cleantext ...`` commands run in this process (as a terminal shows them:
    output and errors in the order written); anything with shell syntax runs in bash.
    """
    if re.fullmatch(r"cleantext [^|;&<>$]*", command):
        return _in_process(shlex.split(command)[1:], folder)
    env = {**os.environ, "NO_COLOR": "1"}
    env.pop("CLEANTEXT_DEBUG", None)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=120,
        check=False,
    )
    return done.stdout, done.returncode


def _in_process(args: list[str], folder: Path) -> tuple[str, int]:
    from click.testing import CliRunner

    from cleantext.cli.app import cli

    here = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, args, env={"NO_COLOR": "1"})
    finally:
        os.chdir(here)
    return result.output, result.exit_code


def blocks() -> list[str]:
    return BLOCK.findall(DOC.read_text(encoding="utf-8"))


@pytest.mark.parametrize("block", blocks(), ids=lambda b: b.splitlines()[0][2:40])
def test_transcript(block: str, tmp_path: Path) -> None:
    make_examples(tmp_path)
    steps = list(STEP.finditer(block))
    assert steps, f"no '$ command ... [exit N]' steps in block:\n{block}"
    for step in steps:
        output, code = run_step(step["command"], tmp_path)
        assert (output, code) == (step["output"], int(step["code"])), step["command"]


def rewrite() -> None:
    """Re-run every transcript of docs/cli.md and write the real outputs into it."""
    import tempfile

    text = DOC.read_text(encoding="utf-8")

    def redo(block: re.Match[str]) -> str:
        with tempfile.TemporaryDirectory() as folder:
            make_examples(Path(folder))
            parts = []
            for step in STEP.finditer(block[1]):
                output, code = run_step(step["command"], Path(folder))
                parts.append(f"$ {step['command']}\n{output}[exit {code}]\n")
        return "```text\n" + "\n".join(parts) + "```\n"

    DOC.write_text(BLOCK.sub(redo, text), encoding="utf-8")


if __name__ == "__main__":
    rewrite()
