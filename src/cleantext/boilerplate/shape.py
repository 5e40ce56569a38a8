"""What a rule's pattern can match, summarised so that most lines skip the rules.

Body lines are the vast majority and no rule matches them, yet running every
rule on every line (under the regex module's timeout, which alone costs a few
microseconds a call) made boilerplate removal most of ``clean``'s time on clean
text.  So each regex rule is read once, conservatively, into a :class:`Branch`
per top-level alternative: the literals or single characters that begin every
non-empty match (``starts``) and the literals one of which every match contains
(``needs``).  :class:`Gate` turns those into two cheap checks per line.

The reading is *sound or nothing*: it follows only the syntax it knows
(literals, escapes, classes, groups, scoped flags, lookarounds, quantifiers);
for anything else (backreferences, conditionals, recursion, global flags,
POSIX or nested sets) :func:`branches` returns ``None`` and the gate lets
every line through, so user rules of any shape keep working, only slower.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import regex

    from cleantext.boilerplate.rules import Rule

__all__ = ["Atom", "Branch", "Gate", "Literal", "branches"]

#: Escapes that match no character (word boundaries, text anchors).
_ZERO_WIDTH = frozenset("bBAZz")
#: Escapes that stand for one character of a class; all but ``\d`` match most text.
_CLASS_ESCAPES = frozenset("dDwWsSpP")
_CONTROL_ESCAPES = {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
#: Scoped flags that change nothing this reading relies on, besides ``i``.
_HARMLESS_FLAGS = frozenset("ism")
#: Sets of alternatives larger than this are not worth tracking.
_MAX_ALTERNATIVES = 64
#: A branch is checked for at most this many needs besides its best one.
_MAX_ALSO = 3


class _UnsupportedError(Exception):
    """Syntax this reading does not follow: the pattern gets no summary."""


@dataclass(frozen=True, order=True)
class Literal:
    """A literal string, matched with or without case."""

    text: str
    ignore_case: bool

    @property
    def plain(self) -> bool:
        """Whether ``in`` finds it exactly as the regex would (no case folding involved)."""
        caseless = self.text.isascii() and not any(map(str.isalpha, self.text))
        return not self.ignore_case or caseless

    def source(self) -> str:
        import regex

        escaped = regex.escape(self.text)
        return f"(?i:{escaped})" if self.ignore_case else escaped


@dataclass(frozen=True, order=True)
class Atom:
    """What a match can begin with: a literal, or one character of a class.

    ``broad`` classes (``.``, ``\\w``, ``\\p{Lu}``, negated sets) match most
    text, so a gate prefers another way to tell a branch from prose.
    """

    source: str
    broad: bool
    literal: Literal | None = None

    @classmethod
    def of(cls, literal: Literal) -> Atom:
        return cls(literal.source(), False, literal)

    def head(self, length: int) -> str:
        """Source matching the first ``length`` characters of what this atom matches."""
        if self.literal is None:
            return self.source  # one character already
        return Literal(self.literal.text[:length], self.literal.ignore_case).source()


@dataclass(frozen=True)
class Branch:
    """What one top-level alternative of a pattern can match."""

    starts: frozenset[Atom] | None  # one of these begins every non-empty match
    needs: frozenset[Literal] | None  # every match contains one of these
    also: tuple[frozenset[Literal], ...] = ()  # and one of each of these

    @property
    def selective_start(self) -> bool:
        return self.starts is not None and not any(atom.broad for atom in self.starts)


@dataclass(frozen=True)
class _Piece:
    """The summary of a pattern fragment while it is being read."""

    nullable: bool
    starts: frozenset[Atom] | None
    needs: frozenset[Literal] | None
    zero_width: bool = False
    also: tuple[frozenset[Literal], ...] = ()  # further needs, each as necessary


_EMPTY = _Piece(True, frozenset(), None, zero_width=True)


def _union(parts: Iterable[frozenset[object] | None]) -> frozenset[object] | None:
    total: set[object] = set()
    for part in parts:
        if part is None:
            return None
        total |= part
    return frozenset(total) if len(total) <= _MAX_ALTERNATIVES else None


def _score(needs: frozenset[Literal]) -> tuple[bool, int, int]:
    """Prefer literals ``in`` can find, then fewer of them, then longer ones."""
    return (all(lit.plain for lit in needs), -len(needs), min(len(lit.text) for lit in needs))


def _sequence(pieces: list[_Piece]) -> _Piece:
    starts: set[Atom] = set()
    known = True
    for piece in pieces:
        if piece.zero_width:
            continue
        if piece.starts is None:
            known = False
            break
        starts |= piece.starts
        if not piece.nullable:
            break
    candidates = [p.needs for p in pieces if not p.nullable and p.needs]
    needs = max(candidates, key=_score) if candidates else None
    # Every piece that must match brings its needs: all of them are necessary.
    required = [*candidates, *(extra for p in pieces if not p.nullable for extra in p.also)]
    return _Piece(
        nullable=all(piece.nullable for piece in pieces),
        starts=frozenset(starts) if known and len(starts) <= _MAX_ALTERNATIVES else None,
        needs=needs,
        zero_width=all(piece.zero_width for piece in pieces),
        also=tuple(dict.fromkeys(s for s in required if s != needs))[:_MAX_ALSO],
    )


def _alternation(options: list[_Piece]) -> _Piece:
    return _Piece(
        nullable=any(option.nullable for option in options),
        starts=_union(option.starts for option in options),  # type: ignore[arg-type]
        needs=_union(option.needs for option in options),  # type: ignore[arg-type]
        zero_width=all(option.zero_width for option in options),
        also=options[0].also if len(options) == 1 else (),  # of one option only
    )


def _repeat(piece: _Piece, minimum: int) -> _Piece:
    if piece.zero_width:
        return piece
    if minimum == 0:
        return _Piece(True, piece.starts, None)
    return piece


class _Reader:
    """A recursive-descent reading of the ``regex`` module's syntax (version 0)."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.at = 0

    def peek(self, count: int = 1) -> str:
        return self.pattern[self.at : self.at + count]

    def take(self) -> str:
        if self.at >= len(self.pattern):
            raise _UnsupportedError("unexpected end of pattern")
        char = self.pattern[self.at]
        self.at += 1
        return char

    def options(self, ignore_case: bool) -> list[_Piece]:
        """Alternatives up to a closing parenthesis or the end, each as a sequence."""
        found = [self.sequence(ignore_case)]
        while self.peek() == "|":
            self.at += 1
            found.append(self.sequence(ignore_case))
        return found

    def sequence(self, ignore_case: bool) -> _Piece:
        pieces: list[_Piece] = []
        run: list[str] = []  # literal characters matched exactly once, merged

        def flush() -> None:
            if run:
                literal = Literal("".join(run), ignore_case)
                pieces.append(_Piece(False, frozenset({Atom.of(literal)}), frozenset({literal})))
                run.clear()

        while self.at < len(self.pattern) and self.peek() not in "|)":
            piece, char = self.atom(ignore_case)
            minimum = self.quantifier()
            if char is not None and minimum is None:
                run.append(char)
                continue
            flush()
            pieces.append(piece if minimum is None else _repeat(piece, minimum))
        flush()
        return _sequence(pieces) if pieces else _EMPTY

    def quantifier(self) -> int | None:
        """The minimum count of a quantifier here (consumed), or None if there is none."""
        char = self.peek()
        if char in ("*", "?"):
            minimum = 0
        elif char == "+":
            minimum = 1
        elif char == "{":
            close = self.pattern.find("}", self.at)
            body = self.pattern[self.at + 1 : close] if close > 0 else ""
            low, _, high = body.partition(",")
            if not (low.isdigit() or low == "") or not (high.isdigit() or high == ""):
                raise _UnsupportedError("brace that is not a quantifier")
            if not body or body == ",":
                raise _UnsupportedError("empty quantifier")
            self.at = close
            minimum = int(low or 0)
        else:
            return None
        self.at += 1
        if self.peek() in ("?", "+"):  # lazy or possessive: matches a subset, still sound
            self.at += 1
        if self.peek() in ("*", "+", "?", "{"):
            raise _UnsupportedError("stacked quantifiers")
        return minimum

    def atom(self, ignore_case: bool) -> tuple[_Piece, str | None]:
        """The next atom, and its character if it is a single literal one."""
        char = self.take()
        if char == "(":
            return self.group(ignore_case), None
        if char == "[":
            return self.char_class(ignore_case), None
        if char == ".":
            return _Piece(False, frozenset({Atom("(?s:.)", broad=True)}), None), None
        if char in "^$":
            return _EMPTY, None
        if char in "*+?{":
            raise _UnsupportedError("quantifier without an atom")
        if char == "\\":
            return self.escape(ignore_case)
        return _literal_piece(char, ignore_case), char

    def escape(self, ignore_case: bool) -> tuple[_Piece, str | None]:
        char = self.take()
        if char in _ZERO_WIDTH:
            return _EMPTY, None
        if char in _CLASS_ESCAPES:
            source = "\\" + char
            if char in "pP":
                if self.peek() == "{":
                    close = self.pattern.find("}", self.at)
                    if close < 0:
                        raise _UnsupportedError("unterminated property")
                    source += self.pattern[self.at : close + 1]
                    self.at = close + 1
                else:
                    source += self.take()
            atom = Atom(f"(?i:{source})" if ignore_case else source, broad=char != "d")
            return _Piece(False, frozenset({atom}), None), None
        if char in _CONTROL_ESCAPES:
            literal = _CONTROL_ESCAPES[char]
        elif char in _HEX_DIGITS:
            digits = self.pattern[self.at : self.at + _HEX_DIGITS[char]]
            if len(digits) != _HEX_DIGITS[char] or not all(d in string.hexdigits for d in digits):
                raise _UnsupportedError("malformed hexadecimal escape")
            self.at += len(digits)
            literal = chr(int(digits, 16))
        elif char.isalnum() or char == "_":
            raise _UnsupportedError(f"escape \\{char}")  # backreferences, \g, \N{...}, \X, ...
        else:
            literal = char
        return _literal_piece(literal, ignore_case), literal

    def group(self, ignore_case: bool) -> _Piece:
        lookaround = False
        if self.peek() == "?":
            self.at += 1
            kind = self.take()
            if kind in "=!":
                lookaround = True
            elif kind == "<" and self.peek() in ("=", "!"):
                self.at += 1
                lookaround = True
            elif (kind == "P" and self.peek() == "<") or kind == "<":
                self.at = self.pattern.index(">", self.at) + 1  # a named group
            elif kind == ">" or kind == ":":
                pass
            else:
                ignore_case = self.flags(kind, ignore_case)
        inner = _alternation(self.options(ignore_case))
        if self.take() != ")":
            raise _UnsupportedError("unbalanced parenthesis")
        return _EMPTY if lookaround else inner

    def flags(self, first: str, ignore_case: bool) -> bool:
        """Scoped flags ``(?i:``, ``(?-i:``, ``(?is-m:``: the case setting inside.

        Global flags (``(?i)``), conditionals, recursion and comments end with
        ``)`` or use other letters, and are not followed.
        """
        colon = self.pattern.find(":", self.at)
        close = self.pattern.find(")", self.at)
        if colon < 0 or 0 <= close < colon:
            raise _UnsupportedError(f"group (?{first}")
        on, _, off = (first + self.pattern[self.at : colon]).partition("-")
        if not set(on + off) <= _HARMLESS_FLAGS:
            raise _UnsupportedError(f"flags (?{on}-{off}")
        self.at = colon + 1
        if "i" in off:
            return False
        return ignore_case or "i" in on

    def char_class(self, ignore_case: bool) -> _Piece:
        start = self.at - 1
        negated = self.peek() == "^"
        if negated:
            self.at += 1
        members: list[str] = []
        simple = not negated
        first = True
        while True:
            char = self.take()
            if char == "]" and not first:
                break
            first = False
            if char == "[":
                raise _UnsupportedError("nested set or POSIX class")
            if char == "\\":
                escaped = self.take()
                if escaped.isalnum():
                    simple = simple and escaped == "d"
                    if escaped in "pP" and self.peek() == "{":
                        self.at = self.pattern.index("}", self.at) + 1
                    elif escaped in _HEX_DIGITS:
                        self.at += _HEX_DIGITS[escaped]
                    continue
                members.append(escaped)
            elif char == "-" and members and self.peek() != "]":
                high = self.take()
                if high == "[":
                    raise _UnsupportedError("nested set")
                if high == "\\":  # an escaped end: step over it, and call the class broad
                    escaped = self.take()
                    self.at += _HEX_DIGITS.get(escaped, 0)
                    simple = False
                else:
                    simple = simple and ord(high) - ord(members[-1]) < 64
            else:
                members.append(char)
        source = self.pattern[start : self.at]
        atom = Atom(f"(?i:{source})" if ignore_case else source, broad=not simple)
        return _Piece(False, frozenset({atom}), None)


