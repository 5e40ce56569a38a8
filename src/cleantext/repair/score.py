"""Plausibility scoring: how surprising a piece of text is, in "cost" units.

Mojibake is made of characters that real text rarely uses (rare ideographs from the
second level of a CJK character set, half-width katakana, Latin-1 symbols, C1
controls) in places real text would not put them (an ideograph glued to a Latin
word).  The cost of a text is the sum of a per-character cost and a per-pair cost.
A repair is accepted only when it lowers the cost by a clear margin
(:func:`clearly_better`), so a borderline guess never changes correct text.

Which ideographs and syllables count as common is derived from the national
character sets that Python's codecs implement (GB 2312 level 1, Big5 level 1,
JIS X 0208 level 1, KS X 1001 Hangul), computed once on first use.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import regex

__all__ = [
    "EMOJI_BLOCKS",
    "char_cost",
    "clearly_better",
    "is_phonetic_letter",
    "is_rare",
    "is_small_script_letter",
    "script_of",
    "scripts_agree",
    "text_cost",
]

# Cost units: 0 is ordinary ASCII; about 4 is "almost never seen in real text".
_TYPOGRAPHIC = frozenset("’‘“”—–…•€£¥°©®™«»¡¿·×÷§¶†‡′″‹›„‚\u00a0\u2009\u202f")
#: The rest of U+3000 to U+303F (Hangzhou numerals, tone marks, ``〶``) cost as
#: the other symbols: Shift-JIS that dropped bytes of ``、출`` reads back as ``〶``.
_CJK_PUNCTUATION = frozenset("、。〈〉《》「」『』【】〔〕〖〗〜〰・ー（）！？，．：；［］｛｝〇")


@lru_cache(maxsize=1)
def _common_ideographs() -> frozenset[str]:
    """Ideographs of the first (most frequent) level of GB 2312, Big5 and JIS X 0208."""
    common: set[str] = set()
    for code in range(0x4E00, 0xA000):
        char = chr(code)
        for codec, low, high in (("gb2312", 0xB0, 0xD7), ("euc_jp", 0xB0, 0xCF)):
            try:
                lead = char.encode(codec)[0]
            except UnicodeEncodeError:
                continue
            if low <= lead <= high:
                common.add(char)
        try:
            big5 = char.encode("big5")
        except UnicodeEncodeError:
            continue
        if 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E:
            common.add(char)
    return frozenset(common)


def _is_uncommon_ideograph(char: str) -> bool:
    """Is ``char`` a first-level ideograph that real text seldom writes
    (:func:`_uncommon_ideographs`)?"""
    return char in _uncommon_ideographs()


def is_rare(char: str) -> bool:
    """Does ``char`` cost more than a common character, and is it no first-level
    ideograph?  An uncommon first-level ideograph costs more than a common one, yet
    CJK prose holds enough of them that the screen and the legacy readings take
    them as common: as evidence, they had cost clean CJK text a hundredfold in speed."""
    return char_cost(char) > 1.0 and not _is_uncommon_ideograph(char)


@lru_cache(maxsize=1)
def _uncommon_ideographs() -> frozenset[str]:
    """First-level ideographs that real text seldom writes (``獷``, ``輞``): words
    holding them are rare in wordfreq's Chinese and Japanese lists.  Built by
    ``scripts/uncommon_ideographs.py`` into a data file, so pricing a character
    loads no word list.  Bytes a lossy codec joined make them as readily as any
    (cp949 made ``常獷`` of what it kept of ``常简捷``)."""
    text = resources.files("cleantext.repair").joinpath("uncommon_ideographs.txt")
    return frozenset(text.read_text("utf-8").replace("\n", ""))


@lru_cache(maxsize=1)
def _common_hangul() -> frozenset[str]:
    """The 2,350 Hangul syllables of KS X 1001: those EUC-KR writes in two bytes.

    Python's EUC-KR codec writes every other syllable too, as an eight-byte
    make-up sequence of jamo (KS X 1001 annex 3), so "can encode" is not the test.
    """
    common: set[str] = set()
    for code in range(0xAC00, 0xD7A4):
        if len(chr(code).encode("euc_kr")) == 2:
            common.add(chr(code))
    return frozenset(common)


@lru_cache(maxsize=1)
def _composing_marks() -> frozenset[str]:
    """Combining diacritics (U+0300 to U+036F) found in the canonical decomposition
    of a precomposed letter: what text written in decomposed form (NFD) holds."""
    return frozenset(
        mark
        for code in range(0xC0, 0x3000)
        for mark in unicodedata.normalize("NFD", chr(code))[1:]
        if 0x300 <= ord(mark) < 0x370
    )


#: Cyrillic letters only historic and liturgical text writes (U+0460 to U+0481): a
#: repair that makes one alone (``悒`` read back as Big5 is ``ѥ``) is no more plausible.
_HISTORIC_CYRILLIC_START, _HISTORIC_CYRILLIC_END = 0x0460, 0x0482
#: The Cyrillic Supplement (U+0500 to U+052F): letters of Komi, Abkhaz, Khanty and
#: other small orthographies.  EUC-KR read the ``覩`` EUC-JP left of ``도미닉`` as ``ԭ``.
_CYRILLIC_SUPPLEMENT = range(0x0500, 0x0530)


#: The alphabets between Arabic and Devanagari (U+0700 to U+086F) but for the Arabic
#: Supplement: Syriac, Thaana, N'Ko, Samaritan and Mandaic, which few texts are
#: written in.  Big5 wrote ``и`` as ``邽``, which GBK reads back as the N'Ko ``ߞ``.
_SMALL_SCRIPTS = range(0x0700, 0x0870)
_ARABIC_SUPPLEMENT = range(0x0750, 0x0780)


def is_small_script_letter(char: str) -> bool:
    """A letter of Syriac, Thaana, N'Ko, Samaritan or Mandaic (:data:`_SMALL_SCRIPTS`)."""
    code = ord(char)
    return code in _SMALL_SCRIPTS and code not in _ARABIC_SUPPLEMENT and char.isalpha()


