"""Typography and Unicode normalisation: an ordered table of small, explainable steps.

Each step is a function ``text -> list[Edit]`` guarded by a predicate on
:class:`~cleantext.config.Config`.  :data:`STEPS` run after repair and before
boilerplate removal; :data:`FINISH_STEPS` tidy what boilerplate removal leaves.
The order matters: line breaks are unified before anything splits lines, junk
characters go before NFC (so marks compose with their letters), and entities
are decoded before the spaces and quotes they may produce are normalised.
See ``docs/normalise.md`` for every step with an example.
"""

from __future__ import annotations

from cleantext.normalise.base import Step
from cleantext.normalise.controls import controls
from cleantext.normalise.dashes import ascii_dashes, ellipsis
from cleantext.normalise.entities import html_entities
from cleantext.normalise.lines import blank_lines, line_endings, trailing_whitespace
from cleantext.normalise.quotes import consistent_quotes, straighten_quotes
from cleantext.normalise.spaces import spaces
from cleantext.normalise.unicode_form import nfc, nfkc
from cleantext.normalise.zero_width import soft_hyphens, zero_width

__all__ = ["FINISH_STEPS", "STEPS", "Step", "step_names"]

STEPS: tuple[Step, ...] = (
    Step("line_endings", lambda c: c.line_endings, line_endings),
    Step("controls", lambda c: c.controls, controls),
    Step("html_entities", lambda c: c.html_entities, html_entities),
    Step("zero_width", lambda c: c.zero_width, zero_width),
    Step("soft_hyphens", lambda c: c.soft_hyphens, soft_hyphens),
    Step("nfc", lambda c: c.unicode_form == "NFC", nfc),
    Step("nfkc", lambda c: c.unicode_form == "NFKC", nfkc),
    Step("spaces", lambda c: c.spaces, spaces),
    Step("quotes.straighten", lambda c: c.quotes == "straighten", straighten_quotes),
    Step("quotes.consistent", lambda c: c.quotes == "consistent", consistent_quotes),
    Step("dashes", lambda c: c.dashes == "ascii", ascii_dashes),
    Step("ellipsis", lambda c: c.ellipsis, ellipsis),
)
"""Normalisation before boilerplate removal, in order."""

FINISH_STEPS: tuple[Step, ...] = (
    Step("trailing_whitespace", lambda c: c.trailing_whitespace, trailing_whitespace),
    Step("blank_lines", lambda c: c.blank_lines, blank_lines),
)
"""Whitespace tidying after boilerplate removal, in order."""


def step_names() -> tuple[str, ...]:
    """Every step name as it appears in a plan (``normalise.<name>``), in order."""
    return tuple(f"normalise.{step.name}" for step in (*STEPS, *FINISH_STEPS))
