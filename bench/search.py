"""Search benchmark: our query language beside a bare FTS5 query, on a 100k-track library.

The library database is filled from the corpus generator's plan (the same tags a generated
corpus carries; search reads only the database, so no audio files are needed). 200 mixed
queries -- prefix word, two words, field query, combined -- are drawn from words that occur
in the library. For each we time ``search_ids`` (parse, compile, run, every matching id in
sort order, as the track list needs) and, as the anchor, a bare FTS5 ``MATCH`` on the same
words returning unsorted rowids. Target: our p95 at most 20 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rvibe_player.library.database import LibraryDatabase, track_row, transaction  # noqa: E402
from rvibe_player.library.search import TrackSearch  # noqa: E402
from rvibe_player.library.tags import TrackTags  # noqa: E402
from scripts.corpus_plan import TrackSpec, plan_tracks  # noqa: E402

KINDS = ("prefix word", "two words", "field query", "combined")


def build(db_path: Path, tracks: int) -> list[TrackSpec]:
    """Fill (or reuse) the benchmark library; returns the planned tracks."""
    specs = list(plan_tracks(tracks, seed=1))
    if db_path.exists():
        return specs
    started = time.perf_counter()
    db = LibraryDatabase(db_path)
    root = db.add_root("/bench/library")
    for start in range(0, len(specs), 2000):
        with transaction(db.conn):
            db.insert_rows(root, [_row(spec) for spec in specs[start : start + 2000]])
    db.conn.execute("PRAGMA optimize")
    db.close()
    print(f"built a {tracks}-track library in {time.perf_counter() - started:.1f} s")
    return specs


def _row(spec: TrackSpec) -> tuple[object, ...]:
    tags = TrackTags(
        title=spec.title,
        artist="; ".join(spec.artists),
        album=spec.album,
        albumartist=spec.albumartist,
        genre="; ".join(spec.genres),
        date=spec.date,
        year=spec.year,
        tracknumber=spec.tracknumber,
        discnumber=spec.discnumber,
        duration=180.0 + len(spec.title) * 7 % 300,
        codec=spec.format.upper(),
    )
    return track_row(f"/bench/library/{spec.path}", 1000, 0, spec.path.encode()[:16], tags)


def _words(text: str) -> list[str]:
    return [w for w in "".join(c if c.isalnum() else " " for c in text).split() if len(w) >= 3]


def queries(specs: list[TrackSpec], count: int) -> list[tuple[str, str, str]]:
    """(kind, our query, the anchor's FTS5 expression) drawn from the library's own words."""
    rng = random.Random(7)
    out: list[tuple[str, str, str]] = []
    while len(out) < count:
        spec = rng.choice(specs)
        words = _words(f"{spec.title} {spec.album} {' '.join(spec.artists)}")
        artist_words = _words(spec.artists[0])
        if len(words) < 2 or not artist_words:
            continue
        kind = KINDS[len(out) % len(KINDS)]
        first = rng.choice(words).lower()[: rng.randint(3, 5)]
        second = rng.choice(words).lower()
        artist = rng.choice(artist_words).lower()[:4]
        if kind == "prefix word":
            out.append((kind, first, f'"{first}"*'))
        elif kind == "two words":
            out.append((kind, f"{first} {second}", f'"{first}"* "{second}"*'))
        elif kind == "field query":
            year = spec.year - rng.randint(0, 5)
            out.append((kind, f"artist:{artist} year:>{year}", f'artist : "{artist}"*'))
        else:
            genre = spec.genres[0].split()[0].lower()
            query = f"{first} genre:{genre} year:1960..2020 -live"
            out.append((kind, query, f'"{first}"* AND genre : "{genre}"* NOT "live"*'))
    return out


def timed(function, *args) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = function(*args)
    return (time.perf_counter() - started) * 1000, len(result)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tracks", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    specs = build(args.out / f"search-{args.tracks}.sqlite3", args.tracks)
    db = LibraryDatabase(args.out / f"search-{args.tracks}.sqlite3")
    conn = db.conn
    mix = queries(specs, args.queries)

    search = TrackSearch(conn)  # one per connection, as the player keeps it

    def ours(query: str) -> list[int]:
        return search.ids(query)

    def anchor(expression: str) -> list[tuple[int]]:
        return conn.execute(
            "SELECT rowid FROM tracks_fts WHERE tracks_fts MATCH ?", (expression,)
        ).fetchall()

    started = time.perf_counter()
    ours("")
    order_ms = (time.perf_counter() - started) * 1000
    for _, query, expression in mix:  # warm the page cache and SQLite's statement cache
        ours(query)
        anchor(expression)
    results: dict[str, list[tuple[float, float, int, str]]] = {k: [] for k in KINDS}
    for kind, query, expression in mix:
        ms_ours, hits = timed(ours, query)
        ms_anchor, _ = timed(anchor, expression)
        results[kind].append((ms_ours, ms_anchor, hits, query))

    print(f"\nSearch benchmark: {args.tracks} tracks, {len(mix)} queries (ms)")
    header = ("hits p50", "ours p50", "ours p95", "FTS p50", "FTS p95")
    print(f"{'kind':<14}" + "".join(f"{h:>10}" for h in header))
    everything = [r for rows in results.values() for r in rows]
    for kind, rows in [*results.items(), ("all", everything)]:
        mine = [r[0] for r in rows]
        bare = [r[1] for r in rows]
        hits = statistics.median(r[2] for r in rows)
        print(
            f"{kind:<14}{hits:>10.0f}{percentile(mine, 0.5):>10.2f}{percentile(mine, 0.95):>10.2f}"
            f"{percentile(bare, 0.5):>10.2f}{percentile(bare, 0.95):>10.2f}"
        )
    p95 = percentile([r[0] for r in everything], 0.95)
    anchor_p95 = percentile([r[1] for r in everything], 0.95)
    print(
        f"ours p95 {p95:.2f} ms = {p95 / anchor_p95:.2f}x the bare FTS5 p95 "
        f"(target <= 20 ms: {'PASS' if p95 <= 20 else 'FAIL'})"
    )
    print(f"building the in-memory track order (once per library change): {order_ms:.0f} ms")
    for ms, _, hits, query in sorted(everything, key=lambda r: -r[0])[:3]:
        print(f"slow: {query!r} {ms:.1f} ms, {hits} hits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