def _literal_piece(char: str, ignore_case: bool) -> _Piece:
    literal = Literal(char, ignore_case)
    return _Piece(False, frozenset({Atom.of(literal)}), frozenset({literal}))


@lru_cache(maxsize=512)
def branches(pattern: str, ignore_case: bool = False) -> tuple[Branch, ...] | None:
    """A summary per top-level alternative of ``pattern``, or None if it is not understood."""
    reader = _Reader(pattern)
    try:
        options = reader.options(ignore_case)
        if reader.at != len(pattern):
            raise _UnsupportedError("unbalanced parenthesis")
    except (_UnsupportedError, ValueError, IndexError):
        return None
    return tuple(Branch(option.starts, option.needs, option.also) for option in options)


#: Lines are sorted to the branches they may start by this many first characters.
HEAD = 2
_MAX_HEADS = 10_000


def _alternation_of(sources: Iterable[str]) -> regex.Pattern[str] | None:
    import regex

    unique = sorted(set(sources))
    return regex.compile("|".join(unique)) if unique else None


@dataclass(frozen=True, slots=True)
class _Need:
    """One of some literals that every match contains, ready to look for in a line."""

    contained: tuple[str, ...]  # plain literals, found with ``in``
    folded: regex.Pattern[str] | None  # literals matched without case

    @classmethod
    def of(cls, needs: frozenset[Literal]) -> _Need:
        return cls(
            tuple(sorted({lit.text for lit in needs if lit.plain})),
            _alternation_of(lit.source() for lit in needs if not lit.plain),
        )

    def found_in(self, text: str) -> bool:
        return any(text_ in text for text_ in self.contained) or (
            self.folded is not None and self.folded.search(text) is not None
        )


