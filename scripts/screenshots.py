"""Renders the player's main views offscreen at 1280x800, in light and dark, for review.

Usage: python scripts/screenshots.py OUT_DIR [--tracks N]

A generated library (ffmpeg required) is scanned into a temporary profile, so the shots
never touch the user's own library or settings. The folder is not committed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _settle(app: object, seconds: float = 0.6, until: Callable[[], bool] | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        if until is not None and until():
            break
        time.sleep(0.01)


def _store_shots(app: object, window: object, out: Path) -> None:
    """The relationship panel: the demo store's busy relationship, offline, signed out."""
    from rvibe_player.store_client.model import Connection

    w: Any = window
    w.show_page("store")
    page = w.store_page
    _settle(app, 30.0, until=lambda: page.currentWidget() is page.main
            and page.conversation.model.rowCount() > 2)  # fmt: skip
    _settle(app, 1.0)
    w.grab().save(str(out / "store-light.png"))
    cards = [c for c in page.picks.cards if hasattr(c, "open_in_store")]
    if cards:  # a pick the listener does not own: the release as the store has it
        cards[0].open_in_store.click()
        _settle(app, 0.8)
        page.release_view.grab().save(str(out / "store-release-light.png"))
        page.release_view.close()
    from rvibe_player.ui.relationship.sharing_dialog import SharingDialog

    sharing = SharingDialog(w.relationship, w)
    sharing.albums.setChecked(True)
    sharing.show()
    _settle(app, 0.5)
    sharing.grab().save(str(out / "store-sharing-light.png"))
    sharing.reject()
    session = w.session.store
    if session is not None and session.embedded is not None:
        session.embedded.stop()  # the store goes away: what is cached stays readable
        page.conversation.composer.editor.setPlainText("Are you around this weekend?")
        page.conversation.composer._send()
        _settle(app, 20.0, until=lambda: w.relationship.status.connection is Connection.OFFLINE)
        _settle(app, 0.5)
        w.grab().save(str(out / "store-offline-light.png"))
    relationship = w.relationship.relationship
    if relationship is not None:
        relationship.sign_out(forget_local_copy=True)
        page.refresh()
        page.setCurrentWidget(page.signed_out)
        _settle(app, 0.5)
        w.grab().save(str(out / "store-signed-out-light.png"))


