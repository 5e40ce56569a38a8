"""Nothing lost: killed runs, read-only commands, symbolic links, unreadable directories."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import cleantext
from cleantext.cli import files
from cleantext.cli.app import cli
from cleantext.cli.files import TEMP_SUFFIX

DAMAGED = "Heâ€™s at the cafÃ© today.\nA â€œquoteâ€\x9d and more.\n"
CLEAN = "Nothing is wrong with this line.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def snapshot(root: Path) -> dict[Path, tuple[bytes, int, int]]:
    """Every file's bytes, mtime and mode, following no links."""
    return {
        path: (path.read_bytes() if not path.is_symlink() else os.readlink(path).encode(),
               path.lstat().st_mtime_ns, path.lstat().st_mode)
        for path in sorted(root.rglob("*"))
        if path.is_file() or path.is_symlink()
    }  # fmt: skip


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    """A tree with every kind of file the CLI distinguishes."""
    root = tmp_path / "tree"
    (root / "sub").mkdir(parents=True)
    (root / "damaged.txt").write_text(DAMAGED, encoding="utf-8")
    (root / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (root / "crlf.txt").write_bytes(DAMAGED.replace("\n", "\r\n").encode())
    (root / "sub" / "latin.txt").write_bytes("Crème brûlée, façade, naïve.\n".encode("cp1252"))
    (root / "sub" / "blob.bin").write_bytes(b"\x00\x01\x02binary\x00" * 20)
    (root / "sub" / "data.jsonl").write_text('{"text": "cafÃ©"}\n', encoding="utf-8")
    (root / "link.txt").symlink_to(root / "damaged.txt")
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["fix", "--check"],
        ["fix", "--diff"],
        ["fix", "--check", "--diff", "--encoding-only"],
        ["fix"],
        ["diagnose"],
        ["diagnose", "--format", "json"],
    ],
)
def test_read_only_commands_never_write(mixed: Path, command: list[str]) -> None:
    before = snapshot(mixed)
    time.sleep(0.01)
    result = run(*command, str(mixed), str(mixed / "link.txt"))
    assert result.exit_code in (0, 1), result.stderr
    assert snapshot(mixed) == before
    assert not list(mixed.rglob(f"*{TEMP_SUFFIX}"))


def test_jsonl_check_never_writes(mixed: Path) -> None:
    path = mixed / "sub" / "data.jsonl"
    before = snapshot(mixed)
    assert run("fix", "--check", "--jsonl", str(path)).exit_code == 1
    assert snapshot(mixed) == before


def test_walks_do_not_follow_links_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_text(DAMAGED, encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "own.txt").write_text(DAMAGED, encoding="utf-8")
    (root / "file-link.txt").symlink_to(outside / "victim.txt")
    (root / "dir-link").symlink_to(outside, target_is_directory=True)
    result = run("fix", "--in-place", "--encoding-only", str(root))
    assert result.exit_code == 0
    assert (outside / "victim.txt").read_text(encoding="utf-8") == DAMAGED
    assert (root / "file-link.txt").is_symlink() and (root / "dir-link").is_symlink()
    assert (root / "own.txt").read_text(encoding="utf-8") == cleantext.fix_encoding(DAMAGED)
    assert result.stderr.splitlines()[-1] == "1 file fixed."


def test_in_place_through_a_symlink_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text(DAMAGED, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    result = run("fix", "--in-place", str(link))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"error: {link}: is a symbolic link to {target}; not writing through it"
    )
    assert target.read_text(encoding="utf-8") == DAMAGED and link.is_symlink()
    # Reading through a link named on the command line is fine.
    assert run("fix", "--check", str(link)).exit_code == 1


def test_the_same_file_twice_is_processed_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    result = run("fix", "--encoding-only", str(path), str(tmp_path), str(path))
    assert result.stdout == cleantext.fix_encoding(DAMAGED)


