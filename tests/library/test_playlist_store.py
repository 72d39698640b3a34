"""Playlists in the library database: editing, smart playlists, import, export, moved files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from rvibe_player.core.errors import QueryError
from rvibe_player.library.database import LibraryDatabase, transaction
from rvibe_player.library.playlist_store import PlaylistStore
from rvibe_player.library.playlists import PlaylistEntry, PlaylistFormat, read_playlist
from rvibe_player.library.search import search_ids
from rvibe_player.library.tags import TrackTags

SONGS = [
    # artist, album, file, title, duration
    ("Nina Simone", "Pastel Blues", "01 Be My Husband.mp3", "Be My Husband", 170.0),
    ("Nina Simone", "Pastel Blues", "02 Sinnerman.mp3", "Sinnerman", 622.0),
    ("Björk", "Post", "01 Army of Me.flac", "Army of Me", 234.0),
    ("Björk", "Post", "02 Hyperballad.flac", "Hyperballad", 321.0),
    ("Björk", "Debut", "01 Intro.ogg", "Human Behaviour", 252.0),
    ("Various", "Live", "01 Intro.ogg", "Intro (Live)", 60.0),
    ("Various", "Live", "03 Intro.mp3", "Another Intro", 60.0),
    ("Artist A", "Greatest Hits", "01 Intro.mp3", "A Intro", 10.0),
    ("Artist B", "Greatest Hits", "01 Intro.mp3", "B Intro", 10.0),
]


class Library:
    """A real library database over real (tiny) files laid out Artist/Album/NN Title.ext."""

    def __init__(self, tmp_path: Path) -> None:
        self.music = tmp_path / "home" / "Music"
        self.db = LibraryDatabase(tmp_path / "library.sqlite3")
        self.root = self.db.add_root(str(self.music))
        self.ids: dict[str, int] = {}
        with transaction(self.db.conn):
            for i, (artist, album, name, title, duration) in enumerate(SONGS):
                path = self.music / artist / album / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(b"audio %d" % i)
                tags = TrackTags(title=title, artist=artist, album=album, duration=duration)
                fingerprint = bytes([i]) * 16
                self.ids[title] = self.db.insert_track(
                    self.root, str(path), 7, 0, fingerprint, tags
                )
        self.store = PlaylistStore(self.db)

    def path(self, title: str) -> str:
        track = self.db.track(self.ids[title])
        assert track is not None
        return track.path

    def titles(self, playlist_id: int) -> list[str]:
        return [
            item.track.title if item.track else f"?{item.title}"
            for item in self.store.entries(playlist_id)
        ]


@pytest.fixture
def lib(tmp_path: Path) -> Library:
    return Library(tmp_path)


def test_create_rename_list_delete(lib: Library) -> None:
    store = lib.store
    b = store.create("  Road   trip ")
    a = store.create("autumn")
    smart = store.create("Björk", query="artist:björk")
    assert [(p.name, p.size, p.smart) for p in store.playlists()] == [
        ("autumn", 0, False),
        ("Björk", None, True),
        ("Road trip", 0, False),
    ]
    store.rename(a, "Zen")
    assert store.playlist(a).name == "Zen"
    assert store.playlist(a).modified >= store.playlist(a).created
    store.delete(b)
    assert [p.id for p in store.playlists()] == [smart, a]
    with pytest.raises(KeyError):
        store.playlist(b)
    with pytest.raises(KeyError):
        store.rename(b, "gone")
    with pytest.raises(ValueError, match="needs a name"):
        store.create("   ")


def test_add_insert_remove_move_reorder(lib: Library) -> None:
    store, ids = lib.store, lib.ids
    pid = store.create("mix")
    store.add_tracks(pid, [ids["Sinnerman"], ids["Hyperballad"]])
    store.add_tracks(pid, [ids["Army of Me"], ids["Army of Me"]], at=1)  # duplicates allowed
    store.add_tracks(pid, [ids["Be My Husband"]], at=0)
    assert lib.titles(pid) == [
        "Be My Husband", "Sinnerman", "Army of Me", "Army of Me", "Hyperballad",
    ]  # fmt: skip
    assert store.playlist(pid).size == 5

    store.remove_entries(pid, [2, 4])
    assert lib.titles(pid) == ["Be My Husband", "Sinnerman", "Army of Me"]

    assert store.move_entries(pid, [0], 3) == [2]  # to the end
    assert lib.titles(pid) == ["Sinnerman", "Army of Me", "Be My Husband"]
    assert store.move_entries(pid, [1, 2], 0) == [0, 1]  # a selection to the top, in order
    assert lib.titles(pid) == ["Army of Me", "Be My Husband", "Sinnerman"]
    assert store.move_entries(pid, [0, 2], 1) == [0, 1]  # onto one of the moved rows
    assert lib.titles(pid) == ["Army of Me", "Sinnerman", "Be My Husband"]

    store.reorder(pid, [2, 0, 1])
    assert lib.titles(pid) == ["Be My Husband", "Army of Me", "Sinnerman"]
    assert [item.position for item in store.entries(pid)] == [0, 1, 2]
    with pytest.raises(ValueError, match="exactly once"):
        store.reorder(pid, [0, 0, 1])
    with pytest.raises(KeyError, match="no track with id 999"):
        store.add_tracks(pid, [999])
    assert lib.titles(pid) == ["Be My Husband", "Army of Me", "Sinnerman"]  # unchanged


def test_deleting_a_playlist_keeps_its_tracks(lib: Library) -> None:
    pid = lib.store.create("mix")
    lib.store.add_tracks(pid, [lib.ids["Sinnerman"]])
    lib.store.delete(pid)
    assert lib.db.track(lib.ids["Sinnerman"]) is not None
    assert lib.db.conn.execute("SELECT count(*) FROM playlist_entries").fetchone()[0] == 0


def test_smart_playlist_is_its_query(lib: Library) -> None:
    store = lib.store
    pid = store.create("Post", query="album:post sort:-duration")
    expected = search_ids(lib.db.conn, "album:post sort:-duration")
    assert [item.track.id for item in store.entries(pid) if item.track] == expected
    assert lib.titles(pid) == ["Hyperballad", "Army of Me"]
    store.set_query(pid, "artist:nina")
    assert set(lib.titles(pid)) == {"Be My Husband", "Sinnerman"}
    with pytest.raises(ValueError, match="smart playlist"):
        store.add_tracks(pid, [lib.ids["Hyperballad"]])
    with pytest.raises(QueryError):
        store.set_query(pid, "year:>abc")
    with pytest.raises(QueryError):
        store.create("bad", query="(nina")
    regular = store.create("regular")
    with pytest.raises(ValueError, match="regular playlist"):
        store.set_query(regular, "nina")


def test_moved_track_keeps_its_place_and_exports_its_new_path(lib: Library, tmp_path: Path) -> None:
    store, ids = lib.store, lib.ids
    pid = store.create("mix")
    store.add_tracks(pid, [ids["Sinnerman"], ids["Hyperballad"], ids["Army of Me"]])
    old = Path(lib.path("Hyperballad"))
    new = lib.music / "Björk" / "Post (2022 remaster)" / "02 Hyperballad (remaster).flac"
    new.parent.mkdir(parents=True)
    old.rename(new)
    with transaction(lib.db.conn):  # what the scanner does for a moved file: same id, new path
        tags = TrackTags(title="Hyperballad", artist="Björk", album="Post", duration=321.0)
        lib.db.update_track(ids["Hyperballad"], lib.root, str(new), 7, 0, bytes([3]) * 16, tags)

    items = store.entries(pid)
    assert items[1].track is not None and items[1].track.id == ids["Hyperballad"]
    assert items[1].track.path == str(new) and items[1].state == "ok"

    target = lib.music / "mix.m3u8"
    assert store.export_file(pid, target) == 3
    assert [e.path for e in read_playlist(target).entries] == [
        lib.path("Sinnerman"), str(new), lib.path("Army of Me"),
    ]  # fmt: skip
    assert "Björk/Post (2022 remaster)/02 Hyperballad (remaster).flac" in target.read_text()


def test_removed_track_stays_as_missing(lib: Library, tmp_path: Path) -> None:
    pid = lib.store.create("mix")
    lib.store.add_tracks(pid, [lib.ids["Sinnerman"], lib.ids["Army of Me"]])
    lib.db.set_status([lib.ids["Sinnerman"]], "removed")
    assert [item.state for item in lib.store.entries(pid)] == ["missing", "ok"]
    lib.store.export_file(pid, tmp_path / "out.pls")
    assert [e.path for e in read_playlist(tmp_path / "out.pls").entries] == [
        lib.path("Sinnerman"), lib.path("Army of Me"),
    ]  # fmt: skip


def test_import_matches_exact_relative_and_windows_paths(lib: Library, tmp_path: Path) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    relative = os.path.relpath(lib.path("Sinnerman"), lists)
    (lists / "old pc.m3u").write_bytes(
        (
            "#EXTM3U\n"
            f"#EXTINF:170,Nina Simone - Be My Husband\n{lib.path('Be My Husband')}\n"
            f"{relative}\n"
            "#EXTINF:321,Björk - Hyperballad\n"
            "C:\\Users\\me\\Music\\Björk\\Post\\02 Hyperballad.flac\n"
            "file:///D:/MUSIC/bjork/POST/01%20Army%20of%20Me.flac\n"
            "\\\\nas\\music\\Björk\\Debut\\01 Intro.ogg\n"
            "#EXTINF:-1,Radio Paradise\nhttp://stream.radioparadise.com/mp3-192\n"
            "#EXTINF:200,Not here\nC:\\Music\\Nobody\\Nothing\\01 Silence.mp3\n"
            "D:\\Elsewhere\\01 Intro.ogg\n"
            "E:\\Live\\03 Intro.mp3\n"
            "#EXTINF:10,Which one?\nC:\\Music\\Greatest Hits\\01 Intro.mp3\n"
        ).encode("cp1252", "replace")
    )
    report = lib.store.import_file(lists / "old pc.m3u")

    assert report.name == "old pc"
    assert (report.total, report.resolved, report.by_suffix) == (10, 6, 4)
    assert lib.titles(report.playlist_id) == [
        "Be My Husband", "Sinnerman", "Hyperballad", "Army of Me", "Human Behaviour",
        "?Radio Paradise", "?Not here", "?", "Another Intro", "?Which one?",
    ]  # fmt: skip
    states = [item.state for item in lib.store.entries(report.playlist_id)]
    assert states == ["ok"] * 5 + ["unresolved"] * 3 + ["ok", "unresolved"]
    assert [(u.position, u.location, u.title) for u in report.unresolved] == [
        (5, "http://stream.radioparadise.com/mp3-192", "Radio Paradise"),
        (6, "C:\\Music\\Nobody\\Nothing\\01 Silence.mp3", "Not here"),
        (7, "D:\\Elsewhere\\01 Intro.ogg", ""),
        (9, "C:\\Music\\Greatest Hits\\01 Intro.mp3", "Which one?"),
    ]
    reasons = [u.reason for u in report.unresolved]
    assert "web address" in reasons[0]
    assert "no track in your library" in reasons[1]
    assert "in other folders" in reasons[2]
    assert "2 tracks in your library end with “Greatest Hits/01 Intro.mp3”" in reasons[3]
    assert report.summary() == (
        "Imported 'old pc': 6 of 10 entries found (4 by folder and file name); "
        "4 not found, kept in the playlist."
    )


@pytest.mark.parametrize("fmt", list(PlaylistFormat))
def test_export_then_import_gives_the_same_playlist(
    lib: Library, tmp_path: Path, fmt: PlaylistFormat
) -> None:
    store = lib.store
    source = tmp_path / "Round trip.m3u8"
    source.write_text(
        f"{lib.path('Hyperballad')}\n{lib.path('Human Behaviour')}\n{lib.path('Sinnerman')}\n"
        "#EXTINF:-1,Radio\nhttps://radio.example/live?x=1&y=2\n"
        "#EXTINF:200,Lost 100% #1\n../gone/Lost 100% #1.mp3\n"
        "C:\\Music\\Nobody\\01 Silence.mp3\n",
        "utf-8",
    )
    pid = store.import_file(source).playlist_id
    before = [(i.track.id if i.track else None, i.location, i.title) for i in store.entries(pid)]
    assert [b[0] for b in before[:3]] == [
        lib.ids[t] for t in ("Hyperballad", "Human Behaviour", "Sinnerman")
    ]
    assert before[3:] == [
        (None, "https://radio.example/live?x=1&y=2", "Radio"),
        (None, str(tmp_path.parent / "gone" / "Lost 100% #1.mp3"), "Lost 100% #1"),
        (None, "C:\\Music\\Nobody\\01 Silence.mp3", ""),
    ]

    (lib.music / "lists").mkdir()
    target = lib.music / "lists" / f"exported.{fmt.value}"
    assert store.export_file(pid, target) == 6
    report = store.import_file(target, name="again")

    after = [
        (i.track.id if i.track else None, i.location, i.title)
        for i in store.entries(report.playlist_id)
    ]
    assert [a[0] for a in after] == [b[0] for b in before]
    assert after[3:] == before[3:]
    assert (report.resolved, report.by_suffix, len(report.unresolved)) == (3, 0, 3)
    if fmt is not PlaylistFormat.PLS:  # PLS has no playlist title
        assert read_playlist(target).title == "Round trip"


def test_import_uses_the_xspf_title_and_relative_locations(lib: Library) -> None:
    lists = lib.music / "lists"
    lists.mkdir()
    (lists / "x.xspf").write_text(
        '<playlist xmlns="http://xspf.org/ns/0/"><title>Björk &amp; co</title><trackList>'
        "<track><location>../Bj%C3%B6rk/Post/01%20Army%20of%20Me.flac</location></track>"
        "</trackList></playlist>",
        "utf-8",
    )
    report = lib.store.import_file(lists / "x.xspf")
    assert report.name == "Björk & co"
    assert lib.titles(report.playlist_id) == ["Army of Me"]
    assert report.by_suffix == 0


@pytest.mark.skipif(os.name != "posix" or os.uname().sysname == "Darwin", reason="byte names")
def test_non_utf8_file_name_round_trips_through_the_database(lib: Library) -> None:
    odd = os.fsdecode(os.fsencode(str(lib.music)) + b"/caf\xe9.mp3")
    Path(odd).write_bytes(b"audio")
    with transaction(lib.db.conn):
        track_id = lib.db.insert_track(lib.root, odd, 5, 0, b"x" * 16, TrackTags(title="Café"))
    pid = lib.store.create("odd")
    lib.store.add_tracks(pid, [track_id])
    for fmt in PlaylistFormat:
        target = lib.music / f"odd.{fmt.value}"
        lib.store.export_file(pid, target)
        assert [e.path for e in read_playlist(target).entries] == [odd]
        report = lib.store.import_file(target)
        assert [i.track.id for i in lib.store.entries(report.playlist_id) if i.track] == [track_id]
    lib.db.set_status([track_id], "removed")
    with transaction(lib.db.conn):  # a track row gone for good: the entry keeps its location
        lib.db.conn.execute("DELETE FROM tracks WHERE id = ?", (track_id,))
    (item,) = lib.store.entries(pid)
    assert item.state == "unresolved"
    lib.store.export_file(pid, lib.music / "gone.m3u8")
    assert [e.path for e in read_playlist(lib.music / "gone.m3u8").entries] == [odd]


@pytest.mark.skipif(os.name != "posix", reason="byte names")
def test_import_of_raw_bytes_keeps_them(lib: Library, tmp_path: Path) -> None:
    (tmp_path / "raw.m3u8").write_bytes(
        b"#EXTINF:1,bad \xff title\nC:\\Music\\caf\xe9.mp3\n#EXTINF:2,x\nhttp://h/\xff\n"
    )
    report = lib.store.import_file(tmp_path / "raw.m3u8")
    first, second = lib.store.entries(report.playlist_id)
    assert (first.title, first.location) == ("bad \ufffd title", "file:///C:/Music/caf%E9.mp3")
    assert second.location == "http://h/\ufffd"
    lib.store.export_file(report.playlist_id, tmp_path / "out.m3u")
    (back, _) = read_playlist(tmp_path / "out.m3u").entries
    assert back.path is not None and os.fsencode(back.path) == b"C:\\Music\\caf\xe9.mp3"


def test_entries_of_unknown_playlist(lib: Library) -> None:
    with pytest.raises(KeyError):
        lib.store.entries(12345)
    with pytest.raises(KeyError):
        lib.store.export_file(12345, lib.music / "x.m3u")


def test_export_entry_shapes(lib: Library, tmp_path: Path) -> None:
    pid = lib.store.create("shapes")
    lib.store.add_tracks(pid, [lib.ids["Army of Me"]])
    lib.store.export_file(pid, tmp_path / "x.xspf")
    (entry,) = read_playlist(tmp_path / "x.xspf").entries
    assert entry == PlaylistEntry(
        entry.location, lib.path("Army of Me"), "Army of Me", 234.0, "Björk", "Post"
    )
    assert entry.location == "home/Music/Bj%C3%B6rk/Post/01%20Army%20of%20Me.flac"  # relative
