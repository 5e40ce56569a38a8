"""``cleantext diagnose``: positions, models, formats and exit codes; it never writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.cli.app import cli

DAMAGED = "Heâ€™s at the cafÃ© today."
LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<model>.+?), confidence ")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["diagnose", *args])


def _char_at(text: str, line: int, column: int) -> int:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    return starts[line - 1] + column - 1


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(["plain words", "", DAMAGED, "naïve café", "x " + DAMAGED]),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(["\n", "\r\n"]),
)
def test_positions_point_at_the_damage(tmp_path: Path, lines: list[str], ending: str) -> None:
    text = ending.join(lines) + ending
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode())
    result = run(str(path))
    findings = cleantext.diagnose(text).findings
    reported = [LINE.match(line) for line in result.stdout.splitlines()]
    assert len(reported) == len(findings)
    for match, finding in zip(reported, findings, strict=True):
        assert match is not None
        assert _char_at(text, int(match["line"]), int(match["column"])) == finding.start
        assert match["model"] == finding.model
    assert result.exit_code == (1 if findings else 0)


def test_json_format(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("clean line\n" + DAMAGED + "\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text("clean line\n", encoding="utf-8")
    result = run("--format", "json", str(tmp_path))
    assert result.exit_code == 1
    reports = json.loads(result.stdout)
    assert [(r["path"], r["status"]) for r in reports] == [
        (str(tmp_path / "bad.txt"), "damaged"),
        (str(tmp_path / "good.txt"), "clean"),
    ]
    findings = cleantext.diagnose(DAMAGED).findings
    problems = reports[0]["problems"]
    assert [(p["line"], p["column"] - 1, p["model"], p["repaired"]) for p in problems] == [
        (2, f.start, f.model, f.repaired) for f in findings
    ]
    assert all(
        p["damaged"] == DAMAGED[f.start : f.end] for p, f in zip(problems, findings, strict=True)
    )
    assert result.stderr == ""


def test_summary_and_exit_codes(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "good.txt").write_text("fine", encoding="utf-8")
    assert run(str(tmp_path / "good.txt")).exit_code == 0
    result = run(str(tmp_path), str(tmp_path / "gone.txt"))
    assert result.exit_code == 2
    spans = len(cleantext.diagnose(DAMAGED).findings)
    assert result.stderr.splitlines() == [
        f"error: {tmp_path / 'gone.txt'}: no such file or directory",
        f"{spans} damaged span{'s' if spans != 1 else ''} in 1 of 2 files, 1 error.",
    ]


def test_legacy_encoding_and_binary_files(tmp_path: Path) -> None:
    (tmp_path / "latin.txt").write_bytes("Crème brûlée, façade, naïve.\n".encode("cp1252"))
    (tmp_path / "blob.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{tmp_path / 'latin.txt'}: not UTF-8: decoded as cp1252")
    assert f"skipping {tmp_path / 'blob.dat'}: binary" in result.stderr


def test_streamed_files_keep_line_numbers(tmp_path: Path) -> None:
    text = ("clean line\n" * 7 + DAMAGED + "\n") * 30
    path = tmp_path / "big.txt"
    path.write_text(text, encoding="utf-8")
    whole = run(str(path))
    streamed = run("--stream-above", "100", "--chunk-size", "100", str(path))
    assert streamed.stdout == whole.stdout
    assert whole.stdout.count("\n") >= 30


def test_jsonl_positions_are_record_line_and_field_column(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    path.write_text(
        json.dumps({"text": "fine"}) + "\n" + json.dumps({"id": 2, "text": DAMAGED}) + "\n",
        encoding="utf-8",
    )
    result = run("--jsonl", str(path))
    first = cleantext.diagnose(DAMAGED).findings[0]
    assert result.stdout.startswith(f"{path}:2:{first.start + 1}: {first.model}")


@pytest.mark.parametrize(
    ("content", "message"),
    [(b'{"text": "caf\xe9"}\n', "line 1: not valid UTF-8"), (b"{oops\n", "line 1: not valid JSON")],
)
def test_jsonl_errors_are_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(content)
    result = run("--jsonl", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"error: {path}: {message}")


def test_standard_input() -> None:
    result = CliRunner().invoke(cli, ["diagnose", "-"], input=("ok\n" + DAMAGED).encode())
    first = cleantext.diagnose(DAMAGED).findings[0]
    assert result.exit_code == 1
    assert result.stdout.startswith(f"-:2:{first.start + 1}: {first.model}")
    mixed = CliRunner().invoke(cli, ["diagnose", "-", "x.txt"])
    assert mixed.exit_code == 2 and "cannot be mixed" in mixed.stderr
