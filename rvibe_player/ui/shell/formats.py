"""How the views write lengths, counts and dates for people.

Dates and times follow the user's locale (``QLocale()``, which the language setting makes
the default); the words ("Today", "Yesterday") go through the translation.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QGuiApplication


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


def time_text(moment: datetime) -> str:
    """A time of day as the user's locale writes it (``14:05``, ``2:05 PM``)."""
    return QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)


def moment_text(stamp: float) -> str:
    """A moment (seconds since the epoch) as a short local date and time, in the user's
    locale (``03/03/2025 14:05``, ``3/3/25 2:05 PM``)."""
    moment = QDateTime.fromSecsSinceEpoch(int(stamp))
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def when_text(moment: datetime | None) -> str:
    """An aware moment as a short local date and time in the user's locale ("" for None):
    ``12/3/26 2:05 PM`` in English, ``03.12.26 14:05`` in German."""
    if moment is None:
        return ""
    return moment_text(moment.timestamp())


def date_text(moment: datetime | float | None) -> str:
    """The local date alone (an aware moment, or seconds since the epoch), short, in the
    user's locale ("" for None)."""
    if moment is None:
        return ""
    stamp = moment.timestamp() if isinstance(moment, datetime) else moment
    day = QDateTime.fromSecsSinceEpoch(int(stamp)).date()
    return QLocale().toString(day, QLocale.FormatType.ShortFormat)


def month_text(moment: datetime) -> str:
    """An aware moment's local month and year in the user's language ("October 2025",
    "Oktober 2025")."""
    day = QDateTime.fromSecsSinceEpoch(int(moment.timestamp())).date()
    return QLocale().toString(day, "MMMM yyyy")


def day_words(day: date, today: date | None = None) -> str:
    """'Today', 'Yesterday' or the date with its weekday, in the user's language and locale
    (the year only when it is not this one)."""
    today = today or date.today()
    if day == today:
        return QCoreApplication.translate("formats", "Today")
    if (today - day).days == 1:
        return QCoreApplication.translate("formats", "Yesterday")
    when = QDate(day.year, day.month, day.day)
    if day.year != today.year:
        return QLocale().toString(when, QLocale.FormatType.LongFormat)
    pattern = QCoreApplication.translate(
        "formats",
        "dddd d MMMM",
        "QLocale date format of a day this year (weekday, day, month)",
    )
    return QLocale().toString(when, pattern)


def isolate(text: str) -> str:
    """``text`` as a first-strong bidi isolate: it keeps its own direction inside a paragraph
    of the other one (an English title's final "?" stays at its end in a right-to-left
    window)."""
    return f"\u2068{text}\u2069" if text else text


def isolated(text: str) -> str:
    """``text`` :func:`isolate`-d in a right-to-left window, as it is otherwise."""
    return isolate(text) if QGuiApplication.isRightToLeft() else text
