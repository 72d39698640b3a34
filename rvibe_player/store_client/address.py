"""Checking a store address before any request goes out: https anywhere, plain http on loopback.

No HTTP library here, so the sign-in dialog can check what a person typed as they type it.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from rvibe_player.store_client.errors import StoreUrlError


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` and loopback addresses (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def store_address(url: str) -> str:
    """The store's base URL, normalized (no trailing slash), or :class:`StoreUrlError` in words.

    TLS certificate checks are never turned off, so the only way to talk to a store without
    TLS is on this machine (the embedded store), where nobody can listen in.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port  # raises on a non-numeric port
    except ValueError as exc:
        raise StoreUrlError(f"{text!r} is not a store address ({exc}).") from exc
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host:
        raise StoreUrlError(
            f"{text!r} is not a store address: it should look like https://store.example.com."
        )
    if parts.scheme == "http" and not is_loopback_host(host):
        raise StoreUrlError(
            f"The player talks to {host} only over https, so nobody on the way can read your "
            f"messages or your password: use https://{host}{'' if port is None else f':{port}'}."
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise StoreUrlError(f"{text!r}: a store address has no user name, query or fragment.")
    return f"{parts.scheme}://{parts.netloc}{parts.path.rstrip('/')}"


def fetchable(url: str) -> str:
    """``url`` if the player may fetch a file from it (a picture the store points at), else
    :class:`StoreUrlError`: the store's own rule, https anywhere and plain http on loopback."""
    try:
        parts = urlsplit(url.strip())
    except ValueError as exc:
        raise StoreUrlError(f"{url!r} is not an address ({exc}).") from exc
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url.strip()
    if parts.scheme == "http" and is_loopback_host(host):
        return url.strip()
    raise StoreUrlError(
        f"{url!r} is not fetched: files come over https, or plain http from this computer."
    )
