"""Playback on libVLC 3, two players meeting in the sound server; it imports ``vlc`` (for
:mod:`.stream_backend` too).

One ``vlc.Instance`` and two media players ("slots"). The current item plays in one slot;
the prepared next item waits in the other, opened and paused on its first sample
(``:start-paused``), and is resumed a few milliseconds before the current one's audio runs out
(predicted by our clock since the current one was resumed, and its length). Both streams meet
in the sound server, so the handover needs no stop and costs one resume (about 4 ms on
PulseAudio). When the end cannot be predicted well enough (lengths that disagree, libVLC's
time straying from our clock, the afile output), the handover happens at the end, which
libVLC is made to tell within milliseconds of the last sample (:mod:`.end_nudge`). See
``bench/playback.py`` for the gap this gives, beside libVLC's own ``MediaListPlayer``.

ReplayGain reaches the samples through libVLC's equalizer with flat bands: its pre-amp is the
only gain stage that acts on the decoded audio in every output (``afile`` included), and it
can change while playing. The equalizer scales its input by 1/4 (-12.04 dB) for headroom and
clamps the pre-amp to +-20 dB, so the gain it can apply is -32.04 dB to +7.96 dB; gains outside
are clamped (and logged). A gain of 0 dB bypasses the equalizer.

Threads (DESIGN.md §3): every method runs on the owner thread. libVLC's event and log
callbacks run on libVLC's threads and only record a value and ``post`` a function; the
handover alarm thread only posts too. Nothing calls libVLC from inside its callbacks; the
end nudge's thread only sets the players' rate to what it is (a wake-up, see there).
"""

from __future__ import annotations

import dataclasses
import logging
import math
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from rvibe_player import appinfo
from rvibe_player.core.errors import PlaybackUnavailableError
from rvibe_player.playback.alarm import Alarm
from rvibe_player.playback.backend import (
    Advanced,
    DurationChanged,
    EventSource,
    Failed,
    Finished,
    OutputFailed,
    PlaybackState,
    PlayItem,
    PositionChanged,
    Post,
)
from rvibe_player.playback.end_nudge import EndNudge
from rvibe_player.playback.vlc_log import (
    LogTail,
    failure_reason,
    file_problem,
    is_stream,
    no_audio,
)
from rvibe_player.playback.vlc_slot import SEEK_AIM_EARLY, Slot, demux_for

log = logging.getLogger(__name__)

EQ_HEADROOM_DB = 20 * math.log10(4)
"""libVLC's equalizer multiplies its input by 0.25; its pre-amp must make up for that."""
GAIN_RANGE_DB = (-20.0 - EQ_HEADROOM_DB, 20.0 - EQ_HEADROOM_DB)
"""The gain the equalizer's pre-amp (clamped by libVLC to +-20 dB) can apply."""

DEFAULT_ARGS: tuple[str, ...] = (
    "--no-video",  # an audio player: an .mp4 with a picture must not open a window
    "--no-spu",
    "--no-osd",
    "--no-sub-autodetect-file",
    "--no-metadata-network-access",
    "--audio-replay-gain-mode=none",  # our own ReplayGain, from the library's tags
    "--file-caching=100",
)
"""libVLC options of every instance (callers append theirs, such as an audio output)."""

HANDOVER_LEAD = 0.006
"""Seconds before the predicted end at which the prepared item is resumed: its resume takes
about 4 ms on PulseAudio, and the end of the current one tends to come 2 ms early (both
measured with bench/playback.py)."""

_AUDIO_TRACK = 0  # libvlc_track_audio, as read through the event union's first member


def install_hint(platform: str | None = None) -> str:
    """What to install for libVLC on this (or the given) operating system."""
    bundled = os.environ.get("RVIBE_BUNDLED_VLC_PROBLEM")  # set by the installers' start-up
    if bundled:
        return f"This installation's own libVLC cannot be used ({bundled}): reinstall it."
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "Install VLC 3 (64-bit, the same bitness as Python) from https://www.videolan.org."
    if platform == "darwin":
        return "Install VLC 3 into /Applications (videolan.org, or brew install --cask vlc)."
    return (
        "Install libVLC and its plugins: 'sudo apt install libvlc5 vlc-plugin-base' on "
        "Debian/Ubuntu, 'sudo dnf install vlc-libs vlc-plugins-base' on Fedora (RPM Fusion), "
        "'sudo pacman -S vlc' on Arch."
    )


