"""The recovery table: per damage model, how the damaged corpus sentences come back.

Built by :mod:`tests.recovery` (``python -m tests.recovery -v`` prints it with
examples).  The table is printed at the end of the pytest run and written to
``/tmp/cleantext-recovery.txt``.  Targets, from the issue: every lossless model
recovered exactly; lossy models >= 95% exactly; no model ever writes a wrong
letter, silently drops one, or raises.  The single-byte family is ftfy's domain: there the floor is
"everything ftfy repairs", measured on the same units.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests import recovery
from tests.recovery import Outcome, Row

REPORT = Path("/tmp/cleantext-recovery.txt")
SINGLE_BYTE = {"single-byte (ftfy)", "single-byte, two layers"}


@pytest.fixture(scope="module")
def table() -> dict[str, Row]:
    rows = recovery.recovery_table()
    text = recovery.format_table(rows)
    REPORT.write_text(text + "\n\n" + recovery.format_failures(rows) + "\n", encoding="utf-8")
    recovery.LAST_TABLE[:] = [text]
    return {row.model: row for row in rows}


def _names(*, lossy: bool, single_byte: bool) -> list[str]:
    return [
        model.name
        for family in recovery.families()
        for model in family.models
        if model.lossy == lossy and (family.name in SINGLE_BYTE) == single_byte
    ]


def _row(table: dict[str, Row], name: str) -> Row:
    row = table[name]
    if not row.units:
        pytest.skip(f"no corpus sentence can carry {name!r} (shared corpora absent?)")
    return row


def _examples(row: Row, *outcomes: Outcome) -> str:
    lines = []
    for outcome in outcomes:
        for original, damaged, repaired in row.examples.get(outcome, []):
            lines.append(f"{outcome.value}: fix_encoding({damaged!r}) gave {repaired!r}, ")
            lines.append(f"    expected {original!r}")
    return "\n".join(lines)


@pytest.mark.parametrize("name", _names(lossy=False, single_byte=False))
def test_lossless_models_recover_everything(name: str, table: dict[str, Row]) -> None:
    row = _row(table, name)
    assert row.share(Outcome.EXACT) == pytest.approx(1.0), _examples(row, *Outcome)


@pytest.mark.parametrize("name", _names(lossy=True, single_byte=False))
def test_lossy_models_recover_95_percent(name: str, table: dict[str, Row]) -> None:
    row = _row(table, name)
    assert row.share(Outcome.EXACT) >= recovery.LOSSY_TARGET, _examples(row, *Outcome)


@pytest.mark.parametrize("name", [model.name for model in recovery.all_models()])
def test_no_wrong_letter_no_silent_gap_no_crash(name: str, table: dict[str, Row]) -> None:
    """Undecided lost characters become U+FFFD (and the plan says so); nothing else is allowed."""
    row = _row(table, name)
    bad = (Outcome.WRONG, Outcome.GAP, Outcome.CRASH)
    assert sum(row.counts[outcome] for outcome in bad) == 0, _examples(row, *bad)


@pytest.mark.parametrize("name", _names(lossy=False, single_byte=True))
def test_single_byte_floor_is_ftfy(name: str, table: dict[str, Row]) -> None:
    row = _row(table, name)
    assert row.ftfy_exact_kept == row.ftfy_exact, _examples(row, *Outcome)


def test_corpus_has_units_for_every_model(table: dict[str, Row]) -> None:
    if not recovery.CORPORA.is_dir():
        pytest.skip(f"shared corpora absent at {recovery.CORPORA}: the corpus is fixtures only")
    thin = {name: row.units for name, row in table.items() if row.units < 4}
    assert not thin, f"too few units to measure: {thin}"
