"""Griffe extension: make the docstrings of cleantext read well in the API reference.

* Sphinx cross-reference roles such as ``:func:`diagnose``` and
  ``:class:`~cleantext.Config``` become inline code (Markdown would print the
  role literally).
* Attributes documented with ``#:`` comments above them (the Sphinx autodoc
  convention the code uses, e.g. every field of :class:`cleantext.Config`) get
  that comment as their docstring, which griffe does not read on its own.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|attr|mod|exc|obj|const):`(~?)([^`]+)`")


def _code(match: re.Match[str]) -> str:
    target = match[2].rsplit(".", 1)[-1] if match[1] else match[2]
    return f"`{target}`"


def _comment_above(attribute: griffe.Attribute) -> str | None:
    """The ``#:`` comment lines right above an attribute's first line, if any."""
    path = attribute.filepath
    if attribute.lineno is None or not isinstance(path, Path) or not path.is_file():
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    comment: list[str] = []
    index = attribute.lineno - 2
    while index >= 0 and lines[index].strip().startswith("#:"):
        comment.insert(0, lines[index].strip()[2:].strip())
        index -= 1
    return " ".join(comment) or None


class SphinxRoles(griffe.Extension):
    """Rewrite roles in every docstring; read ``#:`` attribute comments."""

    def on_attribute_instance(self, *, attr: griffe.Attribute, **kwargs: Any) -> None:
        if attr.docstring is None:
            comment = _comment_above(attr)
            if comment is not None:
                text = _ROLE.sub(_code, comment)
                attr.docstring = griffe.Docstring(text, lineno=attr.lineno, parent=attr)

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_code, obj.docstring.value)
