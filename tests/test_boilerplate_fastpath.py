"""The whole-text shortcuts of boilerplate removal are exact.

Lines are normalised only where a search of the text says they may change, and
rules are tried only on the *suspects*, the lines a search of the text says a
rule may match.  These tests compare both shortcuts with the line-by-line way
they replace (every line normalised, every line a suspect) on the fixtures, the
multilingual samples, lines built to hit the rules, and arbitrary strings.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from unittest.mock import patch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.recovery import (
    cjk_samples,
    fixture_sentences,
    labelled_boilerplate_lines,
    multilingual_samples,
)

from cleantext.boilerplate import Rule, RuleSet, boilerplate_edits, default_rules
from cleantext.boilerplate import match as match_module
from cleantext.boilerplate.match import _ODD_WHITESPACE, _Layout
from cleantext.boilerplate.rules import normalise_line
from cleantext.boilerplate.shape import Gate
from cleantext.plan import Edit

ROOT = Path(__file__).resolve().parents[1]
LABELLED = labelled_boilerplate_lines()
SAMPLES = [*multilingual_samples().values(), *cjk_samples().values()]
SAMPLE_LINES = [line for text in SAMPLES for line in text.split("\n") if line.strip()][:400]
# Lines the user rules below match, each behind a different shortcut.
USER_LINES = [
    "Home | News | Sport",
    "Sent from my phone",
    "Menu",
    "Meridian News",
    "日本語の本",
    "© 2024 Site. ALL RIGHTS RESERVED",
    "Crowds gather (Photo: Jane Doe)",
    "A" * 102 + " (Photo: Jane Doe)",  # exactly the rule's max_length
    "bye bye",
]
POOL = LABELLED + list(fixture_sentences()) + SAMPLE_LINES + USER_LINES

# Whitespace of every kind, the characters rule heads and needs are made of, and CJK.
WHITESPACE = "\t\x0b\x0c\r\x1c\x85\xa0\u1680\u2003\u2028\u202f\u3000  \n"
TRICKY = WHITESPACE + "(/).·•©:|SsharePhotoAFPREUTERS日本語한國ſK\u212a"
LINES = st.one_of(
    st.sampled_from(USER_LINES),
    st.sampled_from(POOL),
    st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters()), max_size=40),
    st.builds(
        lambda pad, line, end: pad + line + end,
        st.sampled_from(["", " ", "\t", "\u3000", "  "]),
        st.sampled_from(POOL),
        st.sampled_from(["", " ", "\xa0", " \t"]),
    ),
)
TEXTS = st.one_of(
    st.text(alphabet=st.one_of(st.sampled_from(TRICKY), st.characters())),
    st.builds(
        lambda lines, sep, end: sep.join(lines) + end,
        st.lists(LINES, max_size=14),
        st.sampled_from(["\n", "\n\n", "\n \n", "\r\n", "\n\u3000\n"]),
        st.sampled_from(["", "\n", " ", "\n\n"]),
    ),
)

# Each rule is found through a different shortcut: exact lines (as they are and
# case-folded), a head, a need found as it is and one found case-folded.
USER_RULES = RuleSet(
    (
        Rule("nav", "exact", "Home | News | Sport", position="first"),
        Rule("sign-off", "exact", "Sent  from my phone"),
        Rule("menu", "exact", "MENU", ignore_case=True),
        Rule("footer", "exact", "meridian  news", ignore_case=True, position="last"),
        Rule("japanese", "regex", "日本.*", trailer=True),
        Rule("rights", "regex", r".*all rights reserved\.?", ignore_case=True),
        Rule("credit", "regex", r".*\((?:Photo|Image): [^()]+\)", max_length=120),
    )
)
# A backreference the pattern reading does not follow: every line is a suspect.
OPEN_RULES = RuleSet((Rule("twice", "regex", r"(\w+) \1"), *USER_RULES.rules))
RULE_SETS = [default_rules(), default_rules() + USER_RULES, USER_RULES, OPEN_RULES]


def _old_norm(text: str) -> list[str]:
    """The normalised lines as every line used to be normalised."""
    parts = text.split("\n")
    if not parts[-1]:
        parts.pop()
    return [normalise_line(part) for part in parts]


def _every_line_a_suspect(self: object, layout: _Layout, text: str) -> set[int]:
    return set(layout.content)  # every non-blank line, as Screen.suspects promises at most


def _every_line_beside(alive: list[int], judged: list[object]) -> set[int]:
    return set(alive)


def _line_by_line(text: str, rules: RuleSet) -> list[Edit]:
    """Boilerplate removal with every line tried in every round, as before the
    suspects and before later rounds looked only beside the removed lines."""
    with (
        patch.object(match_module._Screened, "suspects", _every_line_a_suspect),
        patch.object(match_module, "_next_to_removed", _every_line_beside),
    ):
        return boilerplate_edits(text, rules)


def _full_rounds(text: str, rules: RuleSet) -> list[Edit]:
    """Boilerplate removal with every suspect tried again in every round."""
    with patch.object(match_module, "_next_to_removed", _every_line_beside):
        return boilerplate_edits(text, rules)


def test_odd_whitespace_is_what_split_splits_on_besides_space_and_newline() -> None:
    every = [chr(code) for code in range(sys.maxunicode + 1)]
    odd = {char for char in every if char.isspace() and char not in " \n"}
    assert {char for char in every if _ODD_WHITESPACE.match(char)} == odd


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_lines_are_normalised_as_each_one_alone_would_be(text: str) -> None:
    layout = _Layout.of(text)
    assert layout.norm == _old_norm(text)


@pytest.mark.parametrize("text", SAMPLES, ids=range(len(SAMPLES)))
def test_samples_lose_the_same_lines_as_line_by_line(text: str) -> None:
    assert _Layout.of(text).norm == _old_norm(text)
    for rules in RULE_SETS:
        assert boilerplate_edits(text, rules) == _line_by_line(text, rules)


@pytest.mark.parametrize("line", USER_LINES + LABELLED[:40])
@pytest.mark.parametrize("which", range(len(RULE_SETS)))
def test_each_kind_of_suspect_is_found(line: str, which: int) -> None:
    text = f"Headline\n\nA body sentence, (quoted) in full.\n{line}\n\nThe end of the body."
    rules = RULE_SETS[which]
    assert boilerplate_edits(text, rules) == _line_by_line(text, rules)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.sampled_from(range(len(RULE_SETS))))
def test_suspects_lose_the_same_lines_as_line_by_line(text: str, which: int) -> None:
    rules = RULE_SETS[which]
    assert boilerplate_edits(text, rules) == _line_by_line(text, rules)


@settings(max_examples=300, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=12), st.sampled_from(range(len(RULE_SETS))))
def test_every_line_a_gate_admits_is_a_suspect(lines: list[str], which: int) -> None:
    norm = [normalise_line(line) for line in lines]
    text = "\n".join(norm)
    rules = [rule for rule in RULE_SETS[which].active() if rule.kind == "regex"]
    gate = Gate(rules)
    for narrowed in (gate, gate.within(text)):
        admitted = {index for index, line in enumerate(norm) if line and narrowed.admits(line)}
        assert admitted <= narrowed.suspects(norm, text)


SEED_LINES = [
    line
    for path in sorted((ROOT / "fixtures" / "seeds").glob("00[024]_*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(SEED_LINES), min_size=20, max_size=400),
    st.sampled_from(range(len(RULE_SETS))),
)
def test_later_rounds_beside_removals_lose_the_same_lines(lines: list[str], which: int) -> None:
    """Seed lines shuffled and repeated: removing a caption or a ``Read more`` line
    exposes a lone ``.`` beside it, which a later round removes."""
    text = "\n".join(lines)
    rules = RULE_SETS[which]
    assert boilerplate_edits(text, rules) == _full_rounds(text, rules)


def test_a_removal_exposes_a_line_for_a_later_round() -> None:
    """The case the later rounds exist for, so the test above is not vacuous."""
    rounds: list[int] = []
    original = match_module._verdicts

    def counting(*args: object) -> list[Rule | None]:
        verdict = original(*args)  # type: ignore[arg-type]
        rounds.append(sum(rule is not None for rule in verdict))
        return verdict

    lines = [line for line in SEED_LINES if line.strip()]
    text = "\n".join(random.Random(1).choices(lines, k=200))
    with patch.object(match_module, "_verdicts", counting):
        edits = boilerplate_edits(text)
    assert len(rounds) >= 3 and rounds[1] > 0, rounds
    assert edits == _full_rounds(text, default_rules())


def test_a_tail_rule_reaches_a_line_once_lines_below_it_go() -> None:
    """Ranks from the bottom move when a line below goes: the tail zone is tried
    again even where no removed line is next door."""
    rules = RuleSet(
        (
            Rule("junk", "exact", "JUNK"),
            Rule("signature", "exact", "SIGNED", position="tail", within=2),
        )
    )
    text = "A first sentence of the body.\nSIGNED\nA second sentence of the body.\nJUNK\n"
    edits = boilerplate_edits(text, rules)
    assert [edit.model for edit in edits] == ["boilerplate: signature", "boilerplate: junk"]
    assert edits == _full_rounds(text, rules)
