"""How common a word is, in the languages that write its letters.

wordfreq's Zipf frequency (its "small" lists), which accented Latin letters each
language writes, and the letters of the word around a hole.  The rules that
choose a lost character (:mod:`.infer`, :mod:`.mark_rules`) and the checks that
confirm a repair (:mod:`.confirm`, :mod:`.legacy`) ask these.
"""

from __future__ import annotations

from functools import lru_cache

from cleantext.repair import lexicon, score

__all__ = [
    "KNOWN_WORD_ZIPF",
    "LANGUAGES_BY_LETTER",
    "LONGEST_WORD",
    "WORDLIST",
    "commonest_zipf",
    "is_one_letter_word",
    "known_word",
    "leading_letters",
    "lone_non_word",
    "trailing_letters",
    "zipf",
]

LONGEST_WORD = 32  # letters looked at on each side of a hole
KNOWN_WORD_ZIPF = 1.5  # about once in 30 million words
#: wordfreq's "small" lists (words down to about Zipf 3) hold a language in a few MB;
#: the "best" ones take about 40 MB each, too much for bounded-memory corpus runs.
WORDLIST = "small"

#: Languages whose alphabet has each accented Latin letter (lowercase and capital).
LANGUAGES_BY_LETTER: dict[str, tuple[str, ...]] = {}
for _letters, _langs in (
    ("àâçéèêëîïôûùüÿœæ", ("fr",)),
    ("äöüß", ("de",)),
    ("áéíóúñü", ("es",)),
    ("áâãàçéêíóôõú", ("pt",)),
    ("àèéìòù", ("it",)),
    ("ąćęłńóśźż", ("pl",)),
    ("áčďéěíňóřšťúůýž", ("cs",)),
    ("âçğıîöşûüİ", ("tr",)),  # İ: the capital of i, which is ASCII; â î û: kâr, hâlâ
    ("ãăâîșşțţ", ("ro",)),  # ã: the ă of Romanian typed in Latin-1 (douã, cã)
    ("áéíóöőúüű", ("hu",)),
    ("åäö", ("sv", "fi")),
    ("æøå", ("da", "nb")),
    ("ëï", ("nl",)),
    ("áðéíóúýþæö", ("is",)),
    ("àçèéíïòóúü", ("ca",)),
    ("áäčďéíĺľňóôŕšťúýž", ("sk",)),
    ("čšž", ("sl",)),
    ("čćđšž", ("sh",)),
    ("ąčęėįšųūž", ("lt",)),
    ("āčēģīķļņšūž", ("lv",)),
    ("àáâãèéêìíòóôõùúýăđĩũơư", ("vi",)),
    ("".join(map(chr, range(0x1EA0, 0x1EFA))), ("vi",)),
):
    for _letter in _letters + _letters.upper():
        LANGUAGES_BY_LETTER[_letter] = (*LANGUAGES_BY_LETTER.get(_letter, ()), *_langs)


def leading_letters(text: str) -> str:
    """The letters ``text`` begins with (at most :data:`LONGEST_WORD`): the rest of
    the word a hole is in, after it."""
    letters = []
    for char in text[:LONGEST_WORD]:
        if not char.isalpha():
            break
        letters.append(char)
    return "".join(letters)


def trailing_letters(text: str) -> str:
    """The letters ``text`` ends with (at most :data:`LONGEST_WORD`): the start of
    the word a hole is in, before it."""
    return leading_letters(text[: -LONGEST_WORD - 1 : -1])[::-1]


def known_word(word: str) -> bool:
    """True when ``word`` is a common word in English or a language that uses its letters."""
    return commonest_zipf(word) >= KNOWN_WORD_ZIPF


def commonest_zipf(word: str) -> float:
    """The Zipf frequency of ``word`` in English or the language using its letters
    where it is commonest; 0 for a word that is not all letters."""
    if not word.isalpha():
        return 0.0
    languages = {"en"}
    for char in word:
        languages.update(LANGUAGES_BY_LETTER.get(char, ()))
    return max(zipf(word, lang) for lang in sorted(languages))


