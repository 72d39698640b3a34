"""File extensions the library treats as music (kept light: the scanner plans with it)."""

from __future__ import annotations

# Extensions worth handing to the tag reader. Other files in a music folder are skipped.
AUDIO_EXTENSIONS = frozenset(
    {
        ".mp3", ".mp2", ".mp1", ".mpga", ".flac", ".fla", ".ogg", ".oga", ".opus", ".spx",
        ".m4a", ".m4b", ".m4p", ".mp4", ".aac", ".alac", ".wma", ".asf", ".ape", ".wv",
        ".mpc", ".mp+", ".tta", ".ofr", ".ofs", ".tak", ".dsf", ".dff", ".wav", ".wave",
        ".aif", ".aiff", ".aifc", ".ac3", ".mid", ".midi", ".xm", ".mod", ".it", ".s3m",
        ".spc", ".vgm", ".vgz",
    }
)  # fmt: skip
