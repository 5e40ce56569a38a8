"""``python -m cleantext.demo``: clean the bundled seed articles and show what changed.

Looks for ``fixtures/seeds/`` in the current directory (the repository checkout), runs
:func:`cleantext.clean_and_explain` on each file (mojibake repair, typography and
Unicode normalisation, boilerplate removal) and prints every kind of change with an
example and its reason.  Nothing is written; ``cleantext fix --diff PATH`` shows the
same as a diff.
"""

from __future__ import annotations

import sys
from pathlib import Path

import cleantext

_EXAMPLES = 2  # examples shown per kind of change


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path("fixtures/seeds")
    if not folder.is_dir():
        print(f"cleantext.demo: no folder {folder} (run it from the repository checkout)")
        return 2
    total = 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        _cleaned, plan = cleantext.clean_and_explain(text)
        total += len(plan)
        print(f"== {path.name}: {len(plan)} change(s)")
        shown: dict[str, int] = {}
        for change in plan:
            if shown.get(change.model, 0) >= _EXAMPLES:
                continue
            shown[change.model] = shown.get(change.model, 0) + 1
            print(f"   {_short(change.before)} -> {_short(change.after)}  [{change.model}]")
        for model, count in plan.counts().items():
            if count > _EXAMPLES:
                print(f"   ... {count} changes in all: {model}")
    print(f"{total} change(s) in {folder}; see `cleantext fix --diff {folder}` for a diff.")
    return 0


def _short(text: str, limit: int = 50) -> str:
    shown = repr(text)
    return shown if len(shown) <= limit else shown[: limit - 4] + "...'"


if __name__ == "__main__":
    raise SystemExit(main())
