"""Errors shared across layers; their messages are written for the person using the player."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence


class RvibeError(Exception):
    """Base class of errors the player reports to its user in words."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for the translation template, in ``context``; it stays English here.

    Layers below the interface import no Qt: lupdate finds the marked texts by this name,
    and the interface translates them where it shows them (``ui/shell/core_words.py``)."""
    del context
    return text


_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, args: Sequence[str]) -> str:
    """``template`` with ``%1``, ``%2``... replaced by ``args`` in one pass (so an argument
    holding "%2" is not replaced again)."""
    return _PLACEHOLDER.sub(lambda m: args[int(m.group(1)) - 1], template)


class Words(str):
    """A message for the person using the player: a ``str`` holding its English, which also
    keeps the ``template`` (marked with :func:`QT_TRANSLATE_NOOP` in ``context``) and the
    ``words`` filling it, so the interface can say it in the user's language. A word may be
    ``Words`` too (a reason inside a sentence); the interface translates those as well."""

    context: str
    template: str
    words: tuple[str, ...]

    def __new__(cls, context: str, template: str, *words: str) -> Words:
        made = super().__new__(cls, fill(template, words))
        made.context = context
        made.template = template
        made.words = words
        return made

    def __reduce__(self) -> tuple[object, ...]:  # pickled whole, not as a plain str
        return (Words, (self.context, self.template, *self.words))


def error_words(error: BaseException) -> str:
    """An error's message, kept as :class:`Words` when it was made of them."""
    if len(error.args) == 1 and isinstance(error.args[0], Words):
        return error.args[0]
    return str(error)


@functools.lru_cache(maxsize=256)
def _template_pattern(template: str) -> re.Pattern[str]:
    pieces = _PLACEHOLDER.split(template)  # text, digit, text, digit, ..., text
    return re.compile(
        "".join(re.escape(p) if n % 2 == 0 else "(.*?)" for n, p in enumerate(pieces)),
        re.DOTALL,
    )


def recognise_words(text: str, context: str, templates: Sequence[str]) -> str:
    """``text`` as :class:`Words` again when it is one of ``templates`` filled (its words
    recognised in turn), else ``text`` itself: for messages that were stored as plain
    English (a database column) and are shown later in the user's language."""
    if isinstance(text, Words):
        return text
    for template in templates:
        found = _template_pattern(template).fullmatch(text)
        if found is not None:
            words = (recognise_words(w, context, templates) for w in found.groups())
            return Words(context, template, *words)
    return text


class QueryError(RvibeError):
    """A search query that cannot be understood, with where and why.

    ``template`` (marked for translation in the context "QueryError", with ``%1``...) and
    ``words`` let the interface say it in the user's language; ``reason`` is the English.
    """

    def __init__(self, message: str, position: int, query: str, args: Sequence[str] = ()) -> None:
        self.template = message
        self.words = tuple(args)
        self.reason = fill(message, self.words)
        self.position = position
        self.query = query
        super().__init__(f"{self.reason} (at character {position + 1})")

    def pointer(self) -> str:
        """The query with a caret under the offending character, for terminals."""
        return f"{self.query}\n{' ' * self.position}^"


class LibraryUnreadableError(RvibeError):
    """The library database could not be read: damaged (repaired at the next start)."""


class PlaylistFormatError(RvibeError):
    """A playlist file that cannot be read at all (its one argument: :class:`Words`)."""


def playlist_error(template: str, *words: str) -> PlaylistFormatError:
    """A :class:`PlaylistFormatError` saying ``template`` (context ``PlaylistError``)."""
    return PlaylistFormatError(Words("PlaylistError", template, *words))


class PlaybackUnavailableError(RvibeError):
    """The audio engine (libVLC) cannot start; the message says what to install."""
