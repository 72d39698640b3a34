"""Integrity benchmark: what checking the library database costs at start-up (100k tracks).

Prints, from one run, on a copy of bench/search.py's 100k-track library:
  * opening the library as before (``LibraryDatabase``) beside ``open_library`` after a
    clean close (a quick look: header, schema, length), and after a crash (every page,
    ``PRAGMA quick_check``); medians of ``--runs``, taken in turns;
  * the player's start-up (process start to the first painted window, bench/ui.py's
    measure) with the same library, so the check's cost reads as a share of it;
  * the one-off repair of that library with damaged index pages (moved aside, salvaged).
Target (issue 17): the check at start-up under 50 ms or under 10% of start-up.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from ui import OURS, first_paint, library_100k, profile_env  # noqa: E402

from rvibe_player.library.database import LibraryDatabase  # noqa: E402
from rvibe_player.library.recovery import closed, open_library  # noqa: E402
from tests.helpers.damage import damage_indexes  # noqa: E402


def _ms(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return (time.perf_counter() - started) * 1000


def open_plain(path: Path) -> None:
    LibraryDatabase(path).close()


def open_after_clean_close(path: Path) -> None:
    db, repair = open_library(path)
    assert repair is None
    db.close()
    closed(path)


def open_after_crash(path: Path) -> None:
    db, _ = open_library(path)  # leaves the in-use marker: as a crash would
    db.close()
    started = time.perf_counter()
    db, repair = open_library(path)
    open_after_crash.took = (time.perf_counter() - started) * 1000  # type: ignore[attr-defined]
    assert repair is None
    db.close()
    closed(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "out")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    big = library_100k(args.out)
    with tempfile.TemporaryDirectory(prefix="rvibe-integrity-") as tmp:
        base = Path(tmp)
        env = profile_env(base)
        data = Path(env["RVIBE_DATA_DIR"])
        data.mkdir(parents=True)
        path = data / "library.sqlite3"
        shutil.copy(big, path)
        open_after_clean_close(path)  # warm the OS cache for every contender alike
        plain, quick, thorough = [], [], []
        for _ in range(args.runs):
            plain.append(_ms(lambda: open_plain(path)))
            quick.append(_ms(lambda: open_after_clean_close(path)))
            open_after_crash(path)
            thorough.append(open_after_crash.took)  # type: ignore[attr-defined]
        paints = [first_paint(OURS, env) * 1000 for _ in range(5)]
        closed(path)
        damage_indexes(path, "tracks_order", "tracks_fingerprint")
        db, _ = open_library(path)
        db.close()  # a crash: the next open checks and repairs
        started = time.perf_counter()
        db, repair = open_library(path)
        repair_ms = (time.perf_counter() - started) * 1000
        db.close()
        assert repair is not None
        recovered = repair.salvaged["tracks"]

    start_up = statistics.median(paints)
    p, q, t = (statistics.median(x) for x in (plain, quick, thorough))
    check = q - p
    print(f"\nIntegrity benchmark: 100k-track library ({big.stat().st_size / 1e6:.0f} MB)")
    print(f"  open as before (LibraryDatabase)            {p:7.1f} ms   anchor")
    print(f"  open_library after a clean close            {q:7.1f} ms   {q / p:5.2f}x")
    print(f"    the check's own cost                      {check:7.1f} ms")
    print(f"  open_library after a crash (every page)     {t:7.1f} ms   {t / p:5.2f}x")
    print(f"  start-up to the first painted window        {start_up:7.1f} ms")
    print(f"  repair of a damaged library (one-off)       {repair_ms:7.1f} ms, {recovered} tracks")
    share = check / start_up
    ok = check < 50 or share < 0.10
    print(
        f"  check at start-up: {check:.1f} ms = {share:.1%} of start-up "
        f"(target < 50 ms or < 10%): {'PASS' if ok else 'FAIL'}"
    )
    after_crash = (t - p) / start_up
    print(f"  after a crash the full check adds {t - p:.0f} ms = {after_crash:.0%} of start-up")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
