"""The window and its frame: sidebar, theme, icons, shared widgets and the action table."""
