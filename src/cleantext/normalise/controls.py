"""Control characters: invisible, never meaningful in prose, and they break tools."""

from __future__ import annotations

import re

from cleantext.normalise.base import char_name, contains_any
from cleantext.plan import Edit

__all__ = ["controls"]

# ANSI/VT100 control sequences (colour codes pasted from a terminal): ESC [ params
# intermediates final.  Each class is bounded by the next, so matching is linear.
_ANSI = "\x1b\\[[0-?]*[ -/]*[@-~]"
# C0 except TAB, LF and the line breaks (CR, VT, FF) the line-ending step owns;
# DEL; C1 except NEL (also a line break).
_C0 = "".join(map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F]))
_C1 = "".join(map(chr, [*range(0x80, 0x85), *range(0x86, 0xA0)]))
_PATTERN = re.compile(f"{_ANSI}|[{_C0}{_C1}]")


def controls(text: str) -> list[Edit]:
    """Remove C0/C1 control characters and whole ANSI escape sequences.

    Runs after repair: C1 characters are evidence of mojibake until then.
    """
    if not contains_any(text, _C0 if text.isascii() else _C0 + _C1):
        return []
    edits = []
    for match in _PATTERN.finditer(text):
        found = match.group()
        if len(found) > 1:
            edit = Edit(match.start(), match.end(), "", "control", note="ANSI escape sequence")
        else:
            edit = Edit(match.start(), match.end(), "", "control", note=char_name(found))
        edits.append(edit)
    return edits
