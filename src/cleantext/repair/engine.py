"""Runs the repair families over a text and applies the verified, most plausible repairs."""

from __future__ import annotations

from dataclasses import dataclass

from cleantext.plan import Change, Plan


@dataclass(frozen=True, slots=True)
class Finding:
    """A damaged span found by :func:`diagnose`: where, which damage model, how sure, the fix."""

    start: int
    end: int
    model: str
    confidence: float
    repaired: str
    note: str = ""


@dataclass(frozen=True)
class Diagnosis:
    """Everything :func:`diagnose` found in a text; falsy when the text looks clean."""

    findings: tuple[Finding, ...]

    def __bool__(self) -> bool:
        return bool(self.findings)


def fix_encoding_and_explain(text: str) -> tuple[str, Plan]:
    """Repair mojibake in ``text``; return the repaired text and the plan of changes."""
    import ftfy

    fixed = ftfy.fix_encoding(text)
    if fixed == text:
        return text, Plan()
    change = Change("repair", "ftfy", 0, len(text), text, fixed, 0)
    return fixed, Plan((change,))


def fix_encoding(text: str) -> str:
    """Repair mojibake in ``text`` (placeholder until the engine lands)."""
    return fix_encoding_and_explain(text)[0]


def diagnose(text: str) -> Diagnosis:
    """Say which damage is present, where and how sure, without changing anything."""
    return Diagnosis(())
