"""MkDocs hook: the API reference must cover every public name, with a docstring.

``mkdocs build --strict`` turns the warnings logged here into a failed build, so a
name added to the ``__all__`` of a module in :data:`PUBLIC_MODULES` without a
docstring, or without a ``::: module.NAME`` block in ``docs/api.md``, breaks CI
instead of silently missing from the site.  The docstrings are read as the site
reads them (with ``scripts/griffe_roles.py``, so ``#:`` comments document
constants).  ``tests/test_docs_examples.py`` tests this hook.
"""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
API_PAGE = ROOT / "docs" / "api.md"
EXTENSION = Path(__file__).resolve().parent / "griffe_roles.py"

#: The modules whose ``__all__`` is public API, documented on the API page.
PUBLIC_MODULES = ("cleantext", "cleantext.boilerplate", "cleantext.dask", "cleantext.stream")

log = logging.getLogger("mkdocs.hooks.api_coverage")


def module_file(module: str) -> Path:
    """The source file of a module of the package under ``ROOT / "src"``."""
    path = ROOT / "src" / Path(*module.split("."))
    return path / "__init__.py" if path.is_dir() else path.with_suffix(".py")


def public_names(module: str = "cleantext") -> list[str]:
    """A module's ``__all__``, read from the source without importing it."""
    source = module_file(module)
    tree = ast.parse(source.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "__all__" for target in node.targets
        ):
            value = ast.literal_eval(node.value)
            return [str(name) for name in value]
    raise LookupError(f"no __all__ in {source}")


def documented_names(page: str) -> set[str]:
    """Dotted names with a ``::: NAME`` block on the API page."""
    return set(re.findall(r"^:::\s*([\w.]+)\s*$", page, flags=re.MULTILINE))


def problems() -> list[str]:
    """Every public name that lacks a docstring or a block on the API page."""
    import griffe

    package = griffe.load(
        "cleantext",
        search_paths=[str(ROOT / "src")],
        resolve_aliases=True,
        extensions=griffe.load_extensions(str(EXTENSION)),
    )
    # A block documents the object its name leads to, so a re-export counts once.
    on_page = {_final_path(package, name) for name in documented_names(API_PAGE.read_text("utf-8"))}
    found: list[str] = []
    for module in PUBLIC_MODULES:
        if not module_file(module).is_file():
            continue
        owner = package if module == "cleantext" else package[module.split(".", 1)[1]]
        for name in public_names(module):
            target = owner[name]
            if target.is_alias:
                target = target.final_target
            docstring = target.docstring.value.strip() if target.docstring else ""
            if not docstring:
                found.append(f"{module}.{name} has no docstring")
            if target.path not in on_page:
                found.append(f"{module}.{name} is not in docs/api.md (add '::: {module}.{name}')")
    return found


def _final_path(package: Any, dotted: str) -> str:
    """The path of the object a documented name leads to (``dotted`` if none)."""
    if not dotted.startswith("cleantext."):
        return dotted
    try:
        target = package[dotted.split(".", 1)[1]]
    except KeyError:
        return dotted
    return str(target.final_target.path if target.is_alias else target.path)


def on_pre_build(config: Any, **kwargs: Any) -> None:
    for problem in problems():
        log.warning("API reference: %s", problem)