#: Latin Extended-B letters that languages with many writers use: Romanian ``Ș Ț``,
#: Vietnamese ``Ơ Ư``, pinyin's tone letters, Azerbaijani ``Ə``, Croatian digraphs,
#: the florin ``ƒ``, the hooked letters of Hausa and Fula, and the open vowels,
#: ``Ɖ Ɣ Ʋ Ɲ`` of West African orthographies (Ewe, Akan, Bambara).  Their small
#: letters in the IPA block (``ɛ ɔ ə ɖ ɓ``) are in use too.  The rest (``ƹ``, what
#: GBK reads back of Big5's ``乒``; ``ʒ``, of EUC-JP's ``蕭``; Livonian ``ǭ``, which
#: EUC-JP reads of the ``猫`` GBK leaves of ``è``) are phonetics or small
#: orthographies', and cost as the rarer symbols: inside a Latin word such a letter
#: had still gained on a common ideograph glued there (``Lucr猫ce``).
_EXTENDED_B_IN_USE = frozenset("ȘșȚțƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜƏəƒǄǅǆǇǈǉǊǋǌƁɓƊɗƘƙƳƴƐɛƆɔƉɖƔɣƲʋƝɲǦǧǨǩǪǫǮǯǾǿ")
_EXTENDED_B_START, _IPA_END = 0x0180, 0x02B0
#: Latin Extended-A letters only small orthographies write: Maltese ``Ħ``, Esperanto's
#: circumflexed consonants and ``ŭ``, Greenlandic ``ĸ``, Sami ``Ŧ``, the deprecated
#: ``ŉ Ŀ`` and the Dutch ligature ``Ĳ``.  GBK reads the ``魔`` EUC-KR keeps of Arabic
#: as ``ħ``, and at a Latin letter's cost ``INTERFACEħħ`` had gained on the
#: ideographs glued to the word.  So too the Arabic letters Unicode 6 added for
#: Kashmiri and for early Persian and Azerbaijani, ``ؠ ػ ؼ ؽ ؾ ؿ``: GBK reads the
#: ``丶`` EUC-JP dropping bytes keeps of Cyrillic capitals as ``ؼ``, and at an
#: Arabic letter's cost its reading of such a line (``ؤ ؤ   ؼؤ``) had outranked
#: EUC-JP's own (``Т Т   ЦТ``; word probe, seeds 222 and 227).
_SMALL_ORTHOGRAPHY_LETTERS = frozenset("ĦħĸŉĿŀŦŧĲĳĤĥĜĝĈĉĴĵŜŝŬŭ\u0620\u063b\u063c\u063d\u063e\u063f")


