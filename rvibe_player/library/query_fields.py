"""The fields, flags and sort keys of the search language, and how their values are read."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, fill


@dataclass(frozen=True)
class Field:
    """A searchable field.

    ``kind`` is ``fts`` (a full-text column), ``number`` (a numeric SQL expression) or
    ``text`` (a plain text column compared whole or as a substring).
    """

    name: str
    kind: str
    column: str
    unit: str = ""
    low: float | None = None
    high: float | None = None


def _fts(name: str, column: str | None = None) -> Field:
    return Field(name, "fts", column or name)


def _num(
    name: str, expr: str, unit: str = "", low: float | None = 0, high: float | None = None
) -> Field:
    return Field(name, "number", expr, unit, low, high)


_AGE_DAYS = "((:now - {col}) / 86400.0)"

_FIELD_LIST = (
    _fts("title"),
    _fts("artist"),
    _fts("album"),
    _fts("albumartist"),
    _fts("composer"),
    _fts("genre"),
    _fts("file", "filename"),
    _num("year", "year", high=9999),
    _num("rating", "rating", "stars", high=5),
    _num("duration", "duration", "duration"),
    _num("plays", "play_count"),
    _num("skips", "skip_count"),
    _num("track", "tracknumber"),
    _num("disc", "discnumber"),
    _num("bitrate", "(bitrate / 1000)", "kbps"),
    _num("samplerate", "samplerate", "Hz"),
    _num("channels", "channels"),
    _num("added", _AGE_DAYS.format(col="added_at"), "days"),
    _num("lastplayed", _AGE_DAYS.format(col="last_played"), "days"),
    Field("codec", "text", "codec"),
    Field("path", "text", "path_text"),
    Field("mbid", "text", "mb_trackid"),
)
FIELDS: dict[str, Field] = {f.name: f for f in _FIELD_LIST}
FIELDS["format"] = FIELDS["codec"]
FIELDS["playcount"] = FIELDS["plays"]
FIELDS["date"] = FIELDS["year"]

HAS_FLAGS: dict[str, str] = {
    "cover": "has_cover = 1",
    "replaygain": "rg_track_gain IS NOT NULL",
    "musicbrainz": "mb_trackid != ''",
    "rating": "rating IS NOT NULL",
}

SORT_KEYS: dict[str, str] = {
    "artist": "sort_artist",
    "album": "sort_album",
    "title": "title COLLATE NOCASE",
    "year": "year",
    "added": "added_at",
    "plays": "play_count",
    "rating": "rating",
    "duration": "duration",
    "lastplayed": "last_played",
    "track": "tracknumber",
    "path": "path_text",
    "codec": "codec",
    "bitrate": "bitrate",
}

_DURATION = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2}(?:\.\d+)?)$|^(\d+(?:\.\d+)?)([smh]?)$")


class ValueWordsError(ValueError):
    """A value the query cannot use: ``template`` (marked for translation) and its ``words``."""

    def __init__(self, template: str, *words: str) -> None:
        self.template = template
        self.words = words
        super().__init__(fill(template, words))


def parse_value(spec: Field, text: str) -> float | str:
    """Read a field's value from the query.

    Raises:
        ValueWordsError: with a message for the person who typed it.
    """
    if spec.kind != "number":
        return text
    if spec.unit == "duration":
        number = _duration(text)
    else:
        try:
            number = float(text)
        except ValueError:
            raise ValueWordsError(
                QT_TRANSLATE_NOOP("QueryError", "%1 needs a number, not '%2'"), spec.name, text
            ) from None
    if (spec.low is not None and number < spec.low) or (
        spec.high is not None and number > spec.high
    ):
        unit = f" {spec.unit}" if spec.unit and spec.unit != "duration" else ""
        if spec.high is None:
            raise ValueWordsError(
                QT_TRANSLATE_NOOP("QueryError", "%1 is ≥ %2%3, not '%4'"),
                spec.name,
                f"{spec.low:g}",
                unit,
                text,
            )
        raise ValueWordsError(
            QT_TRANSLATE_NOOP("QueryError", "%1 is %2 to %3%4, not '%5'"),
            spec.name, f"{spec.low:g}", f"{spec.high:g}", unit, text,
        )  # fmt: skip
    return number


def _duration(text: str) -> float:
    match = _DURATION.match(text.strip().lower())
    if not match:
        raise ValueWordsError(
            QT_TRANSLATE_NOOP(
                "QueryError", "duration is seconds or m:ss (like 300 or 5:00), not '%1'"
            ),
            text,
        )
    hours, minutes, seconds, plain, unit = match.groups()
    if plain is not None:
        scale = {"": 1, "s": 1, "m": 60, "h": 3600}[unit]
        return float(plain) * scale
    return int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
