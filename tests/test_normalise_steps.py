"""Table-driven tests of every normalisation step, including where it must not act."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cleantext.normalise import FINISH_STEPS, STEPS
from cleantext.normalise.controls import controls
from cleantext.normalise.dashes import ascii_dashes, ellipsis
from cleantext.normalise.entities import html_entities
from cleantext.normalise.lines import blank_lines, line_endings, trailing_whitespace
from cleantext.normalise.quotes import consistent_quotes, straighten_quotes
from cleantext.normalise.spaces import spaces
from cleantext.normalise.unicode_form import nfc, nfkc
from cleantext.normalise.zero_width import soft_hyphens, zero_width
from cleantext.plan import Edit, apply_edits

StepFunction = Callable[[str], list[Edit]]

ACTS: list[tuple[StepFunction, str, str]] = [
    # line endings
    (line_endings, "a\r\nb", "a\nb"),
    (line_endings, "a\rb\rc", "a\nb\nc"),
    (line_endings, "a\u2028b\u2029c", "a\nb\nc"),
    (line_endings, "a\x85b\x0bc\x0cd", "a\nb\nc\nd"),
    (line_endings, "a\r\r\nb", "a\n\nb"),
    # controls
    (controls, "bell\x07here", "bellhere"),
    (controls, "nul\x00byte\x7f", "nulbyte"),
    (controls, "c1\x80\x9fleft", "c1left"),
    (controls, "\x1b[1;31mred\x1b[0m text", "red text"),
    # HTML entities
    (html_entities, "Tom &amp; Jerry", "Tom & Jerry"),
    (html_entities, "it&#8217;s &#x201C;ok&#x201D;", "it’s “ok”"),
    (html_entities, "a&nbsp;b &lt;tag&gt;", "a\u00a0b <tag>"),
    (html_entities, "&amp;lt; stays one level", "&lt; stays one level"),
    # zero-width
    (zero_width, "zero\u200bwidth", "zerowidth"),
    (zero_width, "\ufeffBOM at start and in\ufeffside", "BOM at start and inside"),
    (zero_width, "word\u2060joiner", "wordjoiner"),
    (zero_width, "ascii\u200djoined", "asciijoined"),
    (zero_width, "\u200cleading and trailing\u200d", "leading and trailing"),
    (zero_width, "👍\u200d done", "👍 done"),
    (zero_width, "ZWNJ\u200c\u200dZWJ and é\u200c\u200dé", "ZWNJZWJ and éé"),
    (soft_hyphens, "co\u00adoper\u00adation", "cooperation"),
    # Unicode forms
    (nfc, "cafe\u0301", "café"),
    (nfc, "A\u030a and \u212b", "Å and Å"),
    (nfc, "Ame\u0301lie et Zoe\u0308", "Amélie et Zoë"),
    (nfkc, "ﬁnal ﬂow", "final flow"),
    (nfkc, "ＡＢＣ１２３", "ABC123"),
    (nfkc, "x² and ½", "x2 and 1⁄2"),
    (nfkc, "ｶﾀｶﾅ", "カタカナ"),
    # spaces
    (spaces, "said.\u00a0", "said. "),
    (spaces, "the\u00a0Washington\u00a0Examiner", "the Washington Examiner"),
    (spaces, "thin\u2009space, \u2003em\u202fnarrow\u205fmaths", "thin space,  em narrow maths"),
    (spaces, "hello\u3000world", "hello world"),
    (spaces, "Latin\u3000\u3000text", "Latin  text"),
    # quotes
    (straighten_quotes, "“Hi,” she said, ‘it’s fine’", "\"Hi,\" she said, 'it's fine'"),
    (straighten_quotes, "„Guten Tag“ ‚ja‘", "\"Guten Tag\" 'ja'"),
    (consistent_quotes, '“One” “two” and "three"', "“One” “two” and “three”"),
    (consistent_quotes, "He’s and it’s “here”, don't", "He’s and it’s “here”, don’t"),
    (consistent_quotes, '("quoted") and “a” “b”', "(“quoted”) and “a” “b”"),
    (consistent_quotes, '"a" "b" and “c”', '"a" "b" and "c"'),
    (consistent_quotes, "it's Sam's, Tom's and ‘me’", "it's Sam's, Tom's and 'me'"),
    (consistent_quotes, "’ ’ ’ back in the '90s", "’ ’ ’ back in the ’90s"),
    # dashes and ellipsis
    (ascii_dashes, "Alaska — President", "Alaska - President"),
    (ascii_dashes, "word—word", "word--word"),
    (ascii_dashes, "pages 10–12, non\u2011breaking", "pages 10-12, non-breaking"),
    (ascii_dashes, "— dialogue", "- dialogue"),
    (ellipsis, "Putin … agreed…", "Putin ... agreed..."),
    # trailing whitespace and blank lines
    (trailing_whitespace, "a  \nb\t\nc", "a\nb\nc"),
    (trailing_whitespace, "end\u00a0\u2009", "end"),
    (trailing_whitespace, "   \n", "\n"),
    (blank_lines, "a\n\n\n\nb", "a\n\nb"),
    (blank_lines, "\n\nstart", "start"),
    (blank_lines, "end\n\n\n", "end\n"),
    (blank_lines, "\n\n\n", ""),
]

# Inputs each step must leave exactly as they are.
KEEPS: list[tuple[StepFunction, str]] = [
    (line_endings, "unix\nlines\n"),
    (controls, "tab\tand newline\nstay"),
    (controls, "plain [31m brackets"),
    (html_entities, "AT&T and R&D; &copy without semicolon"),
    (html_entities, "&bogus; &#0; &#xD800; &#1114112;"),
    (html_entities, "&#7; is a bell"),
    # ZWJ inside emoji sequences, ZWNJ in Persian, ZWJ in Devanagari, Hindi half-forms
    (zero_width, "👩\u200d💻 and 👨\u200d👩\u200d👧 and 🏳\ufe0f\u200d🌈"),
    (zero_width, "👍🏽\u200d"[:-1]),
    (zero_width, "می\u200cخواهم"),
    (zero_width, "क्\u200dष and र्\u200d"[:-1]),
    (zero_width, "\u200e\u200f bidi marks stay"),
    (soft_hyphens, "hyphen-minus and \u2010 hyphen"),
    (nfc, "already composed: café, Ωmega, 日本語"),
    (nfc, "ﬁ ligature and ＡＢＣ stay under NFC"),
    (nfkc, "日本\u3000語"),
    # U+3000 between CJK characters, or as a Japanese paragraph indent
    (spaces, "日本\u3000語"),
    (spaces, "\u3000段落の字下げ"),
    (spaces, "한국어\u3000텍스트"),
    (spaces, "ᠮᠣᠩᠭᠣᠯ\u202fᠤᠨ"),
    (spaces, "Ogham\u1680mark"),
    (straighten_quotes, "feet 5′ 10″, «guillemets», Hawaiʻi and Ukrainian мʼя"),
    (consistent_quotes, "don't stop, it's \"fine\""),
    (consistent_quotes, "He’s “here” and “there”"),
    (consistent_quotes, "He’s “here”, don't (one of each single mark: a tie)"),
    (consistent_quotes, 'one "straight" and “curly”'),
    (consistent_quotes, "„Guten Tag“ stays German"),
    (ascii_dashes, "5 − 3 = 2 and x − y"),
    (ascii_dashes, "−40 °C, f(x) = −x² and rock’n’roll"),  # a minus sign is not a dash
    (nfkc, "x − y = −1 and don’t"),  # NFKC keeps the minus sign and the apostrophe
    (spaces, "日本語の文章です。\u3000次の段落。"),  # after CJK punctuation too
    (spaces, "「引用」\u3000と"),
    (zero_width, "نمی\u200cدانم، و می\u200cخواهم."),  # ZWNJ in two Persian words
    (zero_width, "🧑🏽\u200d🚀 and 🏃\u200d♀\ufe0f"),  # ZWJ with skin tone and gender signs
    # apostrophes inside words: a text of curly marks only has nothing to make consistent
    (consistent_quotes, "it’s l’été, rock ’n’ roll, the ’90s"),
    (straighten_quotes, "plain it's and don't"),
    (ascii_dashes, "well-known hyphen-minus"),
    (ellipsis, "maths ⋯ midline and ... dots"),
    (trailing_whitespace, "inside  spaces stay\nand\u3000"),
    (blank_lines, "one\n\ntwo\n"),
]


def run(step: StepFunction, text: str) -> str:
    return apply_edits(text, "test", step(text))[0]


@pytest.mark.parametrize(("step", "before", "after"), ACTS)
def test_step_acts(step: StepFunction, before: str, after: str) -> None:
    assert run(step, before) == after


@pytest.mark.parametrize(("step", "text"), KEEPS)
def test_step_keeps(step: StepFunction, text: str) -> None:
    assert step(text) == []


@pytest.mark.parametrize(("step", "before", "after"), ACTS)
def test_edits_explain_themselves(step: StepFunction, before: str, after: str) -> None:
    edits = step(before)
    assert edits, "an acting row must produce edits"
    for edit in edits:
        assert edit.model and edit.note
        assert 0 <= edit.start <= edit.end <= len(before)


def test_step_names_unique() -> None:
    names = [step.name for step in (*STEPS, *FINISH_STEPS)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("step", "text"),
    [
        (spaces, "a" + "\u00a0" * 5000 + "b"),
        (zero_width, "a" + "\u200d" * 5000),
        (ascii_dashes, "a" + "\u2014" * 5000 + "b"),
        (html_entities, "&amp;" * 5000),
        (controls, "\x07" * 5000),
    ],
    ids=["spaces", "zero_width", "dashes", "entities", "controls"],
)
def test_a_run_of_one_target_is_one_edit(step: StepFunction, text: str) -> None:
    edits = step(text)
    assert len(edits) == 1
    assert "(x5000)" in edits[0].note
