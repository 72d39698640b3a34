"""The main window: sidebar, pages, search, scans, menus and window state.

Only what the first frame shows is built before it is painted (the search box, the
sidebar and the songs page); the other pages, the scanner and the cover cache are made
the first time they are needed, so the window appears as fast as a bare one can.
"""

from __future__ import annotations

import functools
import gc
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rvibe_player import appinfo, paths
from rvibe_player import settings as keys
from rvibe_player.app.events import CacheRepaired, Launched, LibraryChanged, LibraryDamaged
from rvibe_player.app.session import PlayerSession
from rvibe_player.ui import startup_gc
from rvibe_player.ui.library.queries import LibraryQueries
from rvibe_player.ui.library.scan_signals import ScanSignals
from rvibe_player.ui.library.scan_status import ScanStatus
from rvibe_player.ui.library.search_box import SearchBox
from rvibe_player.ui.library.tracks_page import TracksPage, songs_summary
from rvibe_player.ui.shell import library_notices
from rvibe_player.ui.shell.actions import SEEK_STEP, VOLUME_STEP, ActionId, Handler, build_menus
from rvibe_player.ui.shell.gc_pacer import GcPacer
from rvibe_player.ui.shell.sidebar import Sidebar
from rvibe_player.ui.shell.store_side import StoreSide
from rvibe_player.ui.shell.widgets import Banner, WelcomePage
from rvibe_player.ui.shell.window_dialogs import WindowDialogs
from rvibe_player.ui.shell.window_files import WindowFiles
from rvibe_player.ui.shell.window_state import decoded, encoded, restore_layout, saved_layout

