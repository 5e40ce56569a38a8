"""Boilerplate removal: scraper furniture (share buttons, captions, 'Related Content'
trailers, site signatures) found by rules that are data, never code.

See ``docs/boilerplate.md`` for the rule-file format and the default rules.
"""

from cleantext.boilerplate.learn import learn_boilerplate
from cleantext.boilerplate.match import boilerplate_edits, looks_like_prose
from cleantext.boilerplate.ruleio import RuleFileError, default_rules, dumps, load_rules, loads
from cleantext.boilerplate.rules import PatternTimeoutError, Rule, RuleError, RuleSet

__all__ = [
    "PatternTimeoutError",
    "Rule",
    "RuleError",
    "RuleFileError",
    "RuleSet",
    "boilerplate_edits",
    "default_rules",
    "dumps",
    "learn_boilerplate",
    "load_rules",
    "loads",
    "looks_like_prose",
]
