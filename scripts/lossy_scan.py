"""How the lossy-repair property fares on generated text, counted past the first failure.

``tests/test_repair_properties.py`` checks that lossy repair never writes a wrong
letter; on generated text that test is a known defect (xfail), and its reason
quotes a failure rate.  This script measures that rate: it runs the test's own
strategies for ``--examples`` examples under a fixed hypothesis ``--seed``,
classifies every outcome as the test does, and prints the counts, the failures
by damage model, and the first few failing examples.  The examples are drawn first,
so two versions of the engine are compared on the same ones.

Usage::

    python scripts/lossy_scan.py --examples 1500 --seed 1 --show 5
    python scripts/lossy_scan.py --examples 1500 --seed 1 --models cp1252
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from tests import test_repair_properties as properties  # noqa: E402
from tests.recovery import Outcome, damage  # noqa: E402

import cleantext  # noqa: E402
from cleantext.repair.models import DamageModel  # noqa: E402


def examples_of(
    count: int, seed_value: int, models: Sequence[DamageModel] = properties.LOSSY
) -> list[tuple[str, DamageModel]]:
    """``count`` (text, model) pairs drawn from the test's strategies under a fixed seed.

    Drawn before any repair runs, so every version of the engine is scanned on the
    same examples (drawn between repairs, they had differed from one version of the
    engine to the next under the same seed).
    """
    drawn: list[tuple[str, DamageModel]] = []

    @seed(seed_value)
    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(properties.generated_text(), st.sampled_from(list(models)))
    def draw(text: str, model: DamageModel) -> None:
        drawn.append((text, model))

    draw()
    return drawn


def scan(
    examples: list[tuple[str, DamageModel]],
) -> tuple[Counter[Outcome], list[tuple[str, str, str]]]:
    """Outcomes of the examples that damage can happen to, and the failing (model,
    text, repair), classified as the test classifies them."""
    outcomes: Counter[Outcome] = Counter()
    failures: list[tuple[str, str, str]] = []
    for text, model in examples:
        if "\ufffd" in text:
            continue
        damaged = damage(model, text)
        if damaged is None:
            continue
        try:
            repaired = cleantext.fix_encoding(damaged)
        except Exception as error:  # a crash is counted, as the test would fail on it
            outcomes[Outcome.CRASH] += 1
            failures.append((model.name, text, repr(error)))
            continue
        outcome = properties.judged_outcome(text, damaged, repaired, model)
        outcomes[outcome] += 1
        if outcome in properties.FAILING:
            failures.append((model.name, text, repaired))
    return outcomes, failures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=0, help="failing examples to print")
    parser.add_argument(
        "--models", default="", help="only the lossy models whose name holds this, e.g. cp1252"
    )
    args = parser.parse_args(argv)
    models = [model for model in properties.LOSSY if args.models in model.name]
    if not models:
        parser.error(f"no lossy model's name holds {args.models!r}")
    outcomes, failures = scan(examples_of(args.examples, args.seed, models))
    report(outcomes, failures, args.show)
    return 0


def report(outcomes: Counter[Outcome], failures: list[tuple[str, str, str]], show: int) -> None:
    """Print the counts, the failures by damage model and the first ``show`` failures."""
    total = sum(outcomes.values())
    failing = sum(outcomes[outcome] for outcome in properties.FAILING)
    print(f"{total} examples, {failing} failing ({failing / max(total, 1):.1%})")
    for outcome, count in outcomes.most_common():
        print(f"  {outcome.value:12s} {count}")
    print("failing, by damage model:")
    for model, count in Counter(model for model, _, _ in failures).most_common():
        print(f"  {count:4d}  {model}")
    for model, text, repaired in failures[:show]:
        print(f"-- {model}\n   text:     {text}\n   repaired: {repaired}")


if __name__ == "__main__":
    raise SystemExit(main())
