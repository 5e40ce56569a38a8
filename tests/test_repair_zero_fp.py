"""Zero false positives: text that is already right comes back exactly as it was.

This is the hard rule of the repair engine.  Each source of clean text is its own
table: the clean seeds, the shared multilingual samples, the standard library's
CJK prose, hand-written tricky strings (legitimate characters that mojibake is
made of), and hypothesis-generated text across scripts.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.recovery import (
    CJK_SAMPLES,
    CLEAN_SEEDS,
    CORPORA,
    MULTILINGUAL_ENCODINGS,
    cjk_samples,
    corpus_sentences,
    seed_text,
)

import cleantext


def assert_unchanged(text: str) -> None:
    fixed, plan = cleantext.fix_encoding_and_explain(text)
    changes = [change.describe() for change in plan][:5]
    assert fixed == text, f"clean text changed: {changes}"
    assert not cleantext.diagnose(text), cleantext.diagnose(text).findings[:5]


@pytest.mark.parametrize("prefix", CLEAN_SEEDS)
def test_clean_seeds_unchanged(prefix: str) -> None:
    assert_unchanged(seed_text(prefix))


@pytest.mark.parametrize("name", sorted(MULTILINGUAL_ENCODINGS))
def test_multilingual_samples_unchanged(name: str, multilingual: dict[str, str]) -> None:
    assert_unchanged(multilingual[name])


def _cjk_params() -> list[Any]:
    samples = cjk_samples()
    if not samples:
        reason = f"the standard library's test package is not installed ({CJK_SAMPLES} absent)"
        return [pytest.param("", marks=pytest.mark.skip(reason=reason), id="absent")]
    return [pytest.param(text, id=name) for name, text in samples.items()]


@pytest.mark.parametrize("text", _cjk_params())
def test_stdlib_cjk_prose_unchanged(text: str) -> None:
    assert_unchanged(text)


def _ftfy_unchanged_params() -> list[Any]:
    """Every ftfy case, of any file and expectation, whose right answer is its original."""
    folder = CORPORA / "ftfy-cases"
    if not folder.is_dir():
        reason = f"ftfy test cases not found at {folder}"
        return [pytest.param("", marks=pytest.mark.skip(reason=reason), id="absent")]
    params = []
    for path in sorted(folder.glob("*.json")):
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            if case.get("fixed-encoding", case["fixed"]) == case["original"]:
                label = re.sub(r"\W+", "-", case["label"]).strip("-").lower()[:50]
                inherited = path.stem == "known-failures" and _ftfy_changes(case["original"])
                params.append(
                    pytest.param(case["original"], inherited, id=f"{path.stem}-{number}-{label}")
                )
    return params


def _ftfy_changes(text: str) -> bool:
    import ftfy

    return bool(ftfy.fix_encoding(text) != text)


@pytest.mark.parametrize(("text", "ftfy_false_positive"), _ftfy_unchanged_params())
def test_ftfy_cases_whose_answer_is_the_original_unchanged(
    text: str, ftfy_false_positive: bool
) -> None:
    """Unchanged, except ftfy's own documented false positive (``MISUTÂ AJIKKO`` in
    known-failures.json): the single-byte family is ftfy's decision, so there the
    assertion is that cleantext does exactly what ftfy does, no worse."""
    if ftfy_false_positive:
        import ftfy

        assert cleantext.fix_encoding(text) == ftfy.fix_encoding(text)
    else:
        assert_unchanged(text)


#: Clean text made of the characters mojibake is made of, or that looks like it.
TRICKY: dict[str, str] = {
    "greek": "Η ελληνική γλώσσα είναι μία από τις αρχαιότερες· «Καλημέρα», είπε.",
    "greek-capitals": "ΑΘΗΝΑ — Η ΕΘΝΙΚΗ ΟΔΟΣ ΕΙΝΑΙ ΚΛΕΙΣΤΗ",
    "russian": "Съешь же ещё этих мягких французских булок, да выпей чаю.",
    "russian-yo": "Ёлка, ёжик и Пётр: «Всё хорошо» — сказал он.",
    "ukrainian": "Їжак і ґава пішли до школи; Євген читає «Кобзар».",
    "serbian": "Љубав, њива и ђак — ћирилица Србије.",
    "bulgarian": "Всеки човек има право на образование.",
    "arabic": "اللغة العربية هي أكثر اللغات تحدثاً ضمن مجموعة اللغات السامية.",
    "hebrew": "עברית היא שפה שמית, ממשפחת השפות האפרו־אסיאתיות.",
    "hebrew-niqqud": "בְּרֵאשִׁית בָּרָא אֱלֹהִים",
    "devanagari": "हिन्दी विश्व की एक प्रमुख भाषा है और भारत की राजभाषा है।",
    "thai": "ภาษาไทยเป็นภาษาราชการของประเทศไทย",
    "emoji-zwj": "Family: 👨‍👩‍👧‍👦, rainbow flag 🏳️‍🌈, woman technologist 👩🏽‍💻!",
    "flags": "Flags: 🇫🇷 🇯🇵 🇧🇷 🇺🇦 🇨🇳 🏴󠁧󠁢󠁳󠁣󠁴󠁿",
    "emoji-skin": "👍🏿 ❤️ ✌🏼 ☺️ 🙂",
    "maths": "∑ᵢ xᵢ² ≤ ∫₀^∞ f(x) dx ≠ ∞, ∀ε>0 ∃δ: |x−y|<δ ⇒ |f(x)−f(y)|<ε; √2 ≈ 1.414; ±∓×÷",
    "currency": "Prices: €5, £3.50, ¥1000, ₹250, $12, ₩5000, ₽90, ₺40, ¢99, ₿0.1",
    "typography": "“Quoted” and ‘single’ — an em dash – an en dash … ellipsis • bullet † ‡ ‰ ™ © ®",
    "chinese": "我们今天去北京天安门广场参观，然后在王府井吃了烤鸭。",
    "chinese-traditional": "維基百科是一個自由內容、公開編輯且多語言的網路百科全書協作計畫。",
    "chinese-with-鈥": "这件青铜器上刻着“鈥”字，是一种古代兵器的名称。",
    "chinese-鍦-and-銆": "考古学家在遗址中发现了刻有“鍦”和“銆”字的铜镜。",
    "chinese-jargon": "鈥的读音是pō，《说文》中记载“鈥，兵器也”。",
    "japanese": "日本語は、主に日本国内で使用される言語である。「こんにちは」と言った。",
    "japanese-halfwidth": "ｶﾀｶﾅ半角表記：ｱｲｳｴｵ　ﾃｽﾄ",
    "japanese-halfwidth-short": "ｶﾀｶﾅ ﾃｽﾄ",
    "japanese-halfwidth-words": "ﾃｽﾄ ﾃﾞｰﾀ ｱﾘ",
    "japanese-縺": "縺れた糸を解くのは難しい。",
    "korean": "한국어는 대한민국과 조선민주주의인민공화국의 공용어이다.",
    "french-pâté": "Le pâté de campagne et la crème brûlée, à côté du château — voilà.",
    "french-capitals": "À PARIS, L’ÉTÉ EST CHAUD ; ÇA VA ? « OUI ».",
    "portuguese": "São Paulo, Brasília e João Pessoa são cidades do Brasil; não é?",
    "romanian": "În România, Â și Î se scriu: „Pâine”, „Câmpina”, „ÎNVĂȚĂMÂNT”.",
    "vietnamese": "Tiếng Việt là ngôn ngữ chính thức của Việt Nam; Hà Nội, Huế.",
    "german": "Größe, Übermäßig, Straße: „Anführungszeichen“ und ‚einfache‘.",
    "spanish": "¿Qué tal? ¡Muy bien! El niño comió piñata en Año Nuevo.",
    "polish": "Zażółć gęślą jaźń; świat, Łódź, Kraków.",
    "czech": "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "turkish": "İstanbul'da ılık bir gün; Ağrı Dağı, Çanakkale, Şişli.",
    "icelandic": "Þórður og Ægir fóru í ferðalag til Ísafjarðar.",
    "nordic": "Ærø, Øresund, Åland; smørrebrød og blåbær.",
    "latin1-symbols": "Temperature 25 °C ± 2, ½ cup, ¼ mile, § 3 ¶ 2, «quote» ¡hola! ¿qué? ©®",
    # ``â`` for ``à``, a common slip: a lone ``â`` is also what a dash leaves once
    # its C1 bytes are deleted, but not in a line of a language that writes it
    "french-â-for-à": "Je vais â Paris demain avec mes amis, il va â la maison.",
    "a-circumflex-words": "Âge d’or, Ânimo, ÂME, ÂNCORA e ÂMBITO; Câmpina, pâté, Târgu Mureș",
    "portuguese-capitals": "SÃO PAULO, NÃO, JOÃO, MÃE, IRMÃ, CORAÇÃO: AÇÕES DA PETROBRÁS",
    "nbsp-after-accent": "Voilà\u00a0!  Déjà\u00a0vu ; à\u00a0bientôt.",
    "box-drawing": "┌──┬──┐\n│a │b │\n└──┴──┘ ░▒▓█",
    "ipa": "ðə kwɪk braʊn fɒks dʒʌmps ˈoʊvər ðə ˈleɪzi dɒɡ",
    "combining": "e\u0301 a\u0300 n\u0303 — decomposed accents stay as they are",
    "mixed-scripts": "Tokyo 東京, Москва, Αθήνα, القاهرة, ירושלים, दिल्ली, 서울, กรุงเทพ",
    "fullwidth": "ＡＢＣ１２３，全角文字（テスト）！",
    "replacement-char": "Already lost: caf\ufffd and na\ufffdve stay as they are.",
}


@pytest.mark.parametrize("text", list(TRICKY.values()), ids=list(TRICKY))
def test_tricky_clean_strings_unchanged(text: str) -> None:
    assert_unchanged(text)


# --- generated text: real words of every script in the corpus, with typography ---

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_WORDS = tuple(
    sorted({word for sentence in corpus_sentences() for word in _WORD.findall(sentence)})
) or ("fallback",)
_GLUE = st.sampled_from(
    [" ", " ", " ", ", ", ". ", " — ", " – ", "… ", ": ", "; ", "\n", "。", "、"]
)
_DECOR = st.sampled_from(
    ["“{}”", "‘{}’", "{}’s", "«{}»", "„{}“", "({})", "{} €5", "£{}", "{}!", "¿{}?", "{} 🙂"]
)


@st.composite
def clean_text(draw: st.DrawFn) -> str:
    """Real words from the corpus (any script), with typographic punctuation and symbols."""
    pieces: list[str] = []
    for _ in range(draw(st.integers(1, 25))):
        word = draw(st.sampled_from(_WORDS))
        if draw(st.booleans()):
            word = draw(_DECOR).format(word)
        pieces.append(word + draw(_GLUE))
    return "".join(pieces)


@settings(max_examples=150, deadline=None)
@given(clean_text())
def test_generated_multilingual_text_unchanged(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


#: Letters that no common misreading of UTF-8 produces in sequence: basic Greek,
#: Cyrillic а-я, Hebrew, Arabic, Devanagari, Thai, Hangul syllables.
_SCRIPTS = [
    "αβγδεζηθικλμνξοπρστυφχψωάέήίόύώ",
    "абвгдежзийклмнопрстуфхцчшщъыьэюя",
    "אבגדהוזחטיכלמנסעפצקרשת",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي",
    "कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसह",
    "กขคงจฉชซญดตถทธนบปผพฟภมยรลวสหอฮ",
]


@st.composite
def letter_salad(draw: st.DrawFn) -> str:
    """Words of random letters, one script per word, several scripts per text."""
    words = []
    for _ in range(draw(st.integers(1, 12))):
        if draw(st.integers(0, 6)) == 6:
            alphabet = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
        else:
            alphabet = st.sampled_from(draw(st.sampled_from(_SCRIPTS)))
        words.append(draw(st.text(alphabet, min_size=1, max_size=10)))
    return " ".join(words)


@settings(max_examples=150, deadline=None)
@given(letter_salad())
def test_generated_letter_salad_unchanged(text: str) -> None:
    assert cleantext.fix_encoding(text) == text


def _rare_hangul_read_as_utf8() -> list[str]:
    """Hangul syllables outside KS X 1001 whose cp949 bytes are a UTF-8 sequence (``횪``
    is ``à`` read as cp949): rare, but real syllables."""
    rare: list[str] = []
    for code in range(0xAC00, 0xD7A4):
        char = chr(code)
        if len(char.encode("euc_kr")) == 2:
            continue  # common: KS X 1001
        try:
            char.encode("cp949").decode("utf-8")
        except UnicodeDecodeError:
            continue
        rare.append(char)
    return rare


@pytest.mark.parametrize(
    "template",
    ["안녕하세요 {} 감사합니다", "오늘은 {}", "{} 감사합니다", "오늘은{}", '"{}"', "{}{}", "{}"],
)
def test_rare_hangul_among_korean_or_alone_unchanged(template: str) -> None:
    rare = _rare_hangul_read_as_utf8()
    assert len(rare) > 100
    changed = [
        text
        for text in (template.format(char, char) for char in rare)
        if cleantext.fix_encoding(text) != text
    ]
    assert not changed, changed[:5]


#: Languages whose letters the lexicon knows (``cleantext.repair.words``).
_WRAPPED_LANGUAGES = ("fr", "es", "pt", "it", "de", "tr", "pl", "cs", "hu", "sv", "da", "is", "ro")
#: Typography around a word that, as cp1252 bytes, legacy codecs read as lead and
#: trail bytes (``“máš”…`` had become the kanji ``杜癩賠``).
_WRAPPINGS = ("He said “{}…” and left", "«{}»… puis", "the word {}’” here", "‘{}’” x", "“{}”… x")


def _words_ending_accented(language: str, count: int) -> list[str]:
    from wordfreq import iter_wordlist

    words: list[str] = []
    for word in iter_wordlist(language, "small"):
        if len(word) >= 2 and word.isalpha() and not word[-1].isascii():
            words.append(word)
            if len(words) == count:
                break
    return words


@pytest.mark.parametrize("language", _WRAPPED_LANGUAGES)
def test_common_words_wrapped_in_typography_are_unchanged(language: str) -> None:
    """The 150 most common words of each language that end in an accented letter,
    in quotes, guillemets and ellipses."""
    changed = [
        (text, cleantext.fix_encoding(text))
        for word in _words_ending_accented(language, 150)
        for text in (wrapping.format(word) for wrapping in _WRAPPINGS)
        if cleantext.fix_encoding(text) != text
    ]
    assert not changed, changed[:5]


@pytest.mark.parametrize("language", ["tr", "fr", "pt", "ro", "vi"])
def test_common_words_with_a_circumflex_are_unchanged(language: str) -> None:
    """The 300 most common words of each language that hold ``â ê î ô û``, alone and
    between words: ``â`` is the lead byte of ``’``, ``“`` and ``—`` that lost their
    C1 bytes, and Turkish ``âli``, ``âlem`` and ``âyet`` had become ``“li``..."""
    from wordfreq import iter_wordlist

    words = [
        word
        for word in iter_wordlist(language, "small")
        if len(word) >= 2 and word.isalpha() and set(word) & set("âêîôû")
    ][:300]
    assert len(words) >= 100
    changed = [
        (text, cleantext.fix_encoding(text))
        for word in words
        for text in (word, f"ve {word} da", f"{word.capitalize()} est")
        if cleantext.fix_encoding(text) != text
    ]
    assert not changed, changed[:5]


_LATIN_1_LANGUAGES = ("ro", "pt", "tr", "fr", "es", "it", "de", "ca", "hu", "sv", "nl", "pl", "cs")


@pytest.mark.parametrize("language", _LATIN_1_LANGUAGES)
def test_common_words_with_latin_1_letters_are_unchanged_in_capitals_too(language: str) -> None:
    """The 2 000 most common words of each language that hold a letter of Latin-1's
    upper half (every one from ``Â`` to ``ô`` is a UTF-8 lead byte), alone, between
    words, capitalised, in quotes and in capitals.  Romanian typed in Latin-1 writes
    ``ã`` for ``ă``: ``DOUÃ`` had become the French ``DOUÉ``, its ``Ã`` taken for
    ``É`` whose C1 byte was deleted."""
    from wordfreq import iter_wordlist

    words = [
        word
        for word in iter_wordlist(language, "small")
        if len(word) >= 2 and word.isalpha() and any("\u00c0" <= char <= "\u00ff" for char in word)
    ][:2000]
    assert len(words) >= 300
    changed = [
        (text, cleantext.fix_encoding(text))
        for word in words
        for text in (word, f"ve {word} da", word.capitalize(), f"“{word}” x", word.upper())
        if cleantext.fix_encoding(text) != text
    ]
    assert not changed, changed[:5]


@pytest.mark.parametrize("text", ["câu", "Tôi có một câu hỏi.", "the ‘câu’ here", "“Chúng tôi”…"])
def test_vietnamese_words_are_words(text: str) -> None:
    """``câu`` ("sentence") had become ``c’u``: ``â`` is the lead byte of ``’`` that
    lost its C1 bytes, and French elides ``c’`` before a vowel.  The lexicon now asks
    Vietnamese about its letters, so ``câu`` is a word and vetoes the repair."""
    assert_unchanged(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kolay ben yani dâhil yardıma",
        "kâr ve hâlâ",
        "Allâh",
        "Bu dâhi bir fikir",
        # spellings wordfreq's Turkish list lacks: only the elision's word decides
        "Bu mâhiyet, o câhil ve tâhir",
    ],
)
def test_turkish_words_with_a_circumflex_are_words(text: str) -> None:
    """``dâhil`` had become ``d’hil`` (word probe, seed 122): French elides ``d’``
    before an ``h``.  The lexicon now asks Turkish about ``â``, and an elision needs
    a French or Italian word after it (``hil``, ``hiyet`` are none)."""
    assert_unchanged(text)


def test_the_clean_probe_s_common_words_come_back_unchanged() -> None:
    """``scripts/clean_probe.py``'s lines for the 5 most common words of 37 languages:
    none changes, but for a word glued to a degree sign (``Å°`` is a lead and a
    continuation byte to ftfy, and no text writes a degree sign after a letter)."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "clean_probe.py"
    spec = importlib.util.spec_from_file_location("clean_probe", script)
    assert spec is not None and spec.loader is not None
    probe = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(probe)
    lines = [line for _, line in probe.probe_lines(5) if "°" not in line]
    assert len(lines) > 10_000
    changed = [(line, cleantext.fix_encoding(line)) for line in lines]
    assert not [pair for pair in changed if pair[0] != pair[1]][:5]
