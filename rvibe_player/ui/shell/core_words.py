"""Words made below the interface, said in the user's language.

The layers under ``ui/`` import no Qt: they mark their messages for the template with
``core.errors.QT_TRANSLATE_NOOP`` and keep the pieces (a template with ``%1``... and its
arguments); the interface translates the template here, then fills it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from rvibe_player.core.errors import QueryError, Words, fill
from rvibe_player.library.model import UNKNOWN_ARTIST


def query_error_text(error: QueryError) -> str:
    """Why a search cannot run, and where, in the user's language."""
    reason = fill(QCoreApplication.translate("QueryError", error.template), error.words)
    where = QLocale().toString(error.position + 1)
    return fill(QCoreApplication.translate("QueryError", "%1 (at character %2)"), [reason, where])


def say(text: str) -> str:
    """A message made below the interface in the user's language: :class:`Words` are
    translated (their words too, when they are ``Words``); any other text stays as it is."""
    if not isinstance(text, Words):
        return text
    template = QCoreApplication.translate(text.context, text.template)
    return fill(template, [say(word) for word in text.words])


def artist_text(name: str) -> str:
    """An artist's name as shown: the library's name for "no artist tag" is translated."""
    return QCoreApplication.translate("Library", UNKNOWN_ARTIST) if name == UNKNOWN_ARTIST else name


def error_text(error: object) -> str:
    """An error the interface shows: translated when its words came marked, else as it is."""
    if isinstance(error, QueryError):
        return query_error_text(error)
    if isinstance(error, BaseException) and len(error.args) == 1:
        error = error.args[0]  # an error made of one message: Words, when they came marked
    return say(error) if isinstance(error, str) else str(error)
