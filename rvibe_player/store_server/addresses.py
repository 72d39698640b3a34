"""Who is calling, from where: the client address behind trusted proxies, and allowed Host names.

``X-Forwarded-For`` is a header anyone can send, so it is believed only when the connection
comes from a configured proxy, and then only up to the first hop that is not one of ours.
The embedded store (bound to a loopback address) answers only loopback Host names: a page on
another site that rebinds its DNS name to 127.0.0.1 still sends its own name as Host.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
"""Host names the embedded store accepts (any 127.0.0.0/8 literal is accepted too)."""


def parse_networks(specs: Iterable[str]) -> tuple[Network, ...]:
    """Addresses or networks (``10.0.0.5``, ``10.0.0.0/8``, ``::1``); ValueError if one is not."""
    networks = []
    for spec in filter(None, (s.strip() for s in specs)):
        try:
            networks.append(ipaddress.ip_network(spec, strict=False))
        except ValueError as exc:
            raise ValueError(f"not an address or network: {spec!r}") from exc
    return tuple(networks)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def _trusted(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address, proxies: tuple[Network, ...]
) -> bool:
    return any(ip.version == net.version and ip in net for net in proxies)


def client_address(
    peer: str | None, forwarded_for: str | None, proxies: tuple[Network, ...]
) -> str:
    """The caller's address: the peer, or behind our proxies the last hop they did not add.

    Proxies append the address they saw to ``X-Forwarded-For``, so reading from the right and
    skipping our own proxies gives the first address no caller could have written.
    """
    peer_ip = _ip(peer or "")
    if peer_ip is None:
        return peer or "unknown"
    if not forwarded_for or not _trusted(peer_ip, proxies):
        return str(peer_ip)
    hop = peer_ip
    for part in reversed(forwarded_for.split(",")):
        ip = _ip(part)
        if ip is None:
            break  # garbage from before our proxies: stop at the last good hop
        hop = ip
        if not _trusted(ip, proxies):
            break
    return str(hop)


def throttle_address(address: str) -> str:
    """What sign-in limits count: an IPv4 address, or the /64 network of an IPv6 one.

    One IPv6 subscriber usually holds a whole /64, so counting single addresses would give
    an attacker 2**64 fresh budgets.
    """
    ip = _ip(address)
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip) if ip is not None else address[:64]


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` serves this machine only."""
    if host.lower() == "localhost":
        return True
    ip = _ip(host.strip("[]"))
    return ip is not None and ip.is_loopback


def host_name(header: str) -> str:
    """The name in a ``Host`` header, without the port (``[::1]:80`` gives ``::1``)."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


def host_allowed(header: str | None, allowed: tuple[str, ...]) -> bool:
    """Whether a request's ``Host`` is one of ``allowed`` (loopback literals always are then)."""
    if not header:
        return False
    name = host_name(header)
    if name in allowed:
        return True
    ip = _ip(name)
    return ip is not None and ip.is_loopback and "127.0.0.1" in allowed
