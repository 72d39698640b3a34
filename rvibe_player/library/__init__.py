"""The local music library: scanning, identity, search and playlist files; no Qt."""
