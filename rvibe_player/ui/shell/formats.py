"""How the views write lengths, counts and dates for people."""

from __future__ import annotations

from PySide6.QtCore import QLocale


def format_duration(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss``) for a length in seconds."""
    if not seconds or seconds < 0:
        return "0:00"
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def price_text(cents: int | None, currency: str) -> str:
    """A price in the user's locale (``€12.99``, ``12,99 €``); "" when there is none."""
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, _symbol(currency))


def _symbol(currency: str) -> str:
    """The sign people read for a currency code (the code itself when it has none here)."""
    return {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥"}.get(currency.upper(), currency)
