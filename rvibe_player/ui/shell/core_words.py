"""Words made below the interface, said in the user's language.

The layers under ``ui/`` import no Qt: they mark their messages for the template with
``core.errors.QT_TRANSLATE_NOOP`` and keep the pieces (a template with ``%1``... and its
arguments); the interface translates the template here, then fills it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale

from rvibe_player.core.errors import QueryError, fill


def query_error_text(error: QueryError) -> str:
    """Why a search cannot run, and where, in the user's language."""
    reason = fill(QCoreApplication.translate("QueryError", error.template), error.words)
    where = QLocale().toString(error.position + 1)
    return fill(QCoreApplication.translate("QueryError", "%1 (at character %2)"), [reason, where])


def error_text(error: object) -> str:
    """An error the interface shows: translated when its words came marked, else as it is."""
    return query_error_text(error) if isinstance(error, QueryError) else str(error)
