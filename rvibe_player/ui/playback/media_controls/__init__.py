"""Media keys and the system's "now playing" display: one interface, an adapter per platform."""
