"""Control characters: invisible, never meaningful in prose, and they break tools."""

from __future__ import annotations

import re

from cleantext.normalise.base import char_name
from cleantext.plan import Edit

__all__ = ["controls"]

# ANSI/VT100 control sequences (colour codes pasted from a terminal): ESC [ params
# intermediates final.  Each class is bounded by the next, so matching is linear.
_ANSI = "\x1b\\[[0-?]*[ -/]*[@-~]"
# C0 except TAB, LF and the line breaks (CR, VT, FF) the line-ending step owns;
# DEL; C1 except NEL (also a line break).
_CONTROL = "[\x00-\x08\x0e-\x1f\x7f\x80-\x84\x86-\x9f]"
_PATTERN = re.compile(f"{_ANSI}|{_CONTROL}")


def controls(text: str) -> list[Edit]:
    """Remove C0/C1 control characters and whole ANSI escape sequences.

    Runs after repair: C1 characters are evidence of mojibake until then.
    """
    edits = []
    for match in _PATTERN.finditer(text):
        found = match.group()
        if len(found) > 1:
            edit = Edit(match.start(), match.end(), "", "control", note="ANSI escape sequence")
        else:
            edit = Edit(match.start(), match.end(), "", "control", note=char_name(found))
        edits.append(edit)
    return edits
