"""UTF-8 read as ASCII with ``errors="replace"``: every byte of a character became U+FFFD.

``you’re`` became ``you���re`` (``bytes.decode("ascii", "replace")``, or Big5 and
EUC-KR reading English punctuation, whose bytes they pair with nothing).  No byte
survives, so only the context can say what a run was: an English contraction, a
quotation opening before a word, a dash between two words, a letter the word's
lexicon fixes (``Z��rich``).  A run the context does not decide stays one U+FFFD.

Only lines made of ASCII and U+FFFD are looked at: a line holding any other
character was not read as ASCII, and the multi-byte family reads such runs with
the codec its other characters show.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import ASCII_REPLACED_MODEL

__all__ = ["find"]

#: The shortest run a lost character leaves: a two-byte character.
_RUN = "\ufffd\ufffd"


def find(text: str) -> list[Repair]:
    """Verified repairs of the runs of U+FFFD in the lines of ``text`` that hold
    nothing but ASCII and U+FFFD."""
    spans = list(_ascii_lines_with_runs(text))
    return find_repairs(text, ASCII_REPLACED_MODEL, spans) if spans else []


def _ascii_lines_with_runs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the lines holding a run of two U+FFFD and otherwise only ASCII, and
    no U+FFFD alone.

    A character read as ASCII leaves a U+FFFD for each of its two to four bytes; a
    lone one stands for a whole character, lost another way (ftfy writes one for
    each ``â\ufffd\ufffd`` of Latin-1 whose C1 bytes were replaced), and so may
    the runs beside it: ``Markov™。`` had become ``Markov��``, and then ``Marková``.
    """
    position = text.find(_RUN)
    while position >= 0:
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        if end < 0:
            end = len(text)
        line = text[start:end]
        if line.replace("\ufffd", "").isascii() and _LONE.search(line) is None:
            yield start, end
        position = text.find(_RUN, end)


_LONE = re.compile("(?<!\ufffd)\ufffd(?!\ufffd)")
