"""Blocking store calls run off the GUI thread, their answers delivered back on it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)
T = TypeVar("T")

Submit = Callable[..., "Future[Any]"]
"""Runs a function on a worker thread and returns its future (``client.in_background``)."""


class BackgroundCalls(QObject):
    """``run(submit, fn, ..., then=...)``: ``then(result, error)`` later, on the GUI thread."""

    done = Signal(object, object, object)
    """(callback, result, error) of a background call."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.closing = False
        self.done.connect(lambda callback, result, error: callback(result, error))

    def run(
        self,
        submit: Submit,
        function: Callable[..., T],
        *args: Any,
        then: Callable[[T | None, BaseException | None], None],
        **kwargs: Any,
    ) -> None:
        """Run ``function`` through ``submit``; ``then(result, error)`` on the GUI thread."""
        future: Future[T] = submit(function, *args, **kwargs)

        def finished(done: Future[T]) -> None:
            error = done.exception()
            if self.closing:
                return
            try:
                self.done.emit(then, None if error else done.result(), error)
            except RuntimeError:  # the caller was deleted under a late answer
                log.debug("Dropped a store call's answer: its view is gone")

        future.add_done_callback(finished)
