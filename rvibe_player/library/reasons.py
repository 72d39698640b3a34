"""Why the library leaves a file or folder out, in words a person can act on.

Every reason is a :class:`core.errors.Words` in the context ``LibraryReason``: the English
goes into the database and the logs, and the interface says it in the user's language. A
reason read back from the database is plain text again; :func:`recognise` finds its template
and words, so the problems list is translated too, including reasons stored by an earlier run.
What the operating system or the tag reader said (``strerror``, mutagen's message) is kept
as it came: it is the detail, not the sentence.
"""

from __future__ import annotations

from rvibe_player.core.errors import QT_TRANSLATE_NOOP, Words, recognise_words

CONTEXT = "LibraryReason"

# Files the tag reader cannot index.
FILE_PERMISSION = QT_TRANSLATE_NOOP("LibraryReason", "permission denied: the file cannot be opened")
CANNOT_READ = QT_TRANSLATE_NOOP("LibraryReason", "cannot read the file: %1")
EMPTY_FILE = QT_TRANSLATE_NOOP("LibraryReason", "empty file (0 bytes)")
DAMAGED = QT_TRANSLATE_NOOP("LibraryReason", "damaged or unsupported file: %1")
UNSUPPORTED_FORMAT = QT_TRANSLATE_NOOP(
    "LibraryReason", "the tag reader does not support this format (%1)"
)
NOT_AUDIO_FORMAT = QT_TRANSLATE_NOOP("LibraryReason", "not a recognised audio format (%1)")
NO_EXTENSION = QT_TRANSLATE_NOOP("LibraryReason", "no extension")
DAMAGED_TAGS = QT_TRANSLATE_NOOP("LibraryReason", "damaged tags: %1")
IMPOSSIBLE_SIZE = QT_TRANSLATE_NOOP(
    "LibraryReason", "damaged file: a tag claims an impossible size"
)
UNKNOWN = QT_TRANSLATE_NOOP("LibraryReason", "unknown reason")
NOT_AUDIO_FILE = QT_TRANSLATE_NOOP("LibraryReason", "not an audio file")

# Folders and entries the walk leaves out.
PERMISSION = QT_TRANSLATE_NOOP("LibraryReason", "permission denied")
NOT_FOUND = QT_TRANSLATE_NOOP("LibraryReason", "not found (removed, or the disk is not connected)")
LINK_LOOP = QT_TRANSLATE_NOOP(
    "LibraryReason", "symbolic link loop: this folder was already scanned"
)
FOLDER_SKIPPED = QT_TRANSLATE_NOOP("LibraryReason", "folder skipped: %1")
BROKEN_LINK = QT_TRANSLATE_NOOP("LibraryReason", "broken link: its target does not exist")

# Library folders that are offline, or not watched.
EMPTY_ROOT = QT_TRANSLATE_NOOP(
    "LibraryReason",
    "the folder is empty; its disk may be disconnected, so its tracks are kept",
)
UNREACHABLE_ROOT = QT_TRANSLATE_NOOP(
    "LibraryReason", "cannot be reached (%1); its tracks are kept and marked offline"
)
TOO_MANY_WATCHES = QT_TRANSLATE_NOOP(
    "LibraryReason",
    "too many folders to watch; raise fs.inotify.max_user_watches "
    "(changes are picked up by the next rescan instead)",
)
ROOT_GONE = QT_TRANSLATE_NOOP("LibraryReason", "the folder is not there (disk disconnected?)")

TEMPLATES = (
    FILE_PERMISSION,
    CANNOT_READ,
    EMPTY_FILE,
    DAMAGED,
    UNSUPPORTED_FORMAT,
    NOT_AUDIO_FORMAT,
    NO_EXTENSION,
    DAMAGED_TAGS,
    IMPOSSIBLE_SIZE,
    UNKNOWN,
    NOT_AUDIO_FILE,
    PERMISSION,
    NOT_FOUND,
    LINK_LOOP,
    FOLDER_SKIPPED,
    BROKEN_LINK,
    EMPTY_ROOT,
    UNREACHABLE_ROOT,
    TOO_MANY_WATCHES,
    ROOT_GONE,
)


def reason(template: str, *words: str) -> Words:
    """One of the templates above, filled."""
    return Words(CONTEXT, template, *words)


def os_reason(exc: OSError) -> str:
    """Why an operating-system call failed, as a reason."""
    if isinstance(exc, PermissionError):
        return reason(PERMISSION)
    if isinstance(exc, FileNotFoundError):
        return reason(NOT_FOUND)
    return exc.strerror or str(exc)


def recognise(text: str) -> str:
    """A stored reason as :class:`Words` again when it is one of ours, else ``text``."""
    return recognise_words(text, CONTEXT, TEMPLATES)
