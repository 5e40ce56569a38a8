"""Every example in README.md and docs/*.md runs, and its shown output is checked.

How a fenced block is treated, by its language:

* ``python``/``pycon`` with ``>>>`` prompts: run with :mod:`doctest` (ELLIPSIS on),
  so the output shown under each prompt is compared with the real output.
* ``python`` without prompts: executed; a line ``expression  # 'literal'`` whose
  comment is a Python literal must evaluate to that literal (README style).
* ``console``: executed with bash when every command is ``cleantext ...`` or
  ``python -m cleantext ...`` (optionally fed by ``echo``/``printf``/``cat``, or
  ``echo $?``); the lines after the commands are the expected combined output.
  Other console blocks (``pip install``, ``pre-commit``, ...) are shown, not run.
* ``text``: a ``before: X`` line followed by ``after:  Y`` must satisfy
  ``cleantext.fix_encoding(X) == Y`` (the README's showcase).
* anything else (``toml``, ``sh``, ...): not code to run.

The blocks of one page share one namespace and one working directory, a fresh
temporary folder holding a copy of ``fixtures/``, so a page reads like a session
and never writes into the checkout.  A block that cannot run in CI (e.g. code for
a real cluster) is preceded by ``<!-- docs-test: skip: <reason> -->``.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import io
import itertools
import os
import re
import shutil
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
API_PAGE = ROOT / "docs" / "api.md"

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_SKIP = re.compile(r"^<!--\s*docs-test:\s*skip\b:?\s*(?P<reason>.*?)\s*-->$")
_PYTHON = {"python", "py", "python3", "pycon"}
_CONSOLE = {"console", "shell-session"}
_CLI = re.compile(r"(?:^|\|\s*)(?:cleantext|python -m cleantext)(?:\s|$)")
_FEEDER = re.compile(r"^(?:echo|printf|cat)\b")
_EXIT = re.compile(r"(?:^|\n)\[exit (?P<status>\d+)\]\s*$")
_FLAGS = doctest.ELLIPSIS


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the first body line
    language: str
    body: str
    skip_reason: str | None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of a Markdown page, in order."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _OPEN.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent, fence = opening["indent"], opening["fence"]
        info = opening["info"].strip().lstrip("{").lstrip(".")
        language = info.split()[0].lower() if info else ""
        previous = next((ln.strip() for ln in reversed(lines[:index]) if ln.strip()), "")
        skip = _SKIP.match(previous)
        body: list[str] = []
        index += 1
        start = index + 1
        while index < len(lines) and not (
            lines[index].startswith(indent + fence[0] * len(fence))
            and lines[index].strip().strip(fence[0]) == ""
        ):
            body.append(lines[index][len(indent) :] if lines[index].startswith(indent) else "")
            index += 1
        index += 1
        found.append(
            Block(page, start, language, "\n".join(body) + "\n", skip["reason"] if skip else None)
        )
    return found


def _literal_comments(source: str) -> dict[int, Any]:
    """Line number -> value of a trailing ``# literal`` comment, where it is one."""
    comments: dict[int, Any] = {}
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            with contextlib.suppress(ValueError, SyntaxError, TypeError, RecursionError):
                comments[token.start[0]] = ast.literal_eval(token.string[1:].strip())
    return comments


def run_python(block: Block, namespace: dict[str, Any]) -> list[str]:
    """Execute a prompt-less block; check ``expr  # literal`` lines."""
    tree = ast.parse(block.body, filename=block.where)
    expected = _literal_comments(block.body)
    failures: list[str] = []
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        if isinstance(statement, ast.Expr) and end in expected:
            code = compile(ast.Expression(statement.value), block.where, "eval")
            value = eval(code, namespace)
            if value != expected[end]:
                failures.append(
                    f"{block.page.relative_to(ROOT)}:{block.line + end - 1}: "
                    f"shows {expected[end]!r}, got {value!r}"
                )
        else:
            module = ast.Module(body=[statement], type_ignores=[])
            exec(compile(module, block.where, "exec"), namespace)
    return failures


