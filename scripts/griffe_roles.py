"""Griffe extension: show Sphinx cross-reference roles in docstrings as inline code.

The docstrings use reST roles such as ``:func:`diagnose``` and
``:class:`~cleantext.Config```; Markdown would print them literally, so the API
reference turns each into `` `diagnose` `` / `` `Config` ``.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|data|attr|mod|exc|obj|const):`~?([^`]+)`")


def _short(match: re.Match[str]) -> str:
    target = match[1]
    if match[0].split("`", 1)[1].startswith("~"):
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


class SphinxRoles(griffe.Extension):
    """Rewrite roles in every docstring griffe loads."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_short, obj.docstring.value)
