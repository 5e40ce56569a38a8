"""The diff that tells which characters a change wrote (``cleantext.repair.diff``)."""

from __future__ import annotations

import difflib
import itertools

from hypothesis import given
from hypothesis import strategies as st

from cleantext.repair.diff import matching_blocks, written_spans


def _difflib_spans(before: str, after: str) -> list[tuple[int, int]]:
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    return [(j1, j2) for tag, _, _, j1, j2 in matcher.get_opcodes() if tag != "equal" and j1 < j2]


def test_mojibake_between_ascii_words_is_written_where_it_was_decoded() -> None:
    before = "caf\u00c3\u00a9 au lait, cr\u00c3\u00a8me \u00e2\u20ac\u201c fin"
    after = "caf\u00e9 au lait, cr\u00e8me \u2013 fin"
    assert [after[start:end] for start, end in written_spans(before, after)] == [
        "\u00e9",
        "\u00e8",
        "\u2013",
    ]


def test_a_character_kept_inside_a_piece_is_not_written() -> None:
    # the ü between the two sequences shares the piece with them, and stays
    before, after = "x\u00c3\u00a9\u00fc\u00c3\u00a9x", "x\u00e9\u00fc\u00e9x"
    assert written_spans(before, after) == [(1, 2), (3, 4)]


def test_changed_ascii_falls_back_to_one_alignment_of_the_whole() -> None:
    before, after = "\u00c3 la carte", "\u00e0la carte"  # ftfy's lost no-break space
    assert written_spans(before, after) == _difflib_spans(before, after)


def test_matching_blocks_name_what_was_kept() -> None:
    before, after = "a\u00c3\u00a9b\ufffdc", "a\u00e9b\ufffdc"
    assert matching_blocks(before, after) == [(0, 0, 1), (3, 2, 3)]


_TEXT = st.text(st.sampled_from("ab \u00c3\u00a9\u00e9\u00e2\u20ac\u201c\ufffd\u4e2d"), max_size=30)


@given(_TEXT, _TEXT)
def test_the_kept_and_the_written_pieces_make_up_the_text_after(before: str, after: str) -> None:
    blocks = matching_blocks(before, after)
    for first, out_first, size in blocks:
        assert size > 0
        assert before[first : first + size] == after[out_first : out_first + size]
    for (first, out_first, size), (later, out_later, _) in itertools.pairwise(blocks):
        assert first + size <= later and out_first + size <= out_later
    kept = {out_first + step for _, out_first, size in blocks for step in range(size)}
    written = {index for start, end in written_spans(before, after) for index in range(start, end)}
    assert kept.isdisjoint(written)
    assert kept | written == set(range(len(after)))


#: ASCII and letters beyond Latin-1, none of which is also a byte of the mojibake
_LETTERS = st.one_of(
    st.characters(max_codepoint=0x7F), st.characters(min_codepoint=0x100, max_codepoint=0x24F)
)


@given(st.text(_LETTERS, max_size=40))
def test_utf8_read_as_latin1_is_written_exactly_where_its_characters_were(text: str) -> None:
    damaged = text.encode("utf-8").decode("latin-1")
    spans = written_spans(damaged, text)
    assert [index for start, end in spans for index in range(start, end)] == [
        index for index, char in enumerate(text) if not char.isascii()
    ]
