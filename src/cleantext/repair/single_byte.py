"""Single-byte mojibake (UTF-8 read as cp1252, Latin-1, cp1250/1251, MacRoman, ...).

ftfy (Robyn Speer, https://github.com/rspeer/python-ftfy) repairs these very well,
so cleantext calls it rather than re-implementing it.  ftfy works on whole texts;
cleantext hands it one line at a time, only the lines the screen flags, so each
change in the plan is local and clean lines cost nothing.  Lines of legacy text
read as Western (:func:`cleantext.repair.legacy.is_legacy_line`) are not handed to
it: a few of their bytes can form UTF-8 by chance, and ftfy would re-read just
those (``ä¬¿`` in EUC-KR text read as Latin-1 is not ``䬿``).  Lines are split at
``\n`` only: other line breaks (``\x85``, U+2028) may be what ftfy repairs.
"""

from __future__ import annotations

from cleantext.plan import Edit
from cleantext.repair.legacy import is_legacy_line
from cleantext.repair.screen import single_byte_suspect, suspect_lines

__all__ = ["single_byte_edits"]


def single_byte_edits(text: str) -> list[Edit]:
    """Edits that ftfy's ``fix_encoding`` makes, one per changed line, trimmed to the change."""
    edits: list[Edit] = []
    for start, end in suspect_lines(text):
        line = text[start:end]
        if not single_byte_suspect(line) or is_legacy_line(line):
            continue
        import ftfy

        fixed, steps = ftfy.fix_encoding_and_explain(line)
        if fixed != line:
            edits.append(_trimmed_edit(line, fixed, start, _describe(steps)))
    return edits


def _describe(steps: object) -> str:
    described: list[str] = []
    for step in steps or []:  # type: ignore[attr-defined]
        action, argument = step
        if action in ("encode", "decode"):
            described.append(f"{action} {argument}")
    return "ftfy: " + ", ".join(described) if described else "ftfy"


def _model_name(note: str) -> str:
    # "ftfy: encode sloppy-windows-1252, decode utf-8" -> "utf-8 read as windows-1252"
    encoded = [
        part.split(" ", 1)[1]
        for part in note.removeprefix("ftfy: ").split(", ")
        if part.startswith("encode ")
    ]
    if not encoded:
        return "single-byte mojibake"
    layers = " then ".join(name.removeprefix("sloppy-") for name in encoded)
    return f"utf-8 read as {layers}"


def _trimmed_edit(original: str, fixed: str, offset: int, note: str) -> Edit:
    prefix = 0
    limit = min(len(original), len(fixed))
    while prefix < limit and original[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while (
        suffix < limit - prefix
        and original[len(original) - 1 - suffix] == fixed[len(fixed) - 1 - suffix]
    ):
        suffix += 1
    return Edit(
        offset + prefix,
        offset + len(original) - suffix,
        fixed[prefix : len(fixed) - suffix],
        _model_name(note),
        0.95,
        note,
    )