def run_doctest(block: Block, namespace: dict[str, Any]) -> list[str]:
    """Run a ``>>>`` block with doctest; return its failure reports."""
    name = block.where
    test = doctest.DocTestParser().get_doctest(
        block.body, namespace, name, str(block.page), block.line - 1
    )
    report = io.StringIO()
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    runner.run(test, out=report.write, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy; later blocks build on this one
    return [report.getvalue()] if runner.failures else []


def console_commands(body: str) -> list[tuple[str, str]]:
    """The ``$`` commands of a console block, each with the output shown after it."""
    steps: list[tuple[str, list[str]]] = []
    continuing = False
    for line in body.splitlines():
        if continuing:
            steps[-1] = (steps[-1][0] + "\n" + line, steps[-1][1])
            continuing = line.endswith("\\")
        elif line.startswith("$ "):
            steps.append((line[2:], []))
            continuing = line.endswith("\\")
        elif steps:
            steps[-1][1].append(line)
    return [(command, "\n".join(shown).strip("\n")) for command, shown in steps]


def runnable_console(body: str) -> bool:
    """Whether every command is the CLI (or feeds it, or shows the exit status)."""
    commands = [command for command, _ in console_commands(body)]
    return any(_CLI.search(command) for command in commands) and all(
        _CLI.search(command) or command.strip() == "echo $?" or _FEEDER.match(command)
        for command in commands
    )


def run_console(block: Block, cwd: Path) -> list[str]:
    """Run each command with bash in ``cwd``; compare its combined output.

    A shown output may end with ``[exit N]``, which is checked against the exit
    status; ``echo $?`` shows the status of the command before it.
    """
    env = dict(os.environ)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env.update({"PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "COLUMNS": "80"})
    checker = doctest.OutputChecker()
    failures: list[str] = []
    status = 0
    for command, shown in console_commands(block.body):
        expected_status: int | None = None
        exit_line = _EXIT.search(shown)
        if exit_line is not None:
            expected_status = int(exit_line["status"])
            shown = shown[: exit_line.start()].rstrip("\n")
        result = subprocess.run(
            ["bash", "-c", f"(exit {status}); {command}"],
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=300,
            check=False,
        )
        status = result.returncode
        got = result.stdout.strip("\n")
        if not checker.check_output(shown + "\n", got + "\n", _FLAGS):
            failures.append(f"{block.where}: $ {command}\n--- shown\n{shown}\n--- got\n{got}")
        if expected_status is not None and status != expected_status:
            failures.append(f"{block.where}: $ {command}: exit {status}, shown {expected_status}")
    return failures


def check_before_after(block: Block) -> list[str]:
    """``before:``/``after:`` line pairs in a text block are what ``fix_encoding`` does."""
    import cleantext

    lines = block.body.splitlines()
    failures: list[str] = []
    for index, (line, following) in enumerate(itertools.pairwise(lines)):
        if line.startswith("before: ") and following.startswith("after: "):
            before, shown = line[len("before: ") :], following[len("after: ") :].lstrip(" ")
            got = cleantext.fix_encoding(before)
            if got != shown:
                where = f"{block.page.relative_to(ROOT)}:{block.line + index}"
                failures.append(f"{where}: fix_encoding gives {got!r}, page shows {shown!r}")
    return failures


def _page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_page_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    failures: list[str] = []
    for block in blocks(page):
        if block.skip_reason is not None:
            assert block.skip_reason, f"{block.where}: a skipped example must say why"
            continue
        if block.language in _PYTHON:
            prompts = any(ln.lstrip().startswith(">>>") for ln in block.body.splitlines())
            runner = run_doctest if prompts else run_python
            try:
                failures += runner(block, namespace)
            except Exception as error:  # report every broken block, not just the first
                failures.append(f"{block.where}: {type(error).__name__}: {error}")
        elif block.language in _CONSOLE and runnable_console(block.body):
            failures += run_console(block, tmp_path)
        elif block.language == "text":
            failures += check_before_after(block)
    assert not failures, "\n\n".join(failures)


def test_every_page_is_in_the_site_nav() -> None:
    """mkdocs --strict warns on pages left out of the nav; say which, here too."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = set(re.findall(r":\s*([\w./-]+\.md)\s*$", config, flags=re.MULTILINE))
    pages = {page.name for page in (ROOT / "docs").glob("*.md")}
    assert pages <= listed, f"add to the nav in mkdocs.yml: {sorted(pages - listed)}"


def test_api_reference_covers_every_public_name() -> None:
    import cleantext

    page = API_PAGE.read_text(encoding="utf-8")
    on_page = set(re.findall(r"^:::\s*cleantext\.(\w+)\s*$", page, flags=re.MULTILINE))
    missing = sorted(set(cleantext.__all__) - on_page)
    assert not missing, f"add '::: cleantext.NAME' to docs/api.md for: {missing}"
    undocumented = [
        name
        for name in cleantext.__all__
        if callable(getattr(cleantext, name)) and not _own_docstring(getattr(cleantext, name))
    ]
    assert not undocumented, f"public names without a docstring: {undocumented}"


def _own_docstring(obj: Any) -> bool:
    """A docstring written for ``obj`` (not a dataclass's generated signature)."""
    doc = obj.__doc__ or ""
    if isinstance(obj, type) and doc.startswith(f"{obj.__name__}("):
        return False
    return bool(doc.strip())


# The harness itself: table-driven checks that it catches wrong output.
@pytest.mark.parametrize(
    ("body", "fails"),
    [
        (">>> 1 + 1\n2\n", False),
        (">>> 1 + 1\n3\n", True),
        (">>> 'abcdef'\n'ab...'\n", False),
    ],
)
def test_doctest_blocks_check_output(body: str, fails: bool) -> None:
    block = Block(ROOT / "README.md", 1, "python", body, None)
    assert bool(run_doctest(block, {})) is fails


@pytest.mark.parametrize(
    ("body", "fails"),
    [
        ("x = 2\nx + 1  # 3\n", False),
        ("x = 2\nx + 1  # 4\n", True),
        ("print('hi')  # a remark, not a literal\n", False),
    ],
)
def test_plain_blocks_check_literal_comments(body: str, fails: bool) -> None:
    block = Block(ROOT / "README.md", 1, "python", body, None)
    assert bool(run_python(block, {})) is fails


@pytest.mark.parametrize(
    ("body", "fails"),
    [
        ("before: Heâs here\nafter:  He’s here\n", False),
        ("before: Heâs here\nafter:  Heâs here\n", True),
        ("before: fine\nsomething else\nafter:  changed\n", False),
    ],
)
def test_text_blocks_check_before_after(body: str, fails: bool) -> None:
    block = Block(ROOT / "README.md", 1, "text", body, None)
    assert bool(check_before_after(block)) is fails


@pytest.mark.parametrize(
    ("body", "runnable"),
    [
        ("$ cleantext fix a.txt\n", True),
        ("$ echo 'x' | cleantext fix -\nx\n$ echo $?\n0\n", True),
        ("$ python -m cleantext explain x\n", True),
        ("$ pip install cleantext-repair\n", False),
        ("$ pre-commit run --all-files\n", False),
        ("$ echo hi\n", False),
    ],
)
def test_which_console_blocks_run(body: str, runnable: bool) -> None:
    assert runnable_console(body) is runnable


@pytest.mark.parametrize(
    ("body", "fails"),
    [
        ("$ echo 'Heâs here' | cleantext fix -\nHe’s here\n", False),
        ("$ echo 'Heâs here' | cleantext fix -\nHeâs here\n", True),
        ("$ cleantext fix --check missing.txt\n...\n[exit 2]\n", False),
        ("$ cleantext fix --check missing.txt\n...\n[exit 0]\n", True),
        ("$ cleantext fix --check missing.txt\n...\n$ echo $?\n2\n", False),
    ],
)
def test_console_blocks_check_output(body: str, fails: bool, tmp_path: Path) -> None:
    block = Block(ROOT / "README.md", 1, "console", body, None)
    assert bool(run_console(block, tmp_path)) is fails


def test_getting_started_hook_snippet_matches_the_shipped_hook() -> None:
    """The YAML shown on the getting-started page runs what .pre-commit-hooks.yaml runs."""
    page = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    shipped = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    shown_entry = re.search(r"^\s+entry: (.+)$", page, flags=re.MULTILINE)
    assert shown_entry is not None
    hook = shipped.split("- id: cleantext-fix", 1)[1].split("- id:", 1)[0]
    entry = re.search(r"^\s+entry: (.+)$", hook, flags=re.MULTILINE)
    args = re.search(r"^\s+args: \[(.*)\]$", hook, flags=re.MULTILINE)
    assert entry is not None and args is not None
    expected = " ".join([entry[1].strip(), *(a.strip() for a in args[1].split(","))])
    assert shown_entry[1].strip() == expected
