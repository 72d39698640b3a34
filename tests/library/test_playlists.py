"""Playlist files: round trips in four formats, locations of every kind, odd and hostile files."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from rvibe_player.core.errors import PlaylistFormatError
from rvibe_player.library.playlists import (
    PlaylistEntry,
    PlaylistFormat,
    read_playlist,
    write_playlist,
)
from tests.helpers.requirements import corpus_dir

FORMATS = list(PlaylistFormat)
POSIX = os.name == "posix"
posix_only = pytest.mark.skipif(not POSIX, reason="POSIX paths and byte file names")


def _names() -> list[tuple[str, str]]:
    """(relative file name, title) pairs with the characters that trip formats up."""
    names = [
        ("Björk/Jóga.flac", "Jóga"),
        ("with spaces/a b c.mp3", "A, B & C <live>"),
        ("#1 hit.mp3", "#1 Hit"),
        ("100% pure.mp3", "100% Pure"),
        ("50%25 off.ogg", "50%25 off"),
        ("日本語/曲.opus", "曲"),
        ("semi;colon=equals.wav", "key=value"),
    ]
    if POSIX and sys.platform != "darwin":  # macOS refuses names that are not UTF-8
        names.append((os.fsdecode(b"caf\xe9 latin-1.mp3"), "Café"))
    return names


@pytest.fixture
def music(tmp_path: Path) -> Path:
    """A folder with real files whose names are hard to write in playlists."""
    folder = tmp_path / "music"
    for name, _ in _names():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(b"audio")
    return folder


def _entries(music: Path, outside: Path) -> list[PlaylistEntry]:
    entries = [
        PlaylistEntry.for_file(str(music / name), title, float(60 + i))
        for i, (name, title) in enumerate(_names())
    ]
    entries += [
        PlaylistEntry.for_file(str(outside / "elsewhere.mp3"), "Outside", 5.0),
        PlaylistEntry.for_file("C:\\Music\\Artist\\01 Track.mp3", "Windows", None),
        PlaylistEntry.for_file("\\\\nas\\share\\Artist\\02 Track.mp3", "UNC"),
        PlaylistEntry("https://radio.example/stream?id=1&fmt=mp3", None, "Radio", None),
    ]
    if not POSIX:  # on Windows those are local paths; keep the list meaningful there too
        entries = [e for e in entries if e.title not in ("Windows", "UNC")]
    return entries


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip(fmt: PlaylistFormat, music: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    entries = _entries(music, outside)
    target = music / f"list.{fmt.value}"
    write_playlist(target, entries, title="Mix ünïcode")

    playlist = read_playlist(target)

    assert playlist.format is fmt
    got = [(e.path, e.title, e.duration) for e in playlist.entries]
    want = [(e.path, e.title, e.duration) for e in entries]
    assert got == want
    assert playlist.entries[-1].remote
    assert playlist.entries[-1].location == entries[-1].location
    if fmt in (PlaylistFormat.M3U, PlaylistFormat.M3U8, PlaylistFormat.XSPF):
        assert playlist.title == "Mix ünïcode"


@pytest.mark.parametrize("fmt", FORMATS)
def test_paths_under_the_folder_are_written_relative(
    fmt: PlaylistFormat, music: Path, tmp_path: Path
) -> None:
    entries = _entries(music, tmp_path / "outside")
    target = music / f"list.{fmt.value}"
    write_playlist(target, entries)
    locations = [e.location for e in read_playlist(target).entries]
    assert locations[0] in ("Björk/Jóga.flac", "Bj%C3%B6rk/J%C3%B3ga.flac")
    for (name, _), location in zip(_names(), locations, strict=False):
        if name.isprintable():  # a non-UTF-8 name is written as an absolute file URL
            assert str(music) not in location, location
    assert str(tmp_path / "outside") in locations[len(_names())].replace("%20", " ")


def test_xspf_locations_are_percent_encoded(music: Path) -> None:
    target = music / "list.xspf"
    write_playlist(target, [PlaylistEntry.for_file(str(music / n)) for n, _ in _names()])
    text = target.read_text("utf-8")
    assert "<location>Bj%C3%B6rk/J%C3%B3ga.flac</location>" in text
    assert "<location>%231%20hit.mp3</location>" in text
    assert "<location>100%25%20pure.mp3</location>" in text
    assert "<location>50%2525%20off.ogg</location>" in text
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")


def test_artist_and_album_survive_xspf(tmp_path: Path) -> None:
    entry = PlaylistEntry.for_file(str(tmp_path / "a.mp3"), "Title", 61.5, "Artist & Co", "Album")
    write_playlist(tmp_path / "x.xspf", [entry])
    (back,) = read_playlist(tmp_path / "x.xspf").entries
    assert (back.title, back.artist, back.album, back.duration) == (
        "Title",
        "Artist & Co",
        "Album",
        61.5,
    )


def test_m3u_label_joins_artist_and_title(tmp_path: Path) -> None:
    entry = PlaylistEntry.for_file(str(tmp_path / "a.mp3"), "Title", 61.0, "Artist")
    write_playlist(tmp_path / "x.m3u8", [entry])
    assert "#EXTINF:61,Artist - Title\na.mp3\n" in (tmp_path / "x.m3u8").read_text("utf-8")


def test_m3u_encodings(tmp_path: Path) -> None:
    western = [PlaylistEntry.for_file(str(tmp_path / "Beyoncé.mp3"), "Beyoncé")]
    write_playlist(tmp_path / "western.m3u", western)
    write_playlist(tmp_path / "western.m3u8", western)
    assert b"Beyonc\xe9.mp3" in (tmp_path / "western.m3u").read_bytes()  # Windows-1252
    assert "Beyoncé.mp3".encode() in (tmp_path / "western.m3u8").read_bytes()
    wide = [*western, PlaylistEntry.for_file(str(tmp_path / "曲.mp3"), "曲")]
    write_playlist(tmp_path / "wide.m3u", wide)
    assert "曲.mp3".encode() in (tmp_path / "wide.m3u").read_bytes()  # does not fit: UTF-8
    for name in ("western.m3u", "wide.m3u"):
        assert read_playlist(tmp_path / name).entries[0].title == "Beyoncé"


@pytest.mark.parametrize(
    ("data", "title"),
    [
        (b"#EXTINF:3,Beyonc\xe9\r\nBeyonc\xe9.mp3\r\n", "Beyoncé"),  # legacy Windows-1252
        (b"\xef\xbb\xbf#EXTM3U\n#EXTINF:3,Beyonc\xc3\xa9\nBeyonc\xc3\xa9.mp3\n", "Beyoncé"),
        ("\ufeff#EXTINF:3,Beyoncé\r\nBeyoncé.mp3\r\n".encode("utf-16-le"), "Beyoncé"),
        (b"#EXTINF:3,\x81\x8d\nBeyonc\xe9.mp3\n", "\x81\x8d"),  # undefined in 1252: Latin-1
    ],
)
def test_m3u_read_encodings(tmp_path: Path, data: bytes, title: str) -> None:
    (tmp_path / "x.m3u").write_bytes(data)
    (entry,) = read_playlist(tmp_path / "x.m3u").entries
    assert entry.title == title
    assert entry.duration == 3.0
    if title == "Beyoncé":
        assert entry.path == str(tmp_path / "Beyoncé.mp3")


@posix_only
def test_raw_non_utf8_name_in_m3u8_names_its_file(tmp_path: Path) -> None:
    (tmp_path / "x.m3u8").write_bytes(
        b"#EXTM3U\n#EXTINF:1,caf\xc3\xa9\ncaf\xe9.mp3\nna\xc3\xafve.mp3\n"
        b"#EXTINF:2,bad \xff title\nC:\\Music\\caf\xe9.mp3\n"
    )
    first, second, third = read_playlist(tmp_path / "x.m3u8").entries
    assert first.path is not None and os.fsencode(first.path).endswith(b"/caf\xe9.mp3")
    assert first.title == "café"
    assert second.path == str(tmp_path / "naïve.mp3")
    assert third.title == "bad \ufffd title"  # titles are text for people
    assert third.path is not None and os.fsencode(third.path) == b"C:\\Music\\caf\xe9.mp3"
    for fmt in FORMATS:  # such paths are written as file URLs, exact to the byte
        write_playlist(tmp_path / f"again.{fmt.value}", [first, second, third])
        again = read_playlist(tmp_path / f"again.{fmt.value}").entries
        assert [e.path for e in again] == [first.path, second.path, third.path]


@posix_only
@pytest.mark.parametrize("fmt", [PlaylistFormat.M3U, PlaylistFormat.M3U8])
def test_m3u_locations_of_every_kind(tmp_path: Path, fmt: PlaylistFormat) -> None:
    lines = [
        "#EXTM3U",
        "#EXTINF:-1,Relative",
        "sub dir/a.mp3",
        "../up.mp3",
        "..\\windows relative\\b.mp3",
        "/abs/c.mp3",
        "file:///abs/d%20e%23.mp3",
        "file://localhost/abs/f.mp3",
        "FILE:///C:/Music/g%C3%A9.mp3",
        "C:\\Music\\h.mp3",
        "d:/music/i.mp3",
        "\\\\nas\\share\\j.mp3",
        "file://nas/share/k%20l.mp3",
        "http://radio.example:8000/live",
        "  ",
        "#EXTINF:abc,bad duration",
        "m.mp3",
    ]
    (tmp_path / "pl").mkdir()
    target = tmp_path / "pl" / f"x.{fmt.value}"
    target.write_text("\n".join(lines), "utf-8")
    playlist = read_playlist(target)
    paths = [e.path for e in playlist.entries]
    base = tmp_path / "pl"
    assert paths == [
        str(base / "sub dir" / "a.mp3"),
        str(tmp_path / "up.mp3"),
        str(tmp_path / "windows relative" / "b.mp3"),
        "/abs/c.mp3",
        "/abs/d e#.mp3",
        "/abs/f.mp3",
        "C:\\Music\\gé.mp3",
        "C:\\Music\\h.mp3",
        "d:\\music\\i.mp3",
        "\\\\nas\\share\\j.mp3",
        "\\\\nas\\share\\k l.mp3",
        None,
        str(base / "m.mp3"),
    ]
    assert playlist.entries[0].title == "Relative" and playlist.entries[0].duration is None
    assert playlist.entries[1].title == ""  # EXTINF applies to the next entry only
    assert playlist.entries[11].remote
    assert playlist.entries[12].title == "bad duration" and playlist.entries[12].duration is None


def test_pls_keys_any_case_any_order(tmp_path: Path) -> None:
    (tmp_path / "x.pls").write_text(
        "[Playlist]\nNumberOfEntries=3\nFILE2=b.mp3\nfile1=a.mp3\nTitle1=First\n"
        "LENGTH1=61\nlength2=oops\nFile3=http://radio.example/x\nTitle3=Radio\nLength3=-1\n"
        "Title9=orphan title\nVersion=2\n",
        "utf-8",
    )
    entries = read_playlist(tmp_path / "x.pls").entries
    assert [(e.location, e.title, e.duration) for e in entries] == [
        ("a.mp3", "First", 61.0),
        ("b.mp3", "", None),
        ("http://radio.example/x", "Radio", None),
    ]
    assert entries[0].path == str(tmp_path / "a.mp3")


@posix_only
def test_xspf_locations_and_tolerance(tmp_path: Path) -> None:
    (tmp_path / "x.xspf").write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<playlist version="1" xmlns="http://xspf.org/ns/0/">
  <title>Mine</title>
  <trackList>
    <track><location>sub/a%20b.mp3</location><title>Rel</title><duration>1500.7</duration></track>
    <track><location>file:///abs/caf%C3%A9.mp3</location></track>
    <track><location>/odd path/with spaces &amp; 100%.mp3</location></track>
    <track><location>C:\\Music\\x.mp3</location></track>
    <track><location>file:///D:/Music/y.mp3</location></track>
    <track><title>No location</title><duration>nope</duration></track>
    <track><location>https://example.org/a.ogg</location></track>
  </trackList>
</playlist>""",
        "utf-8",
    )
    playlist = read_playlist(tmp_path / "x.xspf")
    assert playlist.title == "Mine"
    assert [e.path for e in playlist.entries] == [
        str(tmp_path / "sub" / "a b.mp3"),
        "/abs/café.mp3",
        "/odd path/with spaces & 100%.mp3",
        "C:\\Music\\x.mp3",
        "D:\\Music\\y.mp3",
        None,
        None,
    ]
    assert playlist.entries[0].duration == pytest.approx(1.5007)
    assert playlist.entries[5].title == "No location" and playlist.entries[5].duration is None
    assert not playlist.entries[5].remote and playlist.entries[6].remote


