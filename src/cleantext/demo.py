"""``python -m cleantext.demo``: repair the bundled seed articles and show what changed.

Looks for ``fixtures/seeds/`` in the current directory (the repository checkout) and
prints, for each file, the repairs cleantext made with their reasons.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cleantext


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("fixtures/seeds")
    if not folder.is_dir():
        print(f"cleantext.demo: no folder {folder} (run it from the repository checkout)")
        return 2
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _fixed, plan = cleantext.fix_encoding_and_explain(text)
        print(f"== {path.name}: {len(plan)} repair(s)")
        for change in list(plan)[:8]:
            print(f"   {change.before!r} -> {change.after!r}  [{change.model}]")
        if len(plan) > 8:
            print(f"   ... and {len(plan) - 8} more")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
