"""A release as the store describes it: tracks, lengths, prices and a preview for each.

What "View in the store" opens for a pick until the shop is in the player: everything the
store says about the release, from the local cache (so it opens offline too), with each
track's preview one click away and, when the library holds it, "Play from your library".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from rvibe_player.store_client.model import Pick, ReleaseDetail
from rvibe_player.ui.shell.formats import format_duration, price_text
from rvibe_player.ui.shell.widgets import heading, plain_label


class ReleaseView(QDialog):
    """One release from the store, for a pick."""

    preview_requested = Signal(str, str)
    """(preview URL, what it is) to stream through the player."""
    play_requested = Signal(list)
    """Library track ids to play (the listener owns the release)."""

    def __init__(self, pick: Pick, release: ReleaseDetail | None, parent: QWidget | None = None):
        super().__init__(parent)
        item = pick.item
        self.setWindowTitle(self.tr("%1 — in the store").replace("%1", item.release_title))
        self.setMinimumWidth(560)
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(item.release_title))
        details = [item.artist, *(str(x) for x in (item.year, item.label, item.genre) if x)]
        byline = plain_label(" · ".join(details))
        layout.addWidget(byline)
        price = price_text(item.price_cents, item.currency)
        if price:
            layout.addWidget(plain_label(self.tr("The whole release: %1").replace("%1", price)))
        if pick.reason:
            reason = plain_label(self.tr("Why %1 picked it: %2").replace("%1", pick.curator)
                                 .replace("%2", pick.reason))  # fmt: skip
            reason.setWordWrap(True)
            layout.addWidget(reason)
        buttons = QHBoxLayout()
        if pick.match.track_ids:
            play = QPushButton(self.tr("Play from your library"))
            play.setAccessibleName(self.tr("Play this release from your library"))
            ids = list(pick.match.track_ids)
            play.clicked.connect(lambda: self.play_requested.emit(ids))
            buttons.addWidget(play)
        buttons.addStretch()
        layout.addLayout(buttons)
        self.tracks = self._track_table(release)
        layout.addWidget(self.tracks, 1)
        if release is None:
            missing = plain_label(
                self.tr("The track list has not been fetched yet; it comes with the next sync.")
            )
            missing.setWordWrap(True)
            layout.addWidget(missing)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)

    def _track_table(self, release: ReleaseDetail | None) -> QTableWidget:
        tracks = release.tracks if release is not None else ()
        table = QTableWidget(len(tracks), 5)
        table.setTabKeyNavigation(False)  # Tab leaves the table
        table.setAccessibleName(self.tr("Tracks of the release"))
        table.setHorizontalHeaderLabels(
            ["#", self.tr("Title"), self.tr("Length"), self.tr("Price"), ""]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, track in enumerate(tracks):
            cells = [
                str(track.position),
                track.title,
                format_duration(track.seconds) if track.seconds else "",
                price_text(track.price_cents, release.currency if release else ""),
            ]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)  # plain text: it came over the network
                if column in (0, 2, 3):
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(row, column, cell)
            if track.preview_url:
                button = QPushButton(self.tr("Preview"))
                button.setAccessibleName(self.tr("Preview %1").replace("%1", track.title))
                url, what = (
                    track.preview_url,
                    f"{track.title} — {release.artist if release else ''}",
                )
                button.clicked.connect(
                    lambda _c=False, u=url, w=what: self.preview_requested.emit(u, w)
                )
                table.setCellWidget(row, 4, button)
        table.resizeColumnsToContents()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table
