"""benchmarks/memory.py, linearity.py and bench.py's linearity run end to end on tiny inputs.

Only the shape and the invariants of the report are checked (sizes, exit codes, that
the damaged seeds were repaired, that temporary files are gone), never timings.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "memory.py"
SIZE_MB = 0.06


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmarks_memory", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _rows(stdout: str) -> dict[str, dict[str, Any]]:
    rows = [json.loads(line) for line in stdout.splitlines()]
    return {row["case"]: row for row in rows}


def test_every_case_reports_sane_fields(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--size-mb",
            str(SIZE_MB),
            "--json",
            "--tmpdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = _rows(done.stdout)
    module = _load()
    assert set(rows) == set(module.CASES)
    for case, row in rows.items():
        assert row["exit_code"] == 0, case
        assert row["peak_rss_mb"] > 1, case
        assert row["seconds"] > 0, case
        assert row["cpu_seconds"] >= 0, case
        if case != "import":
            assert SIZE_MB <= row["input_mb"] < SIZE_MB + 0.05, case
            assert row["mb_per_s"] > 0, case
    # streaming alone changes nothing; the damaged seeds 001/003 make the repair change text
    assert rows["stream-decode"]["output_mb"] == rows["stream-decode"]["input_mb"]
    assert rows["stream-decode"]["changed_chunks"] == 0
    for case in ("stream-fix_encoding", "stream-clean"):
        assert rows[case]["changed_chunks"] >= 1, case
        assert 0 < rows[case]["output_mb"] < rows[case]["input_mb"], case
    assert rows["cli-in-place"]["output_mb"] == rows["stream-clean"]["output_mb"]
    assert list(tmp_path.iterdir()) == []  # the input and every copy were removed


def test_generated_input_repeats_the_seeds(tmp_path: Path) -> None:
    module = _load()
    block = module.seed_bytes()
    assert "鈥".encode() in block  # a damaged seed is part of the input
    written = module.generate(tmp_path / "input.txt", SIZE_MB)
    data = (tmp_path / "input.txt").read_bytes()
    assert written == len(data) >= SIZE_MB * module.MB
    assert data == block * (len(data) // len(block))


def test_rusage_fallback_without_gnu_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    module = _load()
    monkeypatch.setattr(module, "GNU_TIME", tmp_path / "no-such-time")
    work = tmp_path / "work"
    work.mkdir()
    args = ["--size-mb", str(SIZE_MB), "--json", "--tmpdir", str(work), "--cases", "stream-decode"]
    assert module.main(args) == 0
    (row,) = _rows(capsys.readouterr().out).values()
    assert row["case"] == "stream-decode"
    assert row["peak_rss_mb"] > 1
    assert row["output_mb"] == row["input_mb"]
    assert list(work.iterdir()) == []


def test_linearity_script_smoke(tmp_path: Path) -> None:
    """benchmarks/linearity.py runs every row for both functions and the baseline, and
    writes its table."""
    script = SCRIPT.parent / "linearity.py"
    table = tmp_path / "linearity.md"
    done = subprocess.run(
        [sys.executable, str(script), "--smoke", "--rows", "CJK", "鈥", "--markdown", str(table)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert len(done.stdout.splitlines()) == 6  # two rows: fix_encoding, clean, the baseline
    rows = [
        line for line in table.read_text(encoding="utf-8").splitlines() if line.startswith("| ")
    ]
    assert [row.split(" | ")[:2] for row in rows[2:]] == [
        ["| clean CJK", "fix_encoding"],
        ["| clean CJK", "clean"],
        ["| clean CJK", "str.lower"],
        ["| '鈥' repeated", "fix_encoding"],
        ["| '鈥' repeated", "clean"],
        ["| '鈥' repeated", "str.lower"],
    ]
    for row in rows[2:]:
        factor = row.rstrip(" |").rsplit("| ", 1)[1]
        assert float(factor) > 0


def test_bench_linearity_smoke(tmp_path: Path) -> None:
    """bench.py's linearity section is linearity.py's runner on the issue's inputs."""
    table = tmp_path / "bench.md"
    skip = ["--skip", "throughput", "parallel"]
    subprocess.run(
        [
            sys.executable,
            str(SCRIPT.parent / "bench.py"),
            "--smoke",
            *skip,
            "--markdown",
            str(table),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    text = table.read_text(encoding="utf-8")
    assert "times are CPU seconds" in text
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ")]
    assert rows[0][3:6] == ["CPU n", "CPU 4n", "factor"]
    names = [row[0].removeprefix("| ") for row in rows[2:]]
    assert names == [
        name
        for name in [
            "clean English",
            "clean mixed scripts",
            "heavily damaged (all lines)",
            "'Ã' repeated",
            "'鈥' repeated",
            "one long line",
        ]
        for _fn in ("fix_encoding", "clean", "str.lower")
    ]
    assert all(float(row[5]) > 0 for row in rows[2:])
