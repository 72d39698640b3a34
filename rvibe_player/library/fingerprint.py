"""Content fingerprints that let a track keep its identity when its file moves or is renamed."""

from __future__ import annotations

import hashlib
from typing import Any, BinaryIO

import xxhash

BLOCK = 64 * 1024
"""Bytes hashed from each end of the file."""

BLAKE2B = 0
"""The first kind: BLAKE2b. Libraries that had tracks before schema 5 keep it (see below)."""
SHA1 = 1
"""SHA-1, cut to 16 bytes: about 1.6 GB/s against BLAKE2b's 0.76 GB/s here (the CPU's SHA
instructions, which OpenSSL uses; without them still faster). Hashing two blocks of every
file was half a tag reader's work on real music files (0.17 ms a file with BLAKE2b). It is
an identity check between a vanished file and a found one, not a defence against forgery.
The kind of libraries first scanned by players of December 2026; they keep it (below)."""
XXH3 = 2
"""XXH3-128 (the xxhash package): two blocks of 64 KiB in 2.3 us against SHA-1's 68 us here,
so a tag reader no longer spends a third of its time on a real music file hashing it (and a
twentieth on the generated benchmark corpus's 16 KB files). Not cryptographic, which an
identity check between a vanished file and a found one does not need."""
CURRENT = XXH3
"""The kind a new library uses. A library keeps the kind it has (``library_state``'s
``fingerprint_kind``): a stored fingerprint is only comparable with one made the same way,
so a file moved after an update is still recognised."""
KINDS = (BLAKE2B, SHA1, XXH3)


def fingerprint(path: str, size: int, kind: int = CURRENT) -> bytes:
    """A 16-byte hash of the file's length, first block and last block.

    Reading two blocks costs two seeks whatever the file size, and the blocks hold the
    tag headers and the end of the audio, so copies with different tags differ while a
    moved file keeps its fingerprint.

    Raises:
        OSError: the file cannot be read.
    """
    with open(path, "rb") as handle:
        return fingerprint_of(handle, size, kind)


def fingerprint_of(handle: BinaryIO, size: int, kind: int = CURRENT) -> bytes:
    """:func:`fingerprint` of a file already open for reading (it is read from the start)."""
    return fingerprint_and_content(handle, size, kind)[0]


def fingerprint_and_content(
    handle: BinaryIO, size: int, kind: int = CURRENT
) -> tuple[bytes, bytes | None]:
    """:func:`fingerprint_of`, with the file's whole content when hashing read all of it (a
    file of at most two blocks; else None): the tag reader then parses those bytes instead
    of reading the file a second time (7% less of a reader's work on the generated
    benchmark corpus's files)."""
    length = size.to_bytes(8, "little")
    digest: Any
    if kind == XXH3:
        digest = xxhash.xxh3_128(length)
    elif kind == BLAKE2B:
        digest = hashlib.blake2b(length, digest_size=16)
    else:
        digest = hashlib.sha1(length, usedforsecurity=False)
    handle.seek(0)
    content = None
    if size <= 2 * BLOCK:
        content = handle.read()
        digest.update(content)
    else:
        digest.update(handle.read(BLOCK))
        handle.seek(-BLOCK, 2)
        digest.update(handle.read(BLOCK))
    return bytes(digest.digest()[:16]), content
