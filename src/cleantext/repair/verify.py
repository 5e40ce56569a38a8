"""Re-applying the damage to a repair, to check it (step 4 of :mod:`.misread`).

A cluster's repair is kept only when the damage model, applied to it, gives back
the damaged text exactly; where one hole stayed undecided, some candidate for it
must.
"""

from __future__ import annotations

from functools import lru_cache

from cleantext.repair.cluster import LOST, UNKNOWN_BYTES, Cluster
from cleantext.repair.models import OLDER_CODEC, DamageModel

__all__ = ["MAX_OPEN_HOLE_TRIALS", "reproduces", "reproduces_with", "verified"]


def verified(text: str, cluster: Cluster, model: DamageModel) -> bool:
    """Re-applying the damage to the repair must give back the damaged text exactly.

    The next character is included when it is ASCII, because whether a byte was
    dropped depends on the byte after it.  When one hole stayed undecided, some
    candidate for it must reproduce the input (and becomes the guess).
    """
    context, expected = _verification_target(text, cluster)
    if reproduces(model, cluster.guessed + context, expected):
        return (
            not cluster.lost
            or LOST in cluster.repaired
            or _fits_the_bytes_after(text, cluster, model)
        )
    if len(cluster.open_holes) != 1:
        return False
    index, candidates = cluster.open_holes[0]
    guessed = _reproducing_guess(model, cluster.guessed, index, candidates, context, expected)
    if guessed is None:
        return False
    cluster.guessed = guessed
    return True


def _fits_the_bytes_after(text: str, cluster: Cluster, model: DamageModel) -> bool:
    """Would the wrong codec, reading the cluster's repair on into the bytes of the
    character after it, have lost what the text shows lost?  GBK dropped the ``80``
    of ``所`` before the ``E8`` of ``杓``.  The words around the hole chose ``承`` of
    ``承載``, but its ``BF`` cannot be what was there: GBK pairs ``BF E8`` into a
    character.  (The next character is in the verification when it is ASCII.)

    Yes where the character after is unknown: the end of the text, a hole, a ``?``
    that may be one, or a character the wrong codec does not write.  The rules
    are not asked to choose again among the rest: without its rivals the likeliest
    of those would look decided, and be no likelier for that.
    """
    end = cluster.end
    if end >= len(text) or text[end] in UNKNOWN_BYTES:
        return True
    return _fits(model, cluster.guessed, text[cluster.start : end + 1])


@lru_cache(maxsize=4096)
def _fits(model: DamageModel, repaired: str, expected: str) -> bool:
    """:func:`_fits_the_bytes_after`, cached: damaged text repeats its clusters."""
    try:
        raw = repaired.encode(model.true_codec) + expected[-1].encode(model.wrong_codec)
    except UnicodeError:
        return True
    return any(_reads_as(sibling, raw, expected) for sibling in _siblings(model))


@lru_cache(maxsize=64)
def _siblings(model: DamageModel) -> tuple[DamageModel, ...]:
    """``model`` and the models of the codecs its codec extends or is extended by.

    They read most bytes alike, but not the ones that decide what a reader loses:
    GB18030 maps GBK's user-defined rows (``AC AC``), which GBK drops.  Text one of
    them damaged is often repaired under the other (the one with more gain), so a
    lost byte either would have lost stays possible.
    """
    family = {model.wrong_codec, OLDER_CODEC.get(model.wrong_codec, model.wrong_codec)}
    family |= {newer for newer, older in OLDER_CODEC.items() if older in family}
    return tuple(
        model if codec == model.wrong_codec else DamageModel(model.true_codec, codec, model.loss)
        for codec in sorted(family)
    )


def _reads_as(model: DamageModel, raw: bytes, expected: str) -> bool:
    try:
        return model.read(raw) == expected
    except UnicodeError:
        return False


def _verification_target(text: str, cluster: Cluster) -> tuple[str, str]:
    """(the character after the cluster if it is ASCII, else ""; the damaged text the
    repair plus that character must damage back to)."""
    end = cluster.end
    context = text[end] if end < len(text) and text[end].isascii() else ""
    return context, text[cluster.start : end] + context


@lru_cache(maxsize=4096)
def _reproducing_guess(
    model: DamageModel,
    guessed: str,
    index: int,
    candidates: tuple[str, ...],
    context: str,
    expected: str,
) -> str | None:
    """``guessed`` with a candidate in hole ``index`` that reproduces ``expected``, if any.

    Cached: damaged text repeats its clusters (the same letters, damaged the same
    way), and a hole no candidate fills costs hundreds of trials.
    """
    step = max(1, -(-len(candidates) // MAX_OPEN_HOLE_TRIALS))
    for candidate in candidates[::step]:
        trial = guessed[:index] + candidate + guessed[index + 1 :]
        if reproduces(model, trial + context, expected):
            return trial
    return None


#: Candidates tried for an undecided hole before the repair is given up.  Taken at
#: an even stride through the list, so every range of lost byte values is tried:
#: a hole left by two lost bytes has 4,096 candidates, and whether one reproduces
#: the input depends on how the wrong codec treats its bytes, alike for neighbours.
MAX_OPEN_HOLE_TRIALS = 256


def reproduces(model: DamageModel, repaired: str, damaged: str) -> bool:
    """Does ``model`` damage ``repaired`` into exactly ``damaged``?"""
    try:
        return model.apply(repaired) == damaged
    except UnicodeError:
        return False


def reproduces_with(text: str, cluster: Cluster, model: DamageModel, hole: int, char: str) -> bool:
    """Does the cluster, with ``char`` in its hole, damage back to the text? (As
    :func:`verified` checks it.)"""
    context, expected = _verification_target(text, cluster)
    guessed = cluster.guessed[:hole] + char + cluster.guessed[hole + 1 :]
    return reproduces(model, guessed + context, expected)