def is_phonetic_letter(char: str) -> bool:
    """A letter of Latin Extended-B or the IPA block that no orthography with many
    writers uses (:data:`_EXTENDED_B_IN_USE`): ``ƹ``, ``ʒ``, ``ɯ``."""
    return (
        _EXTENDED_B_START <= ord(char) < _IPA_END
        and char.isalpha()
        and char not in _EXTENDED_B_IN_USE
    )


#: Tone letters and phonetic modifier symbols (U+02E5 to U+02FF; the two modifier
#: letters there cost as letters), which only transcriptions write: a rare ideograph
#: read back as Big5 was ``˦`` inside ``Ed˦ns`` (``Edén``).
_PHONETIC_MODIFIERS_START, _PHONETIC_MODIFIERS_END = 0x02E5, 0x0300


@lru_cache(maxsize=65536)
def char_cost(char: str) -> float:
    """How surprising one character is on its own."""
    code = ord(char)
    if code < 0x80:
        return 0.0 if (char.isprintable() or char in "\t\n\r") else 3.0
    if char in _TYPOGRAPHIC:
        return 0.3
    if char == "\ufffd":
        return 2.0
    if 0x80 <= code < 0xA0:
        return 6.0
    if 0x4E00 <= code < 0xA000:
        if char not in _common_ideographs():
            return 3.5
        return 2.0 if _is_uncommon_ideograph(char) else 1.0
    if 0xAC00 <= code < 0xD7A4:
        return 1.0 if char in _common_hangul() else 4.0
    if 0x3041 <= code <= 0x30FF:
        return 1.0
    if 0xFF61 <= code <= 0xFF9F:
        return 3.0  # half-width katakana: legal, but rare outside legacy systems
    if char in _CJK_PUNCTUATION or 0x3000 <= code < 0x3020 or 0xFF01 <= code <= 0xFF5E:
        return 1.0
    category = unicodedata.category(char)
    if category[0] == "L":
        if is_phonetic_letter(char):
            return 2.5  # ƹ ƻ ǂ ʒ ɯ ǭ ...: phonetics and a few small orthographies
        if char in _SMALL_ORTHOGRAPHY_LETTERS:
            return 2.0
        if code < 0x250:  # Latin-1 letters and Latin Extended-A/B
            return 1.0 if char.isupper() else 0.6
        if (
            _HISTORIC_CYRILLIC_START <= code < _HISTORIC_CYRILLIC_END
            or code in _CYRILLIC_SUPPLEMENT
        ):
            return 2.0  # Ѡ Ѣ Ѥ Ѧ Ѫ ...: Church Slavonic; ԭ Ԁ ...: small orthographies
        if is_small_script_letter(char):
            return 2.0  # Syriac, Thaana, N'Ko, Samaritan, Mandaic: few writers, few texts
        if code < 0x2000:  # Greek, Cyrillic, Hebrew, Arabic, Indic and other alphabets
            return 0.6
        return 2.0  # rarer blocks: CJK extension, compatibility ideographs, ...
    if _PHONETIC_MODIFIERS_START <= code < _PHONETIC_MODIFIERS_END:
        return 3.5  # ˥ ˦ ˱ ...: phonetic transcription only, no more plausible than 辿
    if code in _RADICALS:
        return 5.0  # ⺁ ⻰ ⼀ ...: a dictionary's index glyphs; text writes the ideograph
    if code in _EDITORIAL_MARKS and char not in "\u2e3a\u2e3b":
        return 3.5  # ⸀ ⸍ ⸮ ...: editions' and medieval marks (the long dashes aside)
    if 0x300 <= code < 0x370 and char not in _composing_marks():
        return 3.5  # a diacritic no precomposed letter holds (U+0339): phonetics, as ˦
    if category in ("Zs", "Mn", "Mc", "Nd", "Pd", "Ps", "Pe", "Pi", "Pf"):
        return 1.0
    if category == "Cn" and code in EMOJI_BLOCKS:
        return 0.5  # an emoji newer than this Python's tables (``🩷``, Unicode 15)
    if category in ("Co", "Cn", "Cs", "Cc"):
        return 6.0
    if category == "So" and (0x1F000 <= code < 0x1FB00 or shown_as_emoji(char)):
        return 0.5  # emoji, and the older symbols shown as emoji by default (``✨ ⭐``)
    if char in _NUMBER_SIGNS:
        return 3.5  # ؅ and the like span the digits after them: no more plausible than 貐
    return 2.5  # other symbols and punctuation: ¤ ¦ ¨ ¬ ¯ ´ ¸ box drawing, ...


