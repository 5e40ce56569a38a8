"""Control characters: invisible, never meaningful in prose, and they break tools."""

from __future__ import annotations

import re

from cleantext.normalise.base import contains_any, run_note, scan
from cleantext.plan import Edit

__all__ = ["controls"]

# ANSI/VT100 control sequences (colour codes pasted from a terminal): ESC [ params
# intermediates final.  Each class is bounded by the next, so matching is linear.
_ANSI = "\x1b\\[[0-?]*[ -/]*[@-~]"
# C0 except TAB, LF and the line breaks (CR, VT, FF) the line-ending step owns;
# DEL; C1 except NEL (also a line break).
_C0 = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
_C1 = "".join(map(chr, [*range(0x80, 0x85), *range(0x86, 0xA0)]))
_C0_NO_ESC = _C0.replace("\x1b", "")
_PATTERN = re.compile(f"{_ANSI}|[{_C0_NO_ESC}{_C1}]+|\x1b")


def controls(text: str) -> list[Edit]:
    """Remove C0/C1 control characters and whole ANSI escape sequences.

    Runs after repair: C1 characters are evidence of mojibake until then.
    """
    if not contains_any(text, _C0 if text.isascii() else _C0 + _C1):
        return []

    def decide(match: re.Match[str]) -> Edit:
        found = match.group()
        note = (
            "ANSI escape sequence" if found[0] == "\x1b" and len(found) > 1 else run_note(found, "")
        )
        return Edit(match.start(), match.end(), "", "control", note=note)

    return scan(_PATTERN, text, decide)
