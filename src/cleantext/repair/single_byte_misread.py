"""UTF-8 read as a single-byte codec, where ftfy declines to act.

ftfy decides whether to re-read a text from a "badness" heuristic tuned for
mojibake of Latin text, so it leaves misreadings whose result looks like letters of
another script: Russian read as MacRoman (``–û–¥–Ω–∞–∫–æ``), Arabic read as
cp1251 (``ШЄЩ…ШЄ``), French read as cp1251 (``identitГ©``).  Such spans go through the
same byte-level verification and plausibility margin as the multi-byte misreadings
(:mod:`.misread`), on the lines where the codec's fingerprint appears and after
ftfy has made its own repairs.

Limits keep ftfy's judgement where it is strongest.  Latin-1 and cp1252, the
codecs ftfy knows best, are left to it (a garble it declines stays declined).  A
repair is taken only when what it writes is letters and combining marks, the case
ftfy's heuristic misses, or, for cp437 and MacRoman (whose punctuation bytes are
not cp1252's), is typographic punctuation (``ΓÇÖ`` is ``’`` read as cp437); for
cp437, whose box drawing makes letters out of line art, only the punctuation.
Letters need more evidence than one: the codec's repairs in a text must restore
at least :data:`MIN_BYTES` bytes of UTF-8 between them (``—∞`` read back as
MacRoman is one Cyrillic ``Ѱ``, two bytes: too little).  A punctuation mark
restored from three characters (``ΓÇÖ``) is evidence enough on its own.
"""

from __future__ import annotations

import unicodedata

from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DamageModel
from cleantext.repair.screen import single_byte_windows

__all__ = ["find"]


def find(text: str) -> list[Repair]:
    """Verified, clearly more plausible repairs under each single-byte codec whose
    fingerprint (a UTF-8 lead byte's character followed by a continuation's) is present."""
    repairs: list[Repair] = []
    for codec, spans in single_byte_windows(text).items():
        if codec in LEFT_TO_FTFY:
            continue
        found = [
            repair
            for repair in find_repairs(text, DamageModel("utf-8", codec), spans)
            if _writes_letters(repair.repaired, codec) or _writes_typography(repair.repaired, codec)
        ]
        restored = sum(
            len(char.encode("utf-8"))
            for repair in found
            for char in repair.repaired
            if not char.isascii()
        )
        punctuation_only = all(_writes_typography(repair.repaired, codec) for repair in found)
        if found and (restored >= MIN_BYTES or punctuation_only):
            repairs.extend(found)
    return repairs


#: UTF-8 bytes a codec's repairs must restore in a text before any is taken.
MIN_BYTES = 6

#: The codecs whose misreadings ftfy's own judgement decides.
LEFT_TO_FTFY = frozenset({"latin-1", "sloppy-windows-1252"})

#: Codecs whose letters are too easily made from symbols: only punctuation is restored.
_PUNCTUATION_ONLY = frozenset({"cp437"})

#: Codecs whose misread punctuation is not also a cp1252 misreading (ftfy's domain).
_OWN_PUNCTUATION = frozenset({"cp437", "macroman"})

_TYPOGRAPHY = frozenset("‘’‚‛“”„‟–—―…•′″")


def _writes_letters(repaired: str, codec: str) -> bool:
    return codec not in _PUNCTUATION_ONLY and all(
        char.isascii() or unicodedata.category(char)[0] in "LM" for char in repaired
    )


def _writes_typography(repaired: str, codec: str) -> bool:
    return codec in _OWN_PUNCTUATION and all(
        char.isascii() or char in _TYPOGRAPHY for char in repaired
    )
