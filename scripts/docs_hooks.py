"""MkDocs hook: the API reference must cover every public name, with a docstring.

``mkdocs build --strict`` turns the warnings logged here into a failed build, so a
name added to ``cleantext.__all__`` without a docstring, or without a
``::: cleantext.NAME`` block in ``docs/api.md``, breaks CI instead of silently
missing from the site.  ``tests/test_docs_examples.py`` runs the same check.
"""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
API_PAGE = ROOT / "docs" / "api.md"
PACKAGE_INIT = ROOT / "src" / "cleantext" / "__init__.py"

log = logging.getLogger("mkdocs.hooks.api_coverage")


def public_names() -> list[str]:
    """``cleantext.__all__``, read from the source without importing the package."""
    tree = ast.parse(PACKAGE_INIT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            return [str(name) for name in value]
    raise LookupError(f"no __all__ in {PACKAGE_INIT}")


def documented_names(page: str) -> set[str]:
    """Names with a ``::: cleantext.NAME`` block on the API page."""
    return set(re.findall(r"^:::\s*cleantext\.(\w+)\s*$", page, flags=re.MULTILINE))


def problems() -> list[str]:
    """Every public name that lacks a docstring or a block on the API page."""
    import griffe

    package = griffe.load("cleantext", search_paths=[str(ROOT / "src")], resolve_aliases=True)
    on_page = documented_names(API_PAGE.read_text(encoding="utf-8"))
    found: list[str] = []
    for name in public_names():
        target = package[name]
        if target.is_alias:
            target = target.final_target
        docstring = target.docstring.value.strip() if target.docstring else ""
        if not docstring:
            found.append(f"cleantext.{name} has no docstring")
        if name not in on_page:
            found.append(f"cleantext.{name} is not in docs/api.md (add '::: cleantext.{name}')")
    return found


def on_pre_build(config: Any, **kwargs: Any) -> None:
    for problem in problems():
        log.warning("API reference: %s", problem)
