"""``cleantext fix``: output, in-place, --check, --diff, messages and exit codes."""

from __future__ import annotations

import difflib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.cli.app import cli

DAMAGED = "Heâ€™s at the cafÃ© today.\nA â€œquoteâ€\x9d and more.\n"
CLEAN = "Nothing is wrong with this line.\nNor with this café.\n"


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=stdin)


def fixed(text: str) -> str:
    return cleantext.fix_encoding(text)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "bad.txt").write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "good.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def test_the_sample_damage_is_damage() -> None:
    assert fixed(DAMAGED) != DAMAGED
    assert fixed(CLEAN) == CLEAN


def test_prints_the_repaired_text_and_writes_nothing(corpus: Path) -> None:
    before = (corpus / "bad.txt").read_bytes()
    result = run("fix", "--encoding-only", str(corpus / "bad.txt"))
    assert result.exit_code == 0
    assert result.stdout == fixed(DAMAGED)
    assert (corpus / "bad.txt").read_bytes() == before


def test_several_files_print_in_the_order_given(corpus: Path) -> None:
    result = run("fix", "--encoding-only", str(corpus / "good.txt"), str(corpus / "bad.txt"))
    assert result.stdout == CLEAN + fixed(DAMAGED)


def test_in_place_fixes_and_reports(corpus: Path) -> None:
    result = run("fix", "--encoding-only", "--in-place", str(corpus))
    assert result.exit_code == 0
    assert (corpus / "bad.txt").read_text(encoding="utf-8") == fixed(DAMAGED)
    assert (corpus / "good.txt").read_text(encoding="utf-8") == CLEAN
    assert f"Fixing {corpus / 'bad.txt'}" in result.stderr
    assert "good.txt" not in result.stderr
    assert result.stderr.splitlines()[-1] == "1 file fixed, 1 file already clean."
    assert result.stdout == ""

    again = run("fix", "--encoding-only", "--in-place", str(corpus))
    assert again.exit_code == 0
    assert again.stderr.splitlines() == ["2 files already clean."]


@pytest.mark.parametrize(
    ("options", "damaged_code", "clean_code"),
    [
        ((), 0, 0),
        (("--in-place",), 0, 0),
        (("--in-place", "--exit-non-zero-on-fix"), 1, 0),
        (("--check",), 1, 0),
        (("--diff",), 1, 0),
        (("--check", "--diff"), 1, 0),
        (("--in-place", "--diff"), 1, 0),
    ],
)
def test_exit_codes(
    tmp_path: Path, options: tuple[str, ...], damaged_code: int, clean_code: int
) -> None:
    damaged, clean = tmp_path / "damaged.txt", tmp_path / "clean.txt"
    damaged.write_text(DAMAGED, encoding="utf-8")
    clean.write_text(CLEAN, encoding="utf-8")
    assert run("fix", "--encoding-only", *options, str(damaged)).exit_code == damaged_code
    assert run("fix", "--encoding-only", *options, str(clean)).exit_code == clean_code


def test_check_lists_files_and_never_writes(corpus: Path) -> None:
    stats = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()}
    result = run("fix", "--encoding-only", "--check", str(corpus))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"would fix {corpus / 'bad.txt'}",
        "1 file would be fixed, 1 file already clean.",
    ]
    assert result.stdout == ""
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in corpus.iterdir()} == stats


def test_diff_is_a_unified_diff_on_stdout(corpus: Path) -> None:
    path = corpus / "bad.txt"
    result = run("fix", "--encoding-only", "--diff", str(path))
    expected = difflib.unified_diff(
        DAMAGED.splitlines(keepends=True),
        fixed(DAMAGED).splitlines(keepends=True),
        f"{path}\t(original)",
        f"{path}\t(fixed)",
    )
    assert result.stdout == "".join(expected)
    assert "\x1b[" not in result.stdout
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_diff_is_coloured_when_asked(corpus: Path) -> None:
    result = run("fix", "--encoding-only", "--diff", "--color", str(corpus / "bad.txt"))
    assert "\x1b[31m-He" in result.stdout and "\x1b[32m+He" in result.stdout


def test_quiet_keeps_only_errors(corpus: Path) -> None:
    result = run("fix", "-q", "--encoding-only", "--check", str(corpus), str(corpus / "gone.txt"))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {corpus / 'gone.txt'}: no such file or directory"
    ]


def test_verbose_reports_every_file(corpus: Path) -> None:
    result = run("fix", "-v", "--encoding-only", "--check", str(corpus))
    assert f"{corpus / 'good.txt'} already clean" in result.stderr


