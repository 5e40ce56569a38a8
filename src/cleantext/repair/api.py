"""The repair engine's public functions and the records :func:`diagnose` returns.

They are kept apart from :mod:`.engine` because the optional compiled build
(``docs/performance.md``) compiles the engine with mypyc, and a compiled function loses
its docstring and speaks of keywords in its own words: what users see through
``help()``, ``inspect`` and error messages stays that of plain Python here.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleantext.plan import Change, Plan
from cleantext.repair.engine import repair_and_explain

__all__ = ["Diagnosis", "Finding", "diagnose", "fix_encoding", "fix_encoding_and_explain"]


@dataclass(frozen=True, slots=True)
class Finding:
    """A damaged span found by :func:`diagnose`: where, which damage model, how sure, the fix.

    ``start``/``end`` index the text given to :func:`diagnose`; ``damaged`` is the
    text there and ``repaired`` what the repair engine would put in its place.
    """

    start: int
    end: int
    model: str
    confidence: float
    damaged: str
    repaired: str
    note: str = ""


@dataclass(frozen=True)
class Diagnosis:
    """Everything :func:`diagnose` found in a text; falsy when the text looks clean."""

    findings: tuple[Finding, ...]

    def __bool__(self) -> bool:
        return bool(self.findings)

    def models(self) -> dict[str, int]:
        """How many damaged spans each damage model explains."""
        totals: dict[str, int] = {}
        for finding in self.findings:
            totals[finding.model] = totals.get(finding.model, 0) + 1
        return totals


def fix_encoding_and_explain(text: str, *, guess_lost: bool = False) -> tuple[str, Plan]:
    """Repair mojibake in ``text``; return the repaired text and the plan of changes.

    Where bytes were lost and the context does not clearly decide which character
    they encoded, the repair keeps U+FFFD there and the plan says so; with
    ``guess_lost=True`` the most likely character is written there instead, in a
    last step of the plan (``repair.guess-lost``), once every repair is made.
    """
    if not isinstance(text, str):
        raise TypeError(f"fix_encoding expects str, not {type(text).__name__}; see fix_bytes")
    return repair_and_explain(text, guess_lost)


def fix_encoding(text: str, *, guess_lost: bool = False) -> str:
    """Repair mojibake in ``text``; text that is not damaged comes back unchanged."""
    return fix_encoding_and_explain(text, guess_lost=guess_lost)[0]


def diagnose(text: str) -> Diagnosis:
    """Say which damage is present, where and how sure, without changing anything.

    Spans of repairs a later family made on an earlier family's output (damage
    nested in damage) are mapped back to the span of the input they came from.
    """
    _, plan = fix_encoding_and_explain(text)
    findings: list[Finding] = []
    earlier: list[list[Change]] = []
    for group in plan.steps():
        for change in group:
            start, end = change.start, change.end
            for previous in reversed(earlier):
                start, end = _to_input(previous, start), _to_input(previous, end, at_end=True)
            findings.append(
                Finding(
                    start,
                    end,
                    change.model,
                    change.confidence,
                    text[start:end],
                    change.after,
                    change.note,
                )
            )
        earlier.append(group)
    findings.sort(key=lambda finding: (finding.start, finding.end))
    return Diagnosis(tuple(findings))


def _to_input(changes: list[Change], position: int, *, at_end: bool = False) -> int:
    """Map a position in a step's output back to its input."""
    shift = 0
    for change in changes:
        if position < change.out_start or (position == change.out_start and not at_end):
            break
        if position <= change.out_end:
            return change.end if at_end else change.start
        shift = change.end - change.out_end
    return position + shift