def import_vlc() -> Any:
    """The ``vlc`` module, or PlaybackUnavailableError saying what to install."""
    try:
        import vlc
    except (ImportError, OSError, NotImplementedError, SystemExit) as exc:
        # python-vlc raises NotImplementedError when libvlc is not found on Linux, OSError
        # on Windows and macOS, and exits when PYTHON_VLC_LIB_PATH names a missing file.
        detail = str(exc) or type(exc).__name__
        raise PlaybackUnavailableError(
            f"Cannot play audio: the VLC library could not be loaded ({detail}). " + install_hint()
        ) from exc
    return vlc


def new_instance(vlc: Any, args: Sequence[str]) -> Any:
    """A libVLC instance with :data:`DEFAULT_ARGS` and ``args``, named for the sound server.

    Raises:
        PlaybackUnavailableError: it did not start; the message says what to check.
    """
    instance = vlc.Instance([*DEFAULT_ARGS, *args])
    if instance is None:
        raise PlaybackUnavailableError(
            "Cannot play audio: libVLC did not start (its plugins may be missing, or an "
            f"option is not understood: {' '.join(args) or 'none given'}). " + install_hint()
        )
    instance.set_user_agent(appinfo.APP_NAME, appinfo.user_agent())
    instance.set_app_id(appinfo.APP_ID, appinfo.VERSION, appinfo.APP_ID)
    return instance


def list_devices(vlc: Any, player: Any) -> list[tuple[str, str]]:
    """``(device id, description)`` of a media player's audio output devices."""
    found: list[tuple[str, str]] = []
    first = player.audio_output_device_enum()
    node = first
    while node:
        device = node.contents
        found.append(
            (
                (device.device or b"").decode("utf-8", "replace"),
                (device.description or b"").decode("utf-8", "replace"),
            )
        )
        node = device.next
    if first:
        vlc.libvlc_audio_output_device_list_release(first)
    return found


