"""The CLI's one door into the library: every call goes through the public ``cleantext`` API.

Keeping these calls in one place means the commands never depend on internal
modules, and the rules about decoding (BOMs, binary files, legacy encodings) are
the same for ``fix``, ``diagnose``, ``explain`` and ``learn-boilerplate``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

import cleantext

__all__ = [
    "UTF8_BOM",
    "BinaryFileError",
    "Decoded",
    "Overrides",
    "StreamedText",
    "check_options",
    "clean",
    "clean_and_explain",
    "decode",
    "map_chunks",
    "profile_names",
]

UTF8_BOM = b"\xef\xbb\xbf"


class BinaryFileError(ValueError):
    """The bytes are not text (NUL bytes, or no encoding decodes them); they are left alone."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encoding it was read with, and whether it began with a UTF-8 BOM.

    ``text`` never holds the BOM; writers put it back, so a file keeps it.
    """

    text: str
    encoding: str
    bom: bool = False
    #: Empty for valid UTF-8; otherwise how the encoding was found (from fix_bytes).
    reason: str = ""

    @property
    def is_utf8(self) -> bool:
        """True when the bytes were valid UTF-8 (and so are written back unchanged in kind)."""
        return not self.reason


def decode(data: bytes) -> Decoded:
    """Decode a file's bytes: UTF-8 as is, anything else through :func:`cleantext.fix_bytes`.

    Raises :class:`BinaryFileError` for NUL bytes outside UTF-16/32 or for bytes no
    text encoding explains (fix_bytes decides).
    """
    bom = data.startswith(UTF8_BOM)
    body = data[len(UTF8_BOM) :] if bom else data
    if b"\x00" not in body:
        try:
            return Decoded(body.decode("utf-8"), "utf-8", bom)
        except UnicodeDecodeError:
            pass
    try:
        found = cleantext.fix_bytes_and_explain(data)
    except cleantext.BinaryInputError as error:
        raise BinaryFileError(str(error)) from None
    return Decoded(
        found.text, found.encoding, found.had_bom and found.encoding == "utf-8", found.reason
    )


def map_chunks(fn: Callable[[str], str], chunks: Iterable[str]) -> Iterator[tuple[str, str]]:
    """``fn`` over a large text's chunks as over the whole text: see :mod:`cleantext.stream`."""
    from cleantext.stream import map_chunks as mapped

    return mapped(fn, chunks)


class StreamedText:
    """A large file's text in chunks of whole lines (via :mod:`cleantext.stream`).

    The encoding is detected once, from the start of the file; after the first
    chunk, :attr:`encoding`, :attr:`reason` and :attr:`bom` say what was found,
    and :attr:`recoded` whether writing UTF-8 back changes the bytes even where the
    text does not change.
    """

    def __init__(self, source: BinaryIO, chunk_size: int) -> None:
        from cleantext.stream import DecodedStream

        self._stream = DecodedStream(source, chunk_size=chunk_size)

    def __iter__(self) -> Iterator[str]:
        try:
            yield from self._stream
        except cleantext.BinaryInputError as error:
            raise BinaryFileError(str(error)) from None

    @property
    def encoding(self) -> str:
        return self._stream.stats.encoding or "utf-8"

    @property
    def bom(self) -> bool:
        """True when the file starts with a UTF-8 byte-order mark (written back as is)."""
        return self._stream.stats.had_bom and self.encoding == "utf-8"

    @property
    def recoded(self) -> bool:
        stats = self._stream.stats
        return self.encoding != "utf-8" or stats.invalid_runs > 0

    @property
    def reason(self) -> str:
        return self._stream.stats.reason if self.recoded else ""

    def decoded(self, text: str) -> Decoded:
        """``text`` (one chunk) with what is known about the file's encoding."""
        return Decoded(text, self.encoding, self.bom, self.reason)


#: Single pipeline options for :func:`cleantext.clean`, as ``(name, value)`` pairs.
Overrides = tuple[tuple[str, Any], ...]


def profile_names() -> list[str]:
    """The profiles ``--profile`` accepts, sorted."""
    return sorted(cleantext.PROFILES)


def check_options(profile: str | None, overrides: Overrides) -> None:
    """Raise ``ValueError`` (naming the valid choices) for a bad profile or option.

    A rules file is loaded once here, so a broken one is one error before any file
    is touched (``OSError`` if it cannot be read).
    """
    options = dict(overrides)
    cleantext.Config.from_profile(profile or "safe", **options)
    rules = options.get("boilerplate_rules")
    if isinstance(rules, str):
        cleantext.load_rules(rules)


def clean(text: str, profile: str | None, encoding_only: bool, overrides: Overrides = ()) -> str:
    """Clean ``text``: encoding repair only, or the full pipeline of ``profile``."""
    if encoding_only:
        return cleantext.fix_encoding(text)
    if profile is None:
        return cleantext.clean(text, **dict(overrides))
    return cleantext.clean(text, profile, **dict(overrides))


def clean_and_explain(
    text: str, profile: str | None, encoding_only: bool, overrides: Overrides = ()
) -> tuple[str, cleantext.Plan]:
    """Like :func:`clean`, and also return the plan of every change."""
    if encoding_only:
        return cleantext.fix_encoding_and_explain(text)
    if profile is None:
        return cleantext.clean_and_explain(text, **dict(overrides))
    return cleantext.clean_and_explain(text, profile, **dict(overrides))
