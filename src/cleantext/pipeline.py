"""``clean``: repair, normalise and de-boilerplate a text in one explained pass.

Order: the repair engine first (mojibake evidence such as C1 controls and
half-width katakana must still be there), then the normalisation steps, then
boilerplate removal (rules see tidy lines), then trailing whitespace and blank
lines (removal leaves gaps).  Every change of every stage lands in one
:class:`~cleantext.plan.Plan`, and ``apply_plan(text, plan)`` replays it exactly.
"""

from __future__ import annotations

import os
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from cleantext.boilerplate import RuleSet, boilerplate_edits, default_rules, load_rules
from cleantext.config import DEFAULT_PROFILE, Config
from cleantext.plan import Change, Edit, Plan, apply_edits
from cleantext.repair import fix_encoding_and_explain
from cleantext.repair.engine import changed_lines, fix_lines_and_explain

if TYPE_CHECKING:
    from cleantext.normalise import Step

__all__ = ["MAX_PASSES", "clean", "clean_and_explain", "fix_text"]


@lru_cache(maxsize=8)
def _load_rules_cached(path: str, mtime_ns: int, size: int) -> RuleSet:
    """The default rules extended by a rule file, parsed once per version of the file."""
    del mtime_ns, size  # part of the cache key only: a changed file is read again
    return default_rules() + load_rules(path)


def _rules(source: str | os.PathLike[str] | RuleSet | None) -> RuleSet | None:
    """The rules for ``Config.boilerplate_rules``.

    A path *extends* the bundled rules (a same-named rule replaces a default one,
    ``enabled = false`` switches it off), as a site file is meant to; a
    :class:`RuleSet` is used as it is, so ``RuleSet()`` means no rules at all.
    """
    if source is None or isinstance(source, RuleSet):
        return source
    path = os.fspath(source)
    try:
        status = os.stat(path)
    except OSError:
        return default_rules() + load_rules(path)  # load_rules raises RuleFileError
    return _load_rules_cached(path, status.st_mtime_ns, status.st_size)


MAX_PASSES = 3
"""Most passes ``clean`` makes looking for a fixed point (see :func:`clean_and_explain`)."""


class _Stages:
    """The text through the stages after repair, their changes, and the lines they touched."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.changes: list[Change] = []
        self.lines: set[int] | None = set()  # None: a line break was added or removed

    def apply(self, step: str, edits: list[Edit]) -> None:
        self.text, made = apply_edits(self.text, step, edits)
        if made:
            self.changes.extend(made)
            self.lines = changed_lines(self.lines, self.text, made)

    def run(self, steps: tuple[Step, ...], config: Config) -> None:
        for step in steps:
            if step.enabled(config):
                self.apply(f"normalise.{step.name}", step.find(self.text))


def clean_and_explain(
    text: str, profile: str | Config = DEFAULT_PROFILE, **overrides: Any
) -> tuple[str, Plan]:
    """Clean ``text`` and return it with the plan of every change.

    ``profile`` is a name from :data:`cleantext.PROFILES` (``"safe"``,
    ``"ascii-punctuation"``, ``"nfkc"``) or a :class:`~cleantext.Config`;
    keyword arguments switch single options, e.g. ``quotes="straighten"``.
    Raises ``ValueError`` for an unknown profile or option and ``TypeError``
    for anything but ``str``.

    ``clean`` is idempotent.  Normalisation, boilerplate removal and tidying
    are idempotent on their own output, but they can expose mojibake (a space
    where a no-break space was can complete a pattern), so after a pass that
    changed anything the repair engine looks at the result once more; only if
    it finds something does another pass run, up to :data:`MAX_PASSES`.  When the
    repair changed nothing, it looks only at the lines the other stages changed, as
    the engine's own later passes do (all lines when a line break was added or
    removed).  Clean text costs one pass.
    Changes of a later pass carry the pass number in their step name
    (``normalise.spaces#2``).
    """
    if not isinstance(text, str):
        hint = " (decode bytes with cleantext.fix_bytes)" if isinstance(text, bytes) else ""
        raise TypeError(f"clean expects str, got {type(text).__name__}{hint}")
    config = Config.from_profile(profile, **overrides)
    changes: list[Change] = []
    repaired: list[Change] = []
    if config.repair:
        text, plan = fix_encoding_and_explain(text)
        repaired = list(plan.changes)
    for number in range(1, MAX_PASSES + 1):
        stages = _after_repair(text, config)
        text = stages.text
        made = repaired + stages.changes
        if number > 1:
            made = [replace(change, step=f"{change.step}#{number}") for change in made]
        changes.extend(made)
        if not (made and config.repair) or number == MAX_PASSES:
            break
        # After a repair, the whole text again (the engine may have stopped at its
        # own limit of passes); after the other stages alone, the lines they changed.
        text, plan = fix_lines_and_explain(text, None if repaired else stages.lines)
        if not plan:
            break
        repaired = list(plan.changes)
    return text, Plan(tuple(changes))


def _after_repair(text: str, config: Config) -> _Stages:
    """Normalise, remove boilerplate, tidy: every stage after repair, once."""
    # Imported on first use: eleven small modules that `import cleantext` need not pay for.
    from cleantext.normalise import FINISH_STEPS, STEPS

    stages = _Stages(text)
    stages.run(STEPS, config)
    if config.boilerplate:
        rules = _rules(config.boilerplate_rules)
        stages.apply("boilerplate", boilerplate_edits(stages.text, rules))
    stages.run(FINISH_STEPS, config)
    return stages


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
