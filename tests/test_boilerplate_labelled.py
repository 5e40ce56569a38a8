"""Precision and recall of the default rules on the labelled line set.

``fixtures/boilerplate/labelled.tsv`` holds every line of the five seeds (001 and
003 as repaired by the encoding step) and lines written in the same style:
columns ``doc``, ``join`` (``blank``: paragraphs separated by a blank line,
``newline``: one line each), ``label`` (``boilerplate`` or ``keep``) and the line.
Documents are rebuilt in order, so position rules see real context.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cleantext.boilerplate import boilerplate_edits

LABELLED = Path(__file__).resolve().parents[1] / "fixtures" / "boilerplate" / "labelled.tsv"

# Recall floor: of the 50 boilerplate lines the default rules miss two (recall
# 0.96), both on purpose: a caption without any credit, which reads exactly like a
# body sentence, and a site-specific "Have a news tip?" line.  The set was written
# alongside the rules, so recall on unseen sites will be lower; 0.9 leaves room for
# a future precision fix but fails if any rule family stops working.
RECALL_FLOOR = 0.9


@dataclass(frozen=True)
class Labelled:
    doc: str
    label: str
    line: str
    removed: bool


def _documents() -> dict[str, tuple[str, list[tuple[str, str]]]]:
    documents: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    rows = LABELLED.read_text(encoding="utf-8").split("\n")
    assert rows[0] == "doc\tjoin\tlabel\tline"
    for row in rows[1:]:
        if not row:
            continue
        doc, join, label, line = row.split("\t", 3)
        assert join in ("blank", "newline") and label in ("boilerplate", "keep"), row
        documents.setdefault(doc, (join, []))[1].append((label, line))
    return documents


def _judge() -> list[Labelled]:
    judged = []
    for doc, (join, lines) in _documents().items():
        separator = "\n\n" if join == "blank" else "\n"
        text = separator.join(line for _, line in lines)
        edits = boilerplate_edits(text)
        start = 0
        for label, line in lines:
            end = start + len(line)
            removed = any(e.start <= start and end <= e.end for e in edits)
            judged.append(Labelled(doc, label, line, removed))
            start = end + len(separator)
    return judged


def test_labelled_set_precision_and_recall() -> None:
    judged = _judge()
    boilerplate = [j for j in judged if j.label == "boilerplate"]
    assert len(judged) >= 80 and len(boilerplate) >= 30
    removed = [j for j in judged if j.removed]
    true_positives = sum(j.label == "boilerplate" for j in removed)
    precision = true_positives / len(removed)
    recall = true_positives / len(boilerplate)
    print(
        f"\nboilerplate labelled set: {len(judged)} lines, {len(boilerplate)} boilerplate; "
        f"removed {len(removed)}; precision {precision:.3f}, recall {recall:.3f}"
    )
    for j in judged:
        if j.removed != (j.label == "boilerplate"):
            kind = "FALSE POSITIVE" if j.removed else "missed"
            print(f"  {kind} [{j.doc}] {j.line[:90]}")
    false_positives = [j.line for j in removed if j.label == "keep"]
    assert false_positives == []
    assert precision == 1.0
    assert recall >= RECALL_FLOOR


def test_every_seed_is_in_the_set() -> None:
    seeds = {doc for doc in _documents() if doc.startswith("seed-")}
    assert seeds == {f"seed-{n:03d}" for n in range(5)}
