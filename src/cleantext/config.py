"""The options of :func:`cleantext.clean`: one frozen, typed record and its named presets.

Every cleaning step has exactly one field here, so a profile is a complete,
printable description of what ``clean`` will do, and a single step can be
switched with ``Config.from_profile("safe", quotes="straighten")`` or
:func:`dataclasses.replace`.  Values are checked when the record is built, so a
typo fails at once with the list of valid names instead of deep in a corpus run.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, Literal, get_args

from cleantext.boilerplate.rules import RuleSet

__all__ = [
    "DEFAULT_PROFILE",
    "PROFILES",
    "Config",
    "DashMode",
    "QuoteMode",
    "UnicodeForm",
]

QuoteMode = Literal["keep", "straighten", "consistent"]
DashMode = Literal["keep", "ascii"]
UnicodeForm = Literal["NFC", "NFKC"]

_CHOICES: dict[str, tuple[object, ...]] = {
    "quotes": get_args(QuoteMode),
    "dashes": get_args(DashMode),
    "unicode_form": (*get_args(UnicodeForm), None),
}


@dataclass(frozen=True)
class Config:
    """What :func:`cleantext.clean` does, one field per step, in pipeline order.

    The defaults are the ``safe`` profile: only changes that never alter meaning.
    """

    #: Repair mojibake first (:func:`cleantext.fix_encoding_and_explain`); runs
    #: before any width folding, which would destroy Shift-JIS evidence.
    repair: bool = True
    #: CRLF, CR, NEL, VT, FF, U+2028 and U+2029 become LF.
    line_endings: bool = True
    #: Remove C0/C1 control characters and ANSI terminal escapes (tab and LF stay).
    controls: bool = True
    #: Decode HTML entities (``&amp;``, ``&#8217;``) in plain text, one level deep.
    html_entities: bool = False
    #: Remove ZWSP, BOM and word joiners; ZWJ/ZWNJ only where they join nothing.
    zero_width: bool = True
    #: Remove soft hyphens (U+00AD), invisible break hints left by typesetting.
    soft_hyphens: bool = True
    #: ``"NFC"`` (canonical composition), ``"NFKC"`` (also folds ligatures,
    #: fullwidth Latin, superscripts) or ``None`` (leave the form alone).
    unicode_form: UnicodeForm | None = "NFC"
    #: No-break and typographic spaces become a plain space (U+3000 stays in CJK text).
    spaces: bool = True
    #: Curly quotes: ``"keep"``, ``"straighten"`` to ASCII, or make ``"consistent"``
    #: with the style most of the text already uses.
    quotes: QuoteMode = "keep"
    #: ``"ascii"``: hyphens and en dashes become ``-``, em dashes ``-`` when spaced
    #: and ``--`` between words.  The minus sign U+2212 is never touched.
    dashes: DashMode = "keep"
    #: The ellipsis character becomes three full stops.
    ellipsis: bool = False
    #: Remove scraper furniture (captions, share lines, trailers, signatures).
    boilerplate: bool = True
    #: Rules for ``boilerplate``: ``None`` for the bundled rules, a rule-file
    #: path (its rules extend and may override or disable the bundled ones), or
    #: a :class:`~cleantext.boilerplate.RuleSet` used as it is (replacing them).
    boilerplate_rules: str | os.PathLike[str] | RuleSet | None = None
    #: Strip spaces and tabs (and no-break spaces) at the ends of lines.
    trailing_whitespace: bool = True
    #: Collapse runs of empty lines to one, drop leading empty lines and end
    #: the text with at most one newline.
    blank_lines: bool = True

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name in _CHOICES:
                if value not in _CHOICES[item.name]:
                    raise ValueError(
                        f"invalid value {value!r} for option {item.name!r}; "
                        f"valid values: {', '.join(map(repr, _CHOICES[item.name]))}"
                    )
            elif item.name == "boilerplate_rules":
                if not (value is None or isinstance(value, (str, os.PathLike, RuleSet))):
                    raise ValueError(
                        "boilerplate_rules must be None, a rule-file path or a RuleSet, "
                        f"got {type(value).__name__}"
                    )
            elif not isinstance(value, bool):
                raise ValueError(f"option {item.name!r} must be True or False, got {value!r}")

    @classmethod
    def option_names(cls) -> tuple[str, ...]:
        """Every option name, in pipeline order."""
        return tuple(item.name for item in fields(cls))

    @classmethod
    def from_profile(cls, name: str | Config = "safe", **overrides: Any) -> Config:
        """The named profile (or a given ``Config``) with single options overridden.

        Raises ``ValueError`` naming the valid profiles or options on a typo.
        """
        if isinstance(name, Config):
            base = name
        elif isinstance(name, str) and name in PROFILES:
            base = PROFILES[name]
        else:
            raise ValueError(
                f"unknown profile {name!r}; valid profiles: {', '.join(sorted(PROFILES))}"
            )
        unknown = sorted(set(overrides) - set(cls.option_names()))
        if unknown:
            raise ValueError(
                f"unknown option{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                f"valid options: {', '.join(cls.option_names())}"
            )
        return dataclasses.replace(base, **overrides) if overrides else base


DEFAULT_PROFILE = "safe"

PROFILES: Mapping[str, Config] = MappingProxyType(
    {
        # Only changes that never alter meaning.
        "safe": Config(),
        # What ML corpora and search indexes want: ASCII quotes, hyphens and "...".
        "ascii-punctuation": Config(quotes="straighten", dashes="ascii", ellipsis=True),
        # safe, plus compatibility folding: ligatures, fullwidth Latin, superscripts.
        "nfkc": Config(unicode_form="NFKC"),
    }
)
"""The named presets accepted by ``clean(text, profile=...)`` (read-only)."""
