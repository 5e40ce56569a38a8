"""Generate ``src/cleantext/repair/uncommon_ideographs.txt``: the ideographs of the
first levels of GB 2312, Big5 and JIS X 0208 that real text seldom writes.

Those levels are the repair's "common" ideographs (:func:`cleantext.repair.score.char_cost`),
but Big5's first level alone holds 5 401 characters, among them ``獷`` and ``輞``,
which bytes joined by a lossy codec make as readily as any.  A character's usage
here is the summed frequency of the words of wordfreq's Chinese and Japanese lists
that hold it (traditional characters looked up through wordfreq's own map, as
:mod:`cleantext.repair.cjk_words` does); a character below :data:`THRESHOLD` on
wordfreq's Zipf scale is written to the file, which the package reads, so that no
word list is loaded to price a character.

    python scripts/uncommon_ideographs.py           # rewrite the file
    python scripts/uncommon_ideographs.py --check   # exit 1 if the file is stale
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "cleantext" / "repair" / "uncommon_ideographs.txt"
#: Zipf of usage below which a first-level ideograph counts as uncommon (3.5: about
#: three times in a million words, counting every word that holds it).
THRESHOLD = 3.5
_PER_LINE = 64


def uncommon() -> list[str]:
    """The first-level ideographs whose usage is below :data:`THRESHOLD`, in code order."""
    from cleantext.repair import cjk_words, score

    # the package's own tables, so the file agrees with what the repair reads
    usage: dict[str, float] = {}
    for word, frequency in cjk_words.words().items():
        for char in set(word):
            usage[char] = usage.get(char, 0.0) + frequency
    floor = 10 ** (THRESHOLD - 9)  # Zipf is log10 of the frequency per billion words
    return sorted(
        char
        for char in score._common_ideographs()
        if usage.get(cjk_words.simplified(char), 0.0) < floor
    )


def render(chars: list[str]) -> str:
    lines = ["".join(chars[start : start + _PER_LINE]) for start in range(0, len(chars), _PER_LINE)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is stale")
    args = parser.parse_args(argv)
    text = render(uncommon())
    if args.check:
        current = DATA.read_text("utf-8") if DATA.exists() else ""
        if current != text:
            print(f"{DATA} is stale: run python scripts/uncommon_ideographs.py", file=sys.stderr)
            return 1
        print(f"{DATA.name} is up to date ({len(text) - text.count(chr(10))} characters)")
        return 0
    DATA.write_text(text, "utf-8")
    print(f"wrote {DATA} ({len(text) - text.count(chr(10))} characters)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
