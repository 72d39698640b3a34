"""What shows and drives playback: the now-playing bar, queue, tray, media keys."""