def test_failed_write_leaves_the_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")

    def broken_replace(source: object, destination: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    result = run("fix", "--in-place", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {path}: no space left on device"
    assert path.read_text(encoding="utf-8") == DAMAGED
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def _without_root_powers() -> list[str]:
    """A command prefix under which permission bits apply (root ignores them otherwise)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permission bits cannot be enforced")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


def test_unreadable_directory_is_one_error_line_and_the_rest_is_done(tmp_path: Path) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "secret.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "open.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "locked").chmod(0)
    try:
        done = subprocess.run(
            [*_without_root_powers(), sys.executable, "-m", "cleantext", "fix", "--in-place",
             "--encoding-only", str(tmp_path)],
            capture_output=True, text=True, check=False, timeout=120,
        )  # fmt: skip
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        f"error: {tmp_path / 'locked'}: permission denied",
        f"Fixing {tmp_path / 'open.txt'}",
        "1 file fixed, 1 error.",
    ]
    assert "Traceback" not in done.stderr
    assert (tmp_path / "locked" / "secret.txt").read_text(encoding="utf-8") == DAMAGED


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_killed_run_leaves_every_file_wholly_old_or_wholly_new(tmp_path: Path, jobs: str) -> None:
    root = tmp_path / "corpus"
    root.mkdir()
    old = {}
    for number in range(60):
        text = DAMAGED * (40 + number % 7) + CLEAN * (number % 5)
        old[f"{number:03}.txt"] = text
        (root / f"{number:03}.txt").write_text(text, encoding="utf-8")
    new = {name: cleantext.fix_encoding(text) for name, text in old.items()}
    assert all(new[name] != old[name] for name in old)

    process = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "fix", "--in-place", "--encoding-only",
         "--jobs", jobs, str(root)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if (root / "001.txt").read_text(encoding="utf-8") == new["001.txt"]:
                break
            time.sleep(0.002)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    states = {"old": 0, "new": 0}
    for name in old:
        text = (root / name).read_text(encoding="utf-8")
        assert text in (old[name], new[name]), f"{name} is neither wholly old nor wholly new"
        states["old" if text == old[name] else "new"] += 1
    assert states["new"] >= 1 and states["old"] >= 1, f"not killed mid-way: {states}"
    leftovers = [p for p in root.iterdir() if p.name not in old]
    assert all(p.name.endswith(TEMP_SUFFIX) for p in leftovers)
    assert len(leftovers) <= int(jobs)

    # The next run finishes the job and ignores the interrupted run's temporary files.
    assert run("fix", "--in-place", "--encoding-only", "--jobs", "2", str(root)).exit_code == 0
    assert all((root / name).read_text(encoding="utf-8") == new[name] for name in old)


def test_in_place_keeps_the_owner_where_allowed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user to test this")
    os.chown(path, 65534, 65534)
    assert run("fix", "--in-place", "--encoding-only", str(path)).exit_code == 0
    assert path.read_text(encoding="utf-8") == cleantext.fix_encoding(DAMAGED)
    assert (path.stat().st_uid, path.stat().st_gid) == (65534, 65534)


def test_in_place_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("fix", "--in-place", str(fifo))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {fifo}: is not a regular file; not writing it"
    assert fifo.is_fifo()


def _default_sigint() -> None:
    """Ctrl-C's default action in the child, as in a terminal: a suite started in the
    background by a non-interactive shell (``cmd &``) passes SIGINT on as ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_a_parallel_run_with_one_line(tmp_path: Path) -> None:
    old = {f"{n:03}.txt": DAMAGED * (40 + n % 7) for n in range(150)}
    for name, text in old.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "fix", "--in-place", "--encoding-only",
         "--jobs", "2", str(tmp_path)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        preexec_fn=_default_sigint,
    )  # fmt: skip
    # Interrupt as soon as any file is written, whichever the two workers took first.
    sizes = {name: len(text.encode("utf-8")) for name, text in old.items()}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any((tmp_path / name).stat().st_size != size for name, size in sizes.items()):
            break
        time.sleep(0.002)
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the whole process group
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert stderr.splitlines()[-1] == "error: interrupted"
    assert "Traceback" not in stderr
    for name, text in old.items():
        assert (tmp_path / name).read_text(encoding="utf-8") in (text, cleantext.fix_encoding(text))
    assert not list(tmp_path.glob(f"*{TEMP_SUFFIX}"))


def test_sigterm_rolls_back_the_file_being_written(tmp_path: Path) -> None:
    """``kill`` (SIGTERM) mid-write: the file stays as it was, no temporary file is left,
    one line says why and the exit status is 128 + 15."""
    target = tmp_path / "big.txt"
    original = DAMAGED * 20000  # seconds of work, so the signal comes mid-run
    target.write_text(original, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "fix", "--in-place", "--encoding-only",
         "--stream-above", "0", "--chunk-size", "4096", str(target)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None:
        if any(path.name.endswith(TEMP_SUFFIX) for path in tmp_path.iterdir()):
            break
        time.sleep(0.002)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, stderr
    assert stderr.strip().splitlines()[-1] == "error: terminated"
    assert "Traceback" not in stderr
    assert target.read_text(encoding="utf-8") == original
    assert [path.name for path in tmp_path.iterdir()] == ["big.txt"]
