"""benchmarks/per_model.py's count of lines with a made-up character, which the
table reports beside the exact documents: a wrong letter counts, a hole or
mojibake left as it was does not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))  # per_model imports its siblings
    try:
        spec = importlib.util.spec_from_file_location("per_model", BENCHMARKS / "per_model.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclass looks its module up
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(BENCHMARKS))


def test_a_wrong_letter_is_made_up_and_a_hole_or_mojibake_is_not() -> None:
    made_up_lines = _load()._made_up_lines
    original = "naïve café\nclean line\n“quoted”"
    damaged = "naÃ¯ve cafÃ\nclean line\nâ€œquotedâ€"
    assert made_up_lines([original], [damaged], [original]) == 0
    assert made_up_lines([original], [damaged], [damaged]) == 0  # left as it was
    holes = "naïve caf\ufffd\nclean line\n“quoted\ufffd"
    assert made_up_lines([original], [damaged], [holes]) == 0
    wrong = "naïve cafÉ\nclean line\n“quoted„"  # two lines, each with a wrong character
    assert made_up_lines([original], [damaged], [wrong]) == 2
