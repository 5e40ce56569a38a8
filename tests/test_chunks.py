"""A text cleaned chunk by chunk comes out as if cleaned whole (cleantext.chunks).

Chunks are cut at random line ends of texts built from the seed articles, with
their boilerplate, extra blank lines, CRLF line ends and damaged lines, so a cut
falls next to everything whose treatment depends on the text's edges: leading and
trailing blank lines, runs of blank lines, a site signature as the last line, a lone
``.`` under the headline.
"""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import event, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.chunks import EDGE_LINES, map_chunks

SEEDS = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "seeds").glob("*.txt"))
LINES = [line for path in SEEDS for line in path.read_text(encoding="utf-8").splitlines()]
FUNCTIONS = {"clean": cleantext.clean, "fix_encoding": cleantext.fix_encoding}


@st.composite
def chunked_text(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A text of seed lines and blank lines, and the same text cut at some line ends."""
    pieces = draw(
        st.lists(
            st.sampled_from([*LINES, "", "", "   ", "."]),
            min_size=2 * EDGE_LINES,
            max_size=8 * EDGE_LINES,
        )
    )
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [piece + newline for piece in pieces]
    if draw(st.booleans()):
        lines[-1] = pieces[-1]  # no line break at the very end
    cuts = sorted(draw(st.sets(st.integers(1, max(1, len(lines) - 1)), max_size=20)))
    bounds = [0, *cuts, len(lines)]
    chunks = ["".join(lines[start:end]) for start, end in itertools.pairwise(bounds)]
    return "".join(lines), [chunk for chunk in chunks if chunk]


@settings(max_examples=100, deadline=None)
@given(chunked_text(), st.sampled_from(sorted(FUNCTIONS)))
def test_chunked_output_is_the_whole_output(case: tuple[str, list[str]], name: str) -> None:
    text, chunks = case
    fn = FUNCTIONS[name]
    parts = list(map_chunks(fn, chunks))
    event(f"cut into {min(len(parts), 3)}+ parts" if len(parts) >= 3 else f"{len(parts)} part(s)")
    assert "".join(part for part, _ in parts) == text
    assert "".join(out for _, out in parts) == fn(text)


#: Enough lines of prose for a cut with EDGE_LINES lines of content on each side.
BODY = "".join(f"Sentence {n} of the article, long enough to be prose.\n" for n in range(40))


def _cleaned(chunks: list[str]) -> list[str]:
    parts = list(map_chunks(cleantext.clean, chunks))
    assert len(parts) > 1, "the text was not cut: the test would prove nothing"
    return [out for _, out in parts]


def test_a_signature_at_the_end_goes_only_there() -> None:
    chunks = [BODY, "radiodalsan\n", BODY, BODY, "radiodalsan\n", "\n\n"]
    out = "".join(_cleaned(chunks))
    assert out == BODY + "radiodalsan\n" + BODY + BODY
    assert out == cleantext.clean("".join(chunks))


def test_blank_lines_split_by_a_cut_are_one_run() -> None:
    chunks = [BODY + "Headline\n\n", "\n", ".\n\n", BODY, BODY]
    out = "".join(_cleaned(chunks))
    assert out == BODY + "Headline\n\n" + BODY + BODY == cleantext.clean("".join(chunks))


def test_a_function_that_drops_the_marker_falls_back_to_the_bare_part() -> None:
    def shout(text: str) -> str:
        return text.upper()

    parts = list(map_chunks(shout, [BODY, BODY, BODY]))
    assert len(parts) > 1
    assert [out for _, out in parts] == [part.upper() for part, _ in parts]
