"""Every example in README.md and docs/*.md is checked; shown output is compared.

What happens to a fenced block depends on its language (``python tests/test_docs_examples.py``
prints, page by page, how many blocks were checked which way):

* ``python``/``pycon`` with ``>>>`` prompts: run with :mod:`doctest` (ELLIPSIS on),
  so the output shown under each prompt is compared with the real output.
* ``python`` without prompts: executed; a line ``expression  # literal`` whose
  comment is a Python literal must evaluate to that literal.
* ``console``: executed with bash when every command is ``cleantext ...`` or
  ``python -m cleantext ...`` (optionally fed by ``echo``/``printf``/``cat``, or
  ``echo $?``); the lines after the commands are the expected combined output.
* ``sh``: a list of commands for the reader to type, with no output shown: checked
  with ``bash -n``, and noted when every command is one that ``.ci/run`` runs.
* ``text``: a ``before: X`` line followed by ``after:  Y`` must satisfy
  ``cleantext.fix_encoding(X) == Y``; a ``$ pre-commit run`` transcript has its
  cleantext output re-made by running the hooks' commands on copies of the seeds;
  docs/cli.md's transcripts are run by tests/test_cli_docs.py and docs/gallery.md is
  generated (tests/test_gallery.py).  Any other ``text`` block fails the check.
* ``yaml``/``toml``: parsed (a TOML rule file is loaded as boilerplate rules);
  ``diff``: each removed line, repaired by ``fix_encoding``, is the added line below it.
* a block with no language is plain text (a message or prose), not code.

The blocks of one page share one namespace and one working directory, a fresh
temporary folder holding a copy of ``fixtures/``, so a page reads like a session
and never writes into the checkout.

A block that cannot run in CI (code for a Spark cluster, a 1 GB measurement) says so
where readers see it, as the title of the block::

    ```python title="Not run in CI: needs a Spark cluster"

Such a block is still compiled (Python) or syntax-checked (``bash -n``).  A
``console`` block that is neither run nor so marked fails the check.
"""

from __future__ import annotations

import ast
import contextlib
import doctest
import importlib.util
import io
import itertools
import logging
import os
import re
import shutil
import subprocess
import sys
import tokenize
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # cleantext depends on the backport there
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
API_PAGE = ROOT / "docs" / "api.md"
CI_SCRIPT = ROOT / ".ci" / "run"
HOOKS = ROOT / ".pre-commit-hooks.yaml"

_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_NOT_RUN = re.compile(r'\btitle="Not run in CI: (?P<reason>[^"]*)"')
_HIDDEN_SKIP = re.compile(r"<!--\s*docs-test", re.IGNORECASE)
_PYTHON = {"python", "py", "python3", "pycon"}
_CONSOLE = {"console", "shell-session"}
_SHELL = {"sh", "bash", "shell"}
_CLI = re.compile(r"(?:^|\|\s*)(?:cleantext|python -m cleantext)(?:\s|$)")
_FEEDER = re.compile(r"^(?:echo|printf|cat)\b")
_EXIT = re.compile(r"(?:^|\n)\[exit (?P<status>\d+)\]\s*$")
_FLAGS = doctest.ELLIPSIS

#: Pages whose examples need an optional extra, and the module that tells it is there.
NEEDS = {"docs/scale.md": "dask.distributed"}
#: Blocks checked by their own test file rather than here (page -> how).
ELSEWHERE = {
    "docs/cli.md": "transcript run by tests/test_cli_docs.py",
    "docs/gallery.md": "generated, compared by tests/test_gallery.py",
}
#: The seeds a ``$ pre-commit run`` transcript describes, under the names it shows.
PRE_COMMIT_CORPUS = {"corpus-000.txt": "000_", "corpus-001.txt": "001_", "corpus-003.txt": "003_"}


@dataclass(frozen=True)
class Block:
    page: Path
    line: int  # 1-based line of the first body line
    language: str
    body: str
    not_run: str | None  # the reason shown in the block's "Not run in CI: ..." title

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def page_name(self) -> str:
        return str(self.page.relative_to(ROOT))


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
        not_run = _NOT_RUN.search(info)
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
        reason = not_run["reason"] if not_run else None
        found.append(Block(page, start, language, "\n".join(body) + "\n", reason))
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


