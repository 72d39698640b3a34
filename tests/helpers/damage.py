"""Real damage to SQLite files for the salvage tests: pages overwritten in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def pages(path: Path, kind: str, name: str) -> list[int]:
    """Page numbers of ``name``'s b-tree of the given ``kind`` (leaf/internal), via dbstat."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (name, kind),
        ).fetchall()
    finally:
        conn.close()
    return [int(r[0]) for r in rows]


def overwrite(path: Path, numbers: list[int], page_size: int = 4096) -> None:
    """Fill the given pages with a byte pattern no page of SQLite's starts with."""
    with path.open("r+b") as file:
        for page in numbers:
            file.seek((page - 1) * page_size)
            file.write(b"\xa5" * page_size)
            file.flush()


def damage_indexes(path: Path, *indexes: str) -> None:
    """Overwrite the leaf pages of ``indexes`` (the rows themselves stay readable)."""
    overwrite(path, [p for index in indexes for p in pages(path, "leaf", index)[:3]])