@dataclass(frozen=True, slots=True)
class _Check:
    """A branch's necessary condition: fits the rule's length, begins and contains right."""

    limit: int | None  # the rule's max_length
    start: regex.Pattern[str] | None  # anchored alternation of the starts
    head: regex.Pattern[str] | None  # the same, cut to HEAD characters
    contained: tuple[str, ...]  # plain needs, found with ``in``
    folded: regex.Pattern[str] | None  # needs matched without case
    also: tuple[_Need, ...] = ()  # further needs, each also necessary

    @classmethod
    def of(cls, rule: Rule, branch: Branch) -> _Check:
        # Broad starts tell little: a branch that has needs is checked by those alone.
        starts = branch.starts if branch.selective_start or not branch.needs else None
        need = _Need.of(branch.needs or frozenset())
        return cls(
            rule.max_length,
            _alternation_of(atom.source for atom in starts or ()),
            _alternation_of(atom.head(HEAD) for atom in starts or ()),
            need.contained,
            need.folded,
            tuple(_Need.of(needs) for needs in branch.also),
        )

    def found_in(self, text: str) -> bool:
        """Whether ``text`` holds one of the needs (True if there are none)."""
        if not self.contained and self.folded is None:
            return True
        return any(text_ in text for text_ in self.contained) or (
            self.folded is not None and self.folded.search(text) is not None
        )

    def lines_holding_needs(self, text: str) -> set[int]:
        """The numbers of the lines of ``text`` that hold one of the needs."""
        found: set[int] = set()
        for needle in self.contained:
            found.update(_lines_holding(partial(text.find, needle), text))
        if self.folded is not None:
            found.update(_lines_holding(_searcher(self.folded, text), text))
        return found

    def holds_also(self, line: str) -> bool:
        """Whether ``line`` holds one of each further need: a line with a parenthesis
        is then no caption unless it also says "photo" or the like, and the rules'
        combined pattern (slow on long lines) is not tried on it."""
        return all(need.found_in(line) for need in self.also)

    def admits_start(self, line: str) -> bool:
        """The line begins with a start and holds (one of each of) the needs."""
        if self.start is None or self.start.match(line) is None:
            return False
        return self.found_in(line) and self.holds_also(line)


