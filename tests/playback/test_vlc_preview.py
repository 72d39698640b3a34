"""A store preview streams over HTTP through libVLC: the arpeggio the store serves comes out."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from rvibe_player.playback.backend import Finished, PlayItem
from rvibe_player.store_server.demo import seed_catalog
from rvibe_player.store_server.models import Track
from rvibe_player.store_server.services.catalog import preview_wav
from tests.helpers.audio import goertzel, read_wav
from tests.helpers.playback import AfileHarness
from tests.store.live import LiveServer, cheap_config

pytestmark = pytest.mark.vlc


@pytest.fixture
def live_store(tmp_path: Path) -> Iterator[LiveServer]:
    server = LiveServer(cheap_config(f"sqlite:///{tmp_path / 'store.sqlite3'}"))
    server.store.db.migrate()
    with server.store.db.write() as session:
        seed_catalog(session, releases=1)
    yield server
    server.stop()


def test_a_preview_url_plays_through_libvlc(
    live_store: LiveServer, tmp_path: Path, engine: str
) -> None:
    with live_store.store.db.read() as session:
        track_id = session.scalars(select(Track.id)).first()
    assert track_id is not None
    url = f"{live_store.url}/v1/catalog/tracks/{track_id}/preview.wav"
    harness = AfileHarness(tmp_path / "out.wav", engine=engine)
    try:
        harness.play(PlayItem(url, 0.0, key=-1))
        harness.wait_for(Finished, timeout=30.0)
        decoded = harness.output()
    finally:
        harness.close()
    served = tmp_path / "served.wav"
    served.write_bytes(preview_wav(track_id))
    reference = read_wav(served)
    assert decoded.seconds == pytest.approx(reference.seconds, abs=0.3)
    base = 196.0 * 2 ** ((track_id % 12) / 12)  # the arpeggio's first note
    start = decoded.slice(0.2, 0.6)
    energy = goertzel(start.samples, start.rate, base)
    assert energy > 10 * goertzel(start.samples, start.rate, base * 1.41)
