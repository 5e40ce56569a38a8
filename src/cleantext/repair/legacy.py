"""Text in a legacy encoding (GBK, Big5, Shift-JIS, EUC-KR, cp1251, ...) read as Western.

``你好`` in GBK is ``C4 E3 BA C3``; read as cp1252 it is ``ÄãºÃ``.  Encoding the
Western characters back to cp1252 gives the bytes, and decoding them with the right
legacy codec gives the text.  Unlike UTF-8, a legacy codec accepts almost any byte
string (every byte is a Cyrillic letter in cp1251), so a decoding proves nothing on
its own; ftfy declines this repair for that reason (ftfy issue #34).  cleantext
accepts it only with positive evidence:

* double-byte codecs (GBK, Big5, Shift-JIS, EUC-KR): the bytes decode strictly,
  into at least two characters, all of them common (first-level ideographs, kana,
  KS X 1001 Hangul, CJK punctuation), an EUC-KR reading at least half Hangul,
  and no Western word is lost;
* single-byte codecs (cp1251, KOI8-R, cp1253, cp1255, cp1256): most decoded words
  are known words of the codec's language (wordfreq) while the Western words were
  not words at all.

Only whitespace-separated groups made of Latin-1/cp1252 characters with at least
three non-ASCII characters in a row are considered, which real Western text almost
never has; and not a group whose non-ASCII characters mostly pair up into complete
UTF-8 sequences (``ÎÎµÏÎ¼Î±Î½`` is ``Γερμαν`` that lost C1 bytes, not GBK).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from cleantext.plan import Edit
from cleantext.repair import score
from cleantext.repair.models import DamageModel
from cleantext.repair.screen import LEGACY_RUN_RE, WESTERN_HIGH, suspect_lines
from cleantext.repair.words import WORDLIST, known_word

__all__ = ["is_legacy_line", "legacy_edits", "looks_legacy"]

_WESTERN = "windows-1252"
_HIGH = WESTERN_HIGH
_GROUP = re.compile(
    f"[!-~{_HIGH}]*[{_HIGH}][!-~{_HIGH}]*(?:[ \t]+[!-~{_HIGH}]*[{_HIGH}][!-~{_HIGH}]*)*"
)
#: cp1252's printable characters in 0x80-0x9F, mapped to the Latin-1 character of their byte.
_CP1252_TO_LATIN1 = {
    ord(bytes([b]).decode(_WESTERN)): b
    for b in range(0x80, 0xA0)
    if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}
_WORD = re.compile(r"\w+")
_SPACED_IDEOGRAPHS = re.compile("[\u3400-\u9fff] [\u3400-\u9fff]")
_COMPATIBILITY = re.compile("[\ufe10-\ufe6f]")  # vertical and small forms: not in running text
_HANGUL = re.compile("[\uac00-\ud7a3]")
_IDEOGRAPH = re.compile("[\u3400-\u9fff]")
_MIXED_COST = 2.0
_JUDGED_SHARE = 0.8  # of a reading's letters, in words of two letters or more
_RARE_ONE_IN = 12  # a long legacy text may hold one rare character in twelve
_CLEAR_MARGIN = 1.0
#: Kana: Japanese, which GBK and Big5 hold but Chinese text does not write; in
#: a reading of them the bytes are EUC-JP's, or EUC-KR's jamo.
_KANA = re.compile("[\u3041-\u30ff]")
_CHINESE_CODECS = frozenset({"gbk", "big5"})
_MAKE_UP_FILLER = b"\xa4\xd4"  # EUC-KR's Hangul filler, which opens a make-up sequence
_GLUED_LATIN = re.compile(
    "[A-Za-z][\u3040-\u9fff\uac00-\ud7a3]|[\u3040-\u9fff\uac00-\ud7a3][A-Za-z]"
)

_DOUBLE_BYTE = ("gbk", "big5", "shift_jis", "euc_kr")
#: Single-byte legacy codecs and the languages (wordfreq codes) written in them.
_SINGLE_BYTE = {
    "cp1251": ("ru", "uk", "bg", "mk"),
    "koi8_r": ("ru", "bg"),  # Bulgarian needs no letter Russian lacks; Ukrainian does
    "cp1253": ("el",),
    "cp1255": ("he",),
    "cp1256": ("ar", "fa", "ur"),
}


@dataclass(frozen=True, slots=True)
class _Candidate:
    codec: str
    text: str
    cost: float


def legacy_edits(text: str, *, double_byte: bool) -> list[Edit]:
    """Edits that re-read legacy-encoded groups misread as Western text, with the
    ``double_byte`` CJK codecs or (if false) the single-byte ones."""
    edits: list[Edit] = []
    for start, end in suspect_lines(text):
        line = text[start:end]
        if LEGACY_RUN_RE.search(line) and not _utf8_as_a_whole(line) and not _utf8_lost_c1(line):
            edits.extend(_line_edits(text, start, end, double_byte))
    return edits


def _utf8_as_a_whole(line: str) -> bool:
    """Are the bytes of the whole ``line``, as a Western reader saw them, UTF-8?

    Then so are those of each of its groups, which begin and end at ASCII
    characters or the line's ends (no UTF-8 sequence holds an ASCII byte), and
    :func:`_best_reading` declines every one: the line is ftfy's case.  Asked once
    per line, it spares UTF-8 mojibake the reading of each group.
    """
    data = _western_bytes(line)
    return data is not None and _is_utf8(data)


def _line_edits(text: str, start: int, end: int, double_byte: bool) -> list[Edit]:
    """The edits of one line: each group with evidence of its own, then, when those
    all chose one codec, the short groups the line's digits and ASCII words cut off
    (``Ñ 1935 ãîäà`` is ``С 1935 года``: ``Ñ`` alone proves nothing)."""
    read: list[tuple[re.Match[str], _Candidate]] = []
    rest: list[re.Match[str]] = []
    for match in _GROUP.finditer(text, start, end):
        group = match.group()
        if _glued_to_foreign(text, match.start(), match.end()):
            continue
        candidate = _best_reading(group, double_byte) if LEGACY_RUN_RE.search(group) else None
        if candidate is None:
            rest.append(match)
        else:
            read.append((match, candidate))
    codecs = {candidate.codec for _, candidate in read}
    if double_byte:
        codecs = {codec for codec in codecs if _decodes_the_rest(rest, codec)}
    edits = [
        _edit(
            match,
            candidate.codec,
            candidate.text,
            f"decoded the Western characters' bytes as {candidate.codec}",
        )
        for match, candidate in read
        if candidate.codec in codecs
    ]
    if len(codecs) != 1 or not rest:
        return edits
    (codec,) = codecs
    for match in rest:
        decoded = _reading_like_the_line(match.group(), codec)
        if decoded is not None:
            note = f"decoded as {codec}, as the rest of the line"
            edits.append(_edit(match, codec, decoded, note))
    return sorted(edits, key=lambda edit: edit.start)


def _decodes_the_rest(rest: list[re.Match[str]], codec: str) -> bool:
    """Does the double-byte ``codec`` decode the bytes of every other group of the
    line that is not Western words?

    A text in GBK, Big5, Shift-JIS or EUC-KR decodes whole, and its groups, cut at
    spaces, end no character halfway (no trail byte is a space).  A group that will
    not decode is no such text, and unless it is Western words pasted beside one
    (``café señor``), shows that its line is not one: beside ``ÑÐµÑÐ½ÑÑ``, which
    GBK reads as ``研笛薪蜒``, stood ``âStakesâ`` and a lone ``â``, the quotes and
    dashes of UTF-8 that lost its C1 bytes (``речных``).
    """
    return all(
        _decodes(match.group(), codec) or _western_words_known(match.group()) for match in rest
    )


def _decodes(group: str, codec: str) -> bool:
    """Does ``codec`` decode the bytes of ``group`` (as a Western reader saw them)?
    A group holding characters no Western reader writes is not judged."""
    data = _western_bytes(group)
    if data is None or data.isascii():
        return True
    try:
        data.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def _edit(match: re.Match[str], codec: str, decoded: str, note: str) -> Edit:
    model = DamageModel(codec, _WESTERN)
    return Edit(match.start(), match.end(), decoded, model.name, 0.9, note)


#: The scripts a short group may decode into, beside a reading of the line in that codec.
_NATIVE = {
    "cp1251": "CYRILLIC",
    "koi8_r": "CYRILLIC",
    "cp1253": "GREEK",
    "cp1255": "HEBREW",
    "cp1256": "ARABIC",
}
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _reading_like_the_line(group: str, codec: str) -> str | None:
    """``group`` decoded with the codec the rest of its line was read in, if the result
    is what that codec's text is made of: a strict decoding, every letter run wholly
    of the codec's script (cased like a word) or, for a double-byte codec, of common
    CJK characters, and no Latin letter glued to them (``café`` would be ``cafщ``).
    """
    data = _western_bytes(group)
    if data is None or _is_utf8(data):
        return None
    try:
        decoded = data.decode(codec)
    except UnicodeDecodeError:
        return None
    runs = [run for run in _LETTER_RUN.findall(decoded) if not run.isascii()]
    if not runs or any(any(char.isascii() for char in run) for run in runs):
        return None
    if codec in _NATIVE:
        native = _NATIVE[codec]
        if not all(map(_well_cased, runs)) or _torn_apart(data, decoded):
            return None
        letters = "".join(runs)
        return decoded if all(score.script_of(char) == native for char in letters) else None
    wide = [char for char in decoded if not char.isascii()]
    if any(ord(char) < 0x2E80 or score.is_rare(char) for char in wide):
        return None
    return decoded


_HIGH_WORD = re.compile(f"[{_HIGH}]{{2,}}")


def looks_legacy(line: str) -> bool:
    """True when several words of ``line`` are made only of non-ASCII Western
    characters (``Ïðèâåò``), the signature of a legacy text read as Western."""
    if not _HIGH_WORD.search(line):  # no such word, found in C (Cyrillic, Greek prose)
        return False
    words = line.split()
    high = sum(1 for word in words if _HIGH_WORD.fullmatch(word.strip(_PUNCTUATION)))
    return high >= 2 and high * 3 >= len(words)


_PUNCTUATION = ".,;:!?()[]\"'«»"


#: A UTF-8 sequence as Latin-1 characters (``Ð´`` is ``д``; cp1252's own characters
#: are first turned into the bytes they stand for), its C1 bytes perhaps replaced by
#: ``?`` or U+FFFD (``Ï\ufffd``).
_UTF8_PAIR_RE = re.compile(
    "[\u00c2-\u00df][\u0080-\u00bf\ufffd?]|[\u00e0-\u00ef][\u0080-\u00bf\ufffd?]{2}"
)
#: Share of a line's non-ASCII characters in complete UTF-8 sequences above which the
#: line is UTF-8 mojibake, not legacy text: measured on the recovery corpus, legacy
#: text read as Western stays below 0.63 (EUC-KR; single-byte codecs near 0), and
#: Cyrillic, Greek or Arabic UTF-8 with C1 deleted is above 0.75 (replaced by ``?``
#: or U+FFFD: 1.0).
_UTF8_SHARE = 0.7


def is_legacy_line(line: str) -> bool:
    """Is ``line`` legacy text read as Western rather than UTF-8 mojibake?

    Words of non-ASCII Western characters (:func:`looks_legacy`) are also what UTF-8
    Cyrillic looks like once its C1 bytes are deleted (``Ð´Ð¸ÑÐµÐºÑÐ¾Ñ``); there most
    characters still pair up into complete UTF-8 sequences, which legacy text rarely
    does.  A line that is legacy text holds UTF-8 only by chance.
    """
    return looks_legacy(line) and not _mostly_utf8(line) and not _utf8_lost_c1(line)


#: Share of a line's non-ASCII bytes that pair with a neighbour into part of a UTF-8
#: sequence, above which a line whose bytes are UTF-8 that lost C1 bytes is that:
#: measured on the recovery corpus, such lines reach 0.5 in 102 of 106, while no
#: legacy line of it, of the multilingual samples or of CPython's CJK samples has its
#: bytes in that shape at all, except one GBK line (0.44).
_PAIRED_SHARE = 0.5
#: The same for one group, where a line's lone leads (``â`` of ``—`` that lost both
#: continuation bytes) do not count: ``×¢××ª`` is Hebrew ``עדות``, not the GBK
#: ``注鬃转``.  No legacy group of the corpora above reaches it (the GBK one: 0.5).
_GROUP_PAIRED_SHARE = 0.6
_LEADS = {**dict.fromkeys(range(0xC2, 0xE0), 1), **dict.fromkeys(range(0xE0, 0xF0), 2)}
_LEADS.update(dict.fromkeys(range(0xF0, 0xF5), 3))


def _utf8_lost_c1(line: str, share: float = _PAIRED_SHARE) -> bool:
    """Are the bytes of ``line``'s Western groups UTF-8 that lost its C1 bytes?

    Then every continuation byte left (A0-BF) follows its lead, a lead may stand
    alone (``Ñ`` is ``с``, whose ``81`` was deleted), and most bytes pair up.  Legacy
    text breaks that shape at once: GBK, Big5 and EUC-KR begin characters with bytes
    A1-BF, and cp1251 or cp1253 letters are all leads, paired with nothing.

    A three-byte lead before a space, an ASCII mark or the end is not counted: it
    is punctuation that lost both continuation bytes (``â`` of ``—``, ``E2 80 94``),
    which no double-byte codec ends a character with, and lines of quotes and dashes
    had hidden the shape of the words between them (``ÑÐµÑÐ½ÑÑ`` is ``речных``,
    not the GBK ``研笛薪蜒``).
    """
    data = b" ".join(
        group for match in _GROUP.finditer(line) if (group := _western_bytes(match.group()))
    )
    pending = paired = high = 0
    leads: set[int] = set()
    for index, byte in enumerate(data):
        if byte < 0x80:
            pending = 0
            continue
        following = data[index + 1] if index + 1 < len(data) else 0x20
        if 0xE0 <= byte < 0xF0 and following < 0x80 and not chr(following).isalnum():
            pending = 0
            continue
        high += 1
        if byte < 0xC0:  # a continuation byte: it pairs with the lead before it
            if not pending:
                return False
            pending -= 1
            paired += 1
        elif byte in _LEADS:
            pending = _LEADS[byte]
            paired += 0x80 <= following < 0xC0
            leads.add(byte)
        else:
            return False
    if high >= _FEW_LEADS_COUNT and len(leads) <= _FEW_LEADS:
        # One script's block begins with one or two lead bytes, which stand alone
        # where their continuation was a C1 byte: Cyrillic capitals ``В Д О Б`` lose
        # theirs, leaving ``Ð ÐÐ ÐÐ ÐÐÐÐ£Ð¡Ð¯``; cp1251's capitals would spread over 32
        # values (that line had been read as ``Р РР РР РРРРЈРЎРЇ``).
        return True
    return high > 0 and paired >= share * high


#: A line whose bytes outside ASCII, at least :data:`_FEW_LEADS_COUNT` of them, hold
#: no more than :data:`_FEW_LEADS` distinct lead bytes is UTF-8 of one script's block.
_FEW_LEADS = 2
_FEW_LEADS_COUNT = 6


def _mostly_utf8(text: str) -> bool:
    """Are most of ``text``'s non-ASCII characters in complete UTF-8 sequences, read
    back through cp1252 or through MacRoman?

    MacRoman mojibake of CJK text (``„âØÎÇ©`` for ``㉯납``) is made of Western
    letters too, but its bytes are UTF-8 only through MacRoman.
    """
    as_cp1252 = _as_latin1(text)  # ``Ã¢â‚¬â„¢``: UTF-8 read twice
    as_mac_roman = text.encode("mac_roman", "replace").decode("latin-1")
    return _utf8_share(as_cp1252) >= _UTF8_SHARE or _utf8_share(as_mac_roman) >= _UTF8_SHARE


def _utf8_in_a_codec_ftfy_reads(group: str) -> bool:
    """Are the bytes of ``group`` UTF-8 in one of the single-byte codecs ftfy reads?
    Then it is UTF-8 read in that codec, ftfy's case: Russian ``Член`` read as
    cp1257 is ``Š§Š»ŠµŠ½``, which read back as cp1252 is Shift-JIS for ``刊棺慣歓``."""
    import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)
    from ftfy.chardata import CHARMAP_ENCODINGS

    for codec in CHARMAP_ENCODINGS:
        try:
            group.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        return True
    return False


def _utf8_share(as_bytes: str) -> float:
    """The share of the non-ASCII characters of ``as_bytes`` (bytes as Latin-1
    characters) in complete UTF-8 sequences; 0 when there are none."""
    high = _count_non_ascii(as_bytes)
    paired = _count_non_ascii("".join(_UTF8_PAIR_RE.findall(as_bytes)))
    return paired / high if high else 0.0


def _count_non_ascii(text: str) -> int:
    """How many characters of ``text`` are not ASCII (counted in C)."""
    return len(text) - len(text.encode("ascii", "ignore"))


def _western_bytes(group: str) -> bytes | None:
    """The bytes a Western reader saw (cp1252 or Latin-1, so C1 characters are bytes too).

    Encoded in C for nearly every group (Latin-1, or ftfy's sloppy cp1252, 14 times
    faster than the translation): only a group holding both cp1252's own characters
    and the C1 characters cp1252 gives a glyph (or U+FFFD, which the sloppy codec
    writes as a byte) is translated.
    """
    try:
        return group.encode("latin-1")
    except UnicodeEncodeError:
        pass
    if "\ufffd" not in group:
        import ftfy.bad_codecs  # noqa: F401  (registers ftfy's "sloppy" codecs)

        try:
            return group.encode("sloppy-windows-1252")
        except UnicodeEncodeError:
            pass
    try:
        return group.translate(_CP1252_TO_LATIN1).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _as_latin1(text: str) -> str:
    """``text`` with cp1252's own characters replaced by the Latin-1 characters of
    their bytes (``€`` by U+0080); unchanged, and not copied, when it has none."""
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return text.translate(_CP1252_TO_LATIN1)
    return text


def _best_reading(group: str, double_byte: bool) -> _Candidate | None:
    data = _western_bytes(group)
    # cheapest first: UTF-8 mojibake (ftfy's case) is most of what comes here
    if (
        data is None
        or _is_utf8(data)
        or _mostly_utf8(group)
        or _utf8_in_a_codec_ftfy_reads(group)
        or _western_words_known(group)
        or _utf8_lost_c1(group, _GROUP_PAIRED_SHARE)
    ):
        return None
    single = [c for c in (_single_byte(data, codec) for codec in _SINGLE_BYTE) if c]
    if double_byte:
        if single:  # known words in a single-byte codec: that family's case
            return None
        candidates = [c for c in (_double_byte(data, codec) for codec in _DOUBLE_BYTE) if c]
    else:
        candidates = single
    if not candidates:
        return None
    ranked = sorted(candidates, key=lambda candidate: candidate.cost)
    if len(ranked) > 1 and ranked[1].cost - ranked[0].cost < _CLEAR_MARGIN:
        return None  # two legacy readings are equally plausible: do not guess
    return ranked[0]


def _glued_to_foreign(text: str, start: int, end: int) -> bool:
    """A Western reader only produces cp1252 and Latin-1 characters: a group glued to
    ``≥`` or ``√`` is UTF-8 read as MacRoman (ftfy's case), not a legacy text."""
    around = text[start - 1 : start] + text[end : end + 1]
    return any(not char.isspace() and _western_bytes(char) is None for char in around)


def _is_utf8(data: bytes) -> bool:
    """UTF-8 read as Western is ftfy's case, not this one."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


_ONE_BYTE_OVER_AND_OVER = re.compile(rb"([\x80-\xff])\1{5}")


def _double_byte(data: bytes, codec: str) -> _Candidate | None:
    if _ONE_BYTE_OVER_AND_OVER.search(data):
        # ``ÐÐÐÐÐÐ`` is what capitals of Cyrillic that lost their C1 bytes leave, not
        # an ideograph written with one byte twice, three times over (``行行行``)
        return None
    try:
        decoded = data.decode(codec)
    except UnicodeDecodeError:
        return None
    wide = [char for char in decoded if not char.isascii()]
    rare = sum(1 for char in wide if score.is_rare(char) or _COMPATIBILITY.match(char))
    if codec == "euc_kr":
        # A syllable outside KS X 1001 written as a make-up sequence (a filler and
        # three jamo, annex 3) was written so on purpose: EUC-KR's own pattern.
        rare -= min(rare, data.count(_MAKE_UP_FILLER))
    letters = sum(1 for char in wide if char.isalpha())
    if letters < 2 or rare > len(wide) // _RARE_ONE_IN:
        return None  # short texts: every character common; long ones: nearly every
    if any(ord(char) < 0x2E80 and char.isalpha() for char in wide):
        return None  # a Latin or Greek letter survived (symbols such as ◎ ※ ★ are the codec's own)
    if _GLUED_LATIN.search(decoded):  # ``茅t茅`` is UTF-8 mojibake, not a legacy text
        return None
    if codec in _CHINESE_CODECS and _KANA.search(decoded):
        return None
    if codec == "euc_kr" and 2 * len(_HANGUL.findall(decoded)) < letters:
        # Korean is written in Hangul; Hanja alone is Chinese, which is not written
        # in EUC-KR (``â¬ ÑÑÐ°`` is ``€ уча`` that lost C1 bytes, not ``燧 金逵``)
        return None
    cost = score.text_cost(decoded)
    if codec != "euc_kr":  # Chinese and Japanese do not put spaces between words
        cost += _MIXED_COST * len(_SPACED_IDEOGRAPHS.findall(decoded))
    elif _HANGUL.search(decoded):  # modern Korean seldom mixes Hanja into Hangul
        cost += _MIXED_COST * len(_IDEOGRAPH.findall(decoded))
    return _Candidate(codec, decoded, cost)


def _single_byte(data: bytes, codec: str) -> _Candidate | None:
    decoded = data.decode(codec, "replace")
    if "\ufffd" in decoded or _torn_apart(data, decoded):
        return None
    words = [word for word in _WORD.findall(decoded) if not word.isascii()]
    if sum(len(word) for word in words) < 5 or not all(map(_well_cased, words)):
        return None
    if _one_letter_over_and_over(words):
        return None
    languages = _SINGLE_BYTE[codec]
    # One-letter words are left out: Russian ``и`` and ``в`` are words, but so is
    # nearly any letter, so they can neither confirm a reading nor count against it.
    # A reading made mostly of them is letters cut apart by symbols: no prose.
    judged = [word for word in words if len(word) >= 2]
    if sum(map(len, judged)) < _JUDGED_SHARE * sum(map(len, words)):
        return None
    # Nor does a word of one letter repeated confirm one: ``гг`` and ``דד`` are
    # words (abbreviations), and what a lead byte repeated makes (``ããã ãã`` of
    # kana that lost its C1 bytes, read as cp1251, is ``ггг гг``).
    known = [
        word
        for word in judged
        if len(set(word)) > 1 and any(_known_in(word.lower(), language) for language in languages)
    ]
    if len(known) < 2 and not any(len(word) >= 5 for word in known):
        return None
    if len(known) * 3 < len(judged) * 2:
        return None
    # Fewer unknown words is better; the cost keeps the choice deterministic.
    return _Candidate(codec, decoded, 10.0 * (len(judged) - len(known)) + score.text_cost(decoded))


def _one_letter_over_and_over(words: list[str]) -> bool:
    """Is one letter more than half of the reading's (six or more)?  No prose is
    written so; UTF-8 of kana that lost its C1 bytes is, its lead byte ``E3`` at
    every character: ``ãã¨ ãã æã éã`` of ``こと ある 抜い 通り`` read as cp1255 is
    ``דד¨ דד זד יד``, which holds the words ``יד`` and ``דד``."""
    letters = Counter(char for word in words for char in word if char.isalpha())
    total = sum(letters.values())
    return total >= 6 and 2 * max(letters.values()) > total


#: Punctuation a word may hold between two of its letters: Hebrew's geresh and
#: gershayim (``צה״ל``); dashes and hyphens (category Pd) are let through too.
_WORD_PUNCTUATION = frozenset("׳״")
_FIRST_SYMBOL_BYTE = 0xA0  # UTF-8 with its C1 bytes deleted keeps only bytes from here up


def _torn_apart(data: bytes, decoded: str) -> bool:
    """Is ``decoded``, the single-byte reading of ``data``, no prose?

    UTF-8 that lost its C1 bytes keeps lead and continuation bytes side by side, and
    a single-byte codec reads many of them as symbols or punctuation: a word such as
    ``ה÷זו»¿ה`` or ``هن؛وه`` is no prose, nor is a combining mark on an ASCII letter
    (``ROZDZIELCZOִֵ``: the Hebrew points are the lead bytes of ``ŚĆ``), nor a letter
    of the codec's script glued to an ASCII letter (``“fini”`` that lost its C1
    bytes is ``âfiniâ``, in cp1255 ``גfiniג``: :func:`_caseless_beside_ascii`).
    """
    for index in range(1, len(decoded)):
        char = decoded[index]
        category = unicodedata.category(char)
        if category == "Mn" and decoded[index - 1].isascii():
            return True
        if _caseless_beside_ascii(char, decoded[index - 1]) or _caseless_beside_ascii(
            decoded[index - 1], char
        ):
            return True
        if (
            data[index] >= _FIRST_SYMBOL_BYTE
            and category[0] in "SP"
            and category != "Pd"
            and char not in _WORD_PUNCTUATION
            and decoded[index - 1].isalpha()
            and decoded[index + 1 : index + 2].isalpha()
        ):
            return True
    return False


def _caseless_beside_ascii(char: str, other: str) -> bool:
    """Is ``char`` a letter of a caseless script (Hebrew, Arabic) and ``other`` an
    ASCII letter?  Cyrillic and Greek are left out: real text glues a Latin letter
    into their words (Bulgarian ``Tо``, its ``T`` Latin)."""
    return (
        other.isascii()
        and other.isalpha()
        and char.isalpha()
        and not (char.isascii() or char.isupper() or char.islower())
    )


def _well_cased(word: str) -> bool:
    """``мир``, ``МИР`` and ``Мир`` are how words are written; ``тТТ`` is not."""
    caseless = not any(char.isupper() or char.islower() for char in word)  # Hebrew, Arabic
    return (
        caseless or word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower())
    )


def _western_words_known(group: str) -> bool:
    """True when the group's accented words are real Western words (``déjà``, ``Größe``):
    half of them, and two different ones, or one of four letters or more.  One short
    word is no evidence: ``Já`` (``開`` is ``8A 4A``) turns up among the C1 controls
    of Shift-JIS read as Latin-1, once for each ``開``."""
    if _quoted_word(group):
        return True
    letters = "".join(char if char.isalpha() else " " for char in group)
    words = [word for word in letters.split() if len(word) >= 2 and not word.isascii()]
    known = [word for word in words if known_word(word)]
    if len(set(known)) < 2 and not any(len(word) >= _LONG_WORD for word in known):
        return False
    return len(known) * 2 >= len(words)


_LONG_WORD = 4
#: Typography a Western word is wrapped in (``“máš”…``): as cp1252 bytes, lead and
#: trail bytes of legacy codecs too.
_WRAPPING = "“”‘’„«»…‹›¿¡.,;:!?()"


def _quoted_word(group: str) -> bool:
    """Is ``group`` one known word wrapped in typography (``“üç”``, Turkish "three",
    which Shift-JIS reads as ``入逕``; Czech ``“máš”…``)?  Quotes and ellipses around
    a word are Western typography, not the lead and trail bytes of a legacy text."""
    inner = group.strip(_WRAPPING)
    return len(inner) < len(group) and inner.isalpha() and known_word(inner)


@lru_cache(maxsize=4096)
def _known_in(word: str, language: str) -> bool:
    from wordfreq import zipf_frequency

    return bool(zipf_frequency(word, language, wordlist=WORDLIST) >= 2.0)
