"""Playback on libVLC behind a backend interface: queue, ReplayGain, statistics; no Qt."""
