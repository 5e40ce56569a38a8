"""Boilerplate rules as plain data: what a line must look like, and where, to be furniture.

A :class:`Rule` is only ever matched, never executed.  Regular-expression rules
run with the ``regex`` module's ``timeout``, so a catastrophic user pattern
raises :class:`PatternTimeoutError` naming the rule instead of hanging a corpus
run.  ``regex`` is imported lazily to keep ``import cleantext`` fast.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, get_args

if TYPE_CHECKING:
    from pathlib import Path

    import regex

__all__ = [
    "DEFAULT_TIMEOUT",
    "Kind",
    "PatternTimeoutError",
    "Position",
    "Rule",
    "RuleError",
    "RuleSet",
]

Kind = Literal["exact", "regex"]
Position = Literal["any", "first", "last", "head", "tail"]
KINDS: tuple[str, ...] = get_args(Kind)
POSITIONS: tuple[str, ...] = get_args(Position)

DEFAULT_TIMEOUT = 0.25
"""Seconds one regex rule may spend on one line before :class:`PatternTimeoutError`."""


class RuleError(ValueError):
    """A rule or rule file is invalid; the message names the rule and the problem."""


class PatternTimeoutError(RuleError):
    """A rule's pattern took longer than the rule set's timeout on one line."""

    def __init__(self, rule: str, line: str, timeout: float) -> None:
        self.rule = rule
        self.line = line
        self.timeout = timeout
        shown = line if len(line) <= 60 else line[:57] + "..."
        super().__init__(
            f"boilerplate rule {rule!r}: pattern timed out after {timeout:g} s on line {shown!r}; "
            "the pattern probably backtracks catastrophically (e.g. nested repeats like (a+)+)"
        )


def normalise_line(line: str) -> str:
    """The form rules compare against: outer whitespace stripped, inner runs collapsed."""
    return " ".join(line.split())


@lru_cache(maxsize=512)
def _compile(pattern: str, ignore_case: bool) -> regex.Pattern[str]:
    import regex

    return regex.compile(pattern, regex.IGNORECASE if ignore_case else 0)


@dataclass(frozen=True, slots=True)
class Rule:
    """One boilerplate rule.

    ``kind`` is ``"exact"`` (the whole line equals ``pattern``, whitespace
    collapsed) or ``"regex"`` (``pattern`` matches the whole line).
    ``position`` limits where the line may stand: ``"any"``; ``"first"`` /
    ``"last"`` (the first / last non-blank line once boilerplate above / below
    it is gone); ``"head"`` / ``"tail"`` (among the first / last ``within``
    non-blank lines).  ``standalone`` requires the line not to continue a
    wrapped sentence (the line before is blank, absent, or ends a sentence).
    ``trailer`` also removes every line after it, if those lines hold no prose.
    ``enabled = False`` switches off a rule of the same name when rule sets
    are combined.  ``max_length`` (characters, optional) says longer lines are
    never this rule, which lets a scan skip the rule on body paragraphs.
    """

    name: str
    kind: Kind
    pattern: str
    description: str = ""
    position: Position = "any"
    within: int = 5
    standalone: bool = False
    trailer: bool = False
    ignore_case: bool = False
    enabled: bool = True
    max_length: int | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise RuleError(f"boilerplate rule needs a non-empty name, got {self.name!r}")
        where = f"boilerplate rule {self.name!r}"
        if self.kind not in KINDS:
            raise RuleError(f"{where}: kind must be one of {KINDS}, got {self.kind!r}")
        if self.position not in POSITIONS:
            raise RuleError(f"{where}: position must be one of {POSITIONS}, got {self.position!r}")
        if not isinstance(self.pattern, str) or not self.pattern.strip():
            raise RuleError(f"{where}: pattern must be a non-empty string")
        if not isinstance(self.description, str):
            raise RuleError(f"{where}: description must be a string")
        if isinstance(self.within, bool) or not isinstance(self.within, int) or self.within < 1:
            raise RuleError(f"{where}: within must be a positive integer, got {self.within!r}")
        if self.max_length is not None and (
            isinstance(self.max_length, bool)
            or not isinstance(self.max_length, int)
            or self.max_length < 1
        ):
            raise RuleError(
                f"{where}: max_length must be a positive integer, got {self.max_length!r}"
            )
        for flag in ("standalone", "trailer", "ignore_case", "enabled"):
            if not isinstance(getattr(self, flag), bool):
                raise RuleError(f"{where}: {flag} must be true or false")
        if self.kind == "regex":
            try:
                _compile(self.pattern, self.ignore_case)
            except Exception as exc:  # regex.error, or ValueError/OverflowError on odd input
                raise RuleError(f"{where}: invalid pattern {self.pattern!r}: {exc}") from None

    def matches(self, line: str, timeout: float = DEFAULT_TIMEOUT) -> bool:
        """Whether normalised ``line`` is what this rule describes (position aside)."""
        if self.max_length is not None and len(line) > self.max_length:
            return False
        if self.kind == "exact":
            expected = normalise_line(self.pattern)
            if self.ignore_case:
                return line.casefold() == expected.casefold()
            return line == expected
        try:
            return (
                _compile(self.pattern, self.ignore_case).fullmatch(line, timeout=timeout)
                is not None
            )
        except TimeoutError:
            raise PatternTimeoutError(self.name, line, timeout) from None

    def to_dict(self) -> dict[str, Any]:
        """The rule's fields for a rule file, leaving out those at their default."""
        record: dict[str, Any] = {"name": self.name, "kind": self.kind, "pattern": self.pattern}
        defaults = _DEFAULTS
        for key in (
            "description",
            "position",
            "within",
            "standalone",
            "trailer",
            "ignore_case",
            "enabled",
            "max_length",
        ):
            value = getattr(self, key)
            if value != defaults[key]:
                record[key] = value
        return record


