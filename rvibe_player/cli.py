"""The command line: ``rvibe-player scan`` and ``rvibe-player search``; logging set-up."""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from rvibe_player import appinfo, logs, paths
from rvibe_player.core.errors import QueryError
from rvibe_player.library.database import LibraryDatabase
from rvibe_player.library.recovery import closed, open_library, summary
from rvibe_player.library.scanner import Scanner, ScanProgress, ScanReport
from rvibe_player.library.search import search_tracks


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rvibe-player", description=f"{appinfo.APP_NAME} {appinfo.VERSION}"
    )
    parser.add_argument("--version", action="version", version=appinfo.VERSION)
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    parser.add_argument(  # handled by __main__ before this parser; listed here for --help
        "--self-test", action="store_true",
        help="show the window offscreen and play a tone through libVLC; one line a check",
    )  # fmt: skip
    parser.add_argument(
        "--library", type=Path, help="library database file (default: in the user data folder)"
    )
    commands = parser.add_subparsers(dest="command")
    scan = commands.add_parser("scan", help="add folders to the library and scan them")
    scan.add_argument("paths", nargs="*", help="folders to add; none rescans every folder")
    scan.add_argument("--workers", type=int, help="tag reader processes (default: one per core)")
    scan.add_argument("--quiet", action="store_true", help="no progress bar")
    search = commands.add_parser("search", help="search the library")
    search.add_argument("query", nargs="+", help='e.g. artist:nina year:>1960 "feeling good"')
    search.add_argument("--json", action="store_true", help="print JSON instead of a table")
    search.add_argument("--limit", type=int, default=100, help="at most this many (default 100)")
    commands.add_parser("unreadable", help="list files the scanner could not read, with reasons")
    play = commands.add_parser("play", help="play the tracks a search finds, in the terminal")
    play.add_argument("query", nargs="+", help='e.g. album:"blue train"')
    play.add_argument("--shuffle", action="store_true", help="in random order")
    play.add_argument("--to-file", type=Path, help="decode into this WAV file, not the speakers")
    return parser


def run(argv: Sequence[str]) -> int:
    """Parse ``argv`` and run the command; returns the exit status."""
    args = _parser().parse_args(list(argv))
    logs.configure(args.verbose)
    db_path = args.library or paths.library_database()
    if args.command == "scan":
        return _scan(db_path, args)
    if args.command == "search":
        return _search(db_path, args)
    if args.command == "unreadable":
        return _unreadable(db_path)
    if args.command == "play":
        from rvibe_player.app.terminal_player import play

        return play(db_path, " ".join(args.query), args.shuffle, args.to_file)
    _parser().print_help()
    return 0


@contextmanager
def _library(db_path: Path) -> Iterator[LibraryDatabase]:
    """The library database, repaired first if damaged (said in one sentence on stderr)."""
    db, repair = open_library(db_path)
    if repair is not None:
        print(summary(repair), file=sys.stderr)
    try:
        yield db
    finally:
        db.close()
        closed(db_path)


def _handed_to_player(db_path: Path, folders: list[str]) -> bool:
    """A player running on this profile's library scans instead (one writer, one scan at a
    time); True when it took the folders (all library folders when none are given)."""
    if db_path.resolve() != paths.library_database().resolve():
        return False
    from rvibe_player.app.instance import PlayerInstance

    instance = PlayerInstance(paths.data_dir())
    if not os.path.exists(instance.address):
        return False
    wanted = [os.path.abspath(p) for p in folders if Path(p).is_dir()]
    if not folders:
        with _library(db_path) as db:
            wanted = [root.path for root in db.roots() if root.online]
    if not wanted or not instance.hand_over(wanted):
        return False
    print(
        "The player that is running scans this library now; its status bar shows the "
        "progress and the outcome.",
        file=sys.stderr,
    )
    return True


def _scan(db_path: Path, args: argparse.Namespace) -> int:
    if _handed_to_player(db_path, args.paths):
        return 0
    console = Console(stderr=True)
    missing = [p for p in args.paths if not Path(p).is_dir()]
    for path in missing:
        console.print(f"[yellow]{path} is not a folder that exists; it is added and kept offline")
    with _library(db_path):
        pass  # checked (and repaired if damaged) before the scanner writes to it
    scanner = Scanner(db_path, workers=args.workers)
    cancel = threading.Event()
    roots = args.paths or None
    try:
        if args.quiet or not console.is_terminal:
            report = scanner.scan(roots, cancel=cancel)
        else:
            report = _scan_with_bar(scanner, roots, cancel, console)
    except KeyboardInterrupt:
        cancel.set()
        console.print("Scan cancelled; what was read so far is kept.")
        return 130
    _print_summary(report, Console(soft_wrap=True))
    return 0


def _scan_with_bar(
    scanner: Scanner, roots: list[str] | None, cancel: threading.Event, console: Console
) -> ScanReport:
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>6.0f} files/s"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("Looking for files", total=None, rate=0.0)

        def update(state: ScanProgress) -> None:
            if state.phase == "walking":
                bar.update(task, description=f"Looking for files ({state.seen})", rate=0.0)
            else:
                bar.update(
                    task,
                    description="Reading tags",
                    total=state.to_read,
                    completed=state.read,
                    rate=state.rate,
                )

        return scanner.scan(roots, progress=update, cancel=cancel)


def _print_summary(report: ScanReport, console: Console) -> None:
    console.print(
        f"Scanned in {report.seconds:.1f} s: {report.added} added, {report.updated} updated, "
        f"{report.moved} moved, {report.removed} removed, {report.unchanged} unchanged, "
        f"{len(report.unreadable)} unreadable, {len(report.skipped)} other files skipped."
    )
    for root, note in report.offline_roots:
        console.print(f"[yellow]Offline:[/] {root}: {note}", markup=True, highlight=False)
    for path, reason in report.problems:
        console.print(f"[yellow]Skipped:[/] {path}: {reason}", highlight=False)
    for path, reason in report.unreadable:
        console.print(f"[red]Unreadable:[/] {path}: {reason}", highlight=False)


def _search(db_path: Path, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with _library(db_path) as db:
        try:
            tracks = search_tracks(db.conn, query, limit=args.limit)
        except QueryError as exc:
            print(f"Cannot search: {exc.reason}\n{exc.pointer()}", file=sys.stderr)
            return 2
    if args.json:
        fields = ("id", "title", "artist", "album", "albumartist", "year", "tracknumber",
                  "discnumber", "duration", "codec", "bitrate", "rating", "play_count", "status",
                  "path_text")  # fmt: skip
        rows = [{f: getattr(t, f) for f in fields} for t in tracks]
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    table = Table("Artist", "Title", "Album", "Year", "Length", "Format")
    for t in tracks:
        minutes, seconds = divmod(round(t.duration), 60)
        table.add_row(
            t.display_artist, t.display_title, t.album, str(t.year or ""),
            f"{minutes}:{seconds:02d}", t.codec,
        )  # fmt: skip
    console = Console(soft_wrap=True)
    console.print(table)
    console.print(
        f"{len(tracks)} tracks" + (" (limit reached)" if len(tracks) == args.limit else "")
    )
    return 0


def _unreadable(db_path: Path) -> int:
    with _library(db_path) as db:
        entries = db.unreadable()
    for entry in entries:
        print(f"{entry.path_text}\t{entry.reason}")
    print(f"{len(entries)} unreadable files", file=sys.stderr)
    return 0