if TYPE_CHECKING:
    from rvibe_player.library.model import Track
    from rvibe_player.library.scanner import ScanReport
    from rvibe_player.ui.library.album_page import AlbumsPage
    from rvibe_player.ui.library.artists_page import ArtistsPage
    from rvibe_player.ui.library.playlist_actions import PlaylistActions
    from rvibe_player.ui.library.playlist_page import PlaylistPage
    from rvibe_player.ui.library.track_table import TrackTable
    from rvibe_player.ui.playback.playback_ui import PlaybackUi
    from rvibe_player.ui.relationship.bridge import RelationshipBridge
    from rvibe_player.ui.relationship.store_page import StorePage
    from rvibe_player.ui.shell.cover_cache import CoverCache
    from rvibe_player.ui.staff.desk_bridge import DeskBridge
    from rvibe_player.ui.staff.desk_page import DeskPage

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The player's window: views over a :class:`PlayerSession`, which does the wiring."""

    settings_applied = Signal()
    """The settings dialog wrote new settings (theme, playback, behaviour)."""

    def __init__(self, session: PlayerSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(appinfo.APP_NAME)  # a proper name, the same in every language
        self.setAcceptDrops(True)
        self.queries = LibraryQueries(session.library_path, self)
        self.gc_pacer: GcPacer | None = None  # made once the window is on screen
        saved: dict[str, Any] = session.settings.get(keys.UI_STATE)
        self._state = dict(saved)
        self.current_page = "tracks"
        self._shut_down = False
        self._quitting = False
        self.store_side = StoreSide(self)
        self.dialogs = WindowDialogs(self)
        self.files = WindowFiles(self)
        self._painted = False
        self._settled = False
        self._build()
        self._menus()
        self._connect()
        self._restore_state()

    def _first_screen(self) -> None:
        """The library's first screen of rows in the frame after the window's first: its
        first ids in the library's own order are one indexed query; the whole order (and
        the count) follows from the search thread."""
        first = self.session.reader.first_screen(self.searchbox.text(), 120)
        if first:
            self.songs.set_ids(first, "")

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if not self._painted and self.session.library.roots():
            # The rows go into the window's very first frame: one indexed query (a few ms)
            # costs less than a second frame. The rest waits for that frame (_first_load).
            self._first_screen()
            self.show_page(str(self._state.get("page", "tracks")))

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().paintEvent(event)
        if not self._painted:  # load the library once the window is on screen
            self._painted = True
            QTimer.singleShot(0, self._first_load)

    # -- the frame -------------------------------------------------------------------------

    def _build(self) -> None:
        self.searchbox = SearchBox(self.queries, str(self._state.get("sort", "")), self)
        self.search = self.searchbox.field
        self.search_error = self.searchbox.error
        self.addToolBar(self.searchbox.toolbar)
        self.sidebar = Sidebar()
        self.stack = QStackedWidget()
        self.welcome = WelcomePage(paths.default_music_dir())
        self.songs = TracksPage(self.session.reader, self.tr("Songs"))
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.songs)
        self.pages: dict[str, QWidget] = {"welcome": self.welcome, "tracks": self.songs}
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([200, 1000])
        self.banner = Banner()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.bar_slot = QWidget()  # the now-playing bar lands here once playback is open
        self.bar_slot.setFixedHeight(76)
        self.bar_layout = QVBoxLayout(self.bar_slot)
        self.bar_layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar_slot)
        self.central_layout = layout
        self.setCentralWidget(central)
        self.scan_status = ScanStatus()
        self.statusBar().addWidget(self.scan_status, 1)

    def _menus(self) -> None:
        """The menu bar, from the action table: one handler per action."""
        page = functools.partial
        handlers: dict[ActionId, Handler] = {
            ActionId.ADD_FOLDER: self.dialogs.choose_folder,
            ActionId.RESCAN: lambda: self.scans.scan(None),
            ActionId.NEW_PLAYLIST: lambda: self.playlist_actions.new(),
            ActionId.NEW_SMART_PLAYLIST: lambda: self.playlist_actions.new_smart(),
            ActionId.IMPORT_PLAYLIST: lambda: self.playlist_actions.import_file(),
            ActionId.QUIT: self.close,
            ActionId.FIND: self.searchbox.focus,
            ActionId.SETTINGS: self.dialogs.open_settings,
            ActionId.SHOW_ARTISTS: page(self.show_page, "artists"),
            ActionId.SHOW_ALBUMS: page(self.show_page, "albums"),
            ActionId.SHOW_SONGS: page(self.show_page, "tracks"),
            ActionId.SHOW_QUEUE: page(self.show_page, "queue"),
            ActionId.SHOW_STORE: page(self.show_page, "store"),
            ActionId.SHOW_DESK: page(self.show_page, "desk"),
            ActionId.PLAY_PAUSE: lambda: self.playback.player.toggle(),
            ActionId.NEXT: lambda: self.playback.player.next(),
            ActionId.PREVIOUS: lambda: self.playback.player.previous(),
            ActionId.SEEK_FORWARD: lambda: self.playback.player.seek_by(SEEK_STEP),
            ActionId.SEEK_BACK: lambda: self.playback.player.seek_by(-SEEK_STEP),
            ActionId.VOLUME_UP: lambda: self.playback.player.change_volume(VOLUME_STEP),
            ActionId.VOLUME_DOWN: lambda: self.playback.player.change_volume(-VOLUME_STEP),
            ActionId.SHORTCUTS: self.dialogs.open_shortcuts,
            ActionId.PROBLEMS: self.dialogs.open_problems,
        }
        self.handlers = handlers
        self.menu_actions = build_menus(self, handlers)

    def run_action(self, action: ActionId) -> None:
        """Do what the action table says ``action`` does (a key, a menu, a tray click)."""
        self.menu_actions[action].trigger()

    def _connect(self) -> None:
        self.sidebar.page_selected.connect(self.show_page)
        self.sidebar.playlist_selected.connect(self.show_playlist)
        self.sidebar.playlist_menu_requested.connect(
            lambda playlist_id, where: self.playlist_actions.context_menu(playlist_id, where)
        )
        self.searchbox.found.connect(self._on_searched)
        self.songs.model.sort_requested.connect(self._sort_by)
        self._wire_table(self.songs.table)
        self.welcome.folder_chosen.connect(self.add_folder)
        self.welcome.choose_requested.connect(self.dialogs.choose_folder)
        self.scans = ScanSignals(self.session, self)
        self.scans.started.connect(self.scan_status.on_started)
        self.scans.progressed.connect(self.scan_status.on_progress)
        self.scans.finished.connect(self._on_scan_finished)
        self.scans.failed.connect(self.scan_status.on_failed)
        self.scan_status.cancel_requested.connect(self.scans.cancel)
        self.scan_status.details_requested.connect(self.dialogs.open_problems)
        self.session.events.subscribe(LibraryChanged, lambda _event: self.reload())
        self.session.events.subscribe(
            LibraryDamaged,
            lambda event: self.banner.show_message(library_notices.damaged(event.problem)),
        )
        self.session.events.subscribe(Launched, lambda event: self.files.open(list(event.paths)))
        self.session.events.subscribe(
            CacheRepaired,
            lambda event: self.banner.show_message(library_notices.cache_repaired(event.repair)),
        )

    def _wire_table(self, table: TrackTable) -> None:
        """Connect the actions every library track table shares."""
        table.reveal_requested.connect(self.dialogs.reveal)
        table.info_requested.connect(self.dialogs.open_track_info)
        table.play_requested.connect(self.play_tracks)
        table.play_next_requested.connect(self.play_next)
        table.enqueue_requested.connect(self.enqueue)
        table.add_to_playlist_requested.connect(
            lambda ids: self.playlist_actions.add_to_menu(ids, QCursor.pos())
        )
        self._tables.append(table)

    @functools.cached_property
    def _tables(self) -> list[TrackTable]:
        return []

    def track_tables(self) -> list[TrackTable]:
        """Every table of library tracks made so far (they share actions)."""
        return list(self._tables)

    # -- pages made on first use -------------------------------------------------------------

    @functools.cached_property
    def _lazy_pages(self) -> dict[str, Callable[[], QWidget]]:
        """Pages made the first time they are shown, by name."""
        return {
            "albums": lambda: self.albums,
            "artists": lambda: self.artists,
            "queue": lambda: self.queue_page,
            "store": lambda: self.store_side.store_page,
            "desk": lambda: self.store_side.desk_page,
            "playlist": lambda: self.playlist_page,
        }

    def add_page(self, name: str, page: QWidget) -> None:
        """A page made on first use joins the stack."""
        self.pages[name] = page
        self.stack.addWidget(page)

    @functools.cached_property
    def covers(self) -> CoverCache:
        from rvibe_player.ui.shell.cover_cache import CoverCache

        return CoverCache(self.session.cache_dir / "covers", parent=self)

    @functools.cached_property
    def albums(self) -> AlbumsPage:
        from rvibe_player.ui.library.album_page import AlbumsPage

        page = AlbumsPage(self.session.reader, self.covers)
        self.add_page("albums", page)
        self.queries.albums_ready.connect(page.set_albums)
        self.queries.album_tracks_ready.connect(self._on_album_tracks)
        page.album_opened.connect(self.queries.album_tracks)
        self._wire_table(page.detail.table)
        self.queries.albums()
        return page

    @functools.cached_property
    def artists(self) -> ArtistsPage:
        from rvibe_player.ui.library.artists_page import ArtistsPage

        page = ArtistsPage(self.session.reader)
        self.add_page("artists", page)
        if splitter := self._state.get("artists_splitter"):
            page.splitter.restoreState(decoded(splitter))
        self.queries.artists_ready.connect(page.set_artists)
        self.queries.artist_tracks_ready.connect(
            lambda ids: page.tracks.set_ids(ids, songs_summary(len(ids), ""))
        )
        page.artist_chosen.connect(self.queries.artist_tracks)
        self._wire_table(page.tracks.table)
        self.queries.artists()
        return page

    @functools.cached_property
    def playlist_page(self) -> PlaylistPage:
        from rvibe_player.ui.library.playlist_page import PlaylistPage

        page = PlaylistPage(self.session.playlists, self.session.reader)
        self.add_page("playlist", page)
        page.play_requested.connect(self.play_tracks)
        self.queries.smart_ready.connect(self._on_smart)
        self._wire_table(page.smart_page.table)
        return page

    @functools.cached_property
    def queue_page(self) -> QWidget:
        from rvibe_player.ui.playback.queue_page import QueuePage

        page = QueuePage(self.playback.player, self.session.library)
        self.add_page("queue", page)
        return page

    @functools.cached_property
    def playback(self) -> PlaybackUi:
        """The player and everything that shows it (opened once the window is painted)."""
        from rvibe_player.ui.playback.playback_ui import PlaybackUi

        playback = PlaybackUi(
            self, self.session, self.covers, self.show_and_raise, self.quit, self.run_action
        )
        self.bar_layout.addWidget(playback.bar)
        playback.player.problem.connect(lambda text: self.statusBar().showMessage(text, 15_000))
        playback.player.track_changed.connect(self._track_changed)
        self.settings_applied.connect(playback.settings_changed)
        if playback.player.unavailable:
            self.banner.show_message(playback.player.unavailable)
        return playback

    # -- playing -----------------------------------------------------------------------------

    def play_tracks(self, track_ids: list[int], start: int) -> None:
        """Replace the queue with these tracks and play from ``start``."""
        self.playback.player.play_tracks(track_ids, start)

    def play_next(self, track_ids: list[int]) -> None:
        """Queue tracks right after the current one, and say so."""
        self.playback.player.play_next(track_ids)
        message = self.tr("%n song(s) will play next.", "", len(track_ids))
        self.statusBar().showMessage(message, 5000)

    def enqueue(self, track_ids: list[int]) -> None:
        """Queue tracks at the end, and say so."""
        self.playback.player.enqueue(track_ids)
        message = self.tr("%n song(s) will play at the end of the queue.", "", len(track_ids))
        self.statusBar().showMessage(message, 5000)

    def _track_changed(self, track: Track | None) -> None:
        for table in self._tables:
            table.tracks.set_current_track(track.id if track is not None else None)
        title = track.display_title if track is not None else ""
        if title:
            self.setWindowTitle(self.tr("%1 — rVibe Player").replace("%1", title))
        else:
            self.setWindowTitle(appinfo.APP_NAME)

    def show_and_raise(self) -> None:
        """Bring the window back (from the tray, or a desktop media control)."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    def quit(self) -> None:
        """Quit the player for real (also when closing only hides the window)."""
        self._quitting = True
        self.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    # -- the store side (made by StoreSide, reached through the window) ---------------------

    @property
    def relationship(self) -> RelationshipBridge:
        return self.store_side.relationship

    @property
    def store_page(self) -> StorePage:
        return self.store_side.store_page

    @property
    def desk_bridge(self) -> DeskBridge:
        return self.store_side.desk_bridge

    @property
    def desk_page(self) -> DeskPage:
        return self.store_side.desk_page

    @functools.cached_property
    def playlist_actions(self) -> PlaylistActions:
        from rvibe_player.ui.library.playlist_actions import PlaylistActions

        actions = PlaylistActions(self.session.playlists, self)
        actions.changed.connect(self.reload_playlists)
        actions.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        return actions

    def made(self, attribute: str) -> bool:
        """Whether a part made on first use (``playback``, ``albums``...) exists yet."""
        return attribute in self.__dict__

    # -- showing things ----------------------------------------------------------------------

    def _sort_by(self, key: str, descending: bool) -> None:
        if self._painted:
            self.searchbox.sort_by(key, descending)
        else:  # the header's restored sort: the whole order is asked for after the first
            self.searchbox.set_sort(key, descending)  # frame (a search now would hold the GIL)

    def _first_load(self) -> None:
        # The pacer's event filter sees every event of the app, and a Python filter makes
        # PySide build a wrapper type (with its enums) for each new kind of event: installed
        # before the first paint, it made building the window take twice as long.
        app = QApplication.instance()
        startup_gc.release()  # the start's objects are made: young collections as usual
        if app is not None and self.gc_pacer is None:
            self.gc_pacer = GcPacer(app, parent=self)
        care = self.session.care
        if care.repair is not None:
            self.banner.show_message(library_notices.repaired(care.repair))
        elif care.restored is not None:
            self.banner.show_message(library_notices.restored(care.restored))
        self.reload_playlists()
        if not self.session.library.roots():
            self.show_page("welcome")
            self._settle()
            return
        # The first screen of rows is in the first frame (showEvent). The audio output, the
        # store's pages and the library's check wait until the whole order has come and been
        # drawn (they would hold the GUI thread and the GIL that the search thread needs),
        # half a second at most.
        self.searchbox.found.connect(self._settle_soon, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(500, self._settle)
        if not self.queries.waiting():  # a search typed meanwhile has asked already
            self.searchbox.run()

    def _settle_soon(self, *_found: object) -> None:
        QTimer.singleShot(20, self._settle)  # after the rows' paint

    def _settle(self) -> None:
        """What start-up does once the library is on screen (once)."""
        if self._settled or self._shut_down or self.session.closed:
            return  # done, or the window closed before the fallback timer fired
        self._settled = True
        self.playback  # noqa: B018 - opens the audio output and restores the queue
        # What exists now (modules, Qt wrappers, the window) lives as long as the app: keep it
        # out of the cyclic GC's full passes, which stop every thread (see ui/gc_pacer.py).
        gc.freeze()
        self.store_side.open()
        self.session.started()
        if self.session.library.roots():  # else the first scan's end starts it
            self.session.start_watching()

    def show_page(self, name: str) -> None:
        """Show one page (making it if needed) and highlight it in the sidebar."""
        make = self._lazy_pages.get(name)
        if make is not None:
            make()
        self.stack.setCurrentWidget(self.pages.get(name, self.songs))
        if name in self.sidebar.pages:
            self.sidebar.select_page(name)
        self.current_page = name if name in self.pages else "tracks"

    def reload(self) -> None:
        """Ask again for everything the pages made so far show."""
        self.searchbox.run()
        if self.made("albums"):
            self.queries.albums()
        if self.made("artists"):
            self.queries.artists()
        if self.made("playlist_page"):
            self.playlist_page.reload()
            info = self.playlist_page.info
            if info is not None and info.smart and info.query is not None:
                self.queries.smart(info.query)

    def reload_playlists(self) -> None:
        """Refresh the sidebar's playlists and the one shown."""
        playlists = self.session.playlists.playlists()
        self.sidebar.set_playlists(playlists)
        if not self.made("playlist_page") or self.playlist_page.info is None:
            return
        shown = self.playlist_page.info
        fresh = next((p for p in playlists if p.id == shown.id), None)
        if fresh is None:
            self.playlist_page.info = None
            if self.stack.currentWidget() is self.playlist_page:
                self.show_page("tracks")
        elif self.stack.currentWidget() is self.playlist_page:
            self.show_playlist(fresh.id)

    def show_playlist(self, playlist_id: int) -> None:
        """Show one playlist's page."""
        try:
            info = self.session.playlists.playlist(playlist_id)
        except KeyError:
            return
        self.playlist_page.show_playlist(info)
        self.stack.setCurrentWidget(self.playlist_page)
        self.current_page = "tracks"
        if info.smart and info.query is not None:
            self.queries.smart(info.query)

    def _on_smart(self, ids: object, error: object) -> None:
        if error is None and isinstance(ids, list):
            self.playlist_page.show_results(ids)

    def _on_album_tracks(self, ids: list[int]) -> None:
        rows = self.session.library.tracks(ids)
        self.albums.show_album_tracks(ids, sum(t.duration for t in rows))

    # -- search ------------------------------------------------------------------------------

    def _on_searched(self, ids: list[int], query: str) -> None:
        self.songs.set_ids(ids, songs_summary(len(ids), query))
        if query.strip() and self.stack.currentWidget() is not self.songs:
            self.show_page("tracks")

    # -- library folders and scans ---------------------------------------------------------

    def add_folder(self, folder: str) -> None:
        """Add a library folder and scan it."""
        self.session.add_folder(folder)
        if self.stack.currentWidget() is self.welcome:
            self.show_page("tracks")

    def _on_scan_finished(self, report: ScanReport) -> None:
        self.scan_status.on_finished(report)
        if report.offline_roots:
            names = QLocale().createSeparatedList([path for path, _ in report.offline_roots])
            self.banner.show_message(
                self.tr(
                    "Not connected: %1. Its tracks stay in your library and play again when "
                    "the disk is back."
                ).replace("%1", names)
            )

    # -- drag and drop of files and folders --------------------------------------------------

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        self.files.drop(local)
        event.acceptProposedAction()

    # -- window state ------------------------------------------------------------------------

    def _restore_state(self) -> None:
        restore_layout(self, self._state)

    def save_state(self) -> None:
        """Remember geometry, splitters, columns, sort and page."""
        state = {**self._state, **saved_layout(self), "sort": self.searchbox.sort}
        state["page"] = self.current_page
        if self.made("artists"):
            state["artists_splitter"] = encoded(self.artists.splitter.saveState())
        self.session.settings.set(keys.UI_STATE, state)

    def shutdown(self) -> None:
        """Save the window's state and stop background work (safe to call twice)."""
        if self._shut_down:
            return
        self._shut_down = True
        if self.gc_pacer is not None:
            self.gc_pacer.stop()
        self.save_state()
        self.store_side.close()
        if self.made("playback"):
            self.playback.close()
        self.scans.cancel()
        self.queries.close()
        if self.made("covers"):
            self.covers.wait()

    def closeEvent(self, event: QCloseEvent) -> None:
        to_tray = (
            not self._quitting
            and self.session.settings.get(keys.CLOSE_TO_TRAY)
            and self.made("playback")
            and self.playback.tray.available
        )
        if to_tray:  # music goes on; the tray brings the window back
            self.hide()
            event.ignore()
            return
        self.shutdown()
        super().closeEvent(event)
