"""How lossy repair fares on real prose: every line of the real corpora, under every lossy model.

``scripts/lossy_scan.py`` scans generated text and ``scripts/word_probe.py``
phrases of frequent words; this script takes whole lines of real prose instead:
CPython's CJK samples (``test/cjkencodings/*-utf8.txt``, where installed) and the
shared multilingual samples (``../shared/corpora/multilingual``, decoded with
their known encodings).  Each line that a lossy model of the property test
changes is damaged, repaired, and counted as *wrong* when the repair holds a
character that is neither in the original line nor in the damaged one (U+FFFD
aside): a character the repair made up.  A wrong character that happens to occur
elsewhere in the line is not caught, so the count is a floor.

Usage::

    python scripts/prose_probe.py --show 10
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests import recovery  # noqa: E402

import cleantext  # noqa: E402
from cleantext.repair.models import (  # noqa: E402
    CP1252_LOSSY_MODELS,
    LATIN1_LOSSY_MODELS,
    MULTIBYTE_MODELS,
    Loss,
)

LOST = "\ufffd"


def prose_lines() -> Iterator[tuple[str, str]]:
    """(sample name, line) for each distinct line of real prose outside ASCII."""
    seen: set[str] = set()
    samples = {**recovery.cjk_samples(), **recovery.multilingual_samples()}
    for name, text in samples.items():
        for line in text.splitlines():
            if line.strip() and not line.isascii() and line not in seen:
                seen.add(line)
                yield name, line


def invented(original: str, damaged: str, repaired: str) -> list[str]:
    """The characters of ``repaired`` in neither ``original`` nor ``damaged``."""
    return sorted(set(repaired) - set(original) - set(damaged) - {LOST})


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=10, help="wrong lines to print")
    args = parser.parse_args(argv)
    lines = list(prose_lines())
    if not lines:
        print("no prose found: need ../shared/corpora or CPython's test package")
        return 1
    units = 0
    wrong: Counter[str] = Counter()
    shown = 0
    for model in (*MULTIBYTE_MODELS, *LATIN1_LOSSY_MODELS, *CP1252_LOSSY_MODELS):
        if model.loss is Loss.NONE:
            continue
        for name, line in lines:
            if not model.can_apply(line):
                continue
            damaged = model.apply(line)
            if damaged == line:
                continue
            units += 1
            repaired = cleantext.fix_encoding(damaged)
            made_up = invented(line, damaged, repaired)
            if made_up:
                wrong[model.name] += 1
                if shown < args.show:
                    shown += 1
                    print(f"-- {model.name} ({name}): {''.join(made_up)}")
                    print(f"   text:     {line[:160]}")
                    print(f"   repaired: {repaired[:160]}")
    print(f"{units} damaged lines, {sum(wrong.values())} with a character made up")
    for model_name, count in wrong.most_common():
        print(f"  {count:4d}  {model_name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
