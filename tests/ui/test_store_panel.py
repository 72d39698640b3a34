"""The relationship panel against the real store on 127.0.0.1: sign in, hear, reply, sign out."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from rvibe_player.library.database import transaction
from rvibe_player.library.tags import TrackTags
from rvibe_player.store_client.model import MessageState
from rvibe_player.store_server.models import ListenerAlbum
from rvibe_player.ui.relationship.sharing_dialog import SharingDialog
from scripts.make_corpus import Manifest
from tests.helpers.memory_keyring import MemoryKeyring
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.conftest import curator, listener, releases, store, store_server  # noqa: F401
from tests.store_client.helpers import curator_notes, curator_picks, curator_says, shared_plays
from tests.ui.a11y import unnamed_on_every_tab

pytestmark = pytest.mark.gui

HOSTILE = '<b>Welcome</b> <script>alert("x")</script> &amp; <img src=x onerror=alert(1)>'


@pytest.fixture
def panel_window(open_window, store: LiveServer, monkeypatch: pytest.MonkeyPatch, qtbot):  # type: ignore[no-untyped-def]  # noqa: F811
    monkeypatch.setenv("RVIBE_STORE_URL", store.url)
    window = open_window()
    qtbot.waitUntil(lambda: window.relationship.relationship is not None, timeout=15_000)
    return window


def sign_in(window, qtbot, username: str) -> None:  # type: ignore[no-untyped-def]
    relationship = window.relationship.relationship
    done: list[object] = []
    window.relationship.run(relationship.sign_in, username, PASSWORD,
                            then=lambda result, error: done.append(error or "ok"))  # fmt: skip
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    assert done == ["ok"], done


def test_sign_in_notes_picks_conversation_and_sign_out(
    panel_window, store: LiveServer, curator: Actor, listener: Actor,  # noqa: F811
    releases: list[int], memory_keyring: MemoryKeyring, qtbot,  # noqa: F811
) -> None:  # fmt: skip
    window = panel_window
    page = window.store_page
    window.show_page("store")
    qtbot.waitUntil(lambda: page.currentWidget() is page.signed_out, timeout=10_000)
    sign_in(window, qtbot, listener.username)
    qtbot.waitUntil(lambda: page.currentWidget() is page.main, timeout=10_000)
    assert any(key[1].startswith("store-session") for key in memory_keyring.secrets)
    qtbot.waitUntil(lambda: page.curator.name.text() == "Mira", timeout=10_000)

    window.show_page("tracks")  # away from the panel: the news must reach the badge and tray
    curator_notes(curator, listener.id, HOSTILE)
    curator_picks(curator, listener.id, "Quiet and warm <i>really</i>.", release_id=releases[0])
    curator_says(curator, listener.id, "Hi Sam — " + HOSTILE)
    qtbot.waitUntil(lambda: "(3)" in window.sidebar.pages["store"].text(0)
                    or "(2)" in window.sidebar.pages["store"].text(0), timeout=10_000)  # fmt: skip

    def notified(prefix: str) -> bool:
        return any(title.startswith(prefix) for title, _ in window.playback.tray.notified)

    qtbot.waitUntil(lambda: notified("Message from") and notified("New pick from"), timeout=10_000)
    tray = window.playback.tray
    assert tray.unread in (2, 3) and "unread from your curator" in tray.icon.toolTip()
    # Hidden, the page draws nothing (its cards change with every scanned batch); shown, all.
    assert page.picks.cards == [] and page.notes.cards == []
    window.show_page("store")
    qtbot.waitUntil(lambda: len(page.notes.cards) == 1 and len(page.picks.cards) == 1
                    and page.conversation.model.rowCount() == 2, timeout=10_000)  # fmt: skip

    # Text from the network is shown as text, never as HTML.
    note = page.notes.cards[0]
    assert note.body.text() == HOSTILE
    assert note.body.textFormat() == Qt.TextFormat.PlainText
    pick = page.picks.cards[0]
    assert pick.reason.textFormat() == Qt.TextFormat.PlainText
    assert "<i>really</i>" in pick.reason.text()
    # The library is checked for the pick's artist once it arrives ("Checking…" until then).
    qtbot.waitUntil(
        lambda: "Not in your library" in page.picks.cards[0].ownership.text(), timeout=10_000
    )
    bubble = page.conversation.model.index(1, 0)
    assert bubble.data(Qt.ItemDataRole.DisplayRole) == "Hi Sam — " + HOSTILE

    # Looking at the panel reads the conversation: the badge goes.
    qtbot.waitUntil(lambda: "(" not in window.sidebar.pages["store"].text(0), timeout=10_000)
    assert tray.unread == 0 and "unread" not in tray.icon.toolTip()

    # Reply from the composer: a pending bubble at once, sent, at the store exactly once.
    composer = page.conversation.composer
    QTest.keyClicks(composer.editor, "Thanks! <b>more</b> please")
    QTest.keyClick(composer.editor, Qt.Key.Key_Return)
    assert composer.editor.toPlainText() == ""
    mine = lambda: [r for r in page.conversation.model.rows if getattr(r, "mine", False)]  # noqa: E731
    qtbot.waitUntil(lambda: len(mine()) == 1, timeout=5_000)
    qtbot.waitUntil(lambda: mine()[0].state in (MessageState.SENT, MessageState.READ),
                    timeout=10_000)  # fmt: skip
    context = curator.api.get(f"/v1/staff/listeners/{listener.id}/context").json()
    sent = [m["body"] for m in context["conversation"]["messages"] if m["from"] == "listener"]
    assert sent == ["Thanks! <b>more</b> please"]

    # A curator's message arrives in the panel by itself (the long-poll; bench/sync.py
    # measures how fast).
    curator_says(curator, listener.id, "Try the Alice Coltrane record.")
    qtbot.waitUntil(lambda: page.conversation.model.rowCount() == 4, timeout=10_000)

    # Signing out forgets the token.
    page.sign_out()
    qtbot.waitUntil(lambda: page.currentWidget() is page.signed_out, timeout=10_000)
    assert not any(key[1].startswith("store-session") for key in memory_keyring.secrets)


def test_sign_in_dialog_says_what_is_wrong(qtbot) -> None:  # type: ignore[no-untyped-def]
    from rvibe_player.ui.shell.sign_in_dialog import SignInDialog

    dialog = SignInDialog("http://127.0.0.1:1234", "No keyring: you will sign in each time.")
    qtbot.addWidget(dialog)
    submitted: list[tuple[str, str, bool]] = []
    dialog.submitted.connect(lambda *args: submitted.append(args))
    dialog._submit()
    assert submitted == [] and "user name and password" in dialog.problem.text()
    assert not dialog.remember.isChecked()  # nothing to remember it in
    QTest.keyClicks(dialog.username, "sam")
    QTest.keyClicks(dialog.password, "secret")
    dialog._submit()
    assert submitted == [("sam", "secret", False)]
    dialog.show_problem("The user name or password is not right.")
    assert dialog.buttons.isEnabled()


def test_with_no_store_configured_the_demo_store_runs_and_stops_with_the_player(
    open_window, monkeypatch: pytest.MonkeyPatch, qtbot
) -> None:
    import os

    monkeypatch.delenv("RVIBE_STORE_URL", raising=False)
    window = open_window()
    page = window.store_page
    qtbot.waitUntil(lambda: page.currentWidget() is page.main, timeout=60_000)
    window.show_page("store")  # the page draws when it is shown
    qtbot.waitUntil(lambda: page.curator.name.text() == "Mira Okafor", timeout=20_000)
    qtbot.waitUntil(lambda: page.conversation.model.rowCount() > 0, timeout=20_000)
    session = window.session.store
    assert session is not None and session.embedded is not None
    pid = session.embedded.pid
    assert pid is not None and session.embedded.running
    assert session.relationship.store_url.startswith("http://127.0.0.1:")
    window.close()  # quitting the player stops the store: the window, then its session,
    window.session.close()  # as application.run() does when the event loop ends
    assert session.embedded.pid is None or not session.embedded.running
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_sharing_dialog_shows_what_would_be_sent_and_the_choice_reaches_the_store(
    scanned_library: Manifest, panel_window, store: LiveServer, curator: Actor,  # noqa: F811
    listener: Actor, memory_keyring: MemoryKeyring, qtbot,  # noqa: F811
) -> None:  # fmt: skip
    window = panel_window
    sign_in(window, qtbot, listener.username)
    db = window.session.library
    root = db.add_root("/music")
    with transaction(db.conn):
        tags = TrackTags(title="Blue", artist="Mara Quist", genre="Jazz")
        track = db.insert_track(root, "/music/blue.flac", 1, 0, b"b" * 16, tags)
    db.record_play(track)
    curator.api.get(f"/v1/staff/listeners/{listener.id}/context")  # a visit on the record

    dialog = SharingDialog(window.relationship, window)
    qtbot.addWidget(dialog)
    buttons = {b.property("level"): b for b in dialog.group.buttons()}
    assert buttons["off"].isChecked(), "off by default"
    assert "Nothing" in dialog.preview.text()
    buttons["summary"].setChecked(True)
    assert '"artist": "Mara Quist"' in dialog.preview.text()
    assert "Blue" not in dialog.preview.text(), "a summary sends no titles"
    buttons["full"].setChecked(True)
    assert '"title": "Blue"' in dialog.preview.text()
    qtbot.waitUntil(lambda: dialog.log.item(0, 1) is not None
                    and dialog.log.item(0, 1).text() == "Mira", timeout=10_000)  # fmt: skip

    buttons["summary"].setChecked(True)
    dialog.accept()
    level = lambda: curator.api.get(f"/v1/staff/listeners/{listener.id}/context").json()  # noqa: E731
    qtbot.waitUntil(lambda: level()["sharing"]["level"] == "summary", timeout=10_000)

    # A play the player counts from now on leaves at once: the session wakes the outbox when
    # the player counts it (without that, the next idle check is 30 s away). The real player
    # plays a real (1-second) file; half of it heard is a counted play.
    time.sleep(1.1)  # the play log's times are in seconds: later than the opt-in
    counted: list[int] = []
    window.playback.player.play_counted.connect(counted.append)
    corpus = str(scanned_library.root)
    every = db.tracks(window.session.reader.search_ids(""))
    real = [t.id for t in every if t.path.startswith(corpus) and t.duration > 0][:1]
    window.play_tracks(real, 0)
    qtbot.waitUntil(lambda: counted == real, timeout=10_000)
    qtbot.waitUntil(lambda: shared_plays(store, listener)[0] == 1, timeout=10_000)


def test_a_pick_opens_as_the_release_with_its_tracks_prices_and_previews(
    panel_window, store: LiveServer, curator: Actor, listener: Actor,  # noqa: F811
    releases: list[int], qtbot,  # noqa: F811
) -> None:  # fmt: skip
    window = panel_window
    page = window.store_page
    sign_in(window, qtbot, listener.username)
    curator_picks(curator, listener.id, "Side B, late at night.", release_id=releases[1])
    window.show_page("store")
    qtbot.waitUntil(lambda: len(page.picks.cards) == 1, timeout=10_000)
    relationship = window.relationship.relationship
    qtbot.waitUntil(lambda: relationship.release(releases[1]) is not None, timeout=10_000)
    release = relationship.release(releases[1])
    page.picks.cards[0].open_in_store.click()
    view = page.release_view
    qtbot.waitUntil(view.isVisible, timeout=5_000)
    assert view.tracks.rowCount() == len(release.tracks) > 0
    first = release.tracks[0]
    assert view.tracks.item(0, 1).text() == first.title
    assert view.tracks.item(0, 3).text(), "each track's price"
    previews: list[tuple[str, str]] = []
    view.preview_requested.disconnect()
    view.preview_requested.connect(lambda url, what: previews.append((url, what)))
    view.tracks.cellWidget(0, 4).click()
    assert previews == [(first.preview_url, f"{first.title} — {release.artist}")]
    assert first.preview_url.startswith(store.url + "/v1/catalog/tracks/")
    assert not unnamed_on_every_tab(view), "the release view names its controls"
    view.close()


def test_the_album_list_is_a_choice_of_its_own_with_its_preview(
    panel_window, store: LiveServer, listener: Actor, memory_keyring: MemoryKeyring, qtbot,  # noqa: F811
) -> None:  # fmt: skip
    window = panel_window
    sign_in(window, qtbot, listener.username)
    db = window.session.library
    root = db.add_root("/music")
    with transaction(db.conn):
        tags = TrackTags(title="Blue", artist="Mara Quist", album="Tide")
        db.insert_track(root, "/music/secret folder/blue.flac", 1, 0, b"t" * 16, tags)
    dialog = SharingDialog(window.relationship, window)
    qtbot.addWidget(dialog)
    assert not dialog.albums.isChecked(), "off by default"
    assert "not sent" in dialog.albums_preview.text()
    dialog.albums.setChecked(True)
    assert '"album": "Tide"' in dialog.albums_preview.text()
    assert "secret folder" not in dialog.albums_preview.text(), "never a path"
    dialog.accept()

    def albums() -> list[str]:
        with store.store.db.read() as session:
            return list(session.scalars(select(ListenerAlbum.album)))

    qtbot.waitUntil(lambda: albums() == ["Tide"], timeout=10_000)
    again = SharingDialog(window.relationship, window)
    qtbot.addWidget(again)
    assert again.albums.isChecked()
    again.albums.setChecked(False)
    again.accept()
    qtbot.waitUntil(lambda: albums() == [], timeout=10_000)
