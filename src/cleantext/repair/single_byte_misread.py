"""UTF-8 read as a single-byte codec, where ftfy declines to act.

ftfy decides whether to re-read a text from a "badness" heuristic tuned for
mojibake of Latin text, so it leaves misreadings whose result looks like letters of
another script: Russian read as MacRoman (``–û–¥–Ω–∞–∫–æ``), Arabic read as
cp1251 (``ШЄЩ…ШЄ``), French read as cp1251 (``identitГ©``).  Such spans go through the
same byte-level verification and plausibility margin as the multi-byte misreadings
(:mod:`.misread`), on the lines where the codec's fingerprint appears and after
ftfy has made its own repairs.

Two limits keep ftfy's judgement where it is strongest: Latin-1 and cp1252, the
codecs ftfy knows best, are left to it (a garble it declines stays declined), and
a repair is taken only when every non-ASCII character it writes is a letter or a
combining mark, the case ftfy's heuristic misses, and when the codec's repairs in
the text restore at least :data:`MIN_LETTERS` such letters between them (``—∞``
read back as MacRoman is one Cyrillic ``Ѱ``: too little evidence).
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
        found = find_repairs(text, DamageModel("utf-8", codec), spans)
        found = [repair for repair in found if _writes_letters(repair.repaired)]
        restored = sum(not char.isascii() for repair in found for char in repair.repaired)
        if restored >= MIN_LETTERS:
            repairs.extend(found)
    return repairs


#: Non-ASCII letters a codec's repairs must restore in a text before any is taken.
MIN_LETTERS = 3


#: The codecs whose misreadings ftfy's own judgement decides.
LEFT_TO_FTFY = frozenset({"latin-1", "sloppy-windows-1252", "cp437"})


def _writes_letters(repaired: str) -> bool:
    return all(
        char.isascii() or unicodedata.category(char)[0] in "LM" for char in repaired
    )