#: The CJK Radicals Supplement and the Kangxi Radicals (U+2E80 to U+2FDF): the
#: radicals as a dictionary's index shows them, which running text writes as the
#: ideographs they are.  cp932 reads ``篏ｰ`` (``E2 BB B0``), what EUC-JP dropped of
#: Chinese ``体现``, as ``⻰``, and at the cost of other symbols that had gained on
#: the ideograph and half-width katakana it replaced.
_RADICALS = range(0x2E80, 0x2FE0)

#: The Supplemental Punctuation block (U+2E00 to U+2E7F): marks of critical editions,
#: medieval manuscripts and a few small scripts, which running text does not write;
#: cp932 read ``篋阪ぇ``, what EUC-JP dropping bytes kept of Chinese ``人大``, as
#: ``⸍ゥ``, which had cost no more than a quotation mark and a kana.  Its two-em
#: and three-em dashes (``⸺ ⸻``) are modern typography's and cost as dashes do.
_EDITORIAL_MARKS = range(0x2E00, 0x2E80)

#: The blocks of emoji and their kin (U+1F000 to U+1FBFF), where Unicode keeps adding
#: characters: a code point there this Python's tables do not know is a newer emoji.
EMOJI_BLOCKS = range(0x1F000, 0x1FC00)

#: Symbols shown as emoji by default (Unicode's Emoji_Presentation): ``✨`` read
#: as cp932 is ``笨ｨ``, and costs no less than the emoji it is.
_EMOJI_PRESENTATION = regex.compile(r"\p{Emoji_Presentation}")


def shown_as_emoji(char: str) -> bool:
    """Is ``char`` shown as an emoji by default (``👍``; not the domino ``🁑``)?"""
    return _EMOJI_PRESENTATION.match(char) is not None