_DEFAULTS: dict[str, Any] = {
    "description": "",
    "position": "any",
    "within": 5,
    "standalone": False,
    "trailer": False,
    "ignore_case": False,
    "enabled": True,
    "max_length": None,
}


@dataclass(frozen=True)
class RuleSet:
    """An ordered collection of rules; the first matching rule names a removal.

    Combine with ``+``: rules of the right-hand set replace same-named rules of
    the left-hand set in place (so a user file can redefine or, with
    ``enabled = false``, switch off a default rule) and new rules are appended.
    """

    rules: tuple[Rule, ...] = ()
    timeout: float = DEFAULT_TIMEOUT
    _by_name: dict[str, Rule] = field(init=False, repr=False, compare=False)
    _memo: dict[str, object] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not (isinstance(self.timeout, (int, float)) and 0 < self.timeout <= 60):
            raise RuleError(f"rule set timeout must be in (0, 60] seconds, got {self.timeout!r}")
        by_name: dict[str, Rule] = {}
        for rule in self.rules:
            if not isinstance(rule, Rule):
                raise RuleError(f"rule sets hold Rule objects, got {type(rule).__name__}")
            if rule.name in by_name:
                raise RuleError(f"duplicate boilerplate rule name {rule.name!r}")
            by_name[rule.name] = rule
        object.__setattr__(self, "_by_name", by_name)
        object.__setattr__(self, "_memo", {})

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __contains__(self, name: object) -> bool:
        return name in self._by_name

    def __getitem__(self, name: str) -> Rule:
        return self._by_name[name]

    def __add__(self, other: RuleSet) -> RuleSet:
        if not isinstance(other, RuleSet):
            return NotImplemented
        replacements = {rule.name: rule for rule in other.rules}
        merged = [replacements.pop(rule.name, rule) for rule in self.rules]
        merged.extend(rule for rule in other.rules if rule.name in replacements)
        return RuleSet(tuple(merged), timeout=max(self.timeout, other.timeout))

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the rules, not the memo (compiled screens are rebuilt where used)."""
        return {key: value for key, value in self.__dict__.items() if key != "_memo"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__dict__["_memo"] = {}

    def memo(self) -> dict[str, object]:
        """A cache for what is derived from this set (its screens): a set never changes,
        and hashing its rules on every call would cost more than using them."""
        return self._memo

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(rule.name for rule in self.rules)

    def active(self) -> tuple[Rule, ...]:
        """The enabled rules, in order."""
        return tuple(rule for rule in self.rules if rule.enabled)

    def without(self, *names: str) -> RuleSet:
        """A copy with the named rules switched off (unknown names raise ``KeyError``)."""
        for name in names:
            if name not in self._by_name:
                raise KeyError(f"no boilerplate rule named {name!r}")
        rules = tuple(replace(r, enabled=False) if r.name in names else r for r in self.rules)
        return RuleSet(rules, timeout=self.timeout)

    def dumps(self) -> str:
        """The rule file text (TOML) that :func:`cleantext.load_rules` reads back."""
        from cleantext.boilerplate.ruleio import dumps

        return dumps(self)

    def dump(self, path: str | Path) -> None:
        """Write the rule file to ``path`` (UTF-8)."""
        from pathlib import Path

        Path(path).write_text(self.dumps(), encoding="utf-8")
