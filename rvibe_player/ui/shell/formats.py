"""How the views write lengths, counts and dates for people."""

from __future__ import annotations


def format_duration(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a length in seconds."""
    if not seconds or seconds < 0:
        return "0:00"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
