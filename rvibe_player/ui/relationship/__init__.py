"""The listener's relationship with their curator: the store page and its dialogs."""
