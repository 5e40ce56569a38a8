"""docs/normalise.md tells the truth: its examples run and its step table matches the code."""

from __future__ import annotations

import ast
import doctest
from pathlib import Path

import pytest

from cleantext import PROFILES
from cleantext.normalise import FINISH_STEPS, STEPS, Step
from cleantext.plan import apply_edits

DOC = Path(__file__).resolve().parents[1] / "docs" / "normalise.md"
STEP_BY_NAME = {step.name: step for step in (*STEPS, *FINISH_STEPS)}
PROFILE_COLUMNS = ("safe", "ascii-punctuation", "nfkc")


def table_rows() -> list[list[str]]:
    """The rows of the step table: cells with their backticks removed."""
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split(" | ")]
        if len(cells) == 7 and cells[0].startswith("`") and cells[0].strip("`") in STEP_BY_NAME:
            rows.append([cell.strip("`") if cell.count("`") == 2 else cell for cell in cells])
    return rows


ROWS = table_rows()


def test_doc_examples_run() -> None:
    result = doctest.testfile(str(DOC), module_relative=False, verbose=False)
    assert result.attempted > 10
    assert result.failed == 0


def test_every_step_has_a_row() -> None:
    assert [row[0] for row in ROWS] == list(STEP_BY_NAME)


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row[0])
def test_row_defaults_and_example(row: list[str]) -> None:
    name, _option, *defaults, before, after = row
    step: Step = STEP_BY_NAME[name]
    for profile, default in zip(PROFILE_COLUMNS, defaults, strict=True):
        assert step.enabled(PROFILES[profile]) == (default == "on"), (name, profile)
    source, expected = ast.literal_eval(before), ast.literal_eval(after)
    assert apply_edits(source, name, step.find(source))[0] == expected