def _staff_shots(app: object, window: object, out: Path, theme: str) -> None:
    """The curator's desk on the demo store: inbox, a context, a pick search, a crate
    preview, and the collision notice while the covering curator types to the listener."""
    from rvibe_player.core.store_protocol import DEMO_COVER, DEMO_CURATOR
    from rvibe_player.store_client.api import StoreApi
    from rvibe_player.store_client.model import Connection

    w: Any = window
    _settle(app, 30.0, until=lambda: w.desk_bridge.desk is not None)
    desk = w.desk_bridge.desk
    settled = (Connection.ONLINE, Connection.SIGNED_OUT, Connection.OFFLINE)
    _settle(app, 20.0, until=lambda: desk.status.connection in settled)
    if not desk.signed_in:
        desk.sign_in(*DEMO_CURATOR)
    w.show_page("desk")
    page = w.desk_page
    _settle(app, 20.0, until=lambda: len(page.inbox_model.rows) > 10 and page.current is not None)
    _settle(app, 2.0)
    w.grab().save(str(out / f"staff-inbox-{theme}.png"))
    waiting = next((n for n, r in enumerate(page.inbox_model.rows) if r.sharing_level != "off"), 0)
    page.open_row(waiting)
    _settle(app, 3.0, until=lambda: page.panel.context is not None)
    _settle(app, 1.0)
    w.grab().save(str(out / f"staff-context-{theme}.png"))
    dialog = page.doing.open_pick(page.current or 0)
    if dialog is not None:
        _settle(app, 5.0, until=lambda: dialog.searches > 0)
        dialog.reason.setText("The bass lines on side A: you said you wanted warmth.")
        _settle(app, 0.5)
        dialog.grab().save(str(out / f"staff-pick-{theme}.png"))
        dialog.reject()
    rows = list(page.inbox_model.rows[:12])
    owned = next((c.owned[0] for r in rows if (c := desk.fetch_context(r.listener_id)).owned), None)
    crate = page.doing.open_crate(rows, page.filter, "")
    if crate is not None:
        _settle(app, 5.0, until=lambda: crate.searches > 0)
        crate.choose(int(crate.releases.item(0).data(256)))
        if owned is not None:  # an album one of them owns: the preview leaves it out for them
            searched = crate.searches
            crate.search.setText(f"{owned[0]} {owned[1]}")
            _settle(app, 5.0, until=lambda: crate.searches > searched)
            for n in range(crate.releases.count()):
                if crate.releases.item(n).text().startswith(owned[1]):
                    crate.choose(int(crate.releases.item(n).data(256)))
        crate.template.setText("{{first_name}}, two new arrivals I think you'll like.")
        crate.fill_lines()
        asked = crate.previews
        crate.run_preview()
        _settle(app, 5.0, until=lambda: crate.previews > asked)
        _settle(app, 0.5)
        crate.grab().save(str(out / f"staff-crate-{theme}.png"))
        crate.reject()
    api = StoreApi(desk.store_url)
    signed = api.login(*DEMO_COVER)
    colleague = StoreApi(desk.store_url, signed.token)
    colleague.staff_presence(page.current or 0, "typing")
    _settle(app, 10.0, until=lambda: page.panel.collision.isVisible())
    _settle(app, 0.5)
    w.grab().save(str(out / f"staff-collision-{theme}.png"))
    colleague.staff_presence(page.current or 0, "gone")
    colleague.close()
    api.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--tracks", type=int, default=240)
    parser.add_argument("--only", choices=("staff",), help="only the curator desk's shots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="rvibe-shots-"))
    for var, sub in (("RVIBE_CONFIG_DIR", "config"), ("RVIBE_DATA_DIR", "data"),
                     ("RVIBE_CACHE_DIR", "cache"), ("RVIBE_LOG_DIR", "log")):  # fmt: skip
        os.environ[var] = str(profile / sub)

    from rvibe_player import settings as keys
    from rvibe_player.library.scanner import Scanner
    from rvibe_player.ui.shell.application import build_window, create_application, open_session
    from scripts.make_corpus import generate

    music = profile / "Music"
    generate(music, args.tracks, seed=3)
    app = create_application([sys.argv[0]])
    empty_session = open_session(app)
    window = build_window(app, empty_session)
    window.resize(1280, 800)
    window.show()
    _settle(app)
    window.grab().save(str(args.out / "welcome-light.png"))
    window.close()
    empty_session.close()

    Scanner(empty_session.library_path).scan([str(music)])
    for theme in ("light", "dark"):
        session = open_session(app)
        session.settings.set(keys.THEME, theme)
        window = build_window(app, session)
        window.resize(1280, 800)
        window.show()
        _settle(app, 1.5, until=lambda w=window: w.songs.model.rowCount() > 0)
        ids = list(window.songs.model.ids())
        window.play_tracks(ids[3:12], 0)
        _settle(app, 1.0)
        window.playback.player.pause()
        window.playback.player.seek(0.4)
        shots: list[tuple[str, Callable[[], None]]] = (
            []
            if args.only
            else [
                ("songs", lambda w=window: w.show_page("tracks")),
                ("albums", lambda w=window: w.show_page("albums")),
                (
                    "album",
                    lambda w=window: w.albums.grid.album_activated.emit(
                        w.albums.grid.albums.album(1)
                    ),
                ),
                ("artists", lambda w=window: w.show_page("artists")),
                ("queue", lambda w=window: w.show_page("queue")),
                ("search", lambda w=window: w.search.setText("love year:>1990")),
                ("search-error", lambda w=window: w.search.setText("year:>abc")),
            ]
        )
        for name, action in shots:
            action()
            _settle(app, 1.2)
            window.covers.wait()
            _settle(app, 0.3)
            window.grab().save(str(args.out / f"{name}-{theme}.png"))
        window.search.setText("")
        _staff_shots(app, window, args.out, theme)
        if theme == "light" and not args.only:
            _store_shots(app, window, args.out)
        window.close()
        session.close()
    print(f"screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
