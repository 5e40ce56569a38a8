"""HTML entities left in plain text by scrapers (``&amp;``, ``&#8217;``, ``&nbsp;``)."""

from __future__ import annotations

import re
import unicodedata

from cleantext.normalise.base import scan
from cleantext.plan import Edit

__all__ = ["html_entities"]

# Only complete references with their semicolon: "AT&T" and "&copy" in prose stay.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _acceptable(decoded: str) -> bool:
    """Reject what would only trade one problem for another: controls, surrogates, U+FFFD."""
    return (
        all(
            char in "\t\n" or unicodedata.category(char) not in ("Cc", "Cs", "Co", "Cn")
            for char in decoded
        )
        and "\ufffd" not in decoded
    )


def html_entities(text: str) -> list[Edit]:
    """Decode named and numeric character references, one level deep.

    ``&amp;lt;`` becomes ``&lt;``, not ``<``: the text may be about HTML.  So this
    step is not idempotent on doubly escaped text; it is off in every profile.
    Unknown names and references to controls or invalid code points are kept.
    """
    if "&" not in text:
        return []
    import html  # lazily: most texts hold no "&", and import time matters

    def decide(match: re.Match[str]) -> Edit | None:
        found = match.group()
        decoded = html.unescape(found)
        if decoded == found or not decoded or not _acceptable(decoded):
            return None
        return Edit(
            match.start(), match.end(), decoded, "html entity", note=f"{found} -> {decoded!r}"
        )

    return scan(_ENTITY, text, decide)
