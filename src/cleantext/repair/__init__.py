"""Mojibake detection and repair: one module per damage family, plus screening and scoring."""

from cleantext.repair.api import (
    Diagnosis,
    Finding,
    diagnose,
    fix_encoding,
    fix_encoding_and_explain,
)

__all__ = ["Diagnosis", "Finding", "diagnose", "fix_encoding", "fix_encoding_and_explain"]
