"""Building blocks of the screen's patterns: character classes and alternatives.

The screen (:mod:`.screen`, :mod:`.screen_cjk`) builds its regular expressions from
the codecs themselves, as classes of the characters a codec writes for some bytes
and alternatives led by such a class.
"""

from __future__ import annotations

import re

__all__ = [
    "UTF8_CONTINUATIONS",
    "UTF8_LEADS",
    "Alternative",
    "as_pattern",
    "char_class",
    "led_by_one_class",
]

#: The bytes that begin a UTF-8 sequence of two bytes or more, and its continuation bytes.
UTF8_LEADS = range(0xC2, 0xF5)
UTF8_CONTINUATIONS = range(0x80, 0xC0)

#: One way a piece of evidence can look: the class of its first character (as the
#: inside of ``[...]``) and a pattern for what follows it.
Alternative = tuple[str, str]


def char_class(chars: set[str] | frozenset[str]) -> str:
    """The characters as the inside of a regex class ``[...]``, each escaped."""
    return "".join(re.escape(char) for char in sorted(chars))


def as_pattern(alternatives: list[Alternative]) -> str:
    """The alternatives as one pattern, each led by its own class."""
    return "|".join(f"[{first}]{rest}" for first, rest in alternatives)


def led_by_one_class(alternatives: list[Alternative]) -> str:
    """The alternatives as one pattern led by the union of their first classes.

    Python's regex engine skips to a pattern's leading class in C, but tries each
    branch of an alternation at every character: ~190 against ~5 ns a character
    on mixed-script text.  Each branch checks its own class by looking back.
    """
    union = "".join(first for first, _ in alternatives)
    branches = "|".join(f"(?<=[{first}]){rest}" for first, rest in alternatives)
    return f"[{union}](?:{branches})"
