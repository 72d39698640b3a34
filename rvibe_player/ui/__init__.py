"""Qt widgets, views, dialogs and models, platform integration and staff mode."""

from rvibe_player.ui import startup_gc

startup_gc.hold()  # before the interface's imports: see startup_gc
