"""The plan of fix_encoding_and_explain: complete, replayable, serialisable, and safe to misuse.

Texts: the damaged seeds, damaged fixture sentences (every damage model), and a
document damaged only in some lines, so plans have many changes across steps.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.recovery import (
    corpus_sentences,
    damage,
    families,
    fixture_sentences,
    seed_text,
    units,
)

import cleantext
from cleantext import Plan, PlanMismatchError, apply_plan
from cleantext.repair.models import LATIN1_LOSSY_MODELS, MULTIBYTE_MODELS, DamageModel, Loss


def _damaged_texts() -> dict[str, str]:
    texts = {"seed-001": seed_text("001"), "seed-003": seed_text("003")}
    clean = [s for s in fixture_sentences() if not s.isascii()][:6]
    corpus = corpus_sentences()
    for family in families():
        for model in family.models:
            if model.name not in PLAN_MODELS:
                continue
            damaged = [pair[1] for pair in units(family, model, corpus)[:6]]
            # A document damaged in every other line, as when lines come from two sources.
            lines = [line for pair in zip(clean, damaged, strict=False) for line in pair]
            texts[model.name] = "\n".join(lines)
    # Mojibake of mojibake: seed 001 (GBK damage) then read as Latin-1, repaired in two passes.
    texts["nested"] = DamageModel("utf-8", "latin-1").apply(seed_text("001"))
    return texts


PLAN_MODELS = {
    *(model.name for model in MULTIBYTE_MODELS if not model.lossy),
    "utf-8 read as gbk, bytes replaced by '?'",
    *(model.name for model in LATIN1_LOSSY_MODELS),
    "utf-8 read as windows-1252",
    "gbk read as sloppy-windows-1252",
    "cp1251 read as sloppy-windows-1252",
}


TEXTS = _damaged_texts()
PARAMS = [pytest.param(text, id=name) for name, text in TEXTS.items()]


@pytest.fixture(scope="module")
def explained() -> dict[str, tuple[str, Plan]]:
    return {name: cleantext.fix_encoding_and_explain(text) for name, text in TEXTS.items()}


@pytest.mark.parametrize("name", list(TEXTS))
def test_every_change_is_described(name: str, explained: dict[str, tuple[str, Plan]]) -> None:
    _, plan = explained[name]
    for change in plan:
        assert change.model and isinstance(change.model, str)
        assert change.step
        assert 0 <= change.start <= change.end
        assert 0.0 <= change.confidence <= 1.0
        assert change.before != change.after
        assert change.out_end - change.out_start == len(change.after)
        assert change.describe()
    assert str(plan)


@pytest.mark.parametrize("name", list(TEXTS))
def test_plan_replays_to_the_repair(name: str, explained: dict[str, tuple[str, Plan]]) -> None:
    repaired, plan = explained[name]
    assert apply_plan(TEXTS[name], plan) == repaired
    assert cleantext.fix_encoding(TEXTS[name]) == repaired


@pytest.mark.parametrize("name", list(TEXTS))
def test_plan_replays_step_by_step(name: str, explained: dict[str, tuple[str, Plan]]) -> None:
    """Each step of :meth:`Plan.steps` is one step's changes, against the text the
    step before left; together they are the plan, in order."""
    repaired, plan = explained[name]
    steps = plan.steps()
    assert [change for step in steps for change in step] == list(plan)
    assert all(len({change.step for change in step}) == 1 for step in steps)
    text = TEXTS[name]
    for step in steps:
        assert all(text[change.start : change.end] == change.before for change in step)
        text = apply_plan(text, Plan(tuple(step)))
    assert text == repaired


@pytest.mark.parametrize("name", list(TEXTS))
def test_plan_json_round_trip(name: str, explained: dict[str, tuple[str, Plan]]) -> None:
    repaired, plan = explained[name]
    again = Plan.from_json(plan.to_json())
    assert again == plan
    assert apply_plan(TEXTS[name], again) == repaired


def test_the_texts_are_damaged(explained: dict[str, tuple[str, Plan]]) -> None:
    """Guards the tests above against passing on empty plans."""
    empty = [name for name, (_, plan) in explained.items() if not plan]
    assert not empty, f"no repair made in: {empty}"


@pytest.mark.parametrize("name", list(TEXTS))
def test_plan_refuses_another_text(name: str, explained: dict[str, tuple[str, Plan]]) -> None:
    _, plan = explained[name]
    if not plan:
        pytest.fail(f"no repair made in {name!r}; nothing to replay")
    first = plan.changes[0]
    text = TEXTS[name]
    # The same text with the first damaged span altered, and an unrelated text.
    altered = text[: first.start] + "#" * max(1, first.end - first.start) + text[first.end :]
    with pytest.raises(PlanMismatchError):
        apply_plan(altered, plan)
    with pytest.raises(PlanMismatchError):
        apply_plan("An unrelated, clean sentence with nothing to repair.", plan)


@pytest.mark.parametrize("name", list(TEXTS))
def test_diagnose_agrees_with_the_plan(name: str, explained: dict[str, tuple[str, Plan]]) -> None:
    text = TEXTS[name]
    _, plan = explained[name]
    diagnosis = cleantext.diagnose(text)
    assert bool(diagnosis) == bool(plan)
    assert len(diagnosis.findings) == len(plan)
    previous_start = -1
    for finding in diagnosis.findings:
        assert 0 <= finding.start <= finding.end <= len(text)
        assert finding.start >= previous_start
        previous_start = finding.start
        assert 0.0 <= finding.confidence <= 1.0
        assert finding.model
    assert {f.model for f in diagnosis.findings} == set(plan.counts())


def test_diagnose_changes_nothing() -> None:
    text = seed_text("001")
    before = text[:]
    cleantext.diagnose(text)
    assert text == before


def test_unresolved_holes_are_said_in_the_plan() -> None:
    """Where a lost byte stays U+FFFD, the change that put it there says so."""
    fffd_model = DamageModel("utf-8", "gbk", Loss.REPLACE)
    for sentence in fixture_sentences():
        damaged = damage(fffd_model, sentence)
        if damaged is None:
            continue
        _, plan = cleantext.fix_encoding_and_explain(damaged)
        for change in plan:
            if "\ufffd" in change.after:
                assert "U+FFFD" in change.note, change.describe()


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(fixture_sentences()), st.sampled_from(MULTIBYTE_MODELS + LATIN1_LOSSY_MODELS)
)
def test_plan_replays_on_any_damaged_sentence(sentence: str, model: DamageModel) -> None:
    damaged = damage(model, sentence)
    if damaged is None:
        return
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    assert apply_plan(damaged, plan) == repaired
    assert Plan.from_json(plan.to_json()) == plan
