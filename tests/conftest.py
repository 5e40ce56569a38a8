"""Shared fixtures for the repair-engine tests: the shared corpora, the seeds, the sentences.

Data loading lives in :mod:`tests.recovery` (plain functions, usable at collection
time by parametrize and hypothesis); these fixtures wrap it and skip, with the
reason, when the shared corpora are not checked out beside the repository.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from tests.recovery import (
    CLEAN_SEEDS,
    CORPORA,
    LAST_TABLE,
    LINEARITY_REPORT,
    fixture_sentences,
    golden_texts,
    multilingual_samples,
    seed_text,
)

# CI must not flake: every run explores the same examples (print_blob shows how to
# replay a failure).  Run with --hypothesis-profile=explore to search afresh.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, max_examples=500)
settings.load_profile("ci")


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    """``../shared/corpora`` beside the repository; tests that need it skip without it."""
    if not CORPORA.is_dir():
        pytest.skip(
            f"shared corpora not found at {CORPORA} (CI checks out ../shared beside the repo)"
        )
    return CORPORA


@pytest.fixture(scope="session")
def multilingual(corpora_dir: Path) -> dict[str, str]:
    """The decoded multilingual samples, by file name."""
    samples = multilingual_samples()
    if not samples:
        pytest.skip(f"no multilingual samples in {corpora_dir / 'multilingual'}")
    return samples


@pytest.fixture(scope="session")
def clean_seeds() -> dict[str, str]:
    """Seeds 000, 002 and 004: clean articles (with boilerplate) that must not change."""
    return {prefix: seed_text(prefix) for prefix in CLEAN_SEEDS}


@pytest.fixture(scope="session")
def goldens() -> dict[str, str]:
    """Hand-checked repaired seeds, by file name (may be empty while they are being written)."""
    return golden_texts()


@pytest.fixture(scope="session")
def sentences() -> tuple[str, ...]:
    """Sentences of the clean seeds and the goldens."""
    return fixture_sentences()


def _is_xdist_worker(config: pytest.Config) -> bool:
    """Is this process one of pytest-xdist's workers (``-n``), not the one reporting?"""
    return hasattr(config, "workerinput")


def pytest_sessionstart(session: pytest.Session) -> None:
    """The linearity report (tests/test_repair_properties.py) starts empty, once per
    run: in the controller, before any worker appends to it."""
    if not _is_xdist_worker(session.config):
        LINEARITY_REPORT.unlink(missing_ok=True)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """A worker hands the recovery table it computed to the controller, which prints it."""
    if _is_xdist_worker(session.config) and LAST_TABLE:
        session.config.workeroutput["recovery_table"] = LAST_TABLE[0]  # type: ignore[attr-defined]


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: known only when it is installed
def pytest_testnodedown(node: Any, error: object) -> None:
    table = getattr(node, "workeroutput", {}).get("recovery_table")
    if table:
        LAST_TABLE[:] = [table]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print the recovery table (tests/test_recovery.py) at the end of the run."""
    if LAST_TABLE:
        terminalreporter.section("recovery table (also in /tmp/cleantext-recovery.txt)")
        terminalreporter.write_line(LAST_TABLE[0])