class _Heads(dict[str, tuple[_Check, ...]]):
    """The checks whose branches may begin with a given head, worked out once per head."""

    __slots__ = ("_starting",)

    def __init__(self, starting: tuple[_Check, ...]) -> None:
        super().__init__()
        self._starting = starting

    def __missing__(self, head: str) -> tuple[_Check, ...]:
        if len(self) >= _MAX_HEADS:
            self.clear()
        found = tuple(c for c in self._starting if c.head is not None and c.head.match(head))
        self[head] = found
        return found


def _lines_holding(find: Callable[[int], int], text: str) -> Iterator[int]:
    """The numbers of the lines of ``text`` in which ``find(position)``, the first
    occurrence of something at or after ``position``, lies, in order.

    After a hit the search goes on from the next line, so each line costs at most
    one search however often it holds the thing.  A hit that runs on past its
    line's end is counted for the line it begins in and still cannot hide a later
    line's own occurrence: the search from the next line's start finds that one
    or an earlier one.
    """
    line = counted = 0
    position = find(0)
    while position >= 0:
        line += text.count("\n", counted, position)
        counted = position
        yield line
        end = text.find("\n", position)
        if end < 0:
            return
        position = find(end + 1)


class Gate:
    """A necessary condition for any regex rule of a group to match a line.

    ``admits(line)`` is False only when every branch of every rule is ruled
    out: the line is longer than the rule's ``max_length``, or it does not
    begin with one of the branch's selective ``starts``, or it contains none of
    its ``needs``.  Lines are first sorted by their first :data:`HEAD`
    characters to the branches that may begin that way (remembered per head),
    so a body line usually costs a dictionary look-up and a substring test or
    two.  The gate's own patterns are alternations of literals and
    single-character classes, which cannot backtrack, so they run without a
    timeout.
    """

    __slots__ = ("_by_head", "_floating", "_open", "_starting")

    def __init__(self, rules: Iterable[Rule]) -> None:
        starting: list[_Check] = []
        floating: list[_Check] = []
        self._open = False
        for rule in rules:
            if rule.kind != "regex":
                continue
            summary = branches(rule.pattern, rule.ignore_case)
            if summary is None or any(b.starts is None and b.needs is None for b in summary):
                self._open = True
                break
            for branch in summary:
                if branch.selective_start and not branch.starts:
                    continue  # matches only the empty string, and lines are never empty
                check = _Check.of(rule, branch)
                (starting if check.start is not None else floating).append(check)
        self._starting = tuple(starting)
        self._floating = tuple(floating)
        self._by_head = _Heads(self._starting)

    @property
    def open(self) -> bool:
        """Whether some rule was not understood, so every line is admitted."""
        return self._open

    def within(self, lines: str) -> Gate:
        """This gate for the given lines only (normalised, joined by newlines).

        Branches that begin with no particular text are checked on every line
        for what they need; a need that none of the lines holds cannot be met
        by any of them, so those branches are dropped for the text.  One search
        of a whole text is far cheaper than one per line.
        """
        if self._open or not self._floating:
            return self
        floating = tuple(check for check in self._floating if check.found_in(lines))
        if len(floating) == len(self._floating):
            return self
        narrowed = object.__new__(Gate)
        narrowed._open = False
        narrowed._starting = self._starting
        narrowed._by_head = self._by_head  # shared: it depends on the heads only
        narrowed._floating = floating
        return narrowed

    def admits(self, line: str) -> bool:
        """False only if no rule of the group can match ``line``."""
        if self._open or not line:
            return True
        length = len(line)
        for check in self._by_head[line[:HEAD]]:
            if (check.limit is None or length <= check.limit) and check.admits_start(line):
                return True
        for check in self._floating:  # a plain loop: this runs on every line
            if check.limit is not None and length > check.limit:
                continue
            held = False
            for text in check.contained:
                if text in line:
                    held = True
                    break
            if not held and check.folded is not None:
                held = check.folded.search(line) is not None
            if held and (not check.also or check.holds_also(line)):
                return True
        return False

    def suspects(self, lines: Sequence[str], text: str) -> set[int]:
        """The indices of the non-empty ``lines`` that :meth:`admits` may accept.

        A superset, found without judging line by line: the lines whose head may
        begin a branch (one look-up each), and the lines a floating branch admits,
        found by searching ``text`` (the lines joined by newlines) for its needs.
        Lines that begin with no rule's head and hold no such need (a body of
        text, usually) cost nothing more.
        """
        if self._open:
            return {index for index, line in enumerate(lines) if line}
        heads = self._by_head
        found = {index for index, line in enumerate(lines) if line and heads[line[:HEAD]]}
        for check in self._floating:
            for index in check.lines_holding_needs(text) - found:  # each line judged once
                line = lines[index]
                if (check.limit is None or len(line) <= check.limit) and check.holds_also(line):
                    found.add(index)
        return {index for index in found if lines[index]}


def _searcher(pattern: regex.Pattern[str], text: str) -> Callable[[int], int]:
    """Where ``pattern`` next matches in ``text`` at or after a position (-1: nowhere)."""

    def find(position: int) -> int:
        match = pattern.search(text, position)
        return -1 if match is None else match.start()

    return find