def test_standard_input(corpus: Path) -> None:
    result = run("fix", "--encoding-only", "-", stdin=DAMAGED.encode())
    assert result.exit_code == 0
    assert result.stdout == fixed(DAMAGED)
    assert result.stderr == ""
    check = run("fix", "--encoding-only", "--check", "-", stdin=DAMAGED.encode())
    assert (check.exit_code, check.stdout) == (1, "")
    assert check.stderr == "would fix -\n1 file would be fixed.\n"


def test_directories_walk_recursively_with_globs(tmp_path: Path) -> None:
    for name in ["a.txt", "sub/b.txt", "sub/deeper/c.md", "sub/drafts/d.txt", "e.log"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(DAMAGED, encoding="utf-8")
    result = run(
        "fix", "--encoding-only", "--check", "--include", "*.txt", "--include", "*.md",
        "--exclude", "drafts", str(tmp_path),
    )  # fmt: skip
    reported = sorted(line.split()[-1] for line in result.stderr.splitlines()[:-1])
    names = ["a.txt", "sub/b.txt", "sub/deeper/c.md"]
    assert reported == sorted(str(tmp_path / name) for name in names)


def test_a_named_file_is_used_even_when_include_would_not_pick_it(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text(DAMAGED, encoding="utf-8")
    assert run("fix", "--check", "--include", "*.txt", str(path)).exit_code == 1


def test_in_place_keeps_the_file_mode(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    path.chmod(0o640)
    assert run("fix", "--encoding-only", "--in-place", str(path)).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("ending", ["\r\n", "\r"])
def test_in_place_keeps_line_endings(tmp_path: Path, ending: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(DAMAGED.replace("\n", ending).encode())
    run("fix", "--in-place", str(path))
    text = path.read_bytes().decode()
    assert text == fixed(DAMAGED).replace("\n", ending)


def test_in_place_keeps_a_utf8_bom(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DAMAGED.encode())
    run("fix", "--encoding-only", "--in-place", str(path))
    assert path.read_bytes() == b"\xef\xbb\xbf" + fixed(DAMAGED).encode()


def test_binary_files_are_skipped_untouched(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    path.write_bytes(data)
    mtime = path.stat().st_mtime_ns
    result = run("fix", "--in-place", str(path))
    assert result.exit_code == 0
    assert result.stderr.startswith(f"skipping {path}: binary")
    assert "1 file skipped" in result.stderr
    assert (path.read_bytes(), path.stat().st_mtime_ns) == (data, mtime)


LEGACY = "Crème brûlée à la carte, façade and naïve café.\n"


def test_legacy_encoded_file_is_rewritten_as_utf8_only_in_place(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    data = LEGACY.encode("cp1252")
    path.write_bytes(data)
    expected = cleantext.fix_bytes(data)

    printed = run("fix", "--encoding-only", str(path))
    assert printed.stdout_bytes == expected.encode("utf-8")
    assert path.read_bytes() == data

    checked = run("fix", "--encoding-only", "--check", "--verbose", str(path))
    assert checked.exit_code == 1
    assert checked.stderr.startswith(f"would fix {path} (cp1252, would be rewritten as UTF-8; ")
    assert cleantext.fix_bytes_and_explain(data).reason in checked.stderr
    assert path.read_bytes() == data

    written = run("fix", "--encoding-only", "--in-place", str(path))
    assert written.exit_code == 0
    assert written.stderr.splitlines()[0] == f"Fixing {path} (cp1252, rewritten as UTF-8)"
    assert path.read_bytes() == expected.encode("utf-8")


def test_missing_file_is_one_error_line_and_others_still_run(corpus: Path) -> None:
    result = run("fix", "--encoding-only", "--in-place", str(corpus / "nope.txt"), str(corpus))
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"error: {corpus / 'nope.txt'}: no such file or directory",
        f"Fixing {corpus / 'bad.txt'}",
        "1 file fixed, 1 file already clean, 1 error.",
    ]
    assert (corpus / "bad.txt").read_text(encoding="utf-8") == fixed(DAMAGED)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give at least one PATH"),
        (("--check", "--in-place", "x"), "--check never writes"),
        (("--exit-non-zero-on-fix", "x"), "only applies with --in-place"),
        (("--field", "body", "x"), "--field only applies with --jsonl"),
        (("--in-place", "-"), "cannot be mixed"),
        (("-", "x"), "cannot be mixed"),
        (("--profile", "no-such-profile", "x"), "unknown profile 'no-such-profile'"),
        (("--jobs", "-1", "x"), "--jobs"),
        (("--bogus",), "No such option '--bogus'"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(args: tuple[str, ...], message: str) -> None:
    result = run("fix", *args)
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert message in lines[0]
    assert "(see 'cleantext fix --help')" in lines[0]


def test_jobs_give_the_same_result_as_one_process(tmp_path: Path) -> None:
    texts = [DAMAGED * (i % 3 + 1) if i % 2 else CLEAN for i in range(12)]
    for parallel in ("1", "3"):
        folder = tmp_path / parallel
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:02}.txt").write_text(text, encoding="utf-8")
        result = run("fix", "--encoding-only", "--in-place", "--jobs", parallel, str(folder))
        assert result.exit_code == 0
        assert result.stderr.splitlines()[-1] == "6 files fixed, 6 files already clean."
    for i, text in enumerate(texts):
        assert (tmp_path / "3" / f"{i:02}.txt").read_text(encoding="utf-8") == fixed(text)
        assert (tmp_path / "1" / f"{i:02}.txt").read_bytes() == (
            tmp_path / "3" / f"{i:02}.txt"
        ).read_bytes()


def test_large_files_are_streamed_with_the_same_result(tmp_path: Path) -> None:
    text = (DAMAGED + CLEAN) * 200
    small, large = tmp_path / "small.txt", tmp_path / "large.txt"
    small.write_text(text, encoding="utf-8")
    large.write_text(text, encoding="utf-8")
    run("fix", "--encoding-only", "--in-place", str(small))
    options = ["--stream-above", "1000", "--chunk-size", "1000"]
    result = run("fix", "--encoding-only", "--in-place", *options, str(large))
    assert result.exit_code == 0
    assert large.read_bytes() == small.read_bytes() == fixed(text).encode()


def test_large_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN * 5000, encoding="utf-8")
    inode, mtime = path.stat().st_ino, path.stat().st_mtime_ns
    options = ["--stream-above", "1000", "--chunk-size", "4096"]
    run("fix", "--in-place", "--encoding-only", *options, str(path))
    assert (path.stat().st_ino, path.stat().st_mtime_ns) == (inode, mtime)
    assert [p.name for p in tmp_path.iterdir()] == ["clean.txt"]


def test_help_of_every_command_has_examples() -> None:
    for command in ([], ["fix"], ["diagnose"], ["explain"], ["learn-boilerplate"]):
        result = run(*command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout
        assert "cleantext " in result.stdout


def test_jsonl_cleans_one_field_and_keeps_other_lines_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    records = [
        json.dumps({"id": 1, "text": DAMAGED, "title": "Ã©"}, ensure_ascii=False).encode(),
        b'{"id":2,"text":"fine"}',
        b"",
        b'{"id": 3, "text": "caf\\u00c3\\u00a9 au lait"}',
        '{"id": 4, "body": "no text field: Ã©"}'.encode(),
    ]
    path.write_bytes(b"\n".join(records) + b"\n")
    result = run("fix", "--encoding-only", "--in-place", "--jsonl", "--field", "text", str(path))
    assert result.exit_code == 0
    assert f"Fixing {path} (2 records changed)" in result.stderr
    lines = path.read_bytes().split(b"\n")
    assert lines[1:3] == records[1:3] and lines[4] == records[4]
    first, third = json.loads(lines[0]), json.loads(lines[3])
    assert first == {"id": 1, "text": fixed(DAMAGED), "title": "Ã©"}
    assert third["text"] == fixed("cafÃ© au lait")
    assert lines[3].isascii()  # a record that escaped non-ASCII keeps escaping it


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"text": "caf\xe9"}', "line 2: not valid UTF-8 at byte 13 (JSON lines must be UTF-8)"),
        (b'{"text": "unterminated}', "line 2: not valid JSON (Unterminated string"),
    ],
)
def test_jsonl_bad_lines_are_one_error_and_the_file_is_untouched(
    tmp_path: Path, line: bytes, message: str
) -> None:
    path = tmp_path / "data.jsonl"
    data = '{"text": "Ã©"}\n'.encode() + line + b"\n"
    path.write_bytes(data)
    result = run("fix", "--in-place", "--jsonl", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"error: {path}: {message}")
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["data.jsonl"]


def test_jsonl_from_standard_input(tmp_path: Path) -> None:
    result = run(
        "fix", "--encoding-only", "--jsonl", "-", stdin=b'{"text": "caf\xc3\x83\xc2\xa9"}\n'
    )
    assert json.loads(result.stdout) == {"text": fixed("cafÃ©")}


def test_read_only_file_is_not_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    path.chmod(0o444)
    result = run("fix", "--in-place", str(path))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == f"error: {path}: is read-only; not writing it"
    assert path.read_text(encoding="utf-8") == DAMAGED


def test_main_module_runs_the_cli() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "cleantext", "fix", "--encoding-only", "-"],
        input=DAMAGED.encode(),
        capture_output=True,
        check=False,
    )
    assert (done.returncode, done.stdout.decode()) == (0, fixed(DAMAGED))
    assert os.environ.get("CLEANTEXT_DEBUG") is None


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252", "utf-16"])
def test_streamed_and_whole_files_agree_on_encodings(tmp_path: Path, encoding: str) -> None:
    text = ("Crème brûlée, façade, naïve café.\n" + DAMAGED + "plain line\n") * 100
    if encoding == "cp1252":
        text = "Crème brûlée, façade, naïve café. Ça coûte très cher, déjà.\n" * 100
    paths = [tmp_path / "whole.txt", tmp_path / "streamed.txt"]
    for path in paths:
        path.write_bytes(text.encode(encoding))
    options = ["--encoding-only", "--in-place"]
    whole = run("fix", *options, str(paths[0]))
    streamed = run("fix", *options, "--stream-above", "100", "--chunk-size", "512", str(paths[1]))
    assert whole.exit_code == streamed.exit_code == 0
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].read_bytes().startswith(b"\xef\xbb\xbf") == (encoding == "utf-8-sig")
    assert whole.stderr.replace(str(paths[0]), str(paths[1])) == streamed.stderr
    assert ("rewritten as UTF-8" in whole.stderr) == (encoding != "utf-8-sig")


