"""``clean``: repair, normalise and de-boilerplate a text in one explained pass.

Order: the repair engine first (mojibake evidence such as C1 controls and
half-width katakana must still be there), then the normalisation steps, then
boilerplate removal (rules see tidy lines), then trailing whitespace and blank
lines (removal leaves gaps).  Every change of every stage lands in one
:class:`~cleantext.plan.Plan`, and ``apply_plan(text, plan)`` replays it exactly.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

from cleantext.boilerplate import RuleSet, boilerplate_edits, load_rules
from cleantext.config import DEFAULT_PROFILE, Config
from cleantext.normalise import FINISH_STEPS, STEPS, Step
from cleantext.plan import Change, Plan, apply_edits
from cleantext.repair import fix_encoding_and_explain

__all__ = ["clean", "clean_and_explain", "fix_text"]


@lru_cache(maxsize=8)
def _load_rules_cached(path: str, mtime_ns: int, size: int) -> RuleSet:
    """Parse a rule file once per version of it (the key changes when the file does)."""
    del mtime_ns, size  # part of the cache key only
    return load_rules(path)


def _rules(source: str | os.PathLike[str] | RuleSet | None) -> RuleSet | None:
    if source is None or isinstance(source, RuleSet):
        return source
    path = os.fspath(source)
    try:
        status = os.stat(path)
    except OSError:
        return load_rules(path)  # raises RuleFileError with the reason
    return _load_rules_cached(path, status.st_mtime_ns, status.st_size)


def _run(steps: tuple[Step, ...], text: str, config: Config, changes: list[Change]) -> str:
    for step in steps:
        if step.enabled(config):
            text, made = apply_edits(text, f"normalise.{step.name}", step.find(text))
            changes.extend(made)
    return text


def clean_and_explain(
    text: str, profile: str | Config = DEFAULT_PROFILE, **overrides: Any
) -> tuple[str, Plan]:
    """Clean ``text`` and return it with the plan of every change.

    ``profile`` is a name from :data:`cleantext.PROFILES` (``"safe"``,
    ``"ascii-punctuation"``, ``"nfkc"``) or a :class:`~cleantext.Config`;
    keyword arguments switch single options, e.g. ``quotes="straighten"``.
    Raises ``ValueError`` for an unknown profile or option and ``TypeError``
    for anything but ``str``.
    """
    if not isinstance(text, str):
        hint = " (decode bytes with cleantext.fix_bytes)" if isinstance(text, bytes) else ""
        raise TypeError(f"clean expects str, got {type(text).__name__}{hint}")
    config = Config.from_profile(profile, **overrides)
    changes: list[Change] = []
    if config.repair:
        text, repaired = fix_encoding_and_explain(text)
        changes.extend(repaired.changes)
    text = _run(STEPS, text, config, changes)
    if config.boilerplate:
        edits = boilerplate_edits(text, _rules(config.boilerplate_rules))
        text, made = apply_edits(text, "boilerplate", edits)
        changes.extend(made)
    text = _run(FINISH_STEPS, text, config, changes)
    return text, Plan(tuple(changes))


def clean(text: str, profile: str | Config = DEFAULT_PROFILE, **overrides: Any) -> str:
    """Repair mojibake, normalise typography and Unicode, and remove boilerplate.

    ``clean(text)`` uses the ``safe`` profile: only changes that never alter
    meaning.  See :func:`clean_and_explain` for the options and the plan.
    """
    return clean_and_explain(text, profile, **overrides)[0]


fix_text = clean
"""ftfy-compatible name, so ``import cleantext as ftfy; ftfy.fix_text(s)`` keeps working.

The defaults differ from ftfy's: quotes stay curly (ftfy straightens them;
pass ``quotes="straighten"``), ligatures and fullwidth Latin are kept (use
``profile="nfkc"``), and boilerplate lines are removed (pass
``boilerplate=False``).  ftfy's keyword options are not accepted.
"""
