"""The before/after table in docs/repair.md is true: each row is repaired as shown,
by the model it names, and the damaged text is what the model makes of the original."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import cleantext
from cleantext.repair.models import DamageModel, Loss

PAGE = Path(__file__).resolve().parents[1] / "docs" / "repair.md"
ROW = re.compile(r"^\| (?P<model>[^|`]+?) \| `(?P<damaged>[^`]+)` \| `(?P<repaired>[^`]+)` \|$")
LOSS_BY_WORDS = {
    "": Loss.NONE,
    ", bytes dropped": Loss.IGNORE,
    ", bytes replaced by U+FFFD": Loss.REPLACE,
    ", bytes replaced by '?'": Loss.REPLACE_QUESTION,
    ", C1 characters deleted": Loss.STRIP_C1,
    ", C1 characters replaced by '?'": Loss.C1_TO_QUESTION,
    ", C1 characters replaced by U+FFFD": Loss.C1_TO_FFFD,
}


def _rows() -> list[tuple[str, str, str]]:
    rows = []
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            rows.append((match["model"], match["damaged"], match["repaired"]))
    return rows


def _model(name: str) -> DamageModel:
    true_codec, rest = name.split(" read as ", 1)
    wrong_codec, _, loss_words = rest.partition(",")
    loss = LOSS_BY_WORDS[f",{loss_words}" if loss_words else ""]
    return DamageModel(true_codec, wrong_codec, loss)


def test_the_table_has_every_family() -> None:
    models = {name for name, _, _ in _rows()}
    assert len(models) >= 15
    assert any("bytes dropped" in name for name in models)
    assert any("C1 characters deleted" in name for name in models)
    assert any(name.startswith("cp1251 read as") for name in models)


@pytest.mark.parametrize(("name", "damaged", "repaired"), _rows(), ids=lambda value: value[:30])
def test_row_is_true(name: str, damaged: str, repaired: str) -> None:
    assert _model(name).apply(repaired) == damaged
    fixed, plan = cleantext.fix_encoding_and_explain(damaged)
    assert fixed == repaired
    assert name in {change.model for change in plan}
