"""A whole listening session with no Qt: scan, play, and the counted play shared with the store.

The session runs in a child process so that ``PySide6 not in sys.modules`` means something
(this test process has Qt loaded by pytest-qt). The child talks to the real store on
127.0.0.1 that the fixtures run here; the parent checks what reached the store.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.make_corpus import Manifest
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.conftest import curator, listener, store, store_server  # noqa: F401
from tests.store_client.helpers import shared_plays

SESSION = """
import json, sys, time
from rvibe_player.app.events import LibraryChanged, RelationshipOpened, ScanFinished
from rvibe_player.app.session import build_session
from rvibe_player.playback.play_stats import PlayCounted
from rvibe_player.playback.dispatch import QueueDispatcher
from rvibe_player.playback.null_backend import NullBackend
from rvibe_player.store_client.model import Connection

corpus, username, password = sys.argv[1:4]
dispatcher = QueueDispatcher()
session = build_session(dispatcher.post)
seen = {"finished": [], "changed": 0, "opened": [], "counted": []}
session.events.subscribe(ScanFinished, seen["finished"].append)
session.events.subscribe(LibraryChanged, lambda e: seen.__setitem__("changed", seen["changed"] + 1))
session.events.subscribe(RelationshipOpened, seen["opened"].append)

session.add_folder(corpus)
assert dispatcher.run_until(lambda: seen["finished"], 120), "the scan finished"
session.open_relationship()
assert dispatcher.run_until(lambda: seen["opened"], 60), "the relationship opened"
relationship = session.relationship
relationship.sign_in(username, password)
relationship.set_sharing("summary")
online = lambda: relationship.status.connection is Connection.ONLINE
assert dispatcher.run_until(lambda: online() and relationship.state().waiting_to_send == 0, 30)
time.sleep(1.1)  # the play log counts seconds: this play comes after the opt-in

player = session.start_player(backend=NullBackend(dispatcher.post, tick_interval=0.05))
player.add_listener(lambda e: isinstance(e, PlayCounted) and seen["counted"].append(e.track_id))
ids = [t.id for t in session.library.tracks(session.reader.search_ids("")) if t.duration > 0]
player.play_tracks(ids[:1])
assert dispatcher.run_until(lambda: seen["counted"], 30), "half the track heard: a play"
print(json.dumps({"tracks": len(ids), "counted": seen["counted"],
                  "library_changed": seen["changed"]}), flush=True)
sys.stdin.readline()  # the parent has seen the play at the store
session.close()
qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken")))
print(json.dumps({"qt_loaded": qt}))
"""


@pytest.mark.slow
def test_a_headless_session_scans_plays_and_shares_the_counted_play(
    small_corpus: Manifest,
    store: LiveServer,  # noqa: F811
    listener: Actor,  # noqa: F811
    isolated_user_dirs: Path,
) -> None:
    env = dict(os.environ, RVIBE_STORE_URL=store.url)
    child = subprocess.Popen(
        [sys.executable, "-c", SESSION, str(small_corpus.root), listener.username, PASSWORD],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        line = child.stdout.readline()
        assert line, child.stderr.read() if child.stderr else ""
        played = json.loads(line)
        assert played["tracks"] == len(small_corpus.tracks)
        assert played["library_changed"] >= 1, "the finished scan announced a changed library"
        assert len(played["counted"]) == 1
        # The counted play reaches the store at once: the session woke the outbox for it
        # (its own idle check is 30 s away, far beyond this wait).
        eventually(lambda: shared_plays(store, listener)[0] == 1, timeout=20)
        child.stdin.write("done\n")
        child.stdin.flush()
        assert child.wait(timeout=60) == 0, child.stderr.read() if child.stderr else ""
        closing = json.loads(child.stdout.readline())
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert closing["qt_loaded"] == [], "a session runs without Qt"
