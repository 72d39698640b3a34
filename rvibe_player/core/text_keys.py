"""Comparison keys for artist, album and track names: what "the same" means across sources.

Two spellings of one name get one key: case, accents, a leading "The" (or a trailing
", The"), "feat."/"ft."/"featuring" credits, "&" versus "and", punctuation and spacing, and
edition notes such as "(2011 Remaster)" or "[Deluxe Edition]" do not count. Pure functions;
the pick matcher and the UI share them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_FEAT = re.compile(
    r"""\s*(?:[(\[]\s*)?\b(?:feat|ft|featuring)\b\.?\s+[^)\]]*[)\]]?\s*$"""
    r"""|\s*[(\[]\s*(?:feat|ft|featuring)\b\.?\s+[^)\]]*[)\]]""",
    re.IGNORECASE,
)
"""A featured-artist credit: "(feat. X)", "[ft. X]", or a trailing "feat. X" / "with X"."""

_EDITION = re.compile(
    r"\s*[(\[][^)\]]*\b(?:remaster(?:ed)?|deluxe|expanded|anniversary|edition|bonus)\b"
    r"[^)\]]*[)\]]"
    r"|\s+-\s+(?:\d{4}\s+)?remaster(?:ed)?(?:\s+\d{4})?(?:\s+version)?\s*$",
    re.IGNORECASE,
)
"""An edition note: "(2011 Remaster)", "[Deluxe Edition]", " - Remastered 2009"."""

_TRAILING_THE = re.compile(r",\s*the\s*$", re.IGNORECASE)
_APOSTROPHES = str.maketrans("", "", "'’‘`´")
_NOT_WORD = re.compile(r"[\W_]+")
"""Runs of anything but letters and digits (of any script)."""


_LETTERS = str.maketrans({"æ": "ae", "ø": "o", "ł": "l", "đ": "d", "þ": "th", "œ": "oe"})
"""Letters NFKD leaves whole that people write without their mark."""


def _fold(text: str) -> str:
    """Lower case without accents; every run of non-letters/digits becomes one space."""
    text = text.translate(_APOSTROPHES).casefold()
    if "&" in text or "+" in text:
        text = text.replace("&", " and ").replace("+", " and ")
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_LETTERS)
    folded = _NOT_WORD.sub(" ", text).strip()
    return folded[4:] if folded.startswith("the ") else folded


def _without_notes(text: str, *, editions: bool) -> str:
    """``text`` without a featured-artist credit (and edition notes); regexes only if needed."""
    lowered = text.lower()
    if "ft" in lowered or "feat" in lowered:
        text = _FEAT.sub("", text)
    if editions and ("(" in text or "[" in text or " - " in text):
        text = _EDITION.sub("", text)
    return text.strip()


@lru_cache(maxsize=65536)
def artist_key(name: str) -> str:
    """The key of an artist credit: "The Velvet Harbour feat. Ada" -> "velvet harbour"."""
    stripped = _without_notes(name, editions=False)
    if "," in stripped:
        stripped = _TRAILING_THE.sub("", stripped)
    return _fold(stripped or name)


@lru_cache(maxsize=65536)
def album_key(title: str) -> str:
    """The key of a release title: "The Blue Hour (Deluxe Edition)" -> "blue hour"."""
    return _fold(_without_notes(title, editions=True) or title)


def title_key(title: str) -> str:
    """The key of a track title: "Slow River (feat. Ada) - 2011 Remaster" -> "slow river"."""
    return _fold(_without_notes(title, editions=True) or title)
