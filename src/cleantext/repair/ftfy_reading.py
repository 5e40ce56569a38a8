"""ftfy's reading of one line, which several families ask about before their own.

ftfy (Robyn Speer, https://github.com/rspeer/python-ftfy) is called, never copied.
The cp1252 family, which reads lost bytes before ftfy runs, asks what ftfy would
make of a line: whether it reads two layers there, and whether it reads the whole
line in one codec, with no byte lost (:func:`reads_whole`), which the single-byte
family then hands ftfy whole.  Its answers for the last :data:`_KEPT` short lines are
kept, so that a family asking after another about a text of a few hundred lines
does not ask ftfy again.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["explained", "reads_whole"]


#: Answers kept, for lines of up to :data:`_LONGEST_KEPT` characters: each kept line
#: stays in memory with ftfy's repair of it (here at most about 2 MB in all).
_KEPT = 256
_LONGEST_KEPT = 4096


def explained(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """ftfy's ``fix_encoding`` of ``line`` and the steps it took."""
    return _kept(line) if len(line) <= _LONGEST_KEPT else _asked(line)


def _asked(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    import ftfy

    fixed, steps = ftfy.fix_encoding_and_explain(line)
    return fixed, tuple(steps or ())


_kept = lru_cache(maxsize=_KEPT)(_asked)


def reads_whole(line: str) -> bool:
    """Does ftfy read ``line`` as UTF-8 in one single-byte codec, every byte of it?

    Then every byte is there: ``line`` is that codec's mojibake, whole, and no
    reading of lost bytes applies.  MacRoman's mojibake of Chinese
    (``ÁöÑ programming``, ``的``) writes the marks cp1252 writes (``‰ ∏``) and
    leads before spaces, which deleted C1 bytes leave: the cp1252 family had spent
    most of its time on such a text, and a line split at its spaces for ftfy left
    ``ÁöÑ`` unread.  The bytes must be strict UTF-8: ftfy reads a line with lost
    bytes too, writing U+FFFD for what it cannot.
    """
    fixed, steps = explained(line)
    if len(steps) != 2 or steps[0][0] != "encode" or steps[1] not in _DECODING_UTF8:
        return False
    try:
        return line.encode(steps[0][1]).decode("utf-8") == fixed != line
    except UnicodeError:
        return False


#: ftfy's step that reads the bytes as UTF-8; its variant also reads CESU-8 and
#: Java's null, and is named wherever a sequence begins ``ED`` (Hangul from U+D000).
_DECODING_UTF8 = frozenset({("decode", "utf-8"), ("decode", "utf-8-variants")})
