"""Media keys and now playing on Windows (SMTC) and macOS (Now Playing), each against a fake
of its system API at the edge, over a real window playing real files through libVLC.

The system calls back on its own threads; the fakes do too, so these tests also show that
commands reach the player on the GUI thread. On Windows and macOS runners the last tests
drive the real APIs (package.yml runs them there); here they skip.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from rvibe_player.ui.playback.media_controls.base import NowPlayingInfo
from rvibe_player.ui.playback.media_controls.factory import open_media_controls
from rvibe_player.ui.playback.media_controls.macos_now_playing import NowPlayingControls
from rvibe_player.ui.playback.media_controls.windows_smtc import SmtcControls
from rvibe_player.ui.playback.mpris import Mpris
from scripts.make_corpus import Manifest
from tests.helpers.media_apis import Button, PositionEvent, Status, media_player_api, winrt_api
from tests.helpers.requirements import need_vlc

pytestmark = pytest.mark.gui


@pytest.fixture
def playing(open_window, scanned_library: Manifest, qtbot):  # type: ignore[no-untyped-def]
    """A window whose player has three tracks queued and is playing the first."""
    need_vlc()
    window = open_window()
    qtbot.waitUntil(lambda: window.songs.model.rowCount() > 3, timeout=15_000)
    ids = list(window.songs.model.ids()[:3])
    return window, ids


def start(window, ids, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.play_tracks(ids, 0)
    qtbot.waitUntil(lambda: window.playback.player.state == "playing", timeout=10_000)


def test_smtc_shows_the_track_and_its_buttons_drive_the_player(playing, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, ids = playing
    player = window.playback.player
    api = winrt_api()
    smtc = api.player.system_media_transport_controls
    controls = SmtcControls(player, api=api)
    assert controls.active and smtc.is_enabled and not api.player.command_manager.is_enabled
    start(window, ids, qtbot)
    first = window.session.library.track(ids[0])
    qtbot.waitUntil(lambda: smtc.display_updater.shown.get("title") == first.display_title)
    assert smtc.playback_status is Status.PLAYING
    assert smtc.display_updater.type.name == "MUSIC"
    assert smtc.display_updater.shown["artist"] == first.display_artist
    assert smtc.timeline is not None
    assert smtc.timeline.end_time.total_seconds() == pytest.approx(first.duration, abs=0.1)
    assert smtc.is_next_enabled and smtc.is_previous_enabled

    smtc.press(Button.PAUSE)
    qtbot.waitUntil(lambda: player.state == "paused", timeout=10_000)
    qtbot.waitUntil(lambda: smtc.playback_status is Status.PAUSED)
    smtc.press(Button.PLAY)
    qtbot.waitUntil(lambda: player.state == "playing", timeout=10_000)
    smtc.press(Button.NEXT)
    qtbot.waitUntil(lambda: player.track is not None and player.track.id == ids[1], timeout=10_000)
    second = window.session.library.track(ids[1])
    qtbot.waitUntil(lambda: smtc.display_updater.shown.get("title") == second.display_title)
    smtc.press(Button.PAUSE)
    qtbot.waitUntil(lambda: player.state == "paused", timeout=10_000)
    smtc.request_position(second.duration / 2)
    qtbot.waitUntil(lambda: player.position == pytest.approx(second.duration / 2), timeout=10_000)
    smtc.press(Button.STOP)
    qtbot.waitUntil(lambda: player.state == "stopped", timeout=10_000)

    controls.close()
    assert not smtc.button_pressed.handlers and not smtc.position_requested.handlers
    assert not smtc.is_enabled and api.player.closed and not controls.active
    controls.close()  # twice is fine


def test_now_playing_shows_the_track_and_remote_commands_drive_the_player(playing, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, ids = playing
    player = window.playback.player
    api = media_player_api()
    controls = NowPlayingControls(player, api=api)
    commands = api.commands
    assert all(len(command.targets) == 1 for command in commands.values())
    basic = ("play", "pause", "togglePlayPause", "stop")
    assert all(commands[f"{name}Command"].enabled for name in basic)
    assert not commands["changePlaybackPositionCommand"].enabled  # nothing to seek in yet
    start(window, ids, qtbot)
    first = window.session.library.track(ids[0])
    qtbot.waitUntil(lambda: (api.center.info or {}).get("title") == first.display_title)
    assert api.center.state == api.MPNowPlayingPlaybackStatePlaying
    assert api.center.info["playbackDuration"] == pytest.approx(first.duration, abs=0.1)
    assert commands["changePlaybackPositionCommand"].enabled
    assert commands["nextTrackCommand"].enabled and commands["previousTrackCommand"].enabled

    assert commands["togglePlayPauseCommand"].fire() == [0]  # "success" at once
    qtbot.waitUntil(lambda: player.state == "paused", timeout=10_000)
    qtbot.waitUntil(lambda: api.center.state == api.MPNowPlayingPlaybackStatePaused)
    commands["playCommand"].fire()
    qtbot.waitUntil(lambda: player.state == "playing", timeout=10_000)
    commands["nextTrackCommand"].fire()
    qtbot.waitUntil(lambda: player.track is not None and player.track.id == ids[1], timeout=10_000)
    commands["pauseCommand"].fire()
    qtbot.waitUntil(lambda: player.state == "paused", timeout=10_000)
    half = window.session.library.track(ids[1]).duration / 2
    commands["changePlaybackPositionCommand"].fire(PositionEvent(half))
    qtbot.waitUntil(lambda: player.position == pytest.approx(half), timeout=10_000)
    commands["previousTrackCommand"].fire()
    qtbot.waitUntil(lambda: player.track is not None and player.track.id == ids[0], timeout=10_000)

    controls.close()
    assert not any(c.targets for c in commands.values())
    assert api.center.info is None and api.center.state == api.MPNowPlayingPlaybackStateStopped


def test_a_failing_system_api_never_takes_the_player_down(playing, qtbot) -> None:  # type: ignore[no-untyped-def]
    window, ids = playing
    api = winrt_api()
    controls = SmtcControls(window.playback.player, api=api)

    def broken() -> None:
        raise OSError("the overlay is gone")

    api.player.system_media_transport_controls.display_updater.update = broken
    start(window, ids, qtbot)  # publishing fails (logged); playback goes on
    api.player.system_media_transport_controls.press(Button.PAUSE)
    qtbot.waitUntil(lambda: window.playback.player.state == "paused", timeout=10_000)
    controls.close()


def test_each_platform_gets_its_adapter_or_none(open_window) -> None:  # type: ignore[no-untyped-def]
    window = open_window()
    player = window.playback.player
    linux = open_media_controls(player, lambda: None, lambda: None, platform="linux")
    assert isinstance(linux, Mpris)
    linux.close()
    if importlib.util.find_spec("winrt") is None:  # no WinRT projections: no SMTC, a player
        assert open_media_controls(player, lambda: None, lambda: None, platform="win32") is None
    if importlib.util.find_spec("MediaPlayer") is None:
        assert open_media_controls(player, lambda: None, lambda: None, platform="darwin") is None
    assert open_media_controls(player, lambda: None, lambda: None, platform="sunos5") is None


@pytest.mark.skipif(sys.platform != "win32", reason="the real SMTC exists on Windows only")
def test_real_smtc_accepts_what_we_publish(open_window) -> None:  # type: ignore[no-untyped-def]
    controls = SmtcControls(open_window().playback.player)
    controls.publish(NowPlayingInfo("playing", "Tone", "rVibe", "Self-test", "", 2.0, 0.5, True))
    music = controls.controls.display_updater.music_properties
    assert (music.title, music.artist) == ("Tone", "rVibe")
    controls.close()


@pytest.mark.skipif(sys.platform != "darwin", reason="Now Playing exists on macOS only")
def test_real_now_playing_accepts_what_we_publish(open_window) -> None:  # type: ignore[no-untyped-def]
    controls = NowPlayingControls(open_window().playback.player)
    controls.publish(NowPlayingInfo("playing", "Tone", "rVibe", "Self-test", "", 2.0, 0.5, True))
    shown = controls.center.nowPlayingInfo()
    assert shown[controls.api.MPMediaItemPropertyTitle] == "Tone"
    controls.close()
