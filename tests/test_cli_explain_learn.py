"""``cleantext explain`` and ``cleantext learn-boilerplate``."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

import cleantext
from cleantext.cli.app import cli

DAMAGED = "Heâ€™s at the cafÃ© today."


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def test_explain_lists_every_change_in_words() -> None:
    result = run("explain", "--encoding-only", DAMAGED)
    fixed, plan = cleantext.fix_encoding_and_explain(DAMAGED)
    lines = result.stdout.splitlines()
    assert result.exit_code == 0
    count = f"{len(plan)} change{'s' if len(plan) != 1 else ''}:"
    assert lines[:3] == [f"input:  {DAMAGED!r}", f"output: {fixed!r}", count]
    for number, change in enumerate(plan, start=1):
        assert f"  {number}. {change.before!r} -> {change.after!r} at characters " in result.stdout
        assert change.model in result.stdout


def test_explain_clean_text_and_json() -> None:
    assert run("explain", "nothing to see").stdout.endswith("no changes: the text looks clean\n")
    record = json.loads(run("explain", "--encoding-only", "--format", "json", DAMAGED).stdout)
    fixed, plan = cleantext.fix_encoding_and_explain(DAMAGED)
    assert record["output"] == fixed
    assert cleantext.Plan.from_json(json.dumps(record["changes"])) == plan
    assert cleantext.apply_plan(record["input"], plan) == fixed


def test_explain_reads_standard_input() -> None:
    result = run("explain", "--encoding-only", "-", stdin=DAMAGED.encode())
    assert result.stdout.splitlines()[1] == f"output: {cleantext.fix_encoding(DAMAGED)!r}"


HEADER = "SITE NEWS | Home | World | Sport"
FOOTER = "Copyright 2025 Site News. All rights reserved."


WORDS = [
    "river",
    "council",
    "bridge",
    "museum",
    "runner",
    "hospital",
    "weather",
    "harbour",
    "market",
    "library",
    "school",
    "garden",
    "festival",
    "railway",
    "orchestra",
    "mayor",
    "farmer",
    "bakery",
]


def _pages(folder: Path, count: int) -> list[str]:
    """Pages of one site: shared header and footer around bodies of their own."""
    folder.mkdir()
    texts = []
    for number in range(count):
        body = "\n".join(
            " ".join(
                WORDS[(number * 5 + line * 3 + i * 7) % len(WORDS)]
                for i in range(9 + number % 3 + line % 2)
            )
            for line in range(8)
        )
        text = f"{HEADER}\n{body}\n{FOOTER}\n"
        (folder / f"page{number}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def test_learn_boilerplate_writes_the_rules_the_library_learns(tmp_path: Path) -> None:
    texts = _pages(tmp_path / "site", 6)
    out = tmp_path / "rules.toml"
    result = run("learn-boilerplate", str(tmp_path / "site"), "-o", str(out))
    assert result.exit_code == 0
    expected = cleantext.learn_boilerplate(texts)
    assert out.read_text(encoding="utf-8") == expected.dumps()
    assert result.stderr == f"learned {len(expected)} rules from 6 documents; wrote {out}\n"
    assert len(cleantext.load_rules(out)) == len(expected) >= 2


def test_learn_boilerplate_from_jsonl_to_stdout(tmp_path: Path) -> None:
    texts = _pages(tmp_path / "site", 5)
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps({"body": t}) + "\n" for t in texts), encoding="utf-8")
    result = run("learn-boilerplate", "--jsonl", "--field", "body", str(path), "-o", "-")
    assert result.exit_code == 0
    assert result.stdout == cleantext.learn_boilerplate(texts).dumps()


def test_learn_boilerplate_errors(tmp_path: Path) -> None:
    _pages(tmp_path / "site", 3)
    missing = run("learn-boilerplate", str(tmp_path / "nope"), "-o", str(tmp_path / "r.toml"))
    assert missing.exit_code == 2
    assert (
        missing.stderr.splitlines()[0] == f"error: {tmp_path / 'nope'}: no such file or directory"
    )
    assert not (tmp_path / "r.toml").exists()
    no_output = run("learn-boilerplate", str(tmp_path / "site"))
    assert no_output.exit_code == 2
    assert "Missing option '-o'" in no_output.stderr
    bad_dir = run("learn-boilerplate", str(tmp_path / "site"), "-o", str(tmp_path / "x" / "r.toml"))
    assert bad_dir.exit_code == 2
    assert bad_dir.stderr.splitlines() == [
        f"error: {tmp_path / 'x' / 'r.toml'}: no such file or directory"
    ]