def is_one_letter_word(letter: str) -> bool:
    """Is ``letter`` a common word on its own in a language that writes it: Russian
    ``в``, Greek ``ο``, Portuguese ``é``, Arabic ``و``?  Not ``ӈ``, ``ƹ`` or ``ڶ``.
    wordfreq's Arabic, Persian, Urdu and Hebrew lists hold the prefixes their
    tokenizer splits off (``ب``, ``ל``), so the basic letters pass.  Letters of
    scripts without a list here are given the benefit, but for the small scripts
    few texts are written in (Thaana, N'Ko: :func:`.score.is_small_script_letter`)
    and phonetic letters (``ʒ``: :func:`.score.is_phonetic_letter`)."""
    script = lexicon.script_of(letter)
    if script == "latin":
        return known_word(letter)
    languages = lexicon.LANGUAGES_BY_SCRIPT.get(script) or _ONE_LETTER_LISTS.get(
        _alphabet_of(letter), ()
    )
    if not languages:
        return not (score.is_small_script_letter(letter) or score.is_phonetic_letter(letter))
    return any(zipf(letter.lower(), language) >= _ONE_LETTER_ZIPF for language in languages)


def lone_non_word(text: str, start: int, end: int, repaired: str) -> bool:
    """Would ``repaired``, put for ``text[start:end]``, be one letter standing alone as
    a word (no letter or digit beside it) that no language writing it has as one
    (:func:`is_one_letter_word`)?"""
    if len(repaired) != 1 or repaired.isascii() or not repaired.isalpha():
        return False
    if text[start - 1 : start].isalnum() or text[end : end + 1].isalnum():
        return False
    return not is_one_letter_word(repaired)


#: wordfreq's lists for the alphabets :mod:`.lexicon` holds none for.
_ONE_LETTER_LISTS: dict[str, tuple[str, ...]] = {"arabic": ("ar", "fa", "ur"), "hebrew": ("he",)}


def _alphabet_of(letter: str) -> str:
    code = ord(letter)
    if 0x590 <= code < 0x600:
        return "hebrew"
    if 0x600 <= code < 0x700 or 0x750 <= code < 0x780:
        return "arabic"
    return ""


_ONE_LETTER_ZIPF = 3.0  # a letter standing alone in a list is often an abbreviation


def _greek_sigmas_in_place(word: str) -> bool:
    """Greek writes ``ς`` at a word's end and ``σ`` everywhere else."""
    return not word.endswith("σ") and "ς" not in word[:-1]


@lru_cache(maxsize=65536)
def zipf(word: str, language: str) -> float:
    """wordfreq's Zipf frequency of ``word`` (in any case) in ``language``; 0 where it
    has no list.

    Turkish and Azerbaijani lower ``I`` to ``ı``: Python's ``kalkiş`` of ``KALKIŞ``
    is no word, and the Lithuanian ``KALKIŲ`` had been the only word a hole there
    made.  Capitals typed without the Turkish rules write ``I`` for ``İ`` too
    (``BIRKAÇ``), so a word holding ``I`` counts as the commoner of its two readings.
    """
    if language in _DOTLESS_I_LANGUAGES and "I" in word:
        return max(_zipf(word.replace("I", "ı"), language), _zipf(word, language))
    return _zipf(word, language)


#: The languages whose capital ``I`` is the dotless ``ı`` (and ``İ`` the dotted ``i``).
_DOTLESS_I_LANGUAGES = frozenset({"tr", "az"})


def _zipf(word: str, language: str) -> float:
    word = word.lower()
    if language == "el" and not _greek_sigmas_in_place(word):
        return 0.0  # wordfreq casefolds ς to σ: without this, ``επίσησ`` is a word
    # Python lowers Turkish ``İ`` to ``i`` and a combining dot, which no list holds:
    # ``İstanbul`` that lost its ``İ`` had become the ``ıstanbul`` of lowered capitals.
    word = word.replace("i\u0307", "i")
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        return 0.0
    try:
        return float(zipf_frequency(word, language, wordlist=WORDLIST))
    except (LookupError, ValueError, ModuleNotFoundError):
        return 0.0
