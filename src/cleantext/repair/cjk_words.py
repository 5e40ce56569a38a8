"""Choose the ideograph a lost byte stood for, from the words around it.

A three-byte UTF-8 character that lost one byte leaves 64 candidates (127 if the
byte was dropped and may have been either of the last two): ``資訊?技`` could be
``資訊科技`` or 63 other characters, and no context rule tells ``科`` from ``秒``.
Words do.  For each candidate, the few characters around the hole are cut into
the likeliest sequence of words of wordfreq's Chinese and Japanese lists (read
from its data directly: its lookups need tokenisers cleantext does not install;
traditional characters are looked up through wordfreq's own
traditional-to-simplified map), a word's probability being its frequency.
``我?下午`` is ``我们 下午``, not ``我 以下 午``: ``以下`` is a word, but it
leaves ``午`` stranded.

A candidate is chosen only when its best reading is :data:`RATIO` times as likely
as that of every other candidate that also reproduces the damaged text (the
caller checks that), and it sits inside a word of two or more characters, or is
itself a very common word (:data:`COMMON_WORD`: 是, 的, 在).  Otherwise the hole
stays U+FFFD.  Only ideographs are chosen: a lost kana is as often a particle
between words (``機能?最小限``: は, が, を, ...) as part of one.

The word tables are built once, on the first ideograph hole (about 0.4 s).
"""

from __future__ import annotations

import itertools
import re
from functools import cache, lru_cache

from cleantext.repair.language import frequencies

__all__ = [
    "COMMON_WORD",
    "LONGEST_WORD",
    "MAX_CANDIDATES",
    "RATIO",
    "could_fill",
    "is_cjk",
    "is_ideograph",
    "ranked",
    "reading",
    "simplified",
    "words",
]

#: One lost byte leaves 64 candidates, or 127 when it may have been either of the
#: last two bytes (dropped without a trace); holes with more (two lost bytes:
#: thousands) are left open.
MAX_CANDIDATES = 128
#: The chosen candidate's reading over the runner-up's.
RATIO = 20.0
#: A character standing alone is chosen only if it is this common a word (Zipf 6.5: 的,
#: 是, 我, 人; not 个, which a lost byte made of 始 between two unrelated ideographs).
COMMON_WORD = 3e-3
#: The probability of a character no list holds as a word of its own.
UNLISTED = 1e-9
LANGUAGES = ("zh", "ja")
_CONTEXT = 3  # CJK characters read on each side of the hole
LONGEST_WORD = 4


def is_cjk(char: str) -> bool:
    """Kana and the prolonged sound mark, or an ideograph."""
    return 0x3041 <= ord(char) <= 0x30FF or is_ideograph(char)


def is_ideograph(char: str) -> bool:
    """Ideographs, with extension A and the compatibility forms."""
    code = ord(char)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF


@lru_cache(maxsize=4096)
def could_fill(candidates: tuple[str, ...]) -> bool:
    """Could words decide this hole: a few candidates, every one an ideograph?

    Kana are left open: a lost kana is as often a particle between words (は, が,
    を) as a letter inside one, and a word list knows nothing between words.
    """
    return 1 < len(candidates) <= MAX_CANDIDATES and all(map(is_ideograph, candidates))


def ranked(candidates: tuple[str, ...], left: str, right: str) -> list[tuple[float, str, str]]:
    """(probability of the best reading, candidate, the word that explains it, or "")
    for each candidate, likeliest first; ``left``/``right`` are the text on each
    side.  Empty when no CJK character stands beside the hole.

    The cuttings of the text before and after the hole are worked out once; each
    candidate then only tries the few words that could hold it, and a candidate in
    no listed word with a neighbour only stands alone.
    """
    before, after = _cjk_tail(left), _cjk_head(right)
    if not before and not after:
        return []
    table = words()
    plain_before, plain_after = simplified(before), simplified(after)
    ahead = _best_cuttings(plain_before, table)
    behind = _best_cuttings(plain_after[::-1], table, reverse=True)[::-1]
    following, preceding = _adjacent()
    could_join = following.get(plain_before[-1:], frozenset()) | preceding.get(
        plain_after[:1], frozenset()
    )
    alone = ahead[len(before)] * behind[0]
    found: list[tuple[float, str, str]] = []
    for char in candidates:
        plain = simplified(char)
        if plain not in could_join:
            probability = table.get(plain, 0.0)
            common = char if probability >= COMMON_WORD else ""
            found.append((alone * (probability or UNLISTED), char, common))
            continue
        best, best_word = 0.0, ""
        for start in range(max(0, len(before) - LONGEST_WORD + 1), len(before) + 1):
            room = LONGEST_WORD - (len(before) - start) - 1
            for end in range(min(len(after), room) + 1):
                word = plain_before[start:] + plain + plain_after[:end]
                probability = table.get(word, 0.0) or (UNLISTED if len(word) == 1 else 0.0)
                total = ahead[start] * probability * behind[end]
                if total > best:
                    best, best_word = total, before[start:] + char + after[:end]
        explained = len(best_word) > 1 or table.get(simplified(best_word), 0.0) >= COMMON_WORD
        found.append((best, char, best_word if explained else ""))
    return sorted(found, key=lambda item: (-item[0], item[1]))


