"""How lossy repair fares on real words: phrases drawn from wordfreq, under every lossy model.

``scripts/lossy_scan.py`` scans the property test's generated text, which mixes
scripts and typography densely but writes few real words of any one language.
This script writes short phrases of real words instead: for each language, words
drawn by frequency from wordfreq's "small" list (so common words come up as often
as in prose), one of them holding a letter outside ASCII, in lower case, or
capitalised, or in capitals, ending in punctuation.  Each phrase is damaged under
every lossy model of the property test, repaired, and judged as the test judges
it; the counts, the failures by language and model, and the first failures are
printed.  Wrong letters here are what real text of that language would get.

Usage::

    python scripts/word_probe.py --phrases 12 --seed 3 --show 20
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import lossy_scan  # noqa: E402
from tests import test_repair_properties as properties  # noqa: E402
from wordfreq import get_frequency_dict  # noqa: E402

from cleantext.repair.models import DamageModel  # noqa: E402

LANGUAGES = (
    *("de", "fr", "es", "pt", "it", "ca", "pl", "cs", "sk", "tr", "ro", "hu", "sv", "lv"),
    *("vi", "ru", "uk", "bg", "el", "zh", "ja", "ko"),
)
#: Words of each list drawn from: the commonest, which prose is made of.
_VOCABULARY = 20_000
#: The phrase's word that must hold a letter outside ASCII comes from the commonest.
_ACCENTED_VOCABULARY = 5_000
_ENDINGS = (".", ",", "", " –", "…", "!", ":")


def phrases_of(count: int, seed_value: int, languages: Sequence[str]) -> list[tuple[str, str]]:
    """``count`` (language, phrase) pairs per language, drawn under a fixed seed."""
    chooser = random.Random(seed_value)
    drawn: list[tuple[str, str]] = []
    for language in languages:
        frequencies = get_frequency_dict(language, "small")
        words = [word for word in frequencies if word.isalpha()][:_VOCABULARY]
        accented = [word for word in words if not word.isascii()][:_ACCENTED_VOCABULARY]
        if not accented:
            continue
        weights = [frequencies[word] for word in words]
        for _ in range(count):
            phrase = [*chooser.choices(words, weights, k=4), chooser.choice(accented)]
            chooser.shuffle(phrase)
            if language == "el":  # wordfreq writes Greek's final ς as σ
                phrase = [word[:-1] + "ς" if word.endswith("σ") else word for word in phrase]
            case = chooser.random()
            if case < 0.1:
                phrase = [word.upper() for word in phrase]
            elif case < 0.4:
                phrase[0] = phrase[0].capitalize()
            drawn.append((language, " ".join(phrase) + chooser.choice(_ENDINGS)))
    return drawn


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phrases", type=int, default=12, help="phrases per language")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--show", type=int, default=0, help="failing examples to print")
    args = parser.parse_args(argv)
    phrases = phrases_of(args.phrases, args.seed, args.languages.split(","))
    language_of = {phrase: language for language, phrase in phrases}
    examples: list[tuple[str, DamageModel]] = [
        (phrase, model) for _, phrase in phrases for model in properties.LOSSY
    ]
    outcomes, failures = lossy_scan.scan(examples)
    lossy_scan.report(outcomes, failures, args.show)
    print("failing, by language:")
    for language, count in Counter(language_of[text] for _, text, _ in failures).most_common():
        print(f"  {count:4d}  {language}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
