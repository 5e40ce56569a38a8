"""The gallery page (docs/gallery.md) is generated, so it must match the current code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "gallery.py"
PAGE = ROOT / "docs" / "gallery.md"


def _load_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """scripts/gallery.py as a module (in this process, so the engine is loaded once)."""
    spec = importlib.util.spec_from_file_location("gallery_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    gallery = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "gallery_script", gallery)  # dataclasses look it up
    spec.loader.exec_module(gallery)
    return gallery


def test_committed_gallery_is_current(monkeypatch: pytest.MonkeyPatch) -> None:
    gallery = _load_script(monkeypatch)
    assert gallery.main(["--check"]) == 0, "docs/gallery.md is stale: python scripts/gallery.py"


def test_gallery_shows_every_damage_model_and_both_seeds() -> None:
    from cleantext.repair.models import (
        CP1252_LOSSY_MODELS,
        LATIN1_LOSSY_MODELS,
        LEGACY_CODECS,
        MULTIBYTE_MODELS,
    )

    headings = {
        line[4:]
        for line in PAGE.read_text(encoding="utf-8").splitlines()
        if line.startswith("### ")
    }
    names = [
        model.name for model in (*MULTIBYTE_MODELS, *LATIN1_LOSSY_MODELS, *CP1252_LOSSY_MODELS)
    ]
    names += [f"{codec} read as windows-1252" for codec in LEGACY_CODECS]
    assert not [name for name in names if name not in headings]
    assert any(heading.startswith("Seed 001 ") for heading in headings)
    assert any(heading.startswith("Seed 003 ") for heading in headings)


def test_check_fails_on_a_stale_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--check compares the rendered page with the file, so a hand edit is caught."""
    gallery = _load_script(monkeypatch)
    monkeypatch.setattr(gallery, "render", lambda: "# Gallery\n")
    monkeypatch.setattr(gallery, "PAGE", tmp_path / "gallery.md")
    assert gallery.main(["--check"]) == 1  # missing
    assert gallery.main([]) == 0  # written
    assert gallery.main(["--check"]) == 0
    (tmp_path / "gallery.md").write_text("# Gallery\nhand edit\n", encoding="utf-8")
    assert gallery.main(["--check"]) == 1