def test_corpus_m3u8() -> None:
    playlist = read_playlist(corpus_dir() / "quodlibet-testdata" / "test.m3u8")
    folder = corpus_dir() / "quodlibet-testdata"
    assert [e.path for e in playlist.entries] == [
        str(folder / name)
        for name in ("lame.mp3", "test.wav", "sine-110hz.flac", "non_existing_audio_file.mp3",
                     "image.jpg")
    ]  # fmt: skip
    assert playlist.entries[2].title == "Quod Libet - 110Hz test track"
    assert playlist.entries[2].duration == 2.0


def test_corpus_non_compliant_xspf() -> None:
    playlist = read_playlist(corpus_dir() / "quodlibet-testdata" / "non-compliant.xspf")
    assert playlist.title == "100% 😈"
    (entry,) = playlist.entries
    assert (
        entry.path
        == (
            "/music/Funk & Disco/Average White Band - Pickin' Up The Pieces/"
            "Average White Band - Your Love Is a Miracle.flac"
        )
        or not POSIX
    )
    assert (entry.title, entry.artist) == ("Your Love Is a Miracle", "Average White Band")
    assert entry.duration == pytest.approx(223.866)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE playlist [
 <!ENTITY a "lollollollollollollollollollol">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<playlist><trackList><track><title>&d;</title></track></trackList></playlist>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE playlist [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<playlist><trackList><track><title>&secret;</title></track></trackList></playlist>"""


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("bomb.xspf", BILLION_LAUGHS, "refused for safety"),
        ("external.xspf", EXTERNAL_ENTITY, "refused for safety"),
        ("broken.xspf", b"<playlist><trackList><track></trackList>", "not valid XML"),
        ("empty.xspf", b"", "not valid XML"),
        ("html.xspf", b"<html><body/></html>", "not an XSPF playlist"),
        ("binary.m3u", b"#EXTM3U\n\x00\x01\x02\x00", "binary data"),
        ("nothing.pls", b"hello\nworld\n", "no [playlist] section"),
        ("mystery.txt", b"just some words", "not a playlist"),
    ],
)
def test_unreadable_files_raise(tmp_path: Path, name: str, data: bytes, words: str) -> None:
    (tmp_path / name).write_bytes(data)
    with pytest.raises(PlaylistFormatError, match=words.replace("[", r"\[").replace("]", r"\]")):
        read_playlist(tmp_path / name)


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(PlaylistFormatError, match="Could not open"):
        read_playlist(tmp_path / "absent.m3u")


def test_format_guessed_from_content(tmp_path: Path) -> None:
    (tmp_path / "list.txt").write_text("[playlist]\nFile1=a.mp3\n", "utf-8")
    assert read_playlist(tmp_path / "list.txt").format is PlaylistFormat.PLS


def test_write_needs_a_known_extension(tmp_path: Path) -> None:
    with pytest.raises(PlaylistFormatError, match=r"\.m3u, \.m3u8"):
        write_playlist(tmp_path / "list.txt", [])
    write_playlist(tmp_path / "list.txt", [], PlaylistFormat.M3U8)
    assert (tmp_path / "list.txt").read_text("utf-8") == "#EXTM3U\n"


@posix_only
@pytest.mark.parametrize("fmt", FORMATS)
def test_names_a_line_cannot_hold_round_trip(tmp_path: Path, fmt: PlaylistFormat) -> None:
    odd = [str(tmp_path / "line\nbreak.mp3"), str(tmp_path / " edge space .mp3")]
    entries = [PlaylistEntry.for_file(p, "t\nitle") for p in odd]
    write_playlist(tmp_path / f"x.{fmt.value}", entries)
    back = read_playlist(tmp_path / f"x.{fmt.value}").entries
    assert [e.path for e in back] == odd
    title = "t\nitle" if fmt is PlaylistFormat.XSPF else "t itle"  # XML holds line breaks
    assert all(e.title == title for e in back)


@posix_only
def test_written_file_has_ordinary_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_playlist(tmp_path / "x.m3u8", [PlaylistEntry.for_file(str(tmp_path / "a.mp3"))])
    finally:
        os.umask(umask)
    assert (tmp_path / "x.m3u8").stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*"))  # none left
