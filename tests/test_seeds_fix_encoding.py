"""fix_encoding on the five seed articles: goldens byte for byte, plus hand-read snippets.

The snippets were read off the damaged seeds by hand (not from the engine's output):
in 001, ``鈥`` + a GBK character is a curly quote or apostrophe and a lone ``鈥``
between spaces is an em dash whose last byte was dropped; in 003, ``â`` is the lead
byte of ``’ “ ” —`` whose two C1 bytes were deleted.
"""

from __future__ import annotations

import pytest
from tests.recovery import GOLDENS, seed_path, seed_text

import cleantext

SEEDS = ("000", "001", "002", "003", "004")

HAND_CHECKED = {
    "001": [
        "“HIGH STAKES!!!” Trump wrote",
        "“nothing about Ukraine without Ukraine” and invites",
        "Russia “never plans ahead.”\n“We know",
        "“some swapping of territories” — which disappointed Ukraine and European allies — along",
        "But he’s also warned of “very severe consequences” for Russia",
        "“He’s not going to mess around with me.”\nTrump’s repeated",
        "Russia’s gains, block Kyiv’s bid",
    ],
    "003": [
        "incentives—including the potential rollback of some sanctions—if Putin agrees",
        "“This isn’t about giving anything away,” one source",
        "“It’s about testing whether Putin is serious about peace—and putting America",
        "the talks as “constructive.” Future",
        "“We’re not going to solve this overnight,” a senior adviser said. “But someone",
        "with the West—particularly on economic",
        "Friday’s meeting ended",
    ],
}

MODELS = {
    "001": {"utf-8 read as gbk", "utf-8 read as gbk, bytes dropped"},
    "003": {"utf-8 read as latin-1, C1 characters deleted"},
}

MOJIBAKE = {"001": "鈥", "003": "â"}


@pytest.mark.parametrize("prefix", SEEDS)
def test_seed_repairs_to_its_golden(prefix: str) -> None:
    golden = GOLDENS / seed_path(prefix).name
    assert golden.is_file(), f"golden {golden} is missing"
    assert cleantext.fix_encoding(seed_text(prefix)) == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("prefix", "snippet"),
    [(prefix, snippet) for prefix, snippets in HAND_CHECKED.items() for snippet in snippets],
)
def test_hand_checked_snippets(prefix: str, snippet: str) -> None:
    assert snippet in cleantext.fix_encoding(seed_text(prefix))


@pytest.mark.parametrize("prefix", sorted(MOJIBAKE))
def test_no_damage_left(prefix: str) -> None:
    fixed = cleantext.fix_encoding(seed_text(prefix))
    assert MOJIBAKE[prefix] not in fixed
    assert "\ufffd" not in fixed
    assert not cleantext.diagnose(fixed)


@pytest.mark.parametrize("prefix", sorted(MODELS))
def test_plan_names_the_seed_damage(prefix: str) -> None:
    _, plan = cleantext.fix_encoding_and_explain(seed_text(prefix))
    assert plan
    assert set(plan.counts()) <= MODELS[prefix]
