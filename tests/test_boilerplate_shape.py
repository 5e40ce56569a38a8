"""The pattern reading behind the boilerplate screen: what it finds, and that it is sound.

The gate may admit a line no rule matches (the rules then decide), but it must
never turn away a line some rule matches: these tests check that on the
labelled set, the default rules' own examples, generated lines and user-style
patterns, including the syntax the reading does not follow.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.recovery import labelled_boilerplate_lines

from cleantext.boilerplate import Rule, default_rules
from cleantext.boilerplate.screen import screen_for
from cleantext.boilerplate.shape import Gate, Literal, branches

ROOT = Path(__file__).resolve().parents[1]
LABELLED = labelled_boilerplate_lines()


def _starts(pattern: str, ignore_case: bool = False) -> list[set[str]]:
    found = branches(pattern, ignore_case)
    assert found is not None
    return [{atom.source for atom in b.starts or ()} for b in found]


def _needs(pattern: str, ignore_case: bool = False) -> list[set[Literal] | None]:
    found = branches(pattern, ignore_case)
    assert found is not None
    return [None if b.needs is None else set(b.needs) for b in found]


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("share", [{"share"}]),
        ("photos?", [{"photo"}]),  # the quantified "s" is not part of the literal
        ("(?:the )?(?:story|text) goes", [{r"the\ ", "story", "text"}]),
        (r"\bEND\b|###", [{"END"}, {r"\#\#\#"}]),  # top-level alternatives apart
        ("[.·•]", [{"[.·•]"}]),
        (r"(?i:image) label", [{"(?i:image)"}]),
        (r"(?=x)abc", [{"abc"}]),  # a lookahead matches nothing itself
        (r"\d+ comments", [{r"\d"}]),
    ],
)
def test_what_every_match_begins_with(pattern: str, starts: list[set[str]]) -> None:
    assert _starts(pattern) == starts


def test_case_is_carried_into_the_literals() -> None:
    assert _starts("share", ignore_case=True) == [{"(?i:share)"}]
    assert _starts("(?-i:AP) wire", ignore_case=True) == [{"AP"}]
    assert _needs("(?i:all rights reserved)") == [{Literal("all rights reserved", True)}]


def test_needs_prefer_what_in_can_find() -> None:
    # '(' and ')' are found with `in`; the case-insensitive words would need a search.
    assert _needs(r".*\((?i:photo|image)[^()]+\)") == [{Literal("(", False)}]


@pytest.mark.parametrize(
    "pattern",
    [
        r"(\w+) \1",  # backreference
        r"(?P<w>\w+)-(?P=w)",
        r"(x)?y(?(1)z|w)",  # conditional
        r"(b)(?1)",  # recursion
        r"(?i)share",  # global flag
        r"(?x) s h a r e",  # verbose mode changes what a space means
        r"[[:alpha:]]+",  # POSIX class
        r"a{x}",  # a brace that is not a quantifier
        r"\N{BULLET}",
        r"(?#comment)x",
    ],
)
def test_syntax_it_does_not_follow_gets_no_summary(pattern: str) -> None:
    assert branches(pattern) is None
    gate = Gate([Rule("user", "regex", pattern)])
    assert gate.open and gate.admits("anything at all")


def test_default_rules_are_all_understood() -> None:
    # Otherwise the screen would admit every line and clean() would be slow.
    groups = {"any": [], "first": [], "last": []}  # type: dict[str, list[Rule]]
    for rule in default_rules().active():
        groups["any" if rule.position in ("any", "head", "tail") else rule.position].append(rule)
    assert not Gate(groups["any"]).open
    assert not Gate(groups["first"]).open


def test_body_lines_are_turned_away() -> None:
    gate = Gate(r for r in default_rules().active() if r.position == "any")
    for line in (
        "The meeting took place at a military base in Anchorage on Friday.",
        "Historic and Strategic Venue",
        "“We will see,” he said.",
        "会談はアンカレッジの軍事基地で行われた。",
    ):
        assert not gate.admits(line), line


def test_a_gate_admits_what_it_cannot_rule_out_by_length() -> None:
    gate = Gate([Rule("short", "regex", "share.*", max_length=10)])
    assert gate.admits("share it")
    assert not gate.admits("share " + "x" * 20)


def _sound(rules: list[Rule], line: str) -> None:
    line = " ".join(line.split())
    if line and any(rule.matches(line, timeout=5.0) for rule in rules):
        assert Gate(rules).admits(line), line


def test_never_turns_away_a_labelled_or_default_match() -> None:
    rules = list(default_rules().active())
    for line in LABELLED:
        _sound(rules, line)


_USER_PATTERNS = [
    r"(?:Photo|Image)s?: .{1,40}",
    r"\p{Lu}[\p{L} ]{1,30} / (?:AFP|AP)",
    r".*\bsponsored\b.*",
    r"[^.!?]{1,20}",
    r"(?i:follow us) on \w+",
    r"(?:x|)(?:y|)z?",
    r"\(?ad\)?",
    r"[a-c-]+ [\x41-\x43]",
    r"\u00a9 \d{4}",
    r"(?>ab|a)c",
    r"a*+b",
    r"(?<name>ab)+",
    r"(?s:.)",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_USER_PATTERNS), min_size=1, max_size=4, unique=True),
    st.booleans(),
    st.one_of(
        st.sampled_from(
            [
                "Photo: Getty",
                "Images: Jane Doe",
                "Jane Doe / AFP",
                "SPONSORED content",
                "sponsored",
                "Follow us on X",
                "FOLLOW US on X",
                "(ad)",
                "AD",
                "abc- A",
                "© 2025",
                "ac",
                "abc",
                "aab",
                "ab",
                "z",
                "yz",
                "x",
            ]
        ),
        st.text(alphabet="abcxyzABC()/©0123- .:SPONSREDphotImage", max_size=16),
    ),
)
def test_never_turns_away_a_user_rule_match(patterns: list[str], folded: bool, line: str) -> None:
    rules = [Rule(f"r{n}", "regex", p, ignore_case=folded) for n, p in enumerate(patterns)]
    _sound(rules, line)


def test_rule_by_rule_only_ruled_out_rules_are_skipped() -> None:
    rules = (*default_rules().active(), Rule("nav", "exact", "Home | News"))
    screen = screen_for(rules)
    for line in [*LABELLED, "Home | News"]:
        line = " ".join(line.split())
        possible = screen.possible(line)
        assert [r for r in rules if r.matches(line, 5.0)] == [
            r for r in possible if r.matches(line, 5.0)
        ], line
    assert rules[-1] in screen.possible("Home | News")


def test_a_gate_narrowed_to_a_text_drops_needs_the_text_lacks() -> None:
    rules = [Rule("credit", "regex", r".*\(Photo by [^()]+\)"), Rule("share", "regex", "Share.*")]
    gate = Gate(rules)
    caption = "Crowds gather (Photo by Jane Doe)"
    assert gate.admits(caption) and gate.admits("Share this")
    narrowed = gate.within("Body line one.\nShare this")  # no "(" anywhere in the text
    assert not narrowed.admits("Body line one.")
    assert narrowed.admits("Share this")
    assert gate.within(f"Body.\n{caption}") is gate  # every need is there: nothing to drop
    # Needs are looked for in the normalised lines, so a need with a space is found
    # even where the raw text had a run of spaces or a no-break space.
    spaced = Gate([Rule("rights", "regex", r".*all rights reserved", ignore_case=True)])
    assert spaced.within("x\n© Site. ALL RIGHTS RESERVED").admits("© Site. ALL RIGHTS RESERVED")


def _patterns() -> st.SearchStrategy[str]:
    """Small patterns of the syntax the reading follows, nested, to fuzz its soundness."""
    atoms = st.sampled_from(
        [
            *("a", "b", "A", "ab", "s", "k", "i", r"\(", r"\.", "/", " ", r"\d", r"\w", r"\s"),
            *(".", "[ab]", "[^a]", "[a-c]", r"[\d/]", r"\p{Lu}", r"\b", "^", "$", r"\x41", "é"),
        ]
    )

    def extend(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        quantified = st.tuples(inner, st.sampled_from(["?", "*", "+", "{0,2}", "{1,2}", "*+"]))
        return st.one_of(
            st.lists(inner, min_size=1, max_size=3).map("".join),
            st.lists(inner, min_size=2, max_size=3).map("|".join).map(lambda s: f"(?:{s})"),
            quantified.map(lambda pair: f"(?:{pair[0]}){pair[1]}"),
            inner.map(lambda s: f"(?i:{s})"),
            inner.map(lambda s: f"(?-i:{s})"),
            inner.map(lambda s: f"(?={s})"),
            inner.map(lambda s: f"(?<!{s})"),
            inner.map(lambda s: f"({s})"),
        )

    return st.recursive(atoms, extend, max_leaves=6)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(_patterns(), min_size=1, max_size=3).map("|".join),
    st.booleans(),
    st.text(alphabet="abAB(/ .1éſKİ", min_size=1, max_size=8),
)
def test_never_turns_away_a_match_of_a_generated_pattern(
    pattern: str, folded: bool, line: str
) -> None:
    try:
        rule = Rule("generated", "regex", pattern, ignore_case=folded)
    except ValueError:  # e.g. a lookbehind of variable width
        return
    if rule.matches(line, timeout=5.0):
        gate = Gate([rule])
        assert gate.admits(line), (pattern, line)
        assert gate.within(line).admits(line), (pattern, line)


def test_every_piece_that_must_match_brings_its_needs() -> None:
    (branch,) = branches(r".*\((?i:photo|image)s?: [^()]+\)") or ()
    assert branch.needs == {Literal(": ", False)}  # the longest that `in` can find
    assert set(branch.also) == {
        frozenset({Literal("(", False)}),
        frozenset({Literal("photo", True), Literal("image", True)}),
        frozenset({Literal(")", False)}),
    }
    # An optional piece brings none; a group of alternatives brings the union of theirs.
    (optional,) = branches(r"ab(?:cd)?(?:ef|gh)") or ()
    assert optional.needs == {Literal("ab", False)}
    assert optional.also == (frozenset({Literal("ef", False), Literal("gh", False)}),)
    assert Gate([Rule("r", "regex", r"ab(?:cd)?(?:ef|gh)")]).admits("abgh")


def test_a_line_with_a_parenthesis_is_no_caption_without_its_other_needs() -> None:
    gate = Gate([Rule("credit", "regex", r".*\((?i:photo|image): [^()]+\)")])
    assert not gate.admits("The bill (passed on Friday) goes to the Senate.")
    assert not gate.admits("Ratio (photo: none")
    assert gate.admits("Crowds gather (Photo: Jane Doe)")
