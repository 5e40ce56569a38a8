"""UTF-8 read as Latin-1 with the C1 characters then lost (deleted, or replaced by ``?`` or U+FFFD).

``He’s`` is ``E2 80 99`` in UTF-8; read as Latin-1 that is ``â`` plus two C1
controls, and many pipelines strip C1 controls, leaving ``Heâs``.  The lost bytes
were C1 bytes (0x80–0x9F), which narrows each hole to a few candidates; the
context (:mod:`cleantext.repair.infer`) picks one.
"""

from __future__ import annotations

import re

from cleantext.repair.misread import Repair, find_repairs
from cleantext.repair.models import DamageModel, Loss
from cleantext.repair.screen import LOSSY_LATIN_RE, lossy_latin_windows

__all__ = ["candidate_models", "find"]


#: A UTF-8 lead read as cp1252 followed by a character only cp1252 has: ftfy's
#: domain.  If ftfy left such pairs, the text is not Latin-1 with C1 lost.
_CP1252_PAIR_RE = re.compile("[\u00c2-\u00f4][€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def candidate_models(text: str) -> list[DamageModel]:
    """Loss models worth trying: only when a lead byte lost its continuation."""
    if not LOSSY_LATIN_RE.search(text) or _CP1252_PAIR_RE.search(text):
        return []
    models = [DamageModel("utf-8", "latin-1", Loss.STRIP_C1)]
    if "\ufffd" in text:
        models.append(DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD))
    if "?" in text:
        models.append(DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION))
    return models


def find(text: str) -> list[Repair]:
    """Verified repairs under each loss model, near the characters that lost bytes."""
    models = candidate_models(text)
    if not models:
        return []
    spans = lossy_latin_windows(text)
    repairs: list[Repair] = []
    for model in models:
        repairs.extend(find_repairs(text, model, spans))
    return repairs
