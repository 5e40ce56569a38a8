"""Learn boilerplate from a corpus: lines that recur at the start or end of many documents.

A site's header and footer repeat across its pages while its body text does
not, so a line found among the first (or last) few non-blank lines of many
documents is furniture.  Lines that differ only in their digits (dates, page
numbers, counts) are grouped, and learned as a pattern with ``\\d+``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from cleantext.boilerplate.rules import Rule, RuleSet, normalise_line

__all__ = ["learn_boilerplate"]

_DIGITS = re.compile(r"\d+")
_MAX_LINE = 300


_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def _escape(text: str) -> str:
    """Escape only what is special in a pattern, so learned rules stay readable."""
    return "".join("\\" + ch if ch in _SPECIAL else ch for ch in text)


def _regex_for(example: str) -> str:
    """A pattern for the lines that read like ``example`` with other numbers."""
    return r"\d+".join(_escape(piece) for piece in _DIGITS.split(example))


def _usable(line: str) -> bool:
    return (
        bool(line) and len(line) <= _MAX_LINE and not any("\ud800" <= c <= "\udfff" for c in line)
    )


def _edges_and_body(document: str, zone: int) -> tuple[list[str], list[str], int]:
    """The first and last ``zone`` non-blank lines, and a fingerprint of the body.

    The fingerprint is the hash of the longest line between the edges (or of
    the longest line, for a short document): copies of one article share it,
    different articles of one site do not, so a line seen in five copies of
    the same story counts once.
    """
    lines = [normalise_line(line) for line in document.split("\n")]
    content = [line for line in lines if line]
    middle = content[zone:-zone] or content
    body = hash(max(middle, key=len)) if middle else 0
    usable = [line for line in content if _usable(line)]
    return usable[:zone], usable[-zone:], body


def learn_boilerplate(
    documents: Iterable[str],
    *,
    min_documents: int = 3,
    min_share: float = 0.2,
    zone: int = 5,
) -> RuleSet:
    """Rules for the lines found near the start or end of many ``documents``.

    A line is learned when it is among the first (or last) ``zone`` non-blank
    lines of at least ``min_documents`` documents *and* of at least
    ``min_share`` of all documents.  Head lines become ``position = "head"``
    rules, tail lines ``position = "tail"`` rules (``within = zone``), so a
    learned line is only ever removed where it was seen.  Lines that vary only
    in digits are learned as one regex rule.  Copies of one article (same
    longest body line) count as one document, so duplicates in a crawl do not
    turn a story's headline into boilerplate.  Documents are read once, so any
    iterable (a generator over files) works.
    """
    if isinstance(documents, str):
        raise TypeError("learn_boilerplate expects an iterable of documents, not one str")
    _check_thresholds(min_documents, min_share, zone)
    seen = _EdgeLines()
    for document in documents:
        if not isinstance(document, str):
            raise TypeError(f"documents must be str, got {type(document).__name__}")
        seen.add(document, zone)
    needed = max(min_documents, min_share * len(seen.bodies))
    return RuleSet((*seen.rules("head", needed, zone), *seen.rules("tail", needed, zone)))


def _check_thresholds(min_documents: int, min_share: float, zone: int) -> None:
    """Raise ``ValueError`` for a threshold no corpus could be learned with."""
    if isinstance(min_documents, bool) or not isinstance(min_documents, int) or min_documents < 2:
        raise ValueError(f"min_documents must be an integer >= 2, got {min_documents!r}")
    if not 0.0 < min_share <= 1.0:
        raise ValueError(f"min_share must be in (0, 1], got {min_share!r}")
    if isinstance(zone, bool) or not isinstance(zone, int) or zone < 1:
        raise ValueError(f"zone must be a positive integer, got {zone!r}")


class _EdgeLines:
    """The lines seen near the start (``head``) and end (``tail``) of the documents
    read so far, each keyed by its spelling with digits masked: in which distinct
    documents (by body fingerprint) and with which spellings."""

    def __init__(self) -> None:
        self.seen_in: dict[str, dict[str, set[int]]] = {"head": {}, "tail": {}}
        self.variants: dict[str, dict[str, set[str]]] = {"head": {}, "tail": {}}
        self.bodies: set[int] = set()

    def add(self, document: str, zone: int) -> None:
        head, tail, body = _edges_and_body(document, zone)
        self.bodies.add(body)
        for where, lines in (("head", head), ("tail", tail)):
            for line in lines:
                key = _DIGITS.sub("\x00", line)
                self.seen_in[where].setdefault(key, set()).add(body)
                self.variants[where].setdefault(key, set()).add(line)

    def rules(self, where: str, needed: float, zone: int) -> list[Rule]:
        """Rules for the lines seen at ``where`` in at least ``needed`` documents,
        the commonest first; a line of fewer than two letters is too little to tell
        furniture by."""
        total = len(self.bodies)
        counts = {key: len(found) for key, found in self.seen_in[where].items()}
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        rules: list[Rule] = []
        for number, (key, seen) in enumerate(
            (item for item in ranked if item[1] >= needed), start=1
        ):
            if sum(ch.isalpha() for ch in key) < 2:
                continue  # bare numbers or punctuation
            spellings = self.variants[where][key]
            exact = len(spellings) == 1
            example = min(spellings)
            rules.append(
                Rule(
                    name=f"learned {where} {number}: {example[:40]}",
                    kind="exact" if exact else "regex",
                    pattern=example if exact else _regex_for(example),
                    position="head" if where == "head" else "tail",
                    within=zone,
                    description=(
                        f"learned: among the {'first' if where == 'head' else 'last'} {zone} "
                        f"lines of {seen} of {total} distinct documents"
                    ),
                )
            )
        return rules
