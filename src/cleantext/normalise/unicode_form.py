"""Unicode normalisation forms: NFC (canonical) and NFKC (compatibility folding)."""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from cleantext.plan import Edit

__all__ = ["nfc", "nfkc"]

# Tokens between ASCII tab/LF/space: these never compose with a neighbour and
# every form maps them to themselves, so normalising token by token equals
# normalising the whole text, and each edit stays as small as one word.
_TOKEN = re.compile("[^\t\n ]+")
# NFKC also treats U+3000 as a boundary and leaves it: the spaces step decides
# whether an ideographic space stays (it does in CJK text).
_TOKEN_NFKC = re.compile("[^\t\n \u3000]+")


def _narrow(before: str, after: str) -> tuple[int, int, int]:
    """The shared prefix length and where the shared suffix starts in each, kept off marks."""
    prefix = 0
    limit = min(len(before), len(after))
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    # Step back from a combining mark onto its base, so edits hold whole characters.
    while 0 < prefix < len(before) and unicodedata.combining(before[prefix]):
        prefix -= 1
    suffix = 0
    limit -= prefix
    while suffix < limit and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    while suffix > 0 and unicodedata.combining(before[-suffix]):
        suffix -= 1
    return prefix, len(before) - suffix, len(after) - suffix


def _normalise(text: str, form: Literal["NFC", "NFKC"], token: re.Pattern[str]) -> list[Edit]:
    """Edits per token, looking only inside the lines that are not in ``form``.

    Tokens never span a line break, so skipping lines already in the form
    (usually all but a few) finds the same tokens at a fraction of the cost.
    """
    if text.isascii() or unicodedata.is_normalized(form, text):
        return []
    edits = []
    offset = 0
    for line in text.split("\n"):
        if not (line.isascii() or unicodedata.is_normalized(form, line)):
            edits.extend(_token_edits(line, offset, form, token))
        offset += len(line) + 1
    return edits


def _token_edits(
    line: str, offset: int, form: Literal["NFC", "NFKC"], token: re.Pattern[str]
) -> list[Edit]:
    edits = []
    for match in token.finditer(line):
        word = match.group()
        if word.isascii() or unicodedata.is_normalized(form, word):
            continue
        normal = unicodedata.normalize(form, word)
        prefix, cut_before, cut_after = _narrow(word, normal)
        before, after = word[prefix:cut_before], normal[prefix:cut_after]
        start = offset + match.start()
        edits.append(
            Edit(start + prefix, start + cut_before, after, form, note=f"{before!r} -> {after!r}")
        )
    return edits


def nfc(text: str) -> list[Edit]:
    """Canonical composition: ``e`` + combining acute becomes ``é``; meaning is unchanged."""
    return _normalise(text, "NFC", _TOKEN)


def nfkc(text: str) -> list[Edit]:
    """Compatibility folding: ligatures (``ﬁ``), fullwidth Latin (``Ａ``), superscripts.

    Lossy by design (``x²`` becomes ``x2``), hence only in the ``nfkc`` profile.
    U+3000 is left to the spaces step.
    """
    return _normalise(text, "NFKC", _TOKEN_NFKC)
