"""Build hook: with ``CLEANTEXT_COMPILE=1``, compile the repair engine with mypyc.

The repair engine is pure Python and stays so by default: every install works
with no compiler.  A wheel built with ``CLEANTEXT_COMPILE=1`` (``pip install .``,
``pip wheel .``; not an editable install) also holds the modules of
``cleantext/repair`` compiled by mypyc, which Python imports in place of the
``.py`` files beside them: the same code, 1.4 to 1.7 times as fast on damaged
text (``docs/performance.md``).  charset-normalizer ships its detector the same way.

Left as Python: the package's ``__init__`` and ``api`` (the public functions,
whose docstrings and error messages a compiled function would lose), and
``guesses``, whose edit class extends :class:`cleantext.Edit` (a dataclass with
``__slots__``, which a class mypyc compiles cannot extend; it runs only with
``guess_lost=True``).  mypy,
setuptools and the stubs it needs are build requirements only when compiling.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SWITCH = "CLEANTEXT_COMPILE"
PACKAGE = Path("cleantext") / "repair"
KEPT_AS_PYTHON = frozenset({"__init__.py", "api.py", "guesses.py"})
COMPILE_REQUIREMENTS = ["mypy>=1.10", "setuptools>=70", "types-regex"]

# multi_file: one C file per module, so the C compiler runs on every core
# (--parallel); one C file for the package took 180 s here, one per module 82 to
# 110 s on two cores, and the compiled code runs as fast (docs/performance.md).
SETUP = """\
import os
import sys
from mypyc.build import mypycify
from setuptools import setup

setup(
    name="cleantext-compiled",
    ext_modules=mypycify(
        sys.argv[3:],
        opt_level="3",
        debug_level="0",
        group_name="cleantext_repair",
        multi_file=True,
    ),
    script_args=[
        "build_ext",
        "--build-lib", sys.argv[1],
        "--build-temp", sys.argv[2],
        "--parallel", str(os.cpu_count() or 1),
    ],
)
"""


def compiling() -> bool:
    """Whether this build compiles (the environment asks for it)."""
    return os.environ.get(SWITCH, "") == "1"


class CompileHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds mypyc-compiled repair modules to a wheel when :data:`SWITCH` is ``1``."""

    PLUGIN_NAME = "custom"

    def dependencies(self) -> list[str]:
        if not compiling():
            return []
        # mypy type-checks the modules against the runtime dependencies' types
        return [*COMPILE_REQUIREMENTS, *self.metadata.core.dependencies]

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if not compiling() or self.target_name != "wheel":
            return
        if version == "editable":
            raise RuntimeError(
                f"{SWITCH}=1 compiles a regular install only: use `pip install .`, not `-e`"
            )
        source = Path(self.root) / "src"
        modules = sorted(
            str(path.relative_to(source))
            for path in (source / PACKAGE).glob("*.py")
            if path.name not in KEPT_AS_PYTHON
        )
        self._work = Path(tempfile.mkdtemp(prefix="cleantext-mypyc-"))
        built, temp = self._work / "lib", self._work / "temp"
        setup = self._work / "setup.py"
        setup.write_text(SETUP, encoding="utf-8")
        run = subprocess.run(
            [sys.executable, str(setup), str(built), str(temp), *modules],
            cwd=source,
            capture_output=True,
            text=True,
        )
        if run.returncode != 0:
            raise RuntimeError(f"mypyc failed:\n{run.stdout}\n{run.stderr}")
        for library in [*built.rglob("*.so"), *built.rglob("*.pyd")]:  # .pyd: Windows
            build_data["force_include"][str(library)] = str(library.relative_to(built))
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = getattr(self, "_work", None)
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