#: The prepended concatenation marks (Arabic, Syriac and Kaithi number signs, U+0600
#: to U+0605 and others): format characters written only before a number.  GBK
#: reads ``貐``, what Big5 with ``?`` kept of ``복``, as ``U+0605``.  And the
#: Arabic-Indic radical signs and ray (U+0606 to U+0608), which only Arabic
#: mathematics writes, by its numbers: GBK reads ``貒``, what Big5 kept of ``범용``,
#: as ``؇``.
_NUMBER_SIGNS = frozenset(
    "\u0600\u0601\u0602\u0603\u0604\u0605\u0606\u0607\u0608\u06dd\u070f\u0890\u0891\u08e2"
)


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250:
        return "latin" if char.isalpha() else ""
    if 0x2E80 <= code < 0xA000 or 0xF900 <= code < 0xFB00 or 0xFF61 <= code <= 0xFF9F:
        return "cjk"
    if 0xAC00 <= code < 0xD7A4:
        return "cjk"
    if _PHONETIC_MODIFIERS_START <= code < _PHONETIC_MODIFIERS_END:
        # a tone letter glued to a word's letters pays as an ideograph there does:
        # Big5 read ``辿``, EUC-JP's ``é``, as ``˦`` inside ``C˦sar``
        return "phonetic"
    return "other" if char.isalpha() else ""


def text_cost(text: str) -> float:
    """Cost of ``text``: per-character costs plus a penalty where scripts touch."""
    total = 0.0
    previous = ""
    for char in text:
        total += char_cost(char)
        script = _script(char)
        if script and previous and script != previous:
            total += 1.5  # a CJK character glued to a Latin letter, Latin to Cyrillic, ...
        previous = script
    return (
        total
        + _MID_WORD_CAPITAL * len(_MID_WORD_CAPITAL_RE.findall(text))
        + _MID_WORD_CAPITAL * len(_SMALL_BEFORE_CAPITALS_RE.findall(text))
        + _GLUED_OPENING * len(_GLUED_OPENING_RE.findall(text))
        - _CAPITALS_WORD_DISCOUNT * len(_CAPITAL_AFTER_CAPITAL_RE.findall(text))
    )


#: An accented capital between two small letters (``bulunmaktadÛr``): no language
#: writes one, though names and brands write ASCII ones (``McDonald``, ``iPhone``).
_MID_WORD_CAPITAL_RE = regex.compile(r"(?<=\p{Ll})(?=[^\x00-\x7f])\p{Lu}(?=\p{Ll})")
_MID_WORD_CAPITAL = 1.5
#: An accented small letter right before a capital (``ĥAHIS``), which no word is
#: written with (brands glue ASCII ones: ``eBay``; German capitals keep ``ß``:
#: ``STRAßE``): Big5's ``ĥ`` had outweighed GBK's ``Ş`` of ``艦AHIS``, a capital
#: costing more than a small letter.
_SMALL_BEFORE_CAPITALS_RE = regex.compile(r"(?=[^\x00-\x7fß])\p{Ll}(?=\p{Lu})")
#: An inverted ``¡`` or ``¿`` right after a letter or digit: they open a sentence,
#: so none is written there (GBK reads ``隆``, what EUC-JP left in ``approach隆``,
#: as ``¡``).
_GLUED_OPENING_RE = regex.compile(r"(?<=[\p{L}\p{N}])[¡¿]")
_GLUED_OPENING = 2.0
#: An accented Latin capital right after a capital, in a word written in capitals
#: (``POTWIERDŹ``, ``ÉTÉ``), is as plain as a small one in a small word, so it costs
#: what a small one costs: the extra of a capital had kept EUC-KR's ``탁`` in
#: ``POTWIERD탁``.  Not before a small letter, which no word in capitals goes on
#: with: EUC-JP had read what it dropped of Turkish ``Işıklar`` as ``IÛklar``.
_CAPITAL_AFTER_CAPITAL_RE = regex.compile(r"(?<=\p{Lu})(?=[\u00c0-\u024f])\p{Lu}(?!\p{Ll})")
_CAPITALS_WORD_DISCOUNT = 0.4


def clearly_better(original: str, repaired: str, margin: float = 1.5) -> bool:
    """True when ``repaired`` is more plausible than ``original`` by a clear margin.

    The margin grows slowly with length so long spans need proportionate evidence.
    """
    required = margin + 0.05 * len(original)
    return text_cost(repaired) + required <= text_cost(original)


