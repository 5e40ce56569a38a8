"""Hypothesis properties of the normalisation steps and of clean() as a whole."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import PROFILES, apply_plan, clean, clean_and_explain
from cleantext.normalise import FINISH_STEPS, STEPS
from cleantext.plan import apply_edits
from test_pipeline import assert_only_boilerplate_drops_letters, letters

# Characters the steps target, plus neighbours that decide whether they act.
INTERESTING = (
    "\r\n\t \x00\x07\x0b\x0c\x1b\x7f\x85\x9f\u2028\u2029"  # line breaks and controls
    "\u00a0\u2002\u2009\u202f\u205f\u3000\u1680"  # spaces
    "\u200b\u200c\u200d\ufeff\u2060\u00ad\u200e"  # invisible
    "e\u0301\u0323\u030aA\u212b\ufb01\uff21\u00b2\uff76\uff9e"  # forms
    "'\"\u2018\u2019\u201a\u201c\u201d\u201e\u2032"  # quotes and primes
    "-\u2010\u2011\u2013\u2014\u2015\u2212\u2026."  # dashes, minus, ellipsis
    "&;#x0123amp日本語한👩💻\ufe0f🏽میخ\u1820[m"  # entities, scripts, emoji
)
chars = st.one_of(st.sampled_from(INTERESTING), st.characters())
texts = st.text(alphabet=chars, max_size=80)
SETTINGS = settings(max_examples=100, deadline=None)

ODD_SPACES = set("\u00a0\u202f\u205f\u3000") | {chr(c) for c in range(0x2000, 0x200B)}
C0_C1 = {chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]} - set("\t\n\r\x0b\x0c\x85")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
ENTITY_RUN = re.compile(f"(?:{ENTITY.pattern})+")

# What each step may replace: every edit's ``before`` must satisfy the predicate.
QUOTES = set("\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f")
ZERO_WIDTH = set("\u200b\u200c\u200d\ufeff\u2060")


def made_of(allowed: set[str]) -> Callable[[str], bool]:
    return lambda s: bool(s) and set(s) <= allowed


# What each step may replace: every change's ``before`` must satisfy the predicate
# (a run of the same target can be one change).
TARGETS: dict[str, Callable[[str], bool]] = {
    "line_endings": lambda s: (
        made_of(set("\r\n\x0b\x0c\x85\u2028\u2029"))(s) and "\n" not in s.replace("\r\n", "")
    ),
    "controls": lambda s: made_of(C0_C1)(s) or s.startswith("\x1b["),
    "html_entities": lambda s: (
        ENTITY.fullmatch(s) is not None or ENTITY_RUN.fullmatch(s) is not None
    ),
    "zero_width": made_of(ZERO_WIDTH),
    "soft_hyphens": made_of({"\u00ad"}),
    "nfc": lambda s: not unicodedata.is_normalized("NFC", s),
    "nfkc": lambda s: not unicodedata.is_normalized("NFKC", s),
    "spaces": made_of(ODD_SPACES),
    "quotes.straighten": made_of(QUOTES),
    "quotes.consistent": made_of(set("'\"\u2018\u2019\u201c\u201d")),
    "dashes": made_of(set("\u2010\u2011\u2012\u2013\u2014\u2015")),
    "ellipsis": made_of({"\u2026"}),
    "trailing_whitespace": made_of(ODD_SPACES - {"\u3000"} | {" ", "\t"}),
    "blank_lines": made_of({"\n"}),
}
ALL_STEPS = (*STEPS, *FINISH_STEPS)


def test_every_step_has_a_target_predicate() -> None:
    assert set(TARGETS) == {step.name for step in ALL_STEPS}


@pytest.mark.parametrize("step", ALL_STEPS, ids=lambda step: step.name)
@SETTINGS
@given(text=texts)
def test_steps_touch_only_their_targets(step: object, text: str) -> None:
    from cleantext.normalise.base import Step

    assert isinstance(step, Step)
    edits = step.find(text)
    result, changes = apply_edits(text, step.name, edits)
    for change in changes:
        assert TARGETS[step.name](change.before), change
    if step.name in ("nfc", "nfkc"):
        form = "NFC" if step.name == "nfc" else "NFKC"
        for change in changes:
            assert unicodedata.normalize(form, change.before) == change.after
        if form == "NFC":
            assert result == unicodedata.normalize("NFC", text)


@pytest.mark.parametrize("profile", sorted(PROFILES))
@SETTINGS
@given(text=texts)
def test_clean_is_idempotent_and_replayable(profile: str, text: str) -> None:
    cleaned, plan = clean_and_explain(text, profile)
    assert apply_plan(text, plan) == cleaned
    assert clean(cleaned, profile) == cleaned


@pytest.mark.parametrize("profile", sorted(PROFILES))
@SETTINGS
@given(text=texts)
def test_stages_after_repair_are_idempotent_in_one_pass(profile: str, text: str) -> None:
    """What ``clean`` relies on to stop after one pass when repair finds nothing new."""
    for quotes in ("keep", "consistent"):
        cleaned, plan = clean_and_explain(text, profile, repair=False, quotes=quotes)
        assert not any("#" in change.step for change in plan)
        assert clean(cleaned, profile, repair=False, quotes=quotes) == cleaned


# Any str at all, lone surrogates included (text decoded with surrogateescape).
any_text = st.text(alphabet=st.one_of(chars, st.characters(blacklist_categories=())), max_size=80)


@SETTINGS
@given(text=any_text)
def test_nothing_raises_with_every_option_on(text: str) -> None:
    for quotes in ("straighten", "consistent"):
        cleaned, plan = clean_and_explain(
            text, "nfkc", html_entities=True, quotes=quotes, dashes="ascii", ellipsis=True
        )
        assert isinstance(cleaned, str)
        assert apply_plan(text, plan) == cleaned


@SETTINGS
@given(text=st.text(alphabet=st.characters(blacklist_characters="\x1b"), max_size=80))
def test_safe_normalisation_keeps_every_letter_and_digit(text: str) -> None:
    """Normalisation alone (no repair, no boilerplate) never loses a letter or digit.

    ESC is left out: an ANSI escape sequence goes whole, letters and all.
    """
    cleaned = clean(text, repair=False, boilerplate=False)
    assert letters(cleaned) == letters(text)


lines = st.lists(
    st.one_of(
        st.text(alphabet=st.sampled_from("abcXYZ 019.,“”’—\u00a0\u200b\u00ad"), max_size=40),
        st.sampled_from(["Related Content", ".", "radiodalsan", "Share this article", ""]),
    ),
    max_size=12,
)


@SETTINGS
@given(lines=lines)
def test_safe_keeps_letters_of_lines_not_removed_as_boilerplate(lines: list[str]) -> None:
    """Under ``safe``, only boilerplate removal may drop letters, and only whole lines."""
    text = "\n".join(lines)
    _, plan = clean_and_explain(text)
    assert not any(change.step.startswith("repair") for change in plan)
    assert_only_boilerplate_drops_letters(text, plan)


@SETTINGS
@given(text=texts)
def test_sparse_matches_find_what_finditer_finds(text: str) -> None:
    """The spaces step looks for matches only where a target character stands."""
    import importlib

    from cleantext.normalise.base import sparse_matches

    module = importlib.import_module("cleantext.normalise.spaces")

    pattern, targets = module._PATTERN, module._TARGETS
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in sparse_matches(pattern, text, targets)] == expected
