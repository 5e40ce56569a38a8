"""The pre-commit hooks, run by the real pre-commit on a throw-away git repository.

pre-commit clones this checkout at its HEAD commit and installs cleantext into a
virtualenv of its own (from PyPI), so this is one slow test; it proves the
manifest, the entry points and the exit codes together: damaged seeds fail the
check hook untouched, the fixing hook fails and repairs them, the next run passes.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cleantext

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "fixtures" / "seeds"
DAMAGED = ["001_9a3693eb730c2f61.txt", "003_0a80901de8e44a6c.txt"]
CLEAN = ["000_fdcba5b4fbaa6701.txt"]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None,
    reason="pre-commit (dev extra) or git is not installed",
)


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.invalid",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.invalid",
    }
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True
    )
    return done.stdout.strip()


def _pre_commit(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_hooks_fail_then_repair_then_pass(tmp_path: Path) -> None:
    head = _git(REPO, "rev-parse", "HEAD")
    if not _git(REPO, "ls-tree", "--name-only", head, ".pre-commit-hooks.yaml"):
        pytest.fail("HEAD has no .pre-commit-hooks.yaml; commit it first")
    project = tmp_path / "corpus"
    project.mkdir()
    _git(project, "init", "-q")
    originals: dict[str, bytes] = {}
    for name in DAMAGED + CLEAN:
        originals[name] = (SEEDS / name).read_bytes()
        (project / name).write_bytes(originals[name])
    (project / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {REPO}\n"
        f"    rev: {head}\n"
        "    hooks:\n"
        "      - id: cleantext-check\n"
        "      - id: cleantext-fix\n",
        encoding="utf-8",
    )
    _git(project, "add", ".")
    _git(project, "commit", "-q", "-m", "damaged seeds")
    home = tmp_path / "pre-commit-home"

    check = _pre_commit(project, home, "cleantext-check")
    assert check.returncode == 1, check.stdout + check.stderr
    for name in DAMAGED:
        assert f"would fix {name}" in check.stdout
        assert (project / name).read_bytes() == originals[name]

    fix = _pre_commit(project, home, "cleantext-fix")
    assert fix.returncode == 1, fix.stdout + fix.stderr
    assert "files were modified by this hook" in fix.stdout
    for name in DAMAGED:
        assert f"Fixing {name}" in fix.stdout
        expected = cleantext.fix_encoding(originals[name].decode("utf-8"))
        assert (project / name).read_text(encoding="utf-8") == expected != originals[name].decode()
    for name in CLEAN:
        assert (project / name).read_bytes() == originals[name]

    again = _pre_commit(project, home)
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout.count("Passed") == 2
