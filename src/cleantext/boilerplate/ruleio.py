"""Reading and writing boilerplate rule files (TOML), and the bundled default rules.

Rule files are parsed as TOML data only: nothing in them is evaluated.  Python
3.11+ reads them with the standard ``tomllib``; 3.10 uses the ``tomli``
backport (a conditional dependency).  Writing needs only strings, booleans and
integers, so :func:`dumps` is a small serialiser of its own.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from cleantext.boilerplate.rules import DEFAULT_TIMEOUT, Rule, RuleError, RuleSet

__all__ = ["RuleFileError", "default_rules", "dumps", "load_rules", "loads"]

FORMAT_VERSION = 1
_RULE_KEYS = frozenset(
    {
        "name",
        "kind",
        "pattern",
        "description",
        "position",
        "within",
        "standalone",
        "trailer",
        "ignore_case",
        "enabled",
        "max_length",
    }
)
_TOP_KEYS = frozenset({"version", "timeout", "rule"})


class RuleFileError(RuleError):
    """A rule file cannot be read or does not follow the documented format."""


def _toml_loads(text: str) -> dict[str, Any]:
    try:
        toml = importlib.import_module("tomllib")
    except ModuleNotFoundError:  # Python 3.10: the tomli backport
        toml = importlib.import_module("tomli")
    data: dict[str, Any] = toml.loads(text)
    return data


def loads(text: str, source: str = "<string>") -> RuleSet:
    """Parse rule-file text; ``source`` names it in error messages."""
    try:
        data = _toml_loads(text)
    except ValueError as exc:  # tomllib.TOMLDecodeError is a ValueError
        raise RuleFileError(f"{source}: not valid TOML: {exc}") from None
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise RuleFileError(f"{source}: unknown top-level keys {sorted(unknown)}")
    version = data.get("version", FORMAT_VERSION)
    if version != FORMAT_VERSION:
        raise RuleFileError(f"{source}: rule file version {version!r} is not supported")
    timeout = data.get("timeout", DEFAULT_TIMEOUT)
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)):
        raise RuleFileError(f"{source}: timeout must be a number of seconds")
    records = data.get("rule", [])
    if not isinstance(records, list):
        raise RuleFileError(f"{source}: rules are written as [[rule]] tables")
    rules: list[Rule] = []
    for number, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise RuleFileError(f"{source}: rule {number} is not a table")
        label = f"{source}: rule {number} ({record.get('name', 'unnamed')!r})"
        unknown = set(record) - _RULE_KEYS
        if unknown:
            raise RuleFileError(f"{label}: unknown keys {sorted(unknown)}")
        missing = {"name", "kind", "pattern"} - set(record)
        if missing:
            raise RuleFileError(f"{label}: missing keys {sorted(missing)}")
        try:
            rules.append(Rule(**record))
        except RuleError as exc:
            raise RuleFileError(f"{source}: rule {number}: {exc}") from None
    try:
        return RuleSet(tuple(rules), timeout=float(timeout))
    except RuleError as exc:
        raise RuleFileError(f"{source}: {exc}") from None


def load_rules(path: str | Path) -> RuleSet:
    """Read a rule file (see ``docs/boilerplate.md`` for the format)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RuleFileError(f"cannot read rule file {str(path)!r}: {exc}") from None
    return loads(text, source=str(path))


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The bundled rules (``cleantext/boilerplate/default.toml``), parsed once."""
    text = resources.files("cleantext.boilerplate").joinpath("default.toml").read_text("utf-8")
    return loads(text, source="cleantext default rules")


def _toml_string(value: str) -> str:
    """A TOML string: literal ('...') when possible, so patterns stay readable."""
    if any("\ud800" <= ch <= "\udfff" for ch in value):
        raise RuleError(f"cannot write {value[:40]!r} to a rule file: it holds a lone surrogate")
    plain = all(ch == "\t" or (ch >= " " and ch != "\x7f") for ch in value)
    if plain and "'" not in value:
        return f"'{value}'"
    pieces = ['"']
    for ch in value:
        if ch in '"\\':
            pieces.append("\\" + ch)
        elif ch == "\n":
            pieces.append("\\n")
        elif ch == "\t":
            pieces.append("\\t")
        elif ch < " " or ch == "\x7f":
            pieces.append(f"\\u{ord(ch):04x}")
        else:
            pieces.append(ch)
    pieces.append('"')
    return "".join(pieces)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _toml_string(value)
    raise TypeError(f"cannot write {type(value).__name__} to a rule file")


def dumps(rules: RuleSet) -> str:
    """Rule-file text for ``rules``; ``loads(dumps(r)) == r``."""
    lines = [
        "# cleantext boilerplate rules (format: docs/boilerplate.md)",
        f"version = {FORMAT_VERSION}",
        f"timeout = {rules.timeout!r}",
    ]
    for rule in rules:
        lines.append("")
        lines.append("[[rule]]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in rule.to_dict().items())
    return "\n".join(lines) + "\n"