#: First words of the Unicode names of Chinese, Japanese and Korean letters; the
#: prolonged sound mark (``ー`` in ``ポリシー``) is "KATAKANA-HIRAGANA ...", and
#: ``々`` is an "IDEOGRAPHIC ITERATION MARK".
_CJK_SCRIPTS = frozenset(
    {
        "CJK",
        "HIRAGANA",
        "KATAKANA",
        "KATAKANA-HIRAGANA",
        "IDEOGRAPHIC",
        "BOPOMOFO",
        "HANGUL",
        "HALFWIDTH",
        "FULLWIDTH",
        "VERTICAL",  # kana repeat marks for vertical text
        "MASU",
    }
)
#: Latin-1 signs written beside Latin letters: ``nº``, ``1ª``, ``µm``.
_LATIN_SIGNS = frozenset({"FEMININE", "MASCULINE", "MICRO"})


@lru_cache(maxsize=65536)
def script_of(char: str) -> str:
    """The script of a letter, or of a digit other than ASCII's (``"LATIN"``,
    ``"CYRILLIC"``, ``"CJK"``, ``"ARABIC"`` for ``١``...); ``""`` otherwise.

    Chinese, Japanese and Korean share one group: their texts mix ideographs, kana
    and Hangul freely.
    """
    category = unicodedata.category(char)
    if not char.isalpha() and category not in ("Mn", "Mc", "Nd"):
        return ""  # combining marks count: an Arabic madda on a Cyrillic letter is alien
    if category == "Nd" and char.isascii():
        return ""  # ASCII digits go with any script
    word = unicodedata.name(char, "").split(" ", 1)[0]
    if word == "VARIATION":
        return ""  # a variation selector picks a glyph of any character (``❤️``, ``葛󠄀``)
    word = _DIGIT_SCRIPTS.get(word, word)
    if word in _LATIN_SIGNS:
        return "LATIN"
    return "CJK" if word in _CJK_SCRIPTS else word


#: First words of the names of digits written with a script's letters: EUC-JP reads
#: ``戞``, what GBK kept of ``金``, as ``١``, glued between two ideographs.
_DIGIT_SCRIPTS = {"ARABIC-INDIC": "ARABIC", "EXTENDED": "ARABIC"}

_STANDALONE_SCRIPTS = frozenset({"LATIN", "CJK"})


def _homoglyph_slip(text: str, index: int, neighbour: int) -> bool:
    """Is an ASCII letter beside a basic Greek or Cyrillic one (either way round) what
    real text writes?  Science glues Greek letters into Latin words (``IL2Rγc``,
    ``TNFα``).  Cyrillic and Latin meet in a word only by a look-alike typed in the
    other script, so one script's letters in the word must all be look-alikes
    (:data:`_LOOKALIKES`): ``Oбразование`` and Bulgarian ``Tо`` are slips; ``Щers``,
    what EUC-JP made of GBK's ``乂`` in ``Vers``, is not."""
    char, other = text[index], text[neighbour]
    if char.isascii():
        char, other = other, char
    if not other.isascii():
        return False
    if _BASIC_GREEK_START <= ord(char) <= _BASIC_GREEK_END:
        return True
    if not _basic_cyrillic(char):
        return False
    start, end = index, index + 1
    while start and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[start:end]
    return all(letter in _LOOKALIKES for letter in word if letter.isascii()) or all(
        letter in _LOOKALIKES for letter in word if not letter.isascii()
    )


#: Latin and Cyrillic letters that look the same in print.
_LOOKALIKES = frozenset("ABCEHKMOPTXaceopxyАВСЕНКМОРТХасеорху")
_BASIC_GREEK_START, _BASIC_GREEK_END = 0x0391, 0x03C9  # Α to ω


