"""The rule-file format: round trips, clear errors, combining rule sets, regex timeouts."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.boilerplate import (
    PatternTimeoutError,
    Rule,
    RuleFileError,
    RuleSet,
    boilerplate_edits,
    default_rules,
    load_rules,
    loads,
)

SEED_004 = Path(__file__).resolve().parents[1] / "fixtures" / "seeds" / "004_d6f095ef9352d70a.txt"


def test_public_names() -> None:
    assert cleantext.RuleSet is RuleSet
    assert cleantext.load_rules is load_rules
    assert callable(cleantext.learn_boilerplate)


def test_default_rules_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "rules.toml"
    default_rules().dump(path)
    assert load_rules(path) == default_rules()


def test_default_rules_are_cached() -> None:
    assert default_rules() is default_rules()


_TOML_SAFE = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(
    name=_TOML_SAFE.filter(str.strip),
    pattern=_TOML_SAFE.filter(str.strip),
    description=st.text(st.characters(exclude_categories=["Cs"]), max_size=40),
    position=st.sampled_from(["any", "first", "last", "head", "tail"]),
    within=st.integers(1, 50),
    max_length=st.one_of(st.none(), st.integers(1, 10_000)),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
)
def test_any_exact_rule_round_trips(
    name: str,
    pattern: str,
    description: str,
    position: str,
    within: int,
    max_length: int | None,
    flags: tuple[bool, bool, bool, bool],
) -> None:
    standalone, trailer, ignore_case, enabled = flags
    rule = Rule(
        name=name,
        kind="exact",
        pattern=pattern,
        description=description,
        position=position,  # type: ignore[arg-type]
        within=within,
        standalone=standalone,
        trailer=trailer,
        ignore_case=ignore_case,
        enabled=enabled,
        max_length=max_length,
    )
    rules = RuleSet((rule,), timeout=0.5)
    assert loads(rules.dumps()) == rules


def test_regex_patterns_stay_readable() -> None:
    text = RuleSet((Rule("r", "regex", r"\d+ (?:a|b)\.", description="it's"),)).dumps()
    assert r"pattern = '\d+ (?:a|b)\.'" in text
    assert 'description = "it\'s"' in text


def test_surrogates_cannot_be_written() -> None:
    with pytest.raises(cleantext.boilerplate.RuleError, match="surrogate"):
        RuleSet((Rule("r", "exact", "a\udc80"),)).dumps()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[rule]\n", "not valid TOML"),
        ("version = 2\n", "version 2"),
        ("colour = 'red'\n", "unknown top-level keys"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\n", "missing keys \\['pattern'\\]"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'y'\nwhere = 'last'\n", "unknown keys"),
        ("[[rule]]\nname = 'x'\nkind = 'glob'\npattern = 'y'\n", "kind must be one of"),
        ("[[rule]]\nname = 'x'\nkind = 'regex'\npattern = '(unclosed'\n", "'x': invalid pattern"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'y'\nposition = 'top'\n", "position"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'y'\ntrailer = 'yes'\n", "trailer"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'y'\nwithin = 0\n", "within"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'y'\nmax_length = -1\n", "max_length"),
        ("[[rule]]\nname = ''\nkind = 'exact'\npattern = 'y'\n", "non-empty name"),
        ("[[rule]]\nname = 'x'\nkind = 'exact'\npattern = '  '\n", "pattern must be"),
        (
            "[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'y'\n"
            "[[rule]]\nname = 'x'\nkind = 'exact'\npattern = 'z'\n",
            "duplicate",
        ),
        ("timeout = 'slow'\n", "timeout"),
        ("timeout = 0\n", "timeout"),
        ("rule = 3\n", "\\[\\[rule\\]\\] tables"),
    ],
)
def test_bad_rule_files_give_clear_errors(text: str, message: str) -> None:
    with pytest.raises(RuleFileError, match=message):
        loads(text, source="user.toml")


def test_missing_file_is_a_rule_file_error(tmp_path: Path) -> None:
    with pytest.raises(RuleFileError, match="cannot read rule file"):
        load_rules(tmp_path / "absent.toml")


def test_user_rules_extend_and_switch_off_defaults(tmp_path: Path) -> None:
    user = tmp_path / "site.toml"
    user.write_text(
        "[[rule]]\n"
        "name = 'lone site signature'\n"
        "kind = 'regex'\n"
        "pattern = 'unused'\n"
        "enabled = false\n"
        "\n"
        "[[rule]]\n"
        "name = 'newsroom promo'\n"
        "kind = 'exact'\n"
        "pattern = 'Listen to Radio Dalsan live'\n"
        "ignore_case = true\n",
        encoding="utf-8",
    )
    combined = default_rules() + load_rules(user)
    assert combined.names[: len(default_rules())] == default_rules().names
    assert combined.names[-1] == "newsroom promo"
    assert not combined["lone site signature"].enabled

    seed = SEED_004.read_text(encoding="utf-8")
    text = seed.replace("radiodalsan", "LISTEN to Radio Dalsan live\n\nradiodalsan")
    models = {edit.model for edit in boilerplate_edits(text, combined)}
    assert models == {"boilerplate: newsroom promo"}
    assert {e.model for e in boilerplate_edits(text)} == {"boilerplate: lone site signature"}


def test_without_switches_off_by_name() -> None:
    rules = default_rules().without("lone site signature")
    seed = SEED_004.read_text(encoding="utf-8")
    assert boilerplate_edits(seed, rules) == []
    with pytest.raises(KeyError):
        default_rules().without("no such rule")


def test_catastrophic_pattern_times_out_with_the_rule_name() -> None:
    rules = RuleSet((Rule("greedy user rule", "regex", "(a|aa)+c"),), timeout=0.05)
    started = time.perf_counter()
    with pytest.raises(PatternTimeoutError, match="greedy user rule") as caught:
        # The line holds the "c" every match needs, so the screen lets the rule run.
        boilerplate_edits("Headline\n\n" + "a" * 60 + "c!\n", rules)
    assert time.perf_counter() - started < 5
    assert caught.value.rule == "greedy user rule"
    assert isinstance(caught.value, ValueError)


def test_timeout_is_read_from_the_file() -> None:
    rules = loads("timeout = 0.05\n[[rule]]\nname = 'n'\nkind = 'regex'\npattern = '(a|aa)+c'\n")
    assert rules.timeout == 0.05
    with pytest.raises(PatternTimeoutError):
        boilerplate_edits("a" * 60 + "c!", rules)


def test_a_rule_is_not_run_where_it_cannot_match() -> None:
    # Every match of (a|aa)+c holds a "c": the screen proves this line cannot match,
    # so the catastrophic pattern never runs on it and there is nothing to time out.
    rules = RuleSet((Rule("greedy user rule", "regex", "(a|aa)+c"),), timeout=0.05)
    assert boilerplate_edits("Headline\n\n" + "a" * 60 + "\n", rules) == []


def test_max_length_skips_longer_lines() -> None:
    rule = Rule("short share", "regex", "share.*", ignore_case=True, max_length=10)
    rules = RuleSet((rule,))
    assert [e.model for e in boilerplate_edits("Body.\n\nShare this\n", rules)] == [
        "boilerplate: short share"
    ]
    assert boilerplate_edits("Body.\n\nShare this article now\n", rules) == []


@pytest.mark.parametrize(
    ("pattern", "line"),
    [
        (r"(\w+) \1", "bye bye"),  # a backreference by number
        (r"(\w+) \g<1>", "bye bye"),
        (r"(x)?y(?(1)z|w)", "xyz"),  # a conditional on a group number
        (r"(b)(?1)", "bb"),  # recursion into a group
    ],
)
def test_patterns_that_cannot_be_combined_still_match(pattern: str, line: str) -> None:
    # Earlier rules with groups of their own would shift group numbers in a combined
    # pattern, so such patterns are screened on their own, with the same verdicts.
    rules = RuleSet(
        (
            Rule("grouped", "regex", r"(a)(b)?c"),
            Rule("tricky", "regex", pattern),
        )
    )
    text = f"Body text.\n\n{line}\n\nMore body text."
    assert [e.model for e in boilerplate_edits(text, rules)] == ["boilerplate: tricky"]


def test_the_documented_example_file_works() -> None:
    doc = (Path(__file__).resolve().parents[1] / "docs" / "boilerplate.md").read_text("utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    rules = default_rules() + loads(example, source="docs example")
    text = (
        "Headline\n\nBody text of the story, officials said.\n\n"
        "LISTEN TO RADIO DALSAN LIVE\n\nMore body text.\n\n"
        "Radio Dalsan 2025 | Mogadishu\n\nradiodalsan"
    )
    models = [edit.model for edit in boilerplate_edits(text, rules)]
    assert models == ["boilerplate: newsroom promo", "boilerplate: dalsan footer"]


def test_rule_sets_pickle_for_worker_processes() -> None:
    import pickle

    rules = default_rules() + RuleSet((Rule("promo", "exact", "Listen live", ignore_case=True),))
    copied = pickle.loads(pickle.dumps(rules))
    assert copied == rules and copied.names == rules.names
    text = SEED_004.read_text(encoding="utf-8") + "\n\nLISTEN LIVE"
    assert boilerplate_edits(text, copied) == boilerplate_edits(text, rules)