def reading(before: str, char: str, after: str) -> tuple[float, str]:
    """The probability of the likeliest cutting of ``before + char + after`` into
    listed words (or single characters), and the word holding ``char`` in it when
    that word explains ``char`` (two or more characters, or a common word; else "")."""
    probability, _, word = ranked((char,), before, after)[0]
    return probability, word


def _best_cuttings(text: str, words: dict[str, float], *, reverse: bool = False) -> list[float]:
    """``best[i]``: the probability of the likeliest cutting of ``text[:i]`` into words
    (``text`` read backwards when ``reverse``, so words are looked up the right way)."""
    best = [1.0]
    for end in range(1, len(text) + 1):
        options = []
        for start in range(max(0, end - LONGEST_WORD), end):
            word = text[start:end][::-1] if reverse else text[start:end]
            probability = words.get(word, 0.0) or (UNLISTED if len(word) == 1 else 0.0)
            options.append(best[start] * probability)
        best.append(max(options))
    return best


def _cjk_tail(text: str) -> str:
    """The CJK characters that end ``text`` (up to :data:`_CONTEXT`)."""
    tail = ""
    for char in reversed(text[-_CONTEXT:]):
        if not is_cjk(char):
            break
        tail = char + tail
    return tail


def _cjk_head(text: str) -> str:
    """The CJK characters that begin ``text`` (up to :data:`_CONTEXT`)."""
    head = ""
    for char in text[:_CONTEXT]:
        if not is_cjk(char):
            break
        head += char
    return head


@cache
def words() -> dict[str, float]:
    """Chinese and Japanese words of up to :data:`LONGEST_WORD` characters, keyed in
    simplified form, with their frequency (the higher of the two lists)."""
    words: dict[str, float] = {}
    for language in LANGUAGES:
        for word, frequency in _frequencies(language).items():
            if _CJK_WORD.fullmatch(word) is None:
                continue
            key = simplified(word)
            words[key] = max(words.get(key, 0.0), frequency)
    return words


#: A word of :func:`is_cjk` characters, at most :data:`LONGEST_WORD` of them (a
#: pattern: a call of ``is_cjk`` per character took half a second over the lists).
_CJK_WORD = re.compile(
    f"[\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{{1,{LONGEST_WORD}}}"
)


@cache
def _adjacent() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """For each character, the characters that follow it inside some listed word, and
    those that precede it: a candidate in neither set of its neighbours can only
    stand alone."""
    following: dict[str, set[str]] = {}
    preceding: dict[str, set[str]] = {}
    for word in words():
        for first, second in itertools.pairwise(word):
            following.setdefault(first, set()).add(second)
            preceding.setdefault(second, set()).add(first)
    return (
        {char: frozenset(chars) for char, chars in following.items()},
        {char: frozenset(chars) for char, chars in preceding.items()},
    )


def _frequencies(language: str) -> dict[str, float]:
    return frequencies(language) or {}


def simplified(run: str) -> str:
    return run.translate(_simplifying_map())


@cache
def _simplifying_map() -> dict[int, str]:
    """wordfreq's traditional-to-simplified character map (the one its Chinese
    lookups use); empty if it cannot be read."""
    try:
        import gzip

        import msgpack
        from wordfreq.util import data_path

        with gzip.open(data_path("_chinese_mapping.msgpack.gz")) as stream:
            mapping = msgpack.load(stream, raw=False, strict_map_key=False)
    except Exception:  # a missing map only weakens the traditional lookups
        return {}
    return {int(code): str(value) for code, value in mapping.items()}
