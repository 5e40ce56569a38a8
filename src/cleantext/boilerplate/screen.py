"""A one-call screen that tells, for most lines, that no rule of a group can match.

Body lines are the vast majority and match nothing, so instead of trying every
rule on every line, exact rules go in a set and a :class:`~.shape.Gate` derived
from the regex rules (what their matches must begin with or contain) turns most
lines away without running a rule.  A line the gate admits meets the regex rules
that can be safely combined, joined into one alternation (their union).  Only a
line that passes the screen is tried rule by rule.  Patterns whose meaning could
change inside an alternation (backreferences, global inline flags) are not
combined: they are always tried on their own.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from cleantext.boilerplate.rules import Rule, normalise_line
from cleantext.boilerplate.shape import Gate, branches

if TYPE_CHECKING:
    import regex

__all__ = ["Screen", "screen_for"]

# What could change meaning inside an alternation: backreferences, conditionals
# and recursion (group numbers shift), and global inline flags such as (?i) or (?V1).
_UNSAFE = re.compile(r"\\[1-9]|\\g<|\\k<|\(\?P=|\(\?P>|\(\?\(|\(\?[+-]?\d|\(\?&|\(\?[a-zA-Z^-]+\)")


@dataclass(frozen=True)
class _Bucket:
    """The rules that apply to lines up to some length, screened together."""

    exact: frozenset[str]
    exact_folded: frozenset[str]
    combined: regex.Pattern[str] | None
    alone: tuple[Rule, ...]  # regex rules tried one by one

    def may_match(self, line: str, timeout: float) -> bool:
        if line in self.exact or (self.exact_folded and line.casefold() in self.exact_folded):
            return True
        if any(rule.matches(line, timeout) for rule in self.alone):
            return True
        if self.combined is None:
            return False
        try:
            return self.combined.fullmatch(line, timeout=timeout) is not None
        except TimeoutError:
            return True  # let the rules run one by one, so the slow one is named


def _combinable(rule: Rule) -> bool:
    """Whether the rule's pattern keeps its meaning inside an alternation.

    A pattern :func:`~.shape.branches` reads has no backreference, conditional,
    recursion or global flag; others are checked for those by :data:`_UNSAFE`.
    """
    return branches(rule.pattern, rule.ignore_case) is not None or not _UNSAFE.search(rule.pattern)


def _bucket(rules: list[Rule]) -> _Bucket:
    import regex

    exact = frozenset(normalise_line(r.pattern) for r in rules if r.kind == "exact")
    folded = frozenset(
        normalise_line(r.pattern).casefold() for r in rules if r.kind == "exact" and r.ignore_case
    )
    combinable = [r for r in rules if r.kind == "regex" and _combinable(r)]
    alone = tuple(r for r in rules if r.kind == "regex" and not _combinable(r))
    combined = None
    if combinable:
        parts = [f"(?i:{r.pattern})" if r.ignore_case else f"(?:{r.pattern})" for r in combinable]
        try:
            combined = regex.compile("|".join(parts))
        except regex.error:  # some odd pattern does not combine: try every rule alone
            alone = alone + tuple(combinable)
    return _Bucket(exact, folded, combined, alone)


class Screen:
    """What a group of rules can match, answered in (usually) one regex call.

    Rules with a ``max_length`` drop out for longer lines, so a body paragraph
    is only screened against the few rules that could describe it.  Each
    length tier's combined pattern is compiled the first time a line needs it.
    """

    __slots__ = ("_buckets", "_exact", "_folded", "_gate", "_gates", "limits", "rules")

    def __init__(self, rules: tuple[Rule, ...]) -> None:
        self.rules = rules
        self.limits = tuple(sorted({r.max_length for r in rules if r.max_length is not None}))
        self._buckets: list[_Bucket | None] = [None] * (len(self.limits) + 1)
        exact = [r for r in rules if r.kind == "exact"]  # of every tier: a superset
        self._exact = frozenset(normalise_line(r.pattern) for r in exact)
        self._folded = frozenset(
            normalise_line(r.pattern).casefold() for r in exact if r.ignore_case
        )
        self._gate: Gate | None = None  # one gate for every tier: it admits a superset
        self._gates: tuple[tuple[Rule, Gate | None], ...] | None = None  # per regex rule

    def _bucket(self, tier: int) -> _Bucket:
        bucket = self._buckets[tier]
        if bucket is None:
            if tier < len(self.limits):
                limit = self.limits[tier]
                rules = [r for r in self.rules if r.max_length is None or r.max_length >= limit]
            else:
                rules = [r for r in self.rules if r.max_length is None]
            bucket = self._buckets[tier] = _bucket(rules)
        return bucket

    @property
    def gate(self) -> Gate:
        """The gate of the group's regex rules (built on first use)."""
        if self._gate is None:
            self._gate = Gate(self.rules)
        return self._gate

    def may_match(self, line: str, timeout: float, gate: Gate | None = None) -> bool:
        """False only if no rule of the group can match ``line``.

        ``gate`` is this screen's gate narrowed to the text the line is from
        (:meth:`Gate.within`), if the caller has one.
        """
        if line in self._exact or (self._folded and line.casefold() in self._folded):
            return True
        if not (self.gate if gate is None else gate).admits(line):
            return False
        return self._bucket(bisect_left(self.limits, len(line))).may_match(line, timeout)

    def suspects(self, lines: Sequence[str], text: str, gate: Gate | None = None) -> set[int]:
        """The indices of the non-empty ``lines`` for which :meth:`may_match` may be True.

        A superset found for the whole text at once (see :meth:`Gate.suspects`,
        whose arguments these are), so that only these lines are screened one by one.
        """
        found = (self.gate if gate is None else gate).suspects(lines, text)
        if self._exact:
            found.update(index for index, line in enumerate(lines) if line in self._exact)
        if self._folded:
            folded = self._folded
            found.update(index for index, line in enumerate(lines) if line.casefold() in folded)
        return found

    def possible(self, line: str) -> tuple[Rule, ...]:
        """The rules, in order, that each rule's own gate does not rule out for ``line``."""
        if self._gates is None:
            self._gates = tuple(
                (rule, Gate([rule]) if rule.kind == "regex" else None) for rule in self.rules
            )
        return tuple(rule for rule, gate in self._gates if gate is None or gate.admits(line))


@lru_cache(maxsize=64)
def screen_for(rules: tuple[Rule, ...]) -> Screen:
    """The screen for a group of rules (cached: rule sets are immutable)."""
    return Screen(rules)
