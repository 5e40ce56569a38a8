"""How often clean words in typography come back changed: a probe of the zero-false-positive rule.

The repair step must leave text that is already right as it is.  This script puts
the most common words of many languages (wordfreq's lists) into short English
lines, wrapped in quotes, guillemets, ellipses, punctuation and symbols, in lower
case, capitalised and in capitals, and counts the lines ``fix_encoding`` changes.
Each changed line is a false positive, or a shape no real text writes; the first
of each kind are printed.

Usage::

    python scripts/clean_probe.py --words 300
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator, Sequence

from wordfreq import iter_wordlist

import cleantext

LANGUAGES = (
    *("fr", "es", "pt", "it", "de", "tr", "pl", "cs", "sk", "sl", "hu", "sv", "da", "nb"),
    *("fi", "is", "ro", "ca", "lt", "lv", "vi", "nl", "id", "ru", "uk", "bg", "el", "he"),
    *("ar", "ja", "zh", "ko", "hi", "fa", "ur", "mk", "sh"),
)
WRAPPINGS = (
    *("{}.", "{},", "{}!", "{}?", "{}:", "{}…", "«{}»,", "“{}”.", "{}’", "¿{}?", "¡{}!"),
    *("{} €", "€ {}", "{}™", "{} ©", "{}°", "{} •", "• {}", "{}…”", "“{}…", "‘{}’", "„{}“"),
)


def probe_lines(words: int) -> Iterator[tuple[str, str]]:
    """(language, line) for the ``words`` most common words of each language."""
    for language in LANGUAGES:
        taken = 0
        for word in iter_wordlist(language, "small"):
            if not word.isalpha():
                continue
            taken += 1
            if taken > words:
                break
            for form in (word, word.capitalize(), word.upper()):
                for wrapping in WRAPPINGS:
                    yield language, f"He wrote {wrapping.format(form)} today"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300, help="words per language")
    parser.add_argument("--show", type=int, default=20, help="changed lines to print")
    args = parser.parse_args(argv)
    changed: list[tuple[str, str, str]] = []
    total = 0
    for language, line in probe_lines(args.words):
        total += 1
        repaired = cleantext.fix_encoding(line)
        if repaired != line:
            changed.append((language, line, repaired))
    print(f"{total} lines, {len(changed)} changed")
    for language, count in Counter(language for language, _, _ in changed).most_common():
        print(f"  {language:4} {count}")
    for language, line, repaired in changed[: args.show]:
        print(f"{language}: {line!r} -> {repaired!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
