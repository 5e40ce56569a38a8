"""Fast screening: decide, at regex speed, which damage families could be present.

Clean text is the common case, so the engine first asks cheap questions and runs
no repair family whose fingerprint is absent:

* single-byte mojibake (ftfy's domain) always contains the misreading of a UTF-8
  lead byte followed by the misreading of a continuation byte in one of the
  single-byte codecs ftfy knows, or C1 controls / stray surrogates;
* UTF-8 read as a multi-byte codec W always starts with a character whose W bytes
  are a UTF-8 lead byte and a continuation byte (or, for Shift-JIS, a half-width
  katakana that is a lead byte on its own);
* lossy Latin-1 damage leaves a Latin-1 character that is a UTF-8 lead byte.

Each fingerprint is a character class built once from the codecs themselves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleantext.repair.models import CJK_CODECS

__all__ = ["LOSSY_LATIN_RE", "multibyte_suspects", "single_byte_suspect"]

_LEADS = range(0xC2, 0xF5)
_CONTINUATIONS = range(0x80, 0xC0)

#: A Latin-1 character that is a UTF-8 lead byte, then something that is not a
#: continuation byte (the continuation was deleted or replaced): ``Heâs``, ``Ã?``.
LOSSY_LATIN_RE = re.compile(
    "[\u00c2-\u00f4](?:[^\u0080-\u00bf]|$)|[\u00c2-\u00f4][\u00a0-\u00bf]*\ufffd"
)


def _char_class(chars: set[str]) -> str:
    return "".join(re.escape(char) for char in sorted(chars))


@lru_cache(maxsize=1)
def _single_byte_re() -> re.Pattern[str]:
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    leads: set[str] = set()
    continuations: set[str] = set()
    for codec in CHARMAP_ENCODINGS:
        for byte in _LEADS:
            leads.add(bytes([byte]).decode(codec, "replace"))
        for byte in _CONTINUATIONS:
            continuations.add(bytes([byte]).decode(codec, "replace"))
    leads.discard("\ufffd")
    continuations.discard("\ufffd")
    pattern = (
        f"[{_char_class(leads)}][{_char_class(continuations)}]"
        # a lead whose continuation became a space or vanished at a line end (``voilÃ le``)
        "|[\u00c2-\u00f4](?:[ \u00a0\ufffd]|$)"
        # C1 controls, surrogates, and ftfy's other UTF-8 variants
        "|[\u0080-\u009f\ud800-\udfff]|\u00ed\u00a0"
    )
    return re.compile(pattern, re.MULTILINE)


def single_byte_suspect(text: str) -> bool:
    """Could ``text`` hold mojibake from a single-byte codec (what ftfy repairs)?"""
    return _single_byte_re().search(text) is not None


@lru_cache(maxsize=len(CJK_CODECS))
def _multibyte_start_re(codec: str) -> re.Pattern[str]:
    starts: set[str] = set()
    for lead in _LEADS:
        for continuation in _CONTINUATIONS:
            try:
                decoded = bytes([lead, continuation]).decode(codec)
            except UnicodeDecodeError:
                decoded = bytes([lead]).decode(codec, "ignore")[:1]
            if decoded and not decoded.isascii():
                starts.add(decoded[0])
    return re.compile(f"[{_char_class(starts)}]")


def multibyte_suspects(text: str) -> list[str]:
    """The CJK codecs whose misreading of UTF-8 could have produced part of ``text``."""
    return [codec for codec in CJK_CODECS if _multibyte_start_re(codec).search(text)]