def _basic_cyrillic(char: str) -> bool:
    """А to я, Ё, ё: the Cyrillic letters typed beside Latin ones."""
    return "\u0410" <= char <= "\u044f" or char in "Ёё"


def _defective_mark(text: str, index: int) -> bool:
    """Is ``text[index]`` a combining mark with no character to combine with: at the
    start, after a space or a control character, or (a script's own mark: a Hebrew
    point, an Arabic vowel sign) after no letter at all?  GBK read the ``讌`` that
    EUC-JP left between ``?`` as the Hebrew ``ׅ``.  Generic marks go on symbols too
    (``1️⃣``, ``a⃝``)."""
    if unicodedata.category(text[index])[0] != "M":
        return False
    if index == 0 or unicodedata.category(text[index - 1])[0] in "ZC":
        return True
    return script_of(text[index]) not in ("", "COMBINING") and not script_of(text[index - 1])


#: Scripts with punctuation of their own, which only their letters stand beside.
_PUNCTUATING_SCRIPTS = frozenset(
    {"ARMENIAN", "HEBREW", "ARABIC", "SYRIAC", "NKO", "SAMARITAN", "MANDAIC"}
)


def _stray_script_punctuation(text: str, index: int) -> bool:
    """Is ``text[index]`` a script's own punctuation (the Armenian ``՚ ՞``, the Arabic
    ``، ؟``) with no letter of that script within two characters?  GBK read what Big5
    left of Korean ``를`` as ``՚``."""
    char = text[index]
    if char.isascii() or unicodedata.category(char)[0] != "P":
        return False
    script = unicodedata.name(char, "").split(" ", 1)[0]
    if script not in _PUNCTUATING_SCRIPTS:
        return False
    around = text[max(0, index - 2) : index] + text[index + 1 : index + 3]
    return not any(script_of(other) == script for other in around)


def scripts_agree(text: str, judged: Iterable[int] | None = None) -> bool:
    """True when no letter in ``text`` (or, given ``judged``, at those indices) touches
    a letter of another script.

    The characters outside ``judged`` are context: neighbours of the judged ones,
    not judged themselves, since their own other neighbour is not in view (the last
    letter of a Greek word before a repaired ``。A`` is not a lone letter).

    A lone letter with no letter beside it is plausible in Latin (``à``) or CJK
    text, or as a one-letter word between spaces (Russian ``и``); a lone N'Ko or
    Arabic letter among symbols is a misexplanation.  A generic combining accent
    belongs to the letter before it (decomposed ``é``); with no letter before it,
    it is a script of its own.  A combining mark with nothing to combine with (at
    the start, after a space or a control character) agrees with nothing: GBK read
    the ``覈`` EUC-JP kept of ``명`` as the Cyrillic ``҇`` after a space.
    """
    indices = tuple(judged) if judged is not None else range(len(text))  # looked at twice
    if any(
        _defective_mark(text, index) or _stray_script_punctuation(text, index) for index in indices
    ):
        return False
    scripts = [script_of(char) for char in text]
    for index in range(1, len(scripts)):
        # a generic accent (U+0301 of decomposed ``é``) takes its base letter's script
        if scripts[index - 1] and scripts[index] == "COMBINING":
            scripts[index] = scripts[index - 1]
    for index in indices:
        script = scripts[index]
        if not script:
            continue
        for offset in (-1, 1):
            other = scripts[index + offset] if 0 <= index + offset < len(text) else ""
            if other and other != script and not _homoglyph_slip(text, index, index + offset):
                return False
        neighbours = [scripts[at] for at in (index - 1, index + 1) if 0 <= at < len(text)]
        neighbours = [other for other in neighbours if other]
        if not neighbours and script not in _STANDALONE_SCRIPTS:
            around = text[max(0, index - 1) : index] + text[index + 1 : index + 2]
            if not around.isascii():  # ``и`` between spaces is a word; ``ڶ`` among symbols is not
                return False
    return True
