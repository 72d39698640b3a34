"""Playlist commands: new, new smart, rename, edit query, delete, import, export, add to."""

from __future__ import annotations

import functools
import logging
from collections.abc import Sequence

from PySide6.QtCore import QLocale, QObject, QPoint, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from rvibe_player.core.errors import PlaylistFormatError, QueryError
from rvibe_player.library.playlist_store import ImportReport, PlaylistStore
from rvibe_player.library.reader import LibraryReader
from rvibe_player.ui.shell.core_words import error_text, say

log = logging.getLogger(__name__)


class PlaylistActions(QObject):
    """Asks the user what is needed, changes the store, and says what happened."""

    changed = Signal()
    """The list of playlists or a playlist's entries changed."""
    message = Signal(str)
    """Something to tell the user in the status bar."""

    def __init__(self, store: PlaylistStore, window: QWidget) -> None:
        super().__init__(window)
        self.store = store
        self.window = window

    def _file_filter(self) -> str:
        """The file dialogs' name filters."""
        return self.tr("Playlists (*.m3u *.m3u8 *.pls *.xspf);;All files (*)")

    def text_dialog(self, title: str, label: str, text: str = "") -> QInputDialog:
        """The one-line question the playlist actions ask (its field is named by its label)."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        return dialog

    def ask(self, title: str, label: str, text: str = "") -> str | None:
        """What the user typed, or None when they cancelled."""
        dialog = self.text_dialog(title, label, text)
        try:
            return dialog.textValue() if dialog.exec() == QInputDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def new(self, track_ids: Sequence[int] = ()) -> int | None:
        name = self.ask(self.tr("New playlist"), self.tr("Name:"))
        if name is None or not name.strip():
            return None
        playlist_id = self.store.create(name)
        if track_ids:
            self.store.add_tracks(playlist_id, list(track_ids))
        self.changed.emit()
        return playlist_id

    def new_smart(self) -> None:
        name = self.ask(self.tr("New smart playlist"), self.tr("Name:"))
        if name is None or not name.strip():
            return
        query = self._ask_query("", name)
        if query is not None:
            self.store.create(name, query=query)
            self.changed.emit()

    def _ask_query(self, current: str, name: str) -> str | None:
        prompt = self.tr("Songs in “%1” are those matching (e.g. genre:jazz rating:>=4):").replace(
            "%1", name
        )
        while True:
            query = self.ask(self.tr("Smart playlist"), prompt, current)
            if query is None:
                return None
            try:
                LibraryReader.check_query(query)
            except QueryError as exc:
                QMessageBox.warning(
                    self.window, self.tr("That search is not valid"), error_text(exc)
                )
                current = query
                continue
            return query

    def rename(self, playlist_id: int) -> None:
        info = self.store.playlist(playlist_id)
        name = self.ask(self.tr("Rename playlist"), self.tr("Name:"), info.name)
        if name is not None and name.strip():
            self.store.rename(playlist_id, name)
            self.changed.emit()

    def edit_query(self, playlist_id: int) -> None:
        info = self.store.playlist(playlist_id)
        query = self._ask_query(info.query or "", info.name)
        if query is not None:
            self.store.set_query(playlist_id, query)
            self.changed.emit()

    def delete(self, playlist_id: int) -> None:
        info = self.store.playlist(playlist_id)
        answer = QMessageBox.question(
            self.window,
            self.tr("Delete playlist"),
            self.tr("Delete the playlist “%1”? Its songs stay in your library.").replace(
                "%1", info.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.store.delete(playlist_id)
            self.changed.emit()

    def import_file(self, path: str | None = None) -> int | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Import a playlist"), "", self._file_filter()
            )
        if not path:
            return None
        try:
            report = self.store.import_file(path)
        except PlaylistFormatError as exc:
            QMessageBox.warning(
                self.window, self.tr("Cannot import this playlist"), error_text(exc)
            )
            return None
        self.changed.emit()
        summary = self.import_summary(report)
        self.message.emit(summary)
        if report.unresolved:
            lines = "\n".join(
                self.tr("• %1 — %2").replace("%2", say(e.reason)).replace("%1", e.location)
                for e in report.unresolved[:20]
            )
            more = len(report.unresolved) - 20
            if more > 0:
                lines += "\n" + self.tr("… and %n more", "", more)
            QMessageBox.information(
                self.window, self.tr("Some songs were not found"), f"{summary}\n\n{lines}"
            )
        return report.playlist_id

    def import_summary(self, report: ImportReport) -> str:
        """What an import did, in whole sentences (each one translated as a whole)."""
        sentences = [
            self.tr("Imported “%1”: %2 of %n entries found.", "", report.total)
            .replace("%1", report.name)
            .replace("%2", QLocale().toString(report.resolved))
        ]
        if report.by_suffix:
            sentences.append(
                self.tr("%n of them found by folder and file name.", "", report.by_suffix)
            )
        if report.unresolved:
            sentences.append(
                self.tr("%n not found; kept in the playlist.", "", len(report.unresolved))
            )
        return " ".join(sentences)

    def export(self, playlist_id: int, path: str | None = None) -> None:
        info = self.store.playlist(playlist_id)
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Export playlist"), f"{info.name}.m3u8", self._file_filter()
            )
        if not path:
            return
        try:
            count = self.store.export_file(playlist_id, path)
        except (PlaylistFormatError, OSError) as exc:
            why = (
                self.tr("The file could not be written: %1").replace("%1", exc.strerror or str(exc))
                if isinstance(exc, OSError)
                else error_text(exc)
            )
            QMessageBox.warning(self.window, self.tr("Cannot export this playlist"), why)
            return
        self.message.emit(self.tr("Exported %n songs to %1.", "", count).replace("%1", path))

    def add_to_menu(self, track_ids: Sequence[int], where: QPoint) -> None:
        """A menu of regular playlists (and 'New playlist…') to add tracks to."""
        menu = QMenu(self.window)
        menu.addAction(self.tr("New playlist…"), lambda: self.new(track_ids))
        regular = [p for p in self.store.playlists() if not p.smart]
        if regular:
            menu.addSeparator()
        for info in regular:
            menu.addAction(info.name, functools.partial(self.add, info.id, track_ids))
        menu.exec(where)

    def add(self, playlist_id: int, track_ids: Sequence[int]) -> None:
        self.store.add_tracks(playlist_id, list(track_ids))
        name = self.store.playlist(playlist_id).name
        self.message.emit(
            self.tr("Added %n song(s) to “%1”.", "", len(track_ids)).replace("%1", name)
        )
        self.changed.emit()

    def context_menu(self, playlist_id: int, where: QPoint) -> None:
        info = self.store.playlist(playlist_id)
        menu = QMenu(self.window)
        menu.addAction(self.tr("Rename…"), lambda: self.rename(playlist_id))
        if info.smart:
            menu.addAction(self.tr("Edit search…"), lambda: self.edit_query(playlist_id))
        menu.addAction(self.tr("Export…"), lambda: self.export(playlist_id))
        menu.addSeparator()
        menu.addAction(self.tr("Delete…"), lambda: self.delete(playlist_id))
        menu.exec(where)
