"""Generate ``docs/gallery.md``: a real before/after for every damage model.

Every example is made here and now, never typed by hand: a sentence from the
hand-checked goldens (``fixtures/expected/fix_encoding/``) or a short sentence in
the damaged codec's language is damaged with
:meth:`cleantext.repair.models.DamageModel.apply`, repaired with
:func:`cleantext.fix_encoding_and_explain`, and shown with the plan and with what
``ftfy.fix_encoding`` makes of the same input.  The seed excerpts (001 and 003)
are the real damaged lines of the bundled articles.

    python scripts/gallery.py           # rewrite docs/gallery.md
    python scripts/gallery.py --check   # exit 1 if docs/gallery.md is stale

Sentences are picked by a fixed rule (the first candidate the model can damage
and actually changes), never by whether the repair succeeds, so the page shows
the engine's failures as plainly as its successes.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "gallery.md"
GOLDENS = ROOT / "fixtures" / "expected" / "fix_encoding"
SEEDS = ROOT / "fixtures" / "seeds"
# Run from a checkout without installing: the package lives in src/.
sys.path.insert(0, str(ROOT / "src"))

import ftfy  # noqa: E402

import cleantext  # noqa: E402
from cleantext.repair.models import (  # noqa: E402
    ASCII_QUESTION_MODEL,
    ASCII_REPLACED_MODEL,
    CP1252_LOSSY_MODELS,
    LATIN1_LOSSY_MODELS,
    LEGACY_CODECS,
    MULTIBYTE_MODELS,
    DamageModel,
)

#: Short sentences written for this page, for each language a codec serves (the
#: first one a model can damage is used: some codecs cannot carry every sentence).
LANGUAGE_SENTENCES: dict[str, tuple[str, ...]] = {
    "zh-hans": ("北京今天天气很好，我们下午一起去公园散步吧。",),
    "zh-hant": ("臺北今天天氣很好，我們下午一起去公園散步吧。",),
    "ja": (
        "東京は今日とても暑いので、水をたくさん飲んでください。",
        "きょうはとてもいいてんきですね",
    ),
    "ko": ("서울은 오늘 날씨가 맑고 따뜻해서 산책하기 좋습니다.",),
    "ru": ("Москва является столицей России и крупнейшим городом страны.",),
    "el": ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη της χώρας.",),
    "he": ("ירושלים היא עיר הבירה של ישראל והעיר הגדולה ביותר במדינה.",),
    "ar": ("القاهرة هي عاصمة مصر وأكبر مدينة في العالم العربي.",),
}

LANGUAGE_NAMES: dict[str, str] = {
    "zh-hans": "Chinese (simplified)",
    "zh-hant": "Chinese (traditional)",
    "ja": "Japanese",
    "ko": "Korean",
    "ru": "Russian",
    "el": "Greek",
    "he": "Hebrew",
    "ar": "Arabic",
}

#: Which sentence language each codec is used for.
CODEC_LANGUAGE: dict[str, str] = {
    "gbk": "zh-hans",
    "gb18030": "zh-hans",
    "big5": "zh-hant",
    "cp932": "ja",
    "shift_jis": "ja",
    "euc_jp": "ja",
    "euc_kr": "ko",
    "cp949": "ko",
    "cp1251": "ru",
    "koi8_r": "ru",
    "cp1253": "el",
    "cp1255": "he",
    "cp1256": "ar",
}

#: UTF-8 misread as a single-byte codec: the damage ftfy has always repaired.
SINGLE_BYTE_MODELS: tuple[DamageModel, ...] = tuple(
    DamageModel("utf-8", codec) for codec in ("cp1252", "latin-1", "cp1250", "mac_roman", "cp437")
)

#: Text in a legacy encoding read as Western (cp1252), as the engine models it.
LEGACY_MODELS: tuple[DamageModel, ...] = tuple(
    DamageModel(codec, "windows-1252") for codec in LEGACY_CODECS
)

_SENTENCE_END = re.compile(r"(?<=[.!?”])\s+(?=[“A-Z])")
_SEED_LINES = 3


@dataclass(frozen=True)
class Family:
    title: str
    intro: str
    models: tuple[DamageModel, ...]


FAMILIES: tuple[Family, ...] = (
    Family(
        "UTF-8 read as a single-byte codec",
        "The classic mojibake that ftfy repairs; cleantext hands these to ftfy.",
        SINGLE_BYTE_MODELS,
    ),
    Family(
        "UTF-8 read as a multi-byte CJK codec",
        'Each codec lossless, with undecodable bytes dropped (`errors="ignore"`, as in '
        'seed 001), with them replaced by U+FFFD (`errors="replace"`), and with them '
        "replaced by `?` (as many tools write them).",
        MULTIBYTE_MODELS,
    ),
    Family(
        "UTF-8 read as Latin-1 with the C1 characters lost",
        "The bytes 0x80-0x9F became C1 controls and were then deleted (seed 003), "
        "replaced by `?` or replaced by U+FFFD.",
        LATIN1_LOSSY_MODELS,
    ),
    Family(
        "UTF-8 read as cp1252 with the bytes it lacks lost",
        "cp1252 has no character for 0x81, 0x8D, 0x8F, 0x90 and 0x9D; those were dropped "
        '(`errors="ignore"`), replaced by U+FFFD or replaced by `?`, leaving `â€` for `”`.',
        CP1252_LOSSY_MODELS,
    ),
    Family(
        "UTF-8 read as ASCII with every byte of a character lost",
        'Each byte that is not ASCII became U+FFFD (`errors="replace"`) or `?`; Big5, '
        "EUC-KR and EUC-JP do the same to English punctuation.",
        (ASCII_REPLACED_MODEL, ASCII_QUESTION_MODEL),
    ),
    Family(
        "Legacy-encoded text read as Western (cp1252)",
        "Text that was never UTF-8 (GBK, Big5, Shift-JIS, EUC-KR, cp1251, ...) read as "
        "cp1252; ftfy declines this repair as too risky, cleantext accepts it only with "
        "positive evidence.",
        LEGACY_MODELS,
    ),
)


def golden_sentences() -> list[str]:
    """Sentences with non-ASCII characters from the hand-checked goldens, in file order."""
    found: list[str] = []
    for path in sorted(GOLDENS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for sentence in _SENTENCE_END.split(line):
                if not sentence.isascii() and sentence not in found:
                    found.append(sentence)
    return found


def samples(model: DamageModel, english: list[str]) -> list[tuple[str, list[str]]]:
    """Labelled lists of sentences to try for ``model``, in a fixed order.

    Legacy text is shown in its own language only; UTF-8 read as a CJK codec is
    shown on English with typographic punctuation (as in seed 001) and on the
    codec's own language; everything else on English.
    """
    if model.true_codec != "utf-8":
        language = CODEC_LANGUAGE[model.true_codec]
        return [(LANGUAGE_NAMES[language], list(LANGUAGE_SENTENCES[language]))]
    found = [("English", english)]
    own = CODEC_LANGUAGE.get(model.wrong_codec)
    if own is not None and model in MULTIBYTE_MODELS:
        found.append((LANGUAGE_NAMES[own], list(LANGUAGE_SENTENCES[own])))
    return found


def pick(model: DamageModel, sentences: Iterable[str]) -> tuple[str, str] | None:
    """The first sentence the model can damage and changes, with its damaged form;
    under a lossy model, the first it loses bytes of, if one."""
    found: list[tuple[str, str]] = []
    for sentence in sentences:
        if model.can_apply(sentence):
            damaged = model.apply(sentence)
            if damaged != sentence:
                if not model.lossy or _loses_bytes(model, sentence, damaged):
                    return sentence, damaged
                found.append((sentence, damaged))
    return found[0] if found else None


def _loses_bytes(model: DamageModel, sentence: str, damaged: str) -> bool:
    """Does ``damaged`` differ from ``sentence`` read by the same codec losing nothing?"""
    try:
        return DamageModel(model.true_codec, model.wrong_codec).apply(sentence) != damaged
    except UnicodeError:
        return True


def verdict(original: str, damaged: str, repaired: str) -> str:
    """How a repair compares with the original.

    U+FFFD in the repair that the original does not have marks a lost byte left
    undecided (the documented behaviour), which is not the same as a wrong letter.
    """
    if repaired == original:
        return "repaired exactly"
    if repaired == damaged:
        return "left unchanged"
    if "\ufffd" in repaired:
        pattern = ".".join(re.escape(part) for part in repaired.split("\ufffd"))
        if re.fullmatch(pattern, original, flags=re.DOTALL):
            return "repaired, U+FFFD where undecided"
    return "differs from the original"


def fence(lines: Iterable[str]) -> list[str]:
    return ["```text", *lines, "```", ""]


#: One summary-table row per example: model, sample language, cleantext, ftfy.
Row = tuple[str, str, str, str]


def example(model: DamageModel, english: list[str], rows: list[Row]) -> list[str]:
    out = [f"### {model.name}", ""]
    for label, sentences in samples(model, english):
        out += sample(model, label, sentences, rows)
    return out


def sample(model: DamageModel, label: str, sentences: list[str], rows: list[Row]) -> list[str]:
    picked = pick(model, sentences)
    if picked is None:
        rows.append((model.name, label, "cannot occur", "cannot occur"))
        return [
            f"{label}: none of the sample sentences survives this damage: their bytes are "
            f"not valid `{model.wrong_codec}`, so real text meets the lossy variants instead.",
            "",
        ]
    original, damaged = picked
    out = [f"{label}:", ""]
    repaired, plan = cleantext.fix_encoding_and_explain(damaged)
    by_ftfy = ftfy.fix_encoding(damaged)
    rows.append(
        (
            model.name,
            label,
            verdict(original, damaged, repaired),
            verdict(original, damaged, by_ftfy),
        )
    )
    out += fence([f"original: {original}", f"damaged:  {damaged}", f"repaired: {repaired}"])
    out += [
        f"cleantext: **{verdict(original, damaged, repaired)}**; "
        f"ftfy.fix_encoding: {verdict(original, damaged, by_ftfy)}.",
        "",
        "Plan:",
        "",
    ]
    out += fence(str(plan).splitlines())
    return out


def seed_excerpt(name: str) -> list[str]:
    """The first damaged lines of a seed, repaired, with the plan and the golden check."""
    seed = next(SEEDS.glob(f"{name}_*.txt"))
    golden = (GOLDENS / seed.name).read_text(encoding="utf-8").splitlines()
    lines = seed.read_text(encoding="utf-8").splitlines()
    damaged = [i for i, line in enumerate(lines) if cleantext.fix_encoding(line) != line]
    picked = damaged[:_SEED_LINES]
    excerpt = "\n".join(lines[i] for i in picked)
    repaired, plan = cleantext.fix_encoding_and_explain(excerpt)
    matches = repaired.splitlines() == [golden[i] for i in picked]
    out = [f"### Seed {name} (`fixtures/seeds/{seed.name}`)", ""]
    out += [f"Lines {', '.join(str(i + 1) for i in picked)} of {len(lines)}, before:", ""]
    out += fence(lines[i] for i in picked)
    out += ["After:", ""]
    out += fence(repaired.splitlines())
    out += [
        f"Matches the hand-checked golden (`fixtures/expected/fix_encoding/`): "
        f"**{'yes' if matches else 'no'}**.",
        "",
        "Plan:",
        "",
    ]
    out += fence(str(plan).splitlines())
    return out


def render() -> str:
    english = golden_sentences()
    out = [
        "<!-- GENERATED by scripts/gallery.py from fixtures/: do not edit by hand. -->",
        "",
        "# Gallery",
        "",
        "Every damage model cleantext knows, each with a real before/after made by "
        "`python scripts/gallery.py` from the fixtures: a sentence is damaged with "
        "`cleantext.repair.models.DamageModel(...).apply`, repaired with "
        "`cleantext.fix_encoding_and_explain`, and the plan (what changed, by which "
        "model, how sure, and why) is printed under it. CI regenerates the page and "
        "fails when the committed copy differs, so it always shows what the current "
        "code does, failures included. Each example also says what "
        "`ftfy.fix_encoding` makes of the same damaged text.",
        "",
    ]
    rows: list[Row] = []
    body: list[str] = []
    for family in FAMILIES:
        body += [f"## {family.title}", "", family.intro, ""]
        for model in family.models:
            body += example(model, english, rows)
    out += summary(rows)
    out += ["## Seed articles", ""]
    for name in ("001", "003"):
        out += seed_excerpt(name)
    return "\n".join(out + body).rstrip("\n") + "\n"


def summary(rows: list[Row]) -> list[str]:
    """The table of every example's outcome, for cleantext and for ftfy."""
    out = [
        "## Summary",
        "",
        '"Cannot occur": the sample\'s UTF-8 bytes are not valid in the wrong codec, so '
        "this lossless damage does not happen to it (real text meets the lossy variants).",
        "",
        "| damage model | sample | cleantext | ftfy.fix_encoding |",
        "| --- | --- | --- | --- |",
    ]
    out += [f"| {name} | {label} | {ours} | {theirs} |" for name, label, ours, theirs in rows]
    exact = sum(1 for row in rows if row[2] == "repaired exactly")
    by_ftfy = sum(1 for row in rows if row[3] == "repaired exactly")
    out += [
        "",
        f"Repaired exactly: cleantext {exact} of {len(rows)} examples, "
        f"ftfy.fix_encoding {by_ftfy} of {len(rows)}.",
        "",
    ]
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if docs/gallery.md is not up to date"
    )
    args = parser.parse_args(argv)
    page = render()
    if args.check:
        current = PAGE.read_text(encoding="utf-8") if PAGE.exists() else ""
        if current != page:
            print(
                "docs/gallery.md is stale: run `python scripts/gallery.py` and commit it",
                file=sys.stderr,
            )
            return 1
        print("docs/gallery.md is up to date")
        return 0
    PAGE.write_text(page, encoding="utf-8")
    print(f"wrote {PAGE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
