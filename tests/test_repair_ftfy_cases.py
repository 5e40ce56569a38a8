"""The floor: cleantext.fix_encoding repairs every case ftfy's own test suite expects it to.

The cases are ftfy's (Apache-2.0, Robyn Speer), read from ``../shared/corpora/ftfy-cases``
at test time, never copied.  ``expect: pass`` cases must give
``case.get("fixed-encoding", case["fixed"])``, or that text with a character restored
where ftfy could only leave U+FFFD (cleantext's lexicon restores ``Slovenčina``; nothing
else may differ); ``negative.json`` holds text that only
looks like mojibake and must come back as it was (one case there has a stray C1
control that ftfy's ``fix_encoding`` also replaces: its ``fixed-encoding`` says so).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from tests.recovery import CORPORA

import cleantext

CASES_DIR = CORPORA / "ftfy-cases"
ABSENT = f"ftfy test cases not found at {CASES_DIR} (CI checks out ../shared beside the repo)"


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-zA-Z]+", "-", text).strip("-").lower()[:60]


def expected(case: dict[str, str]) -> str:
    return case.get("fixed-encoding", case["fixed"])


def _cases(*, negative: bool, unchanged_only: bool = False) -> list[Any]:
    """pytest params for every ``expect: pass`` case, one skipped param if the corpus is absent."""
    if not CASES_DIR.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=ABSENT), id="corpus-absent")]
    params = []
    for path in sorted(CASES_DIR.glob("*.json")):
        if (path.name == "negative.json") != negative:
            continue
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            if unchanged_only and expected(case) != case["original"]:
                continue
            if case["expect"] == "pass":
                params.append(pytest.param(case, id=f"{path.stem}-{number}-{_slug(case['label'])}"))
    return params


def same_or_restores_lost(got: str, want: str) -> bool:
    """``got`` is ftfy's expected text, or that text with some of the U+FFFD ftfy had to
    leave restored (``Sloven�ina`` → ``Slovenčina``), and not one other character changed."""
    if got == want:
        return True
    return len(got) == len(want) and all(
        g == w or (w == "\ufffd" and g != "\ufffd") for g, w in zip(got, want, strict=True)
    )


def test_restoring_lost_characters_is_the_only_leeway() -> None:
    assert same_or_restores_lost("Slovenčina", "Sloven\ufffdina")
    assert not same_or_restores_lost("Slovenčinx", "Sloven\ufffdina")
    assert not same_or_restores_lost("Sloven\ufffdina", "Slovenčina")


@pytest.mark.parametrize("case", _cases(negative=False))
def test_repairs_what_ftfy_repairs(case: dict[str, str]) -> None:
    got = cleantext.fix_encoding(case["original"])
    assert same_or_restores_lost(got, expected(case)), case["label"]


@pytest.mark.parametrize("case", _cases(negative=False))
def test_diagnose_finds_the_damage_it_repairs(case: dict[str, str]) -> None:
    damaged = case["original"] != expected(case)
    assert bool(cleantext.diagnose(case["original"])) == damaged, case["label"]


@pytest.mark.parametrize("case", _cases(negative=True))
def test_negative_cases_unchanged(case: dict[str, str]) -> None:
    # Every negative case expects its original, except one whose C1 control ftfy fixes.
    assert cleantext.fix_encoding(case["original"]) == expected(case), case["label"]


@pytest.mark.parametrize("case", _cases(negative=True, unchanged_only=True))
def test_negative_cases_diagnosed_clean(case: dict[str, str]) -> None:
    assert not cleantext.diagnose(case["original"]), case["label"]


def test_negative_cases_are_the_original_apart_from_c1() -> None:
    """Guards the reading of negative.json above: only a C1 control may change there."""
    if not CASES_DIR.is_dir():
        pytest.skip(ABSENT)
    cases = json.loads((CASES_DIR / "negative.json").read_text(encoding="utf-8"))
    changed = [case for case in cases if expected(case) != case["original"]]
    assert all(re.search("[\x80-\x9f]", case["original"]) for case in changed)
    assert len(changed) <= 1
