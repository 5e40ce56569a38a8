"""Applying rules to texts: whole-line edits, tidy gaps, the seeds, and properties on any str."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.recovery import labelled_boilerplate_lines

from cleantext.boilerplate import Rule, RuleSet, boilerplate_edits, default_rules, looks_like_prose
from cleantext.boilerplate.screen import screen_for
from cleantext.plan import apply_edits

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"


def _clean(text: str, rules: RuleSet | None = None) -> str:
    return apply_edits(text, "boilerplate", boilerplate_edits(text, rules))[0]


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def test_seed_000_loses_the_stray_dot_and_the_trailer() -> None:
    seed = _seed("000")
    cleaned = _clean(seed)
    assert cleaned.startswith(
        "Trump and Putin start ‘high-stakes’ in-person meeting to end Russia-Ukraine war\n\n"
        "ANCHORAGE, Alaska — President"
    )
    assert cleaned.endswith("subsequent trilateral meeting with Zelensky.”\n")
    assert "Read more from" not in cleaned and "Related Content" not in cleaned
    models = [edit.model for edit in boilerplate_edits(seed)]
    assert models == ["boilerplate: lone punctuation", "boilerplate: read-more lead-in"]


def test_seed_002_loses_the_photo_caption_only() -> None:
    seed = _seed("002")
    cleaned = _clean(seed)
    assert "(FILES)" not in cleaned and "(Photo by" not in cleaned
    assert cleaned.startswith(
        "Trump, Putin Meet In Alaska For High-Stakes Talks On Ukraine\n\nUS President"
    )
    for subheading in ("Historic and Strategic Venue", "Criticism and Caution"):
        assert f"\n\n{subheading}\n\n" in cleaned
    assert len(cleaned.split("\n\n")) == len(seed.split("\n\n")) - 1


def test_seed_004_loses_the_signature() -> None:
    seed = _seed("004")
    cleaned = _clean(seed)
    assert seed.endswith("toward compromise.\n\nradiodalsan")
    assert cleaned == seed.removesuffix("\n\nradiodalsan") + "\n"


def test_seeds_001_and_003_have_no_boilerplate() -> None:
    for prefix in ("001", "003"):
        assert boilerplate_edits(_seed(prefix)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One gap stays where the removed line stood between paragraphs.
        ("Head\n\n.\n\nBody text.", "Head\n\nBody text."),
        ("Head.\n.\n\nBody text.", "Head.\n\nBody text."),
        # A full stop wrapped onto a line of its own is not a stray mark.
        ("He said it was over\n.\n\nBody text.", "He said it was over\n.\n\nBody text."),
        ("Head\n\nAdvertisement\nBody text.", "Head\n\nBody text."),
        # At the top or the bottom, the blank lines go with it.
        ("Advertisement\n\n\nHead\n\nBody text.\n", "Head\n\nBody text.\n"),
        ("Body text.\n\nShare\n\n", "Body text.\n"),
        ("Body text.\r\n\r\nShare\r\n", "Body text.\r\n"),
        # Two rules in a row, separated by blanks: one edit each, one gap kept.
        ("Head\n\nShare\n\nAdvertisement\n\nBody text.", "Head\n\nBody text."),
        # Nothing to remove: text returned untouched.
        ("Head\n\n\n\nBody text.", "Head\n\n\n\nBody text."),
        ("", ""),
        ("\n\n", "\n\n"),
    ],
)
def test_gaps_are_tidied(text: str, expected: str) -> None:
    assert _clean(text) == expected


def test_trailer_never_takes_text_in_scripts_without_spaces() -> None:
    body = "特朗普和普京周五在阿拉斯加举行会晤，双方讨论了乌克兰问题和可能的停火安排。\n"
    text = "Related Content\n" + body
    assert _clean(text) == body


def test_trailer_takes_the_link_list_but_never_prose() -> None:
    links = "Related Stories\n\nPutin invites Trump to Moscow\n\nWhat the summit means for Kyiv?\n"
    body = "The talks lasted less than three hours.\n\n"
    assert _clean(body + links) == body.rstrip("\n") + "\n"
    prose = "The Kremlin said the two leaders had agreed to keep talking over the coming weeks.\n"
    cleaned = _clean(body + links + "\n" + prose)
    assert "Related Stories" not in cleaned
    assert "Putin invites Trump to Moscow" in cleaned and prose in cleaned


@pytest.mark.parametrize(
    ("line", "prose"),
    [
        ("The Kremlin said the two leaders had agreed to keep talking.", True),
        ("“We will be here tomorrow, too, and the day after,” she said.", True),
        ("Trump says Alaska talks were ‘a 10’ despite no deal", False),
        ("No Immediate Breakthrough", False),
        ("What the summit means for Kyiv?", False),
        # A long question could be body text, so a trailer stops before it.
        ("Is this the end of the war in Ukraine?", True),
        (" ".join(["word"] * 30), True),
        ("特朗普和普京周五在阿拉斯加举行会晤，双方讨论了乌克兰问题和可能的停火安排。", True),
        ("特朗普与普京会晤", False),
    ],
)
def test_looks_like_prose(line: str, prose: bool) -> None:
    assert looks_like_prose(line) is prose


def test_rejects_wrong_types() -> None:
    with pytest.raises(TypeError, match="expects str"):
        boilerplate_edits(b"Share")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="load_rules"):
        boilerplate_edits("Share", "rules.toml")  # type: ignore[arg-type]


_POOL = [
    line
    for rule_lines in (
        [".", "Related Content", "Share", "Advertisement", "radiodalsan", "ENDS", "Tweet"],
        ["Read more from the Examiner on the summit:", "Photo: Getty Images", "(AP Photo/X)"],
        ["No Immediate Breakthrough", "“We will see,” he said.", "Trump met Putin on Friday."],
        ["Historic and Strategic Venue", "Share prices rose 3% on Friday.", "deal", "* * *"],
    )
    for line in rule_lines
]
_LINES = st.one_of(st.sampled_from(_POOL), st.text(max_size=30))
_TEXTS = st.one_of(
    st.text(),
    st.builds(
        lambda lines, sep, end: sep.join(lines) + end,
        st.lists(_LINES, max_size=12),
        st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]),
        st.sampled_from(["", "\n"]),
    ),
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_only_whole_lines_are_removed(text: str) -> None:
    edits = boilerplate_edits(text)
    for edit in edits:
        assert edit.after == ""
        assert edit.start == 0 or text[edit.start - 1] == "\n"
        assert edit.end == len(text) or text[edit.end - 1] == "\n"
        assert edit.start < edit.end
        assert edit.model.startswith("boilerplate: ")
    cleaned, changes = apply_edits(text, "boilerplate", edits)  # raises on overlap
    assert len(changes) == len(edits)
    # Every line that was not removed survives, in order.
    removed = {i for e in edits for i in range(e.start, e.end)}
    kept = "".join(ch for i, ch in enumerate(text) if i not in removed)
    assert cleaned == kept


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_removal_is_idempotent(text: str) -> None:
    once = _clean(text)
    assert boilerplate_edits(once) == []


@pytest.mark.parametrize(
    "text",
    [
        "Body text.\nShare\n.",  # the mark stands alone once the share line is gone
        "Body text.\n\nradiodalsan\n\nShare",  # the signature is last once the share goes
    ],
)
def test_lines_exposed_by_a_removal_are_judged_again(text: str) -> None:
    assert _clean(text).rstrip("\n") == "Body text."


def test_default_rules_never_touch_blank_only_texts() -> None:
    assert boilerplate_edits("   \n\t\n", default_rules()) == []


_LABELLED_LINES = labelled_boilerplate_lines()


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(_LABELLED_LINES + _POOL), st.text(max_size=80)))
def test_the_screen_never_hides_a_match(line: str) -> None:
    line = " ".join(line.split())
    rules = default_rules().active()
    if any(rule.matches(line) for rule in rules):
        assert screen_for(rules).may_match(line, timeout=1.0)


_POSITIONAL = RuleSet(
    (
        Rule("nav", "exact", "Home | News | Sport", position="first"),
        Rule("dateline", "regex", r"Updated \d+ \w+", position="first"),
        Rule("footer", "exact", "Meridian News Ltd", position="last"),
        Rule("byline", "regex", r"By [A-Z][a-z]+ [A-Z][a-z]+", position="head", within=3),
        Rule("tagline", "exact", "Independent since 1990", position="tail", within=2),
    )
)


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        # Peeled from the top, one rule after another, blank lines skipped.
        ("Home | News | Sport\n\nUpdated 15 August\n\nHeadline\n\nBody.", ["nav", "dateline"]),
        # Not first once a kept line stands above it.
        ("Headline\n\nHome | News | Sport\n\nBody.", []),
        ("Headline\n\nBody.\n\nMeridian News Ltd", ["footer"]),
        ("Headline\n\nMeridian News Ltd\n\nBody.", []),
        # head/tail: within the first / last N non-blank lines, wherever the rest is.
        ("Headline\n\nBy Jane Smith\n\nBody one.\n\nBody two.", ["byline"]),
        ("Headline\n\nOne.\n\nTwo.\n\nBy Jane Smith\n\nBody.", []),
        ("Body one.\n\nIndependent since 1990\n\nBody two.", ["tagline"]),
        ("Independent since 1990\n\nBody one.\n\nBody two.", []),
        # A positional rule never empties a one-line text.
        ("Meridian News Ltd", []),
    ],
)
def test_positions(text: str, removed: list[str]) -> None:
    models = [
        edit.model.removeprefix("boilerplate: ") for edit in boilerplate_edits(text, _POSITIONAL)
    ]
    assert models == removed


_TRICKY_PATTERNS = [
    r"(a)(b)?c",
    r"(\w+) \1",
    r"(x)?y(?(1)z|w)",
    r"(b)(?1)",
    r"(?i)share",
    r"(?P<w>\w+)-(?P=w)",
    r"[^\W\d]+ \d+",
    r"(?:ab|a)+",
    r"\p{Lu}\p{Ll}+",
]


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(_TRICKY_PATTERNS), min_size=1, max_size=5, unique=True),
    st.one_of(
        st.sampled_from(["bye bye", "yw", "xyz", "bb", "SHARE", "ab-ab", "abc", "Alaska", "ac"]),
        st.text(alphabet="abcxyzw SHAREbye-1", max_size=12),
    ),
)
def test_the_screen_never_hides_a_user_rule_match(patterns: list[str], line: str) -> None:
    rules = tuple(Rule(f"r{n}", "regex", p) for n, p in enumerate(patterns))
    line = " ".join(line.split())
    if line and any(rule.matches(line) for rule in rules):
        assert screen_for(rules).may_match(line, timeout=1.0)
