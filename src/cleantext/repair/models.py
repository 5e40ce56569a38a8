"""Damage models: how text got broken, as data that can be re-applied.

A :class:`DamageModel` says which codec wrote the bytes, which codec read them, and
what happened to bytes the reader could not use.  The repair engine only accepts a
repair when :meth:`DamageModel.apply` on the repaired text gives back the damaged
input, so every model must be exactly re-playable.  Tests and benchmarks use the
same models to make damaged text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

__all__ = [
    "ASCII_QUESTION_MODEL",
    "ASCII_REPLACED_MODEL",
    "CJK_CODECS",
    "CP1252_LOSSY_MODELS",
    "LATIN1_LOSSY_MODELS",
    "LEGACY_CODECS",
    "MULTIBYTE_MODELS",
    "OLDER_CODEC",
    "DamageModel",
    "Loss",
    "encodes",
]


class Loss(str, Enum):
    """What happened to bytes the wrong codec could not decode (or to C1 characters)."""

    NONE = "none"  # the wrong codec decoded every byte
    IGNORE = "ignore"  # undecodable bytes were dropped (errors="ignore")
    REPLACE = "replace"  # undecodable bytes became U+FFFD (errors="replace")
    REPLACE_QUESTION = "replace-?"  # undecodable bytes became "?" (as many tools write them)
    STRIP_C1 = "strip-c1"  # decoded as Latin-1, then U+0080-U+009F deleted
    C1_TO_QUESTION = "c1-to-?"  # decoded as Latin-1, then U+0080-U+009F became "?"
    C1_TO_FFFD = "c1-to-fffd"  # decoded as Latin-1, then U+0080-U+009F became U+FFFD


_LOSS_WORDS = {
    Loss.NONE: "",
    Loss.IGNORE: ", bytes dropped",
    Loss.REPLACE: ", bytes replaced by U+FFFD",
    Loss.REPLACE_QUESTION: ", bytes replaced by '?'",
    Loss.STRIP_C1: ", C1 characters deleted",
    Loss.C1_TO_QUESTION: ", C1 characters replaced by '?'",
    Loss.C1_TO_FFFD: ", C1 characters replaced by U+FFFD",
}

_C1_REPLACEMENT = {
    Loss.STRIP_C1: "",
    Loss.C1_TO_QUESTION: "?",
    Loss.C1_TO_FFFD: "\ufffd",
}
#: What each loss does after decoding: C1 characters deleted or replaced, or U+FFFD
#: (for each byte the wrong codec could not use) made ``?``.
_TABLES: dict[Loss, dict[int, str]] = {
    loss: {code: replacement for code in range(0x80, 0xA0)}
    for loss, replacement in _C1_REPLACEMENT.items()
}
_TABLES[Loss.REPLACE_QUESTION] = {0xFFFD: "?"}
_ERRORS = {Loss.IGNORE: "ignore", Loss.REPLACE: "replace", Loss.REPLACE_QUESTION: "replace"}


@dataclass(frozen=True, slots=True)
class DamageModel:
    """Text encoded with ``true_codec``, decoded with ``wrong_codec``, losing bytes per ``loss``."""

    true_codec: str
    wrong_codec: str
    loss: Loss = Loss.NONE
    _table: dict[int, str] | None = field(init=False, repr=False, compare=False)
    _errors: str = field(init=False, repr=False, compare=False)

    @property
    def name(self) -> str:
        return f"{self.true_codec} read as {self.wrong_codec}{_LOSS_WORDS[self.loss]}"

    @property
    def lossy(self) -> bool:
        return self.loss is not Loss.NONE

    def __post_init__(self) -> None:
        # apply() runs hundreds of thousands of times while repairs are verified:
        # work out once how it decodes (looking up an Enum member is slow).
        object.__setattr__(self, "_table", _TABLES.get(self.loss))
        object.__setattr__(self, "_errors", _ERRORS.get(self.loss, "strict"))

    def apply(self, text: str) -> str:
        """Damage ``text`` the way this model says; raises ``UnicodeError`` if lossless
        damage is impossible (the bytes are not valid in the wrong codec)."""
        return self.read(text.encode(self.true_codec))

    def read(self, raw: bytes) -> str:
        """``raw`` as the wrong codec reads it, losing what this model loses."""
        decoded = raw.decode(self.wrong_codec, self._errors)
        return decoded if self._table is None else decoded.translate(self._table)

    def can_apply(self, text: str) -> bool:
        try:
            self.apply(text)
        except UnicodeError:
            return False
        return True


#: Multi-byte codecs that UTF-8 is commonly misread as (Python codec names).
CJK_CODECS: tuple[str, ...] = (
    "gbk",
    "gb18030",
    "big5",
    "cp932",
    "shift_jis",
    "euc_kr",
    "cp949",
    "euc_jp",
)

#: CJK codecs that extend an older one (``cp949`` is EUC-KR with more syllables): a
#: text read in either is read in one family, and what the older one writes of lost
#: bytes the newer may have read.
OLDER_CODEC: dict[str, str] = {"cp949": "euc_kr", "cp932": "shift_jis", "gb18030": "gbk"}

#: CJK codecs whose reader drops a lead byte it cannot pair and pairs the continuation
#: byte left with the next character's first byte, into a character no text writes
#: beside ASCII: cp949's Hangul beyond KS X 1001 (``“If`` read as cp949 with bytes
#: dropped is ``쏧f``).  Big5 does it too, but into common ideographs (``…but`` is
#: ``在ut``), which Chinese writes beside English words as it likes; and in the other
#: codecs such a pair is an ordinary character (``‘`` is ``81 65`` in cp932).
DROPPED_LEAD_CODECS: tuple[str, ...] = ("cp949",)

#: Legacy encodings whose bytes are commonly misread as Western (cp1252/Latin-1).
LEGACY_CODECS: tuple[str, ...] = (
    "gbk", "big5", "shift_jis", "euc_kr", "cp1251", "koi8_r", "cp1253", "cp1255", "cp1256",
)  # fmt: skip

#: UTF-8 misread as each CJK codec, with each way of losing bytes.
MULTIBYTE_MODELS: tuple[DamageModel, ...] = tuple(
    DamageModel("utf-8", codec, loss)
    for codec in CJK_CODECS
    for loss in (Loss.NONE, Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION)
)

#: UTF-8 misread as Latin-1 with the C1 characters lost in each common way.
LATIN1_LOSSY_MODELS: tuple[DamageModel, ...] = tuple(
    DamageModel("utf-8", "latin-1", loss)
    for loss in (Loss.STRIP_C1, Loss.C1_TO_QUESTION, Loss.C1_TO_FFFD)
)

#: UTF-8 misread as cp1252 with the bytes it has no character for (``81 8D 8F 90 9D``)
#: dropped, or replaced by U+FFFD or ``?``: ``”`` is ``E2 80 9D``, and ``â€`` is left.
CP1252_LOSSY_MODELS: tuple[DamageModel, ...] = tuple(
    DamageModel("utf-8", "cp1252", loss)
    for loss in (Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION)
)

#: UTF-8 read as ASCII with ``errors="replace"``: every byte of a non-ASCII character
#: became U+FFFD (``you’re`` is ``you���re``).
ASCII_REPLACED_MODEL = DamageModel("utf-8", "ascii", Loss.REPLACE)

#: The same with each byte written ``?`` (``you???re``).
ASCII_QUESTION_MODEL = DamageModel("utf-8", "ascii", Loss.REPLACE_QUESTION)


@lru_cache(maxsize=8192)
def encodes(char: str, codec: str) -> bool:
    """Does ``codec`` have a byte sequence for ``char``, so it can have written it?"""
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True
