"""Lost bytes chosen from context (repair/infer.py), one rule per row.

Each row damages a sentence with a lossy model that leaves the mark's lead byte
and loses the rest, so the context rule is the only thing that can decide; the
repair must give the sentence back and the plan must name the rule.
"""

from __future__ import annotations

import pytest

import cleantext
from cleantext.repair.models import DamageModel, Loss

GBK_DROPPED = DamageModel("utf-8", "gbk", Loss.IGNORE)
C1_DELETED = DamageModel("utf-8", "latin-1", Loss.STRIP_C1)

RULES = [
    # (sentence, model, words the plan's note must contain)
    ("He’s also floated the idea", C1_DELETED, "English contraction ’s"),
    ("guarantees that don’t require NATO membership", C1_DELETED, "English contraction ’t"),
    ("incentives—including sanctions relief", C1_DELETED, "dash between two words"),
    ("start ‘high-stakes’ in-person meeting", GBK_DROPPED, "closing quote pairs with an open ‘"),
    ("He said ‘yes’. Then he left.", GBK_DROPPED, "closing quote pairs with an open ‘"),
    # a quotation opened long before does not make ``sides”`` a closing quote
    (
        "He added, “An amicable meeting of both sides’ desire for peace",
        GBK_DROPPED,
        "plural possessive",
    ),
    ("the players’ union won the vote", C1_DELETED, "plural possessive"),
    ("It costs €5 now", GBK_DROPPED, "currency sign before an amount"),
]


@pytest.mark.parametrize(("original", "model", "reason"), RULES)
def test_the_context_rule_restores_the_lost_mark(
    original: str, model: DamageModel, reason: str
) -> None:
    damaged = model.apply(original)
    assert damaged != original
    fixed, plan = cleantext.fix_encoding_and_explain(damaged)
    assert fixed == original
    assert any(reason in change.note for change in plan), [change.note for change in plan]


def test_a_closing_single_quote_needs_an_open_one() -> None:
    """Without an open ‘ the same hole after ``stakes`` is a plural possessive or a
    closing ” as much as a closing ’: no rule decides, and the region is left alone."""
    damaged = GBK_DROPPED.apply("start high-stakes’ in-person meeting")
    assert cleantext.fix_encoding(damaged) == damaged


def test_a_scare_quote_opened_nearby_leaves_the_possessive_undecided() -> None:
    """``the so-called “experts” say``: with ``“`` a word back, the hole after ``experts``
    is as likely ``”`` as ``’``; neither is guessed."""
    damaged = GBK_DROPPED.apply("the so-called “experts” say so")
    assert cleantext.fix_encoding(damaged) == "the so-called “experts\ufffd say so"


def test_a_bare_run_before_a_number_is_not_taken_for_a_quote() -> None:
    """Read as Big5 with U+FFFD, ``€5`` keeps no byte of ``€``: an opening quote
    before a word fits ``“5 stars”``, and the sign before an amount fits as well, so
    neither is written (found by hypothesis: ``A €5`` came back as ``A “5``)."""
    damaged = DamageModel("utf-8", "big5", Loss.REPLACE).apply("A €5")
    assert cleantext.fix_encoding(damaged) == damaged


@pytest.mark.parametrize(
    ("original", "wrong"),
    [
        ("He’s here • now", "⢠"),
        ("Wait… what’s that — a €5 note? It’s one € more", "⦠"),
    ],
)
def test_a_space_after_a_character_that_lost_its_middle_byte_stays_a_space(
    original: str, wrong: str
) -> None:
    """ftfy reads ``â¦ `` as ``⦠`` (the space a no-break space that lost its byte);
    on a line whose C1 bytes were deleted, ``…`` lost its middle byte and the space
    is a space: the mark comes back, or U+FFFD, never ``⦠``."""
    damaged = C1_DELETED.apply(original)
    repaired = cleantext.fix_encoding(damaged)
    assert wrong not in repaired and "⬠" not in repaired
    assert len(repaired) == len(original)
    assert all(got in (expected, "\ufffd") for got, expected in zip(repaired, original, strict=True))
