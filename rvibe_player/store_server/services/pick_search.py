"""Looking for a pick for one listener: catalog results marked "owned" and "already picked",
ranked by a simple closeness to what they share, with the reason in words.

Closeness is explainable on purpose: the release's artist among the listener's ten most
played artists (3 points), its genre among their top genres (2 points, 1 for the lower
ones), and nothing else; the sentence under each result says which. Releases they own or
were already picked for them come last. Nothing here reads more than the listener shares:
without listening shared there is no closeness, without their library shared no "owned".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import SharingLevel
from rvibe_player.store_server.models import (
    Artist,
    ListenerAlbum,
    ListeningDay,
    Pick,
    Relationship,
    Release,
    Track,
    utcnow,
)
from rvibe_player.store_server.services.catalog import fold, search
from rvibe_player.store_server.services.views import release_summary

TASTE_DAYS = 90


def album_key(artist: str, album: str) -> str:
    """The folded key an album is known by in a listener's shared library."""
    return f"{fold(artist).strip()}\x1f{fold(album).strip()}"[:420]


@dataclass(frozen=True)
class Taste:
    """What the listener shares of their listening: top artists and genres, ranked."""

    artists: list[tuple[str, int]]
    genres: list[tuple[str, int]]

    @classmethod
    def of(cls, session: Session, rel: Relationship) -> Taste:
        if rel.sharing_level == SharingLevel.OFF:
            return cls([], [])
        since = utcnow().date() - timedelta(days=TASTE_DAYS)
        artists: Counter[str] = Counter()
        genres: Counter[str] = Counter()
        rows = session.execute(
            select(ListeningDay.artist, ListeningDay.genre, ListeningDay.plays).where(
                ListeningDay.listener_id == rel.listener_id, ListeningDay.day >= since
            )
        )
        for artist, genre, plays in rows:
            if artist:
                artists[artist] += plays
            if genre:
                genres[genre] += plays
        return cls(artists.most_common(10), genres.most_common(5))

    def closeness(self, artist: str, genre: str) -> tuple[int, str]:
        """Points and the sentence that explains them."""
        points, why = 0, []
        folded = fold(artist)
        for rank, (name, plays) in enumerate(self.artists, start=1):
            if fold(name) == folded:
                points += 3
                why.append(f"{name} is number {rank} of their top artists ({plays} plays)")
                break
        for rank, (name, _plays) in enumerate(self.genres, start=1):
            if genre and fold(name) == fold(genre):
                points += 2 if rank <= 2 else 1
                why.append(
                    f"{name} is their most played genre" if rank == 1
                    else f"{name} is among their top genres"
                )  # fmt: skip
                break
        if not why:
            why.append("nothing in common with what they share yet" if self.artists
                       else "they share no listening to compare with")  # fmt: skip
        return points, "; ".join(why)


def owned_keys(session: Session, rel: Relationship) -> tuple[set[str], set[str]]:
    """(folded artist+album keys, release MusicBrainz ids) of albums the listener shares."""
    if not rel.library_sharing:
        return set(), set()
    rows = session.execute(
        select(ListenerAlbum.key, ListenerAlbum.release_mbid).where(
            ListenerAlbum.listener_id == rel.listener_id
        )
    ).all()
    return {k for k, _m in rows}, {m for _k, m in rows if m}


def picked_releases(session: Session, listener_id: int) -> set[int]:
    """Releases picked for the listener before (a pick of one of its tracks counts)."""
    rows = session.execute(
        select(Pick.release_id, Track.release_id)
        .outerjoin(Track, Track.id == Pick.track_id)
        .where(Pick.listener_id == listener_id, Pick.withdrawn_at.is_(None))
    ).all()
    return {r or t for r, t in rows if (r or t) is not None}


def is_owned(release: Release, artist: Artist, owned: tuple[set[str], set[str]]) -> bool:
    """Whether the listener's shared library holds this release."""
    keys, mbids = owned
    return (release.mbid is not None and release.mbid in mbids) or (
        album_key(artist.name, release.title) in keys
    )


def pick_search(session: Session, rel: Relationship, query: str, limit: int) -> dict[str, Any]:
    """Catalog results for ``query`` (or, without one, releases close to their taste)."""
    taste = Taste.of(session, rel)
    if query.strip():
        ids = [item["id"] for item in search(session, query, 200, 0)["items"]]
        rows = session.execute(
            select(Release, Artist).join(Artist, Artist.id == Release.artist_id)
            .where(Release.id.in_(ids))
        ).all()  # fmt: skip
    else:
        genres = [g for g, _p in taste.genres]
        artists = [n for n, _p in taste.artists]
        close = select(Release, Artist).join(Artist, Artist.id == Release.artist_id)
        if artists or genres:
            close = close.where(or_(Release.genre.in_(genres), Artist.name.in_(artists)))
        else:  # nothing shared to go by: the newest in the catalog
            close = close.order_by(Release.id.desc())
        rows = session.execute(close.limit(500)).all()
    owned = owned_keys(session, rel)
    picked = picked_releases(session, rel.listener_id)
    results = []
    for release, artist in rows:
        points, why = taste.closeness(artist.name, release.genre)
        mine = is_owned(release, artist, owned)
        before = release.id in picked
        results.append(
            (
                (mine or before, -points, fold(artist.name), release.year or 0, release.id),
                release_summary(release, artist)
                | {"owned": mine, "picked": before, "closeness": points, "why": why},
            )
        )
    results.sort(key=lambda pair: pair[0])
    return {"items": [view for _key, view in results[:limit]], "total": len(results)}
