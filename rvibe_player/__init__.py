"""rVibe Player: a desktop music player with a personal line to the store's curators."""