PROSE = "“Quoted” text — with dashes… and  a Ã© here.\r\nSecond line.\r\n"


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ((), lambda t: cleantext.clean(t)),
        (("--profile", "ascii-punctuation"), lambda t: cleantext.clean(t, "ascii-punctuation")),
        (("--set", "quotes=straighten"), lambda t: cleantext.clean(t, quotes="straighten")),
        (
            ("--profile", "nfkc", "--set", "dashes=ascii", "--set", "ellipsis=true"),
            lambda t: cleantext.clean(t, "nfkc", dashes="ascii", ellipsis=True),
        ),
        (("--encoding-only",), cleantext.fix_encoding),
    ],
)
def test_profiles_and_options_reach_clean(
    tmp_path: Path, options: tuple[str, ...], expected: Callable[[str], str]
) -> None:
    """The file keeps its CRLF line endings whatever the profile does to line breaks."""
    path = tmp_path / "prose.txt"
    path.write_bytes(PROSE.encode())
    result = run("fix", *options, str(path))
    assert result.exit_code == 0, result.stderr
    want = expected(PROSE.replace("\r\n", "\n")).replace("\n", "\r\n")
    assert result.stdout_bytes.decode() == want


def test_rules_file_replaces_the_bundled_boilerplate_rules(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text(
        '[[rule]]\nname = "site header"\nkind = "exact"\npattern = "SITE HEADER"\n',
        encoding="utf-8",
    )
    path = tmp_path / "page.txt"
    path.write_text("SITE HEADER\nA story of its own.\n", encoding="utf-8")
    result = run("fix", "--rules", str(rules), str(path))
    assert result.stdout == cleantext.clean(path.read_text(), boilerplate_rules=str(rules))
    assert result.stdout == "A story of its own.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--set", "quotes=bogus"), "invalid value 'bogus' for option 'quotes'"),
        (("--set", "nothing=1"), "unknown option 'nothing'"),
        (("--set", "quotes"), "--set expects OPTION=VALUE"),
        (("--rules", "/no/such/rules.toml"), "rules.toml"),
        (("--encoding-only", "--profile", "nfkc"), "--encoding-only cannot be combined"),
    ],
)
def test_bad_cleaning_options_are_one_line(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DAMAGED, encoding="utf-8")
    result = run("fix", "--in-place", *args, str(path))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and message in result.stderr
    assert path.read_text(encoding="utf-8") == DAMAGED


PIECES = st.sampled_from(
    ["plain ", "café ", "Ã© ", "â€™", "鈥淗", "\n", "\r\n", "  ", "\t", "“q” ", "x\u200by "]
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from([(), ("--encoding-only",)]))
def test_fix_check_and_in_place_agree(tmp_path: Path, text: str, options: tuple[str, ...]) -> None:
    """Printing, checking and writing in place are three views of one cleaning."""
    path = tmp_path / "doc.txt"
    data = text.encode("utf-8")
    path.write_bytes(data)
    printed = run("fix", *options, str(path)).stdout_bytes
    check = run("fix", "--check", *options, str(path))
    assert path.read_bytes() == data
    assert check.exit_code == (1 if printed != data else 0)
    written = run("fix", "--in-place", *options, str(path))
    assert written.exit_code == 0
    assert path.read_bytes() == printed
    assert run("fix", "--check", *options, str(path)).exit_code == 0  # cleaning is idempotent
