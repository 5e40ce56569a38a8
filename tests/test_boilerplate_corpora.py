"""Clean text from other projects' corpora: the default rules must remove nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleantext.boilerplate import boilerplate_edits

CORPORA = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
MULTILINGUAL = sorted((CORPORA / "multilingual").glob("sample-*.txt"))

needs_corpora = pytest.mark.skipif(
    not CORPORA.is_dir(), reason=f"shared corpora not found at {CORPORA}"
)


@needs_corpora
@pytest.mark.parametrize("path", MULTILINGUAL, ids=lambda p: p.name)
def test_multilingual_samples_lose_nothing(path: Path) -> None:
    import charset_normalizer

    best = charset_normalizer.from_bytes(path.read_bytes()).best()
    assert best is not None
    text = str(best)
    assert boilerplate_edits(text) == []


@needs_corpora
def test_ftfy_cases_lose_nothing() -> None:
    texts = [
        case[key]
        for path in sorted((CORPORA / "ftfy-cases").glob("*.json"))
        for case in json.loads(path.read_text(encoding="utf-8"))
        for key in ("original", "fixed")
        if isinstance(case.get(key), str)
    ]
    assert len(texts) > 100
    removed = {text: boilerplate_edits(text) for text in texts}
    assert {text: edits for text, edits in removed.items() if edits} == {}