def shell_commands(block: Block) -> str:
    """The commands of a ``console`` (``$`` prompts) or ``sh`` block, as a script."""
    if block.language in _CONSOLE:
        return "\n".join(command for command, _ in console_commands(block.body)) + "\n"
    return block.body


def check_shell_syntax(block: Block) -> list[str]:
    """``bash -n``: the commands parse (nothing is run)."""
    result = subprocess.run(
        ["bash", "-n"],
        input=shell_commands(block),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return [] if result.returncode == 0 else [f"{block.where}: bash -n: {result.stderr.strip()}"]


def ci_commands() -> set[str]:
    """The command lines of ``.ci/run`` (comments dropped)."""
    lines = CI_SCRIPT.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")}


def run_by_ci(block: Block) -> bool:
    """Every command of an ``sh`` block is a line that ``.ci/run`` runs as it is."""
    commands = [ln.split("  #")[0].strip() for ln in block.body.splitlines()]
    commands = [command for command in commands if command and not command.startswith("#")]
    return bool(commands) and set(commands) <= ci_commands()


def check_compiles(block: Block) -> list[str]:
    """A Python block that is not run must at least compile."""
    source = block.body
    if any(line.lstrip().startswith(">>>") for line in source.splitlines()):
        examples = doctest.DocTestParser().get_examples(source)
        source = "".join(example.source for example in examples)
    try:
        compile(source, block.where, "exec")
    except SyntaxError as error:
        return [f"{block.where}: does not compile: {error}"]
    return []


def check_yaml(block: Block) -> list[str]:
    import yaml

    try:
        yaml.safe_load(block.body)
    except yaml.YAMLError as error:
        return [f"{block.where}: not YAML: {error}"]
    return []


def check_toml(block: Block) -> list[str]:
    """The TOML parses; a boilerplate rule file also loads as rules."""
    import cleantext.boilerplate

    try:
        if "[[rule]]" in block.body:
            cleantext.boilerplate.loads(block.body)
        else:
            tomllib.loads(block.body)
    except ValueError as error:
        return [f"{block.where}: {type(error).__name__}: {error}"]
    return []


def check_diff(block: Block) -> list[str]:
    """Each ``-`` line followed by a ``+`` line is a repair ``fix_encoding`` makes."""
    import cleantext

    failures: list[str] = []
    lines = block.body.splitlines()
    for index, (line, following) in enumerate(itertools.pairwise(lines)):
        if line.startswith("-") and following.startswith("+"):
            got = cleantext.fix_encoding(line[1:])
            if got != following[1:]:
                where = f"{block.page_name}:{block.line + index + 1}"
                failures.append(
                    f"{where}: fix_encoding gives {got!r}, diff shows {following[1:]!r}"
                )
    return failures


def _hook_command(hook_id: str) -> str:
    """The command a hook of .pre-commit-hooks.yaml runs: its entry and default args."""
    import yaml

    hooks = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    hook = next(hook for hook in hooks if hook["id"] == hook_id)
    return " ".join([hook["entry"], *hook.get("args", [])])


def check_pre_commit(block: Block, cwd: Path) -> list[str]:
    """A ``$ pre-commit run`` transcript: re-make cleantext's part of it.

    pre-commit itself is exercised by tests/test_precommit.py (a real run, ~20 s of
    installing); here each hook's command runs on copies of the seeds the page names,
    and cleantext's output and the hook's pass/fail must be what the transcript shows.
    """
    corpus = cwd / "pre-commit-corpus"
    corpus.mkdir()
    for name, prefix in PRE_COMMIT_CORPUS.items():
        (seed,) = (ROOT / "fixtures" / "seeds").glob(f"{prefix}*.txt")
        shutil.copyfile(seed, corpus / name)
    files = " ".join(sorted(PRE_COMMIT_CORPUS))
    failures: list[str] = []
    steps = console_commands(block.body)
    if not steps:
        return [f"{block.where}: no '$ pre-commit run' commands"]
    for command, shown in steps:
        named = re.fullmatch(r"pre-commit run (?:(?P<hook>\S+) )?--all-files", command)
        if named is None:
            failures.append(f"{block.where}: cannot re-make '$ {command}'")
            continue
        hook_ids = [named["hook"]] if named["hook"] else ["cleantext-check", "cleantext-fix"]
        for hook_id in hook_ids:
            result = subprocess.run(
                ["bash", "-c", f"{_hook_command(hook_id)} {files}"],
                cwd=corpus,
                env={**os.environ, "NO_COLOR": "1"},
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=300,
                check=False,
            )
            verdict = "Passed" if result.returncode == 0 else "Failed"
            title = re.search(rf"^(?P<title>.*\.{{3,}}){verdict}$", shown, flags=re.MULTILINE)
            if title is None:
                failures.append(f"{block.where}: $ {command}: {hook_id} should show {verdict}")
            if result.returncode != 0 and result.stdout.strip() not in shown:
                failures.append(
                    f"{block.where}: $ {command}: {hook_id} prints\n{result.stdout.strip()}"
                )
        status = _EXIT.search(shown)
        expected = "0" if "Failed" not in shown else "1"
        if status is None or status["status"] != expected:
            failures.append(f"{block.where}: $ {command}: should end with [exit {expected}]")
    return failures


def how_checked(block: Block) -> str | None:
    """How a block is checked, in a few words; ``None`` for a block nothing checks."""
    prompts = any(ln.lstrip().startswith(">>>") for ln in block.body.splitlines())
    if block.page_name in ELSEWHERE and block.language == "text":
        return ELSEWHERE[block.page_name]
    if block.language in _PYTHON:
        if block.not_run is not None:
            return "compiled, not run"
        return "doctest" if prompts else "executed"
    if block.language in _CONSOLE:
        if block.not_run is None and runnable_console(block.body):
            return "run, output compared"
        return "bash -n, not run" if block.not_run is not None else None
    if block.language in _SHELL:
        return "run by .ci/run" if run_by_ci(block) else "bash -n"
    if block.language == "text":
        if any(line.startswith("before: ") for line in block.body.splitlines()):
            return "before/after compared"
        if block.body.startswith("$ pre-commit run"):
            return "pre-commit transcript re-made"
        return None
    if block.language == "yaml":
        return "parsed"
    if block.language == "toml":
        return "parsed, loaded as rules" if "[[rule]]" in block.body else "parsed"
    if block.language == "diff":
        return "repairs compared"
    if block.language == "":
        return "plain text, not code"
    return None


def check_block(block: Block, namespace: dict[str, Any], cwd: Path) -> list[str]:
    """Run or check one block as :func:`how_checked` says; return its failures."""
    how = how_checked(block)
    if how is None:
        return [
            f"{block.where}: a {block.language or 'plain'} block nothing checks; run it, "
            'or title it "Not run in CI: <why>" (see this file\'s docstring)'
        ]
    if block.not_run is not None and not block.not_run.strip():
        return [f"{block.where}: a block that is not run must say why"]
    if how in ("doctest", "executed"):
        runner = run_doctest if how == "doctest" else run_python
        try:
            return runner(block, namespace)
        except Exception as error:  # report every broken block, not just the first
            return [f"{block.where}: {type(error).__name__}: {error}"]
    checks: dict[str, Callable[[], list[str]]] = {
        "compiled, not run": lambda: check_compiles(block),
        "run, output compared": lambda: run_console(block, cwd),
        "bash -n, not run": lambda: check_shell_syntax(block),
        "run by .ci/run": lambda: check_shell_syntax(block),
        "bash -n": lambda: check_shell_syntax(block),
        "before/after compared": lambda: check_before_after(block),
        "pre-commit transcript re-made": lambda: check_pre_commit(block, cwd),
        "parsed": lambda: check_toml(block) if block.language == "toml" else check_yaml(block),
        "parsed, loaded as rules": lambda: check_toml(block),
        "repairs compared": lambda: check_diff(block),
    }
    return checks[how]() if how in checks else []


def _page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_page_examples(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    needs = NEEDS.get(_page_id(page))
    if needs is not None and importlib.util.find_spec(needs.split(".")[0]) is None:
        pytest.skip(f"{_page_id(page)} needs {needs}: pip install -e '.[dask]' to run it")
    shutil.copytree(ROOT / "fixtures", tmp_path / "fixtures")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    failures: list[str] = []
    try:
        for block in blocks(page):
            failures += check_block(block, namespace, tmp_path)
    finally:
        _close_clusters(namespace)
    assert not failures, "\n\n".join(failures)


def _close_clusters(namespace: dict[str, Any]) -> None:
    """Close the Dask clients and clusters a page opened, even when a block failed."""
    opened = [
        value for value in namespace.values() if type(value).__module__.startswith("distributed")
    ]
    for value in sorted(opened, key=lambda value: type(value).__name__ != "Client"):
        if callable(getattr(value, "close", None)):
            with contextlib.suppress(Exception):
                value.close()


def test_no_hidden_skip_markers() -> None:
    """A block is marked as not run where readers see it, never in an HTML comment."""
    hidden = [
        f"{_page_id(page)}:{number}"
        for page in PAGES
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if _HIDDEN_SKIP.search(line)
    ]
    assert not hidden, f'use a "Not run in CI: <why>" block title instead: {hidden}'


def test_cli_transcripts_are_all_run() -> None:
    """Every text block of docs/cli.md is one that tests/test_cli_docs.py runs."""
    spec = importlib.util.spec_from_file_location("cli_docs", ROOT / "tests" / "test_cli_docs.py")
    assert spec is not None and spec.loader is not None
    cli_docs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cli_docs)
    shown = [b for b in blocks(ROOT / "docs" / "cli.md") if b.language == "text"]
    assert len(cli_docs.blocks()) == len(shown)
    assert all(len(list(cli_docs.STEP.finditer(block))) for block in cli_docs.blocks())


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


@pytest.mark.parametrize(
    ("language", "body", "fails"),
    [
        ("yaml", "repos:\n  - repo: local\n", False),
        ("yaml", "repos: [unclosed\n", True),
        ("toml", 'version = 1\n[[rule]]\nname = "x"\nkind = "exact"\npattern = "Share"\n', False),
        ("toml", '[[rule]]\nname = "x"\nkind = "regex"\npattern = "("\n', True),
        ("toml", "key = \n", True),
        ("diff", "-Heâs here\n+He’s here\n", False),
        ("diff", "-Heâs here\n+He's here\n", True),
        ("sh", "python -m pip install cleantext-repair  # comment\n", False),
        ("sh", "echo 'unclosed\n", True),
        ("console", "$ echo 'unclosed\n", True),
    ],
)
def test_blocks_that_are_parsed_or_syntax_checked(language: str, body: str, fails: bool) -> None:
    block = Block(
        ROOT / "README.md", 1, language, body, "a reason" if language == "console" else None
    )
    assert bool(check_block(block, {}, ROOT)) is fails


@pytest.mark.parametrize(
    ("body", "fails"),
    [
        ("client = Client('tcp://scheduler:8786')\n", False),  # compiled, never connects
        ("def broken(:\n", True),
        (">>> import nowhere_to_be_found\n", False),
        (">>> print(\n", True),
    ],
)
def test_blocks_not_run_are_compiled(body: str, fails: bool) -> None:
    block = Block(ROOT / "README.md", 1, "python", body, "needs a cluster")
    assert how_checked(block) == "compiled, not run"
    assert bool(check_block(block, {}, ROOT)) is fails


def test_unchecked_blocks_fail() -> None:
    """A text block of no known form, an unmarked console session, an unknown language."""
    for language, body in [
        ("text", "some output\n"),
        ("console", "$ pip install cleantext-repair\n"),
        ("ruby", "puts 1\n"),
    ]:
        block = Block(ROOT / "README.md", 1, language, body, None)
        assert how_checked(block) is None
        assert check_block(block, {}, ROOT)


def test_not_run_title_is_read_from_the_fence(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '```python title="Not run in CI: needs Spark"\nimport pyspark\n```\n'
        "```python\nx = 1\n```\n",
        encoding="utf-8",
    )
    spark, plain = (
        Block(ROOT / "README.md", b.line, b.language, b.body, b.not_run) for b in blocks(page)
    )
    assert (spark.not_run, plain.not_run) == ("needs Spark", None)
    assert how_checked(spark) == "compiled, not run" and how_checked(plain) == "executed"


@pytest.mark.parametrize(("shown", "fails"), [("would fix corpus-001.txt", False), ("", True)])
def test_pre_commit_transcripts_are_remade(shown: str, fails: bool, tmp_path: Path) -> None:
    body = (
        "$ pre-commit run cleantext-check --all-files\n"
        "check for broken text (cleantext)........Failed\n"
        f"{shown}\nwould fix corpus-003.txt\n2 files would be fixed, 1 file already clean.\n"
        "[exit 1]\n"
    )
    block = Block(ROOT / "docs" / "pre-commit.md", 1, "text", body, None)
    assert how_checked(block) == "pre-commit transcript re-made"
    assert bool(check_block(block, {}, tmp_path)) is fails


def _load_hooks(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    pytest.importorskip("griffe", reason="the docs extra: pip install -e '.[docs]'")
    spec = importlib.util.spec_from_file_location("docs_hooks", ROOT / "scripts" / "docs_hooks.py")
    assert spec is not None and spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "docs_hooks", hooks)
    spec.loader.exec_module(hooks)
    return hooks


def test_site_hook_passes_on_this_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _load_hooks(monkeypatch).problems() == []


def test_site_hook_names_undocumented_and_missing_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """What makes ``mkdocs build --strict`` fail: a public name without a docstring,
    or without a ``::: NAME`` block on the API page (a re-export documented under
    either name counts)."""
    hooks = _load_hooks(monkeypatch)
    package = tmp_path / "src" / "cleantext"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        '"""A stand-in package."""\n\nfrom cleantext.sub import shared\n\n'
        '__all__ = ["told", "silent", "unlisted", "shared"]\n\n\n'
        'def told() -> None:\n    """Documented."""\n\n\n'
        "def silent() -> None:\n    pass\n\n\n"
        'def unlisted() -> None:\n    """Documented, but not on the page."""\n',
        encoding="utf-8",
    )
    (package / "sub.py").write_text(
        '"""A public submodule."""\n\n__all__ = ["shared", "CONSTANT", "BARE"]\n\n'
        "#: Described by a comment, as the site reads it.\nCONSTANT = 1\nBARE = 2\n\n\n"
        'def shared() -> None:\n    """Documented once, as cleantext.shared."""\n',
        encoding="utf-8",
    )
    page = tmp_path / "api.md"
    page.write_text(
        "::: cleantext.told\n\n::: cleantext.silent\n\n::: cleantext.shared\n\n"
        "::: cleantext.sub.CONSTANT\n\n::: cleantext.sub.BARE\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(hooks, "ROOT", tmp_path)
    monkeypatch.setattr(hooks, "API_PAGE", page)
    monkeypatch.setattr(hooks, "PUBLIC_MODULES", ("cleantext", "cleantext.sub", "cleantext.gone"))
    expected = [
        "cleantext.silent has no docstring",
        "cleantext.unlisted is not in docs/api.md (add '::: cleantext.unlisted')",
        "cleantext.sub.BARE has no docstring",
    ]
    assert hooks.problems() == expected
    with caplog.at_level(logging.WARNING, logger="mkdocs.hooks.api_coverage"):
        hooks.on_pre_build({})
    assert [record.getMessage() for record in caplog.records] == [
        f"API reference: {problem}" for problem in expected
    ]


def inventory() -> dict[str, dict[str, int]]:
    """Page -> how its blocks are checked -> how many (for reports and reviews)."""
    counts: dict[str, dict[str, int]] = {}
    for page in PAGES:
        for block in blocks(page):
            how = how_checked(block) or "NOT CHECKED"
            kinds = counts.setdefault(_page_id(page), {})
            kinds[how] = kinds.get(how, 0) + 1
    return counts


if __name__ == "__main__":
    totals: dict[str, int] = {}
    for name, kinds in inventory().items():
        print(f"{name}: " + ", ".join(f"{count} {how}" for how, count in sorted(kinds.items())))
        for how, count in kinds.items():
            totals[how] = totals.get(how, 0) + count
    print(f"all {len(PAGES)} pages, {sum(totals.values())} blocks:")
    for how, count in sorted(totals.items(), key=lambda item: -item[1]):
        print(f"  {count:4}  {how}")
