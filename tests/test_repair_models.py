"""Damage models re-play damage exactly: the repair engine's verification depends on it.

Also checks the hand-checked goldens against the seeds: the damage each seed is
documented to carry, applied to its golden, must give the seed back byte for byte.
"""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.recovery import GOLDENS, seed_path, seed_text

from cleantext.repair.models import (
    CJK_CODECS,
    LATIN1_LOSSY_MODELS,
    LEGACY_CODECS,
    MULTIBYTE_MODELS,
    DamageModel,
    Loss,
)

#: (model, clean text, damaged text): worked by hand from the codecs' tables.
KNOWN = [
    (
        DamageModel("utf-8", "gbk", Loss.IGNORE),
        "“HIGH STAKES!!!” Trump",
        "鈥淗IGH STAKES!!!鈥 Trump",
    ),
    (DamageModel("utf-8", "gbk", Loss.REPLACE), "” Trump", "鈥\ufffd Trump"),
    (DamageModel("utf-8", "gbk"), "Russia’s", "Russia鈥檚"),
    (DamageModel("utf-8", "latin-1", Loss.STRIP_C1), "He’s", "Heâs"),
    (DamageModel("utf-8", "latin-1", Loss.C1_TO_QUESTION), "He’s", "Heâ??s"),
    (DamageModel("utf-8", "latin-1", Loss.C1_TO_FFFD), "He’s", "Heâ\ufffd\ufffds"),
    (DamageModel("utf-8", "latin-1", Loss.STRIP_C1), "café", "cafÃ©"),
    (DamageModel("utf-8", "windows-1252"), "café", "cafÃ©"),
    (DamageModel("gbk", "windows-1252"), "你好", "ÄãºÃ"),
    (DamageModel("cp1251", "latin-1"), "мир", "ìèð"),
]


@pytest.mark.parametrize(("model", "clean", "damaged"), KNOWN, ids=lambda v: str(v)[:30])
def test_apply_replays_known_damage(model: DamageModel, clean: str, damaged: str) -> None:
    assert model.apply(clean) == damaged


@pytest.mark.parametrize(
    ("model", "name"),
    [
        (DamageModel("utf-8", "gbk", Loss.IGNORE), "utf-8 read as gbk, bytes dropped"),
        (DamageModel("utf-8", "big5"), "utf-8 read as big5"),
        (DamageModel("gbk", "windows-1252"), "gbk read as windows-1252"),
        (
            DamageModel("utf-8", "latin-1", Loss.STRIP_C1),
            "utf-8 read as latin-1, C1 characters deleted",
        ),
    ],
)
def test_names_read_as_the_issue_writes_them(model: DamageModel, name: str) -> None:
    assert model.name == name


def test_lossless_damage_that_cannot_happen_is_refused() -> None:
    model = DamageModel("utf-8", "gbk")
    assert not model.can_apply("”")  # E2 80 9D: the 9D has no partner
    with pytest.raises(UnicodeError):
        model.apply("”")
    assert model.can_apply("’s")


def test_model_tables_cover_every_codec_and_loss_once() -> None:
    assert {(m.wrong_codec, m.loss) for m in MULTIBYTE_MODELS} == {
        (codec, loss)
        for codec in CJK_CODECS
        for loss in (Loss.NONE, Loss.IGNORE, Loss.REPLACE, Loss.REPLACE_QUESTION)
    }
    assert len({m.name for m in MULTIBYTE_MODELS}) == len(MULTIBYTE_MODELS)
    assert {m.loss for m in LATIN1_LOSSY_MODELS} == {
        Loss.STRIP_C1,
        Loss.C1_TO_QUESTION,
        Loss.C1_TO_FFFD,
    }
    assert all(m.lossy for m in LATIN1_LOSSY_MODELS)
    for codec in (*CJK_CODECS, *LEGACY_CODECS):
        codecs.lookup(codec)  # every named codec exists in Python


def test_bytes_replaced_by_question_marks_are_the_replaced_ones_made_marks() -> None:
    text = "He said “no” — it’s 東京."
    replaced = DamageModel("utf-8", "gbk", Loss.REPLACE).apply(text)
    marked = DamageModel("utf-8", "gbk", Loss.REPLACE_QUESTION).apply(text)
    assert "\ufffd" in replaced and "\ufffd" not in marked
    assert marked == replaced.replace("\ufffd", "?")
    assert DamageModel("utf-8", "gbk", Loss.REPLACE_QUESTION).name == (
        "utf-8 read as gbk, bytes replaced by '?'"
    )


def test_models_are_values() -> None:
    model = DamageModel("utf-8", "gbk", Loss.IGNORE)
    assert model == DamageModel("utf-8", "gbk", Loss.IGNORE)
    assert len({model, DamageModel("utf-8", "gbk", Loss.IGNORE)}) == 1
    assert not DamageModel("utf-8", "gbk").lossy


_TEXT = st.text(st.characters(codec="utf-8", exclude_characters="\ufffd"), max_size=60)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from(CJK_CODECS))
def test_ignore_is_replace_without_the_marks(text: str, codec: str) -> None:
    ignored = DamageModel("utf-8", codec, Loss.IGNORE).apply(text)
    replaced = DamageModel("utf-8", codec, Loss.REPLACE).apply(text)
    assert ignored == replaced.replace("\ufffd", "")


#: cp932 maps some byte pairs to the same character as others (NEC and IBM duplicates of
#: JIS row 2): decoding is not invertible there, so a repair cannot just re-encode.
NOT_INVERTIBLE = {"cp932"}


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.sampled_from([m for m in MULTIBYTE_MODELS if m.wrong_codec not in NOT_INVERTIBLE]))
def test_lossless_damage_is_invertible(text: str, model: DamageModel) -> None:
    lossless = DamageModel(model.true_codec, model.wrong_codec)
    if lossless.can_apply(text):
        damaged = lossless.apply(text)
        assert damaged.encode(model.wrong_codec).decode(model.true_codec) == text


def test_cp932_decoding_is_not_invertible() -> None:
    """Why cp932 is excluded above: UTF-8 bytes 87 90 decode to a duplicate of 81 E0."""
    damaged = DamageModel("utf-8", "cp932").apply("\U0002f1d0")
    assert damaged.encode("cp932") != "\U0002f1d0".encode()


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_c1_losses_differ_only_in_what_replaces_c1(text: str) -> None:
    strip, question, fffd = (model.apply(text) for model in LATIN1_LOSSY_MODELS)
    latin1 = DamageModel("utf-8", "latin-1").apply(text)
    c1 = "".join(chr(code) for code in range(0x80, 0xA0))
    assert strip == latin1.translate({ord(char): None for char in c1})
    assert len(question) == len(fffd) == len(latin1)
    assert not any(char in c1 for char in strip + question + fffd)


# --- the goldens re-damaged give the seeds back (checks the goldens, byte for byte) ---

SEED_DAMAGE = {
    "001": DamageModel("utf-8", "gbk", Loss.IGNORE),
    "003": DamageModel("utf-8", "latin-1", Loss.STRIP_C1),
}


@pytest.mark.parametrize("prefix", sorted(SEED_DAMAGE))
def test_golden_damaged_again_is_the_seed(prefix: str) -> None:
    golden = GOLDENS / seed_path(prefix).name
    assert golden.is_file(), f"golden {golden} is missing"
    repaired = golden.read_text(encoding="utf-8")
    assert SEED_DAMAGE[prefix].apply(repaired) == seed_text(prefix)
