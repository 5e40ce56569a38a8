"""cleantext: find and repair broken text.

This module only re-exports the public API; each name lives in a small module
of its own.  Mojibake repair builds on ftfy (https://github.com/rspeer/python-ftfy,
by Robyn Speer), which cleantext uses as a dependency for the single-byte cases.
"""

from cleantext.boilerplate import RuleSet, learn_boilerplate, load_rules
from cleantext.config import PROFILES, Config
from cleantext.decode import BinaryInputError, Decoded, fix_bytes, fix_bytes_and_explain
from cleantext.parallel import clean_many
from cleantext.pipeline import clean, clean_and_explain, fix_text
from cleantext.plan import Change, Edit, Plan, PlanMismatchError, apply_plan
from cleantext.repair import Diagnosis, Finding, diagnose, fix_encoding, fix_encoding_and_explain

__all__ = [
    "PROFILES",
    "BinaryInputError",
    "Change",
    "Config",
    "Decoded",
    "Diagnosis",
    "Edit",
    "Finding",
    "Plan",
    "PlanMismatchError",
    "RuleSet",
    "apply_plan",
    "clean",
    "clean_and_explain",
    "clean_many",
    "diagnose",
    "fix_bytes",
    "fix_bytes_and_explain",
    "fix_encoding",
    "fix_encoding_and_explain",
    "fix_text",
    "learn_boilerplate",
    "load_rules",
]
__version__ = "0.1.0"
