"""clean_many: same output as clean, in order, lazily, with processes or without."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import Config, clean, clean_many
from cleantext.repair.models import DamageModel, Loss

SEEDS = Path(__file__).resolve().parents[1] / "fixtures" / "seeds"
DAMAGE = (
    DamageModel("utf-8", "cp1252"),
    DamageModel("utf-8", "gbk", Loss.IGNORE),
    DamageModel("utf-8", "latin-1", Loss.STRIP_C1),
)


def _corpus() -> list[str]:
    """Seed paragraphs, some of them damaged, plus edge cases (empty, whitespace, controls)."""
    lines = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ][:40]
    damaged = [
        model.apply(line)
        for model, line in zip(itertools.cycle(DAMAGE), lines[::3])
        if model.can_apply(line)
    ]
    return [*lines, *damaged, "", "  \u00a0\n", "a\r\nb\x00c", "Ã" * 50]


CORPUS = _corpus()


@functools.cache
def _expected() -> list[str]:
    return [clean(text) for text in CORPUS]


@pytest.mark.parametrize(
    ("jobs", "chunksize"), [(1, 64), (1, 1), (2, 1), (2, 7), (2, 1000), (None, 5)]
)
def test_same_texts_in_the_same_order_as_clean(jobs: int | None, chunksize: int) -> None:
    expected = _expected()
    assert list(clean_many(CORPUS, jobs=jobs, chunksize=chunksize)) == expected
    assert expected != CORPUS  # the corpus has work in it, so order and content are tested


@pytest.mark.parametrize(
    "profile", ["safe", "ascii-punctuation", "nfkc", Config(boilerplate=False)]
)
def test_profile_reaches_the_workers(profile: str | Config) -> None:
    texts = CORPUS[:12]
    expected = [clean(text, profile) for text in texts]
    assert list(clean_many(texts, jobs=2, chunksize=3, profile=profile)) == expected


def test_profiles_differ_on_this_corpus() -> None:
    """Guards the test above: a worker ignoring the profile would be caught."""
    texts = CORPUS[:12]
    assert [clean(t, "safe") for t in texts] != [clean(t, "ascii-punctuation") for t in texts]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(max_size=40), max_size=12), st.integers(1, 5))
def test_in_process_matches_clean_on_any_text(texts: list[str], chunksize: int) -> None:
    assert list(clean_many(texts, jobs=1, chunksize=chunksize)) == [clean(t) for t in texts]


@settings(max_examples=3, deadline=None)
@given(st.lists(st.text(max_size=40), min_size=3, max_size=12))
def test_processes_match_clean_on_any_text(texts: list[str]) -> None:
    assert list(clean_many(texts, jobs=2, chunksize=2)) == [clean(t) for t in texts]


class Counting:
    """An endless iterator of texts that counts how many were taken."""

    def __init__(self) -> None:
        self.taken = 0

    def __iter__(self) -> Iterator[str]:
        for number in itertools.count():
            self.taken += 1
            yield f"line {number}\u00a0"


@pytest.mark.parametrize("jobs", [1, 2])
def test_lazy_over_endless_input(jobs: int) -> None:
    source = Counting()
    results = clean_many(source, jobs=jobs, chunksize=3)
    assert source.taken == 0  # nothing is read before the first result is asked for
    first = list(itertools.islice(results, 7))
    assert first == [f"line {n}" for n in range(7)]
    # at most one batch per slot in flight, plus the batch being handed out
    assert source.taken <= 3 * (2 * jobs + 2)
    results.close()  # type: ignore[attr-defined]


def test_closing_early_stops_the_workers() -> None:
    results = clean_many(CORPUS * 5, jobs=2, chunksize=2)
    assert next(results) == clean(CORPUS[0])
    results.close()  # type: ignore[attr-defined]
    with pytest.raises(StopIteration):
        next(results)


def test_empty_input() -> None:
    assert list(clean_many([], jobs=2)) == []
    assert list(clean_many(iter([]), jobs=1)) == []


def _never() -> Iterator[str]:
    raise AssertionError("input read before the arguments were checked")
    yield ""  # pragma: no cover


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"jobs": 0}, ValueError, "jobs must be a positive integer"),
        ({"jobs": -2}, ValueError, "jobs must be a positive integer"),
        ({"jobs": True}, ValueError, "jobs must be a positive integer"),
        ({"jobs": 1.5}, ValueError, "jobs must be a positive integer"),
        ({"chunksize": 0}, ValueError, "chunksize must be a positive integer"),
        ({"profile": "fast"}, ValueError, "unknown profile 'fast'"),
    ],
)
def test_bad_arguments_fail_at_the_call(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        clean_many(_never(), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("texts", ["one string", b"bytes"])
def test_a_single_string_is_not_an_iterable_of_texts(texts: object) -> None:
    with pytest.raises(TypeError, match="iterable of str"):
        clean_many(texts)  # type: ignore[arg-type]


@pytest.mark.parametrize("jobs", [1, 2])
def test_non_str_item_names_its_position(jobs: int) -> None:
    texts: list[object] = ["a", "b", "c", b"d\xc3", "e"]
    with pytest.raises(TypeError, match=r"item 3 is bytes, not str \(decode bytes"):
        list(clean_many(texts, jobs=jobs, chunksize=2))  # type: ignore[arg-type]


def test_exported_from_the_package() -> None:
    assert cleantext.clean_many is clean_many
    assert "clean_many" in cleantext.__all__
