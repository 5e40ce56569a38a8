"""Config: typed options, named profiles, clear errors on typos."""

from __future__ import annotations

import dataclasses

import pytest

from cleantext import PROFILES, Config, RuleSet
from cleantext.config import DEFAULT_PROFILE


def differences(config: Config, base: Config) -> dict[str, object]:
    return {
        name: getattr(config, name)
        for name in Config.option_names()
        if getattr(config, name) != getattr(base, name)
    }


def test_profiles_are_safe_plus_their_extras() -> None:
    safe = PROFILES["safe"]
    assert DEFAULT_PROFILE == "safe"
    assert safe.repair and safe.boilerplate and safe.unicode_form == "NFC"
    assert (safe.quotes, safe.dashes, safe.ellipsis, safe.html_entities) == (
        "keep",
        "keep",
        False,
        False,
    )
    assert differences(PROFILES["ascii-punctuation"], safe) == {
        "quotes": "straighten",
        "dashes": "ascii",
        "ellipsis": True,
    }
    assert differences(PROFILES["nfkc"], safe) == {"unicode_form": "NFKC"}


def test_from_profile_overrides_single_options() -> None:
    config = Config.from_profile("nfkc", quotes="consistent", boilerplate=False)
    assert differences(config, PROFILES["nfkc"]) == {"quotes": "consistent", "boilerplate": False}
    assert Config.from_profile("safe") is PROFILES["safe"]
    assert Config.from_profile(config, repair=False).repair is False
    assert dataclasses.replace(PROFILES["safe"], spaces=False).spaces is False


@pytest.mark.parametrize("name", ["SAFE", "ascii", "", "strict"])
def test_unknown_profile_lists_the_valid_ones(name: str) -> None:
    with pytest.raises(ValueError, match="valid profiles: ascii-punctuation, nfkc, safe"):
        Config.from_profile(name)


def test_unknown_option_lists_the_valid_ones() -> None:
    expected = r"unknown option 'qoutes'; valid options: repair, "
    with pytest.raises(ValueError, match=expected) as err:
        Config.from_profile("safe", qoutes="straighten")
    for name in Config.option_names():
        assert name in str(err.value)
    with pytest.raises(ValueError, match="unknown options 'a', 'b'"):
        Config.from_profile("safe", a=1, b=2)


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("quotes", "curly", "valid values: 'keep', 'straighten', 'consistent'"),
        ("dashes", "unicode", "valid values: 'keep', 'ascii'"),
        ("unicode_form", "NFD", "valid values: 'NFC', 'NFKC', None"),
        ("unicode_form", "nfc", "valid values"),
        ("spaces", "yes", "must be True or False"),
        ("repair", 1, "must be True or False"),
        ("boilerplate_rules", 42, "boilerplate_rules must be None, a rule-file path or a RuleSet"),
    ],
)
def test_invalid_values_are_refused(option: str, value: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Config(**{option: value})  # type: ignore[arg-type]


def test_config_is_frozen_and_profiles_read_only() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        PROFILES["safe"].quotes = "straighten"  # type: ignore[misc]
    with pytest.raises(TypeError):
        PROFILES["mine"] = Config()  # type: ignore[index]


def test_rule_sources_accepted() -> None:
    assert Config(boilerplate_rules=RuleSet()).boilerplate_rules == RuleSet()
    assert Config(boilerplate_rules="rules.toml").boilerplate_rules == "rules.toml"
