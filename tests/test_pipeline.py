"""clean() end to end: stage order, one replayable plan, options, goldens on the seeds."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

import cleantext
from cleantext import PROFILES, Change, Plan, RuleSet, apply_plan, clean, clean_and_explain
from cleantext.normalise import step_names

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
GOLDEN = ROOT / "fixtures" / "expected" / "clean"

MESSY = [
    "Read more\r\nfrom the\u00a0Examiner\u00a0 \r\n\r\n\r\n\r\nAnd\u200b the “end”…",
    "Trump\u2019s \u201cdeal\u201d \u2014 cafe\u0301 \ufb01ne \uff21 x\u00b2 5 \u2212 3 \u00ad",
    "\ufeffBOM\x07 bell \x1b[31mred\x1b[0m &amp; &#8217; 👩\u200d💻 می\u200cخواهم 日本\u3000語",
    "鈥淗IGH STAKES!!!鈥 Trump wrote",
    "",
    "\n\n\n",
]


def letters(text: str) -> str:
    """Letters and digits in order, compared decomposed so NFC composition is no loss."""
    return "".join(char for char in unicodedata.normalize("NFD", text) if char.isalnum())


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("text", MESSY)
def test_plan_replays_to_the_output(text: str, profile: str) -> None:
    cleaned, plan = clean_and_explain(text, profile, html_entities=True)
    assert apply_plan(text, plan) == cleaned
    assert clean(text, profile, html_entities=True) == cleaned
    known = set(step_names()) | {"boilerplate"}
    for change in plan:
        name = change.step.split("#")[0]
        assert name in known or name.startswith("repair"), change.step


SURVIVES_EVERY_PROFILE = [
    "日本語の文章です。\u3000次の段落。\n",
    "\u3000段落の字下げ。\n",
    "می\u200cخواهم بروم.\n",
    "👩\u200d💻 coder and 👨\u200d👩\u200d👧 family\n",
    "5 − 3 = 2, and x − y is negative\n",
    "Он сказал: «Привет».\n",
    "5′ and Hawaiʻi\n",  # not U+2033: NFKC folds it into two primes
]


@pytest.mark.parametrize("profile", sorted(PROFILES))
@pytest.mark.parametrize("text", SURVIVES_EVERY_PROFILE)
def test_must_not_act_through_the_whole_pipeline(text: str, profile: str) -> None:
    """CJK ideographic spaces, emoji ZWJ, Persian ZWNJ, the minus sign, primes stay."""
    cleaned, plan = clean_and_explain(text, profile)
    assert cleaned == text, plan


def test_stages_run_in_order_and_name_their_steps() -> None:
    text = "鈥淗IGH STAKES!!!鈥 Trump\u00a0wrote.\u00a0\n\n\n\nHe left.\n\nRelated Content\n"
    cleaned, plan = clean_and_explain(text)
    assert cleaned == "“HIGH STAKES!!!” Trump wrote.\n\nHe left.\n"
    steps = [change.step for change in plan]
    first = {step: steps.index(step) for step in steps}
    assert steps[0].startswith("repair")
    order = [
        "normalise.spaces",
        "boilerplate",
        "normalise.trailing_whitespace",
        "normalise.blank_lines",
    ]
    assert [first[step] for step in order] == sorted(first[step] for step in order)


def test_repair_runs_before_width_folding() -> None:
    # UTF-8 Japanese read as Shift-JIS is full of half-width katakana; NFKC first
    # would fold them and destroy the byte evidence the repair needs.
    original = "東京で会議が開かれました"
    damaged = original.encode("utf-8").decode("shift_jis")
    assert any(0xFF61 <= ord(char) <= 0xFF9F for char in damaged)
    assert cleantext.fix_encoding(unicodedata.normalize("NFKC", damaged)) != original
    assert clean(damaged, "nfkc") == original


@pytest.mark.parametrize(
    ("profile", "overrides", "expected"),
    [
        ("safe", {}, "“It’s” — fine…"),
        ("ascii-punctuation", {}, '"It\'s" - fine...'),
        ("ascii-punctuation", {"dashes": "keep"}, '"It\'s" — fine...'),
        ("nfkc", {}, "“It’s” — fine..."),
        ("safe", {"quotes": "straighten"}, '"It\'s" — fine…'),
    ],
)
def test_profiles_and_overrides(profile: str, overrides: dict[str, object], expected: str) -> None:
    assert clean("“It’s” — fine…", profile, **overrides) == expected


def test_every_step_can_be_switched_off() -> None:
    text = "a\r\nb\x07 c\u00a0 \n\n\n\nd\u200b"
    off = {
        "repair": False,
        "line_endings": False,
        "controls": False,
        "zero_width": False,
        "soft_hyphens": False,
        "unicode_form": None,
        "spaces": False,
        "boilerplate": False,
        "trailing_whitespace": False,
        "blank_lines": False,
    }
    cleaned, plan = clean_and_explain(text, **off)
    assert cleaned == text
    assert not plan


def test_a_config_object_is_a_profile() -> None:
    config = cleantext.Config.from_profile("ascii-punctuation", ellipsis=False)
    assert clean("a — b…", config) == "a - b…"


def test_boilerplate_rules_from_a_ruleset_and_a_file(tmp_path: Path) -> None:
    text = "Headline\n\n.\n\nBody sentence one is here.\n\nTune in to Radio Example live\n"
    assert clean(text, boilerplate_rules=RuleSet()) == text  # no rules, nothing removed
    assert clean(text, boilerplate=False) == text
    defaults_only = "Headline\n\nBody sentence one is here.\n\nTune in to Radio Example live\n"
    assert clean(text) == defaults_only
    rule_file = tmp_path / "rules.toml"
    rule_file.write_text(
        '[[rule]]\nname = "promo"\nkind = "exact"\npattern = "Tune in to Radio Example live"\n',
        encoding="utf-8",
    )
    # A file extends the bundled rules: the lone "." still goes, and so does the promo.
    assert clean(text, boilerplate_rules=rule_file) == "Headline\n\nBody sentence one is here.\n"
    assert clean(text, boilerplate_rules=str(rule_file)) == clean(text, boilerplate_rules=rule_file)
    # Asked to replace them (the file read into a RuleSet): only the promo goes.
    only_file = cleantext.load_rules(rule_file)
    assert (
        clean(text, boilerplate_rules=only_file) == "Headline\n\n.\n\nBody sentence one is here.\n"
    )
    with pytest.raises(cleantext.boilerplate.RuleFileError, match="cannot read rule file"):
        clean(text, boilerplate_rules=tmp_path / "missing.toml")


@pytest.mark.parametrize("value", [b"bytes", None, 42, ["list"]])
def test_non_text_is_a_clear_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="clean expects str"):
        clean(value)  # type: ignore[arg-type]


def test_ftfy_name_works() -> None:
    import cleantext as ftfy

    assert ftfy.fix_text("Heâ\x80\x99s here") == "He’s here"
    assert ftfy.fix_text is clean


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_clean_matches_golden(seed: Path) -> None:
    golden = GOLDEN / seed.name
    if not golden.exists():
        pytest.fail(f"no golden for {seed.name}: generate fixtures/expected/clean/ (docs)")
    cleaned, plan = clean_and_explain(seed.read_text(encoding="utf-8"))
    assert cleaned == golden.read_text(encoding="utf-8")
    assert apply_plan(seed.read_text(encoding="utf-8"), plan) == cleaned


def stages(text: str, plan: Plan) -> Iterator[tuple[str, str, str, list[Change]]]:
    """Replay ``plan`` one step at a time: (step, text before, text after, its changes)."""
    for group in plan.steps():
        after = apply_plan(text, Plan(tuple(group)))
        yield group[0].step, text, after, group
        text = after


def assert_only_boilerplate_drops_letters(text: str, plan: Plan) -> None:
    """Each step keeps every letter and digit, except boilerplate, which drops whole lines."""
    for step, before, after, group in stages(text, plan):
        if step.split("#")[0] == "boilerplate":
            kept = before
            for change in reversed(group):
                assert change.after == ""
                assert change.start == 0 or before[change.start - 1] == "\n", change
                kept = kept[: change.start] + kept[change.end :]
            assert kept == after
        elif not step.startswith("repair"):
            assert letters(after) == letters(before), step


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_seed_body_survives(seed: Path) -> None:
    """Every letter and digit outside the removed boilerplate lines survives, in order."""
    text = seed.read_text(encoding="utf-8")
    cleaned, plan = clean_and_explain(text)
    assert_only_boilerplate_drops_letters(text, plan)
    assert clean(cleaned) == cleaned


def test_mojibake_a_later_stage_exposes_is_repaired_in_the_next_pass() -> None:
    """A zero-width space inside GBK mojibake hides it from the repair; once the
    normalisation removed it, the next pass repairs that line (and only lines the
    normalisation changed are looked at again)."""
    text = "A clean first line.\n鈥\u200b淗IGH STAKES!!! he wrote.\n鈥\u200b淗IGH"
    cleaned, plan = clean_and_explain(text)
    assert cleaned == "A clean first line.\n“HIGH STAKES!!! he wrote.\n“HIGH"
    assert [change.step for change in plan] == [
        "normalise.zero_width",
        "normalise.zero_width",
        "repair.multibyte#2",
        "repair.multibyte#2",
    ]
    assert apply_plan(text, plan) == cleaned


def test_repair_of_given_lines_leaves_the_others() -> None:
    from cleantext.repair.engine import fix_lines_and_explain

    text = "鈥淗IGH鈥\n鈥淗IGH鈥\n鈥淗IGH鈥"
    fixed, plan = fix_lines_and_explain(text, {1})
    assert fixed == "鈥淗IGH鈥\n“HIGH”\n鈥淗IGH鈥"
    assert plan and all(text.count("\n", 0, change.start) == 1 for change in plan)
    assert fix_lines_and_explain(text, None)[0] == "“HIGH”\n“HIGH”\n“HIGH”"
    assert fix_lines_and_explain(text, set()) == (text, Plan())