class VlcBackend(EventSource):
    """The libVLC backend (see the module docstring for how it keeps gaps short)."""

    def __init__(
        self,
        post: Post,
        *,
        args: Sequence[str] = (),
        timed_handover: bool | None = None,
        volume: int = 100,
        output_device: str = "",
    ) -> None:
        """Start libVLC.

        Args:
            post: runs a function on the owner thread (see :mod:`.backend`).
            args: extra libVLC options, e.g. ``("--aout=afile", "--audiofile-file=x.wav")``.
            timed_handover: resume the prepared item just before the current one's audio
                ends, by the clock (default: yes, except with the ``afile`` output, which
                runs faster than the clock; then the handover waits for the end).
            volume: output volume, 0-100.
            output_device: the audio device id to use ("" for the system's default).

        Raises:
            PlaybackUnavailableError: libVLC or its plugins are missing; the message says
                what to install.
        """
        vlc = import_vlc()
        self._vlc = vlc
        all_args = [*DEFAULT_ARGS, *args]
        self._instance = instance = new_instance(vlc, args)
        self._slots = [Slot(i, instance.media_player_new()) for i in range(2)]
        self._nudge = EndNudge([slot.player for slot in self._slots])
        self._log = LogTail(
            vlc,
            lambda text, at: post(lambda: self._on_undecodable(text, at)),
            lambda reason: post(lambda: self._on_no_output(reason)),
            self._nudge.eof,
        )
        self._output_reported = False
        instance.log_set(self._log.callback, None)
        if timed_handover is None:
            timed_handover = not any(a.startswith("--aout=afile") for a in all_args)
        self._timed = timed_handover
        super().__init__(post)
        self._alarm = Alarm(post)
        self._volume = max(0, min(100, volume))
        self._muted = False
        self._active = 0
        self._pending_next: PlayItem | None = None  # waits for a retiring slot to finish
        self._closed = False
        for slot in self._slots:
            self._attach(slot)
            slot.player.audio_set_volume(self._volume)
        if output_device:
            self.set_output_device(output_device)

    # -- libVLC events: forwarded from libVLC's threads ------------------------------------

    def _attach(self, slot: Slot) -> None:
        kinds = self._vlc.EventType
        handlers: dict[Any, Callable[[Any], Any]] = {
            kinds.MediaPlayerPaused: lambda e: None,
            kinds.MediaPlayerEndReached: lambda e: None,
            kinds.MediaPlayerEncounteredError: lambda e: None,
            kinds.MediaPlayerTimeChanged: lambda e: e.u.new_time / 1000.0,
            kinds.MediaPlayerLengthChanged: lambda e: e.u.new_length / 1000.0,
            kinds.MediaPlayerESAdded: lambda e: e.u.meta_type,  # aliases es_changed.i_type
        }
        manager = slot.player.event_manager()
        for kind, read in handlers.items():
            name = str(kind).rsplit("MediaPlayer", 1)[-1]

            def forward(event: Any, name: str = name, read: Callable[[Any], Any] = read) -> None:
                # On a libVLC thread: read the event, note the moment, hand over. Nothing else.
                value, generation, at = read(event), slot.generation, time.monotonic()
                self._post(lambda: self._on_event(slot, generation, name, value, at))

            manager.event_attach(kind, forward)

    def _on_event(self, slot: Slot, generation: int, name: str, value: Any, at: float) -> None:
        if self._closed or generation != slot.generation or slot.item is None:
            return  # from a media this slot no longer holds
        item = slot.item
        if name == "TimeChanged":
            if slot.phase in ("playing", "retiring"):
                slot.time, slot.time_at = value, at  # used until the next resume after a seek
            if slot.index == self._active and slot.phase == "playing":
                self._emit(PositionChanged(item, value))
                self._schedule_handover()
        elif name == "LengthChanged":
            slot.length = value
            if slot.index == self._active:
                self._emit(DurationChanged(item, value))
                self._schedule_handover()
        elif name == "ESAdded":
            slot.had_audio = slot.had_audio or value == _AUDIO_TRACK
        elif name == "Paused":
            self._on_paused(slot)
        elif name == "EndReached":
            self._on_end(slot)
        elif name == "EncounteredError":
            self._on_error(slot, failure_reason(self._log.since(slot.opened_at)))

    def _on_paused(self, slot: Slot) -> None:
        if slot.phase != "opening":
            return
        slot.phase = "ready"  # open, and paused on its first sample
        assert slot.item is not None
        if slot.item.start > 0:  # more exact than libVLC's :start-time option (for MP3)
            self._set_time(slot, slot.item.start)
        if slot.play_wanted:
            self._resume(slot)
        elif slot.index == self._active:
            self._set_state(PlaybackState.PAUSED)
        if slot.index == self._active:
            self._take_pending()

    def _take_pending(self) -> None:
        if self._pending_next is not None:
            following, self._pending_next = self._pending_next, None
            self.prepare_next(following)

    def _on_end(self, slot: Slot) -> None:
        self._nudge.rest()
        item = slot.item
        assert item is not None
        if slot.phase == "retiring":  # its tail has played out beside the next item
            self._release(slot)
            self._take_pending()
            return
        if slot.index != self._active:
            return
        if not slot.had_audio:
            self._fail_current(slot, no_audio())
            return
        if self._hand_over(from_end=True):
            return
        self._release(slot)
        self._set_state(PlaybackState.STOPPED)
        self._emit(Finished(item))

    def _on_error(self, slot: Slot, reason: str) -> None:
        if slot.phase == "retiring":  # its item has been handed over already
            self._on_end(slot)
        elif slot.index == self._active:
            self._fail_current(slot, reason)
        else:  # the prepared item cannot play
            item = slot.item
            assert item is not None
            self._release(slot)
            self._emit(Failed(item, reason))

    def _on_no_output(self, reason: str) -> None:
        """No sound device: hold the item where it is and say so, once per Play."""
        if self._closed or self._output_reported:
            return
        self._output_reported = True
        slot = self._slots[self._active]
        if slot.item is not None and slot.phase in ("playing", "opening", "ready"):
            slot.play_wanted = False
            slot.player.set_pause(1)
            slot.phase = "paused" if slot.phase == "playing" else slot.phase
            self._set_state(PlaybackState.PAUSED)
        self._emit(OutputFailed(reason))

    def _on_undecodable(self, message: str, at: float) -> None:
        """A stream has no decoder: fail the slot that was opening then (one opens at a time)."""
        if self._closed:
            return
        opened = [s for s in self._slots if 0 < s.opened_at <= at]
        if opened:
            slot = max(opened, key=lambda s: s.opened_at)
            if slot.item is not None:  # not already failed (libVLC says it in several lines)
                self._on_error(slot, failure_reason([message]))

    def _fail_current(self, slot: Slot, reason: str) -> None:
        item = slot.item
        assert item is not None
        log.warning("Cannot play %s: %s", item.path, reason)
        self._release(slot)
        self._set_state(PlaybackState.STOPPED)
        self._emit(Failed(item, reason))

    # -- the handover ----------------------------------------------------------------------

    def _other(self) -> Slot:
        return self._slots[1 - self._active]

    def _schedule_handover(self) -> None:
        current, following = self._slots[self._active], self._other()
        end = current.predicted_end()
        if not self._timed or end is None or following.phase not in ("opening", "ready"):
            return
        generation = current.generation
        self._alarm.set(end - HANDOVER_LEAD, lambda: self._handover_due(generation))

    def _handover_due(self, generation: int) -> None:
        current = self._slots[self._active]
        if current.generation == generation and current.phase == "playing":
            self._hand_over(from_end=False)

    def _hand_over(self, from_end: bool) -> bool:
        """Make the prepared item current; False when there is none."""
        current, following = self._slots[self._active], self._other()
        if following.item is None or following.phase not in ("opening", "ready"):
            return False
        self._alarm.cancel()
        previous, item = current.item, following.item
        assert previous is not None
        if from_end:
            self._release(current)
        else:
            current.phase = "retiring"  # its last samples are still playing
        self._active = following.index
        self._resume(following)
        self._emit(Advanced(previous, item))
        if following.length > 0:
            self._emit(DurationChanged(item, following.length))
        return True

    # -- slots -----------------------------------------------------------------------------

    def _open(self, slot: Slot, item: PlayItem) -> None:
        """Open ``item`` in ``slot``, paused at its start; errors arrive as events."""
        self._release(slot)
        slot.item = item
        slot.phase = "opening"
        slot.opened_at = time.monotonic()
        slot.time, slot.time_at = item.start, slot.opened_at
        slot.anchor = None
        remote = is_stream(item.path)
        problem = None if remote else file_problem(item.path)
        generation = slot.generation
        if problem is not None:
            self._post(lambda: self._on_problem(slot, generation, problem))
            return
        if remote:  # a store's preview, streamed
            media = self._instance.media_new(item.path)
        else:
            media = self._instance.media_new_path(os.fsencode(item.path))
        media.add_option(":start-paused")
        demux = demux_for(item)
        if demux:
            media.add_option(f":demux={demux}")
        slot.media = media
        slot.player.set_media(media)
        self._apply_gain(slot, item.gain_db)
        if slot.player.play() != 0:
            self._post(lambda: self._on_problem(slot, generation, "libVLC would not start it"))

    def _on_problem(self, slot: Slot, generation: int, reason: str) -> None:
        if generation == slot.generation and slot.item is not None:
            self._on_error(slot, reason)

    def _resume(self, slot: Slot) -> None:
        """Play a ready slot now, or an opening one as soon as it is ready."""
        if slot.phase != "ready":
            slot.play_wanted = True
            return
        slot.player.set_pause(0)
        slot.play_from(slot.time)
        slot.play_wanted = False
        if slot.index == self._active:
            self._set_state(PlaybackState.PLAYING)
            self._schedule_handover()

    def _release(self, slot: Slot) -> None:
        """Stop whatever the slot holds; later events from it are ignored."""
        if slot.media is not None:
            # Synchronous: the input thread has ended when this returns (and afile's WAV is
            # complete). Not stop(): libVLC 3's stop also destroys the audio output, and
            # with it the volume and mute set on it.
            slot.player.set_media(None)
            slot.media.release()
        slot.generation += 1
        slot.item = slot.media = None
        slot.phase = "idle"
        slot.play_wanted = slot.had_audio = False
        slot.length = slot.time = 0.0
        slot.anchor = None

    def _set_time(self, slot: Slot, target: float) -> None:
        assert slot.item is not None
        early = SEEK_AIM_EARLY.get(os.path.splitext(slot.item.path)[1].lower(), 0.0)
        slot.player.set_time(round(max(0.0, target - early) * 1000))
        slot.time, slot.time_at = target, time.monotonic()
        slot.anchor = None  # when the sound resumes after a seek is libVLC's to tell

    def _apply_gain(self, slot: Slot, gain_db: float) -> None:
        low, high = GAIN_RANGE_DB
        if not low <= gain_db <= high:
            log.info("Gain %.2f dB is outside libVLC's range; using %.2f dB.", gain_db,
                     min(high, max(low, gain_db)))  # fmt: skip
        if abs(gain_db) < 0.005:
            slot.player.set_equalizer(None)
            return
        equalizer = self._vlc.AudioEqualizer()
        equalizer.set_preamp(min(high, max(low, gain_db)) + EQ_HEADROOM_DB)
        slot.player.set_equalizer(equalizer)
        equalizer.release()

    # -- transport -------------------------------------------------------------------------

    def load(self, item: PlayItem) -> None:
        """Open ``item`` paused at ``item.start``, replacing the current and prepared items."""
        self._alarm.cancel()
        self._pending_next = None
        for slot in self._slots:
            self._release(slot)
        self._set_state(PlaybackState.LOADING)
        self._open(self._slots[self._active], item)

    def play(self) -> None:
        """Start or resume the current item (at once if it is still opening)."""
        self._output_reported = False  # a new try: say so again if the output still fails
        slot = self._slots[self._active]
        if slot.item is None or slot.phase == "playing":
            return
        if slot.phase == "paused":
            slot.player.set_pause(0)
            slot.play_from(slot.time)
            self._set_state(PlaybackState.PLAYING)
            self._schedule_handover()
        else:
            self._resume(slot)

    def pause(self) -> None:
        """Pause the current item."""
        slot = self._slots[self._active]
        if slot.phase == "playing":
            slot.time, slot.time_at = slot.position(), time.monotonic()
            slot.anchor = None
            slot.player.set_pause(1)
            slot.phase = "paused"
            self._alarm.cancel()
            self._set_state(PlaybackState.PAUSED)
        elif slot.phase == "opening":
            slot.play_wanted = False

    def stop(self) -> None:
        """Stop both slots and forget their items."""
        self._alarm.cancel()
        self._pending_next = None
        for slot in self._slots:
            self._release(slot)
        self._set_state(PlaybackState.STOPPED)

    def seek(self, seconds: float) -> None:
        """Jump to ``seconds`` into the current item."""
        slot = self._slots[self._active]
        if slot.item is None or slot.phase not in ("opening", "ready", "playing", "paused"):
            return
        target = max(0.0, seconds)
        if slot.length > 0:
            target = min(target, slot.length)
        self._alarm.cancel()
        if slot.phase in ("opening", "ready"):  # not played yet: open it there instead
            play_wanted = slot.play_wanted
            self._open(slot, dataclasses.replace(slot.item, start=target))
            slot.play_wanted = play_wanted
            return
        self._set_time(slot, target)

    def position(self) -> float:
        """Seconds into the current item (between libVLC's reports, by the clock)."""
        return self._slots[self._active].position()

    def duration(self) -> float:
        """Length of the current item in seconds (0 while unknown)."""
        return self._slots[self._active].length

    def current(self) -> PlayItem | None:
        """The current item."""
        return self._slots[self._active].item

    # -- output ----------------------------------------------------------------------------

    def volume(self) -> int:
        """Output volume, 0-100."""
        return self._volume

    def set_volume(self, volume: int) -> None:
        """Set the output volume of both slots (clamped to 0-100)."""
        self._volume = max(0, min(100, int(volume)))
        for slot in self._slots:
            slot.player.audio_set_volume(self._volume)

    def muted(self) -> bool:
        """Whether the output is muted."""
        return self._muted

    def set_muted(self, muted: bool) -> None:
        """Mute or unmute both slots."""
        self._muted = muted
        for slot in self._slots:
            slot.player.audio_set_mute(muted)

    def output_devices(self) -> list[tuple[str, str]]:
        """``(device id, description)`` of the audio output's devices (may be empty)."""
        return list_devices(self._vlc, self._slots[self._active].player)

    def set_output_device(self, device_id: str) -> None:
        """Play through this device (an id from :meth:`output_devices`; "" for the default)."""
        self._output_reported = False
        for slot in self._slots:
            slot.player.audio_output_device_set(None, device_id or None)

    def set_gain(self, gain_db: float) -> None:
        """Change the current item's gain while it plays."""
        self._apply_gain(self._slots[self._active], gain_db)

    def prepare_next(self, item: PlayItem | None) -> None:
        """Open ``item`` paused in the other slot, ready to take over (None: forget it).

        It opens once the current item is open (one file opens at a time, so libVLC's
        messages about it are its own) and once the other slot's tail has played out.
        """
        following = self._other()
        if following.phase == "retiring" or self._slots[self._active].phase == "opening":
            self._pending_next = item
            return
        if following.item == item and item is not None:
            return
        self._release(following)
        if item is not None:
            self._open(following, item)
            self._schedule_handover()

    def close(self) -> None:
        """Stop and free libVLC; the backend is unusable afterwards."""
        if self._closed:
            return
        self.stop()
        self._closed = True
        self._alarm.close()
        self._nudge.close()
        for slot in self._slots:
            slot.player.release()
        self._instance.log_unset()
        self._instance.release()
