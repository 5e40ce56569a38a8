"""Change records and replayable plans: the one format every cleaning step returns.

A step turns an input text into an output text through a list of non-overlapping
:class:`Edit` s. :func:`apply_edits` applies them and records each as a
:class:`Change` holding its span in the step's input *and* its span in the step's
output, so a plan can be shown to a person, serialised, and replayed with
:func:`apply_plan` (which checks every ``before`` text, so a plan never silently
applies to the wrong text).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Change", "Edit", "Plan", "PlanMismatchError", "apply_edits", "apply_plan"]


class PlanMismatchError(ValueError):
    """Raised when a plan is replayed on a text it was not made for."""


@dataclass(frozen=True, slots=True)
class Edit:
    """A proposed replacement of ``text[start:end]`` by ``after``, before it is applied."""

    start: int
    end: int
    after: str
    model: str
    confidence: float = 1.0
    note: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """One applied change.

    ``start``/``end`` index the text the step received; ``out_start``/``out_end``
    index the text the step produced.  ``model`` names the damage or rule (e.g.
    ``"utf-8 read as gbk, bytes dropped"``), ``note`` says why in words, and
    ``confidence`` is in ``[0, 1]``.
    """

    step: str
    model: str
    start: int
    end: int
    before: str
    after: str
    out_start: int
    confidence: float = 1.0
    note: str = ""

    @property
    def out_end(self) -> int:
        return self.out_start + len(self.after)

    def describe(self) -> str:
        """One human-readable line."""
        reason = f" ({self.note})" if self.note else ""
        return (
            f"[{self.step}] {self.start}-{self.end}: {self.before!r} -> {self.after!r}: "
            f"{self.model}, confidence {self.confidence:.2f}{reason}"
        )


@dataclass(frozen=True)
class Plan:
    """An ordered, replayable record of every change a call made.

    Consecutive changes with the same ``step`` were made against the same input.
    Empty plans are falsy, so ``if plan:`` asks "did anything change?".
    """

    changes: tuple[Change, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Change]:
        return iter(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __add__(self, other: Plan) -> Plan:
        return Plan(self.changes + other.changes)

    def __str__(self) -> str:
        if not self.changes:
            return "no changes"
        return "\n".join(change.describe() for change in self.changes)

    def steps(self) -> list[list[Change]]:
        """The changes, one list a step, in the order the steps ran: replaying them
        one list at a time (``apply_plan(text, Plan(tuple(step)))``) gives the text
        after each step, and each step's spans index the text the step before left."""
        return list(_groups(self.changes))

    def counts(self) -> dict[str, int]:
        """How many changes each model made, e.g. for a corpus report."""
        totals: dict[str, int] = {}
        for change in self.changes:
            totals[change.model] = totals.get(change.model, 0) + 1
        return totals

    def to_json(self) -> str:
        return json.dumps([asdict(change) for change in self.changes], ensure_ascii=False)

    @classmethod
    def from_json(cls, data: str) -> Plan:
        records: list[dict[str, Any]] = json.loads(data)
        return cls(tuple(Change(**record) for record in records))


def apply_edits(text: str, step: str, edits: Iterable[Edit]) -> tuple[str, list[Change]]:
    """Apply non-overlapping edits to ``text``; return the new text and the changes.

    Edits that change nothing are dropped.  Overlapping edits are a programming
    error in the calling step and raise ``ValueError``.
    """
    pieces: list[str] = []
    changes: list[Change] = []
    position = 0
    out_position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < position or edit.end < edit.start or edit.end > len(text):
            raise ValueError(f"overlapping or out-of-range edit in step {step!r}: {edit}")
        before = text[edit.start : edit.end]
        if before == edit.after:
            continue
        kept = text[position : edit.start]
        pieces.append(kept)
        out_position += len(kept)
        changes.append(
            Change(
                step=step,
                model=edit.model,
                start=edit.start,
                end=edit.end,
                before=before,
                after=edit.after,
                out_start=out_position,
                confidence=edit.confidence,
                note=edit.note,
            )
        )
        pieces.append(edit.after)
        out_position += len(edit.after)
        position = edit.end
    if not changes:
        return text, []
    pieces.append(text[position:])
    return "".join(pieces), changes


def _groups(changes: Sequence[Change]) -> Iterator[list[Change]]:
    group: list[Change] = []
    for change in changes:
        if group and (change.step != group[-1].step or change.start < group[-1].end):
            yield group
            group = []
        group.append(change)
    if group:
        yield group


def apply_plan(text: str, plan: Plan) -> str:
    """Replay ``plan`` on ``text`` and return the result.

    Raises :class:`PlanMismatchError` if the text does not hold what the plan
    expects to replace.
    """
    for group in _groups(plan.changes):
        for change in group:
            if text[change.start : change.end] != change.before:
                raise PlanMismatchError(
                    f"plan expects {change.before!r} at {change.start}-{change.end}, "
                    f"text has {text[change.start : change.end]!r}"
                )
        edits = [Edit(c.start, c.end, c.after, c.model, c.confidence, c.note) for c in group]
        text, _ = apply_edits(text, group[0].step, edits)
    return text
