"""Qt widgets, views, dialogs and models, platform integration and staff mode."""
