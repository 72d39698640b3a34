"""Plain domain types, errors and small pure helpers: no I/O, no Qt."""
