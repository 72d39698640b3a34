"""A believable crowd of listeners for one curator: ``rvibe-store seed-demo --listeners N``.

Each listener gets a life: varied names, when they joined, a sharing level (and plays of
the catalog's artists when they share), perhaps the albums in their library, and one of
the situations a desk sorts by: a message waiting (minutes to days old), a personal touch
due (on a cadence of 2, 4 or 8 weeks), new and never contacted, fine for now, or snoozed.
Everything is written through the same services as the API, then moved back in time, so
the logs, the staff stream and the inbox's figures agree with each other.
"""

from __future__ import annotations

import json
import random
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import DEMO_LISTENER, PickFeedback, Role, SharingLevel
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.models import (
    Account,
    Artist,
    Assignment,
    ListenerAlbum,
    ListeningDay,
    ListeningPlay,
    Message,
    Note,
    Pick,
    Relationship,
    Release,
    ReplyWait,
    SyncEntry,
    utcnow,
)
from rvibe_player.store_server.security import Passwords
from rvibe_player.store_server.services import desk, library_albums, relationship, sharing
from rvibe_player.store_server.services.accounts import create_account
from rvibe_player.store_server.services.admin import assign
from rvibe_player.store_server.services.pick_search import album_key
from rvibe_player.store_server.synclog import iso

CHUNK = 250
"""Listeners written per transaction."""

_FIRST_WORDS = (
    "Aiko Amara Anders Aoife Arjun Astrid Bea Bruno Chidi Clara Dani Dmitri Edda Emeka Esme "
    "Farah Felix Greta Hamza Hana Ines Isak Jae Jonas Kaito Kamala Lars Leila Lior Lucia "
    "Mads Maite Malik Mei Mateo Nadia Nico Noor Olu Paz Pia Quentin Rafa Rosa Rune Saanvi "
    "Selin Sipho Talia Tariq Una Uri Vesna Wim Xiomara Yara Yusuf Zadie Zeno"
)
FIRST = tuple(_FIRST_WORDS.split())
_LAST_WORDS = (
    "Abara Bergström Castell Dubois Eze Fontaine Grieg Haddad Ishikawa Jensen Kaur Lindgren "
    "Mbeki Novak Okafor Petrov Quintero Rahman Sato Tanaka Ueda Vasquez Wojcik Xu Yilmaz "
    "Zamora Achterberg Brandt Costa Duarte Engel Farkas Gallo Horvat Iyer Juhl"
)
LAST = tuple(_LAST_WORDS.split())
WRITES = (
    "Anything like the last one, but for a rainy Sunday?",
    "I loved the record you sent. Who played the piano on track 3?",
    "Going on a long drive this weekend, eight hours. Help!",
    "Is there a good place to start with Krautrock? I'm a bit lost.",
    "Not my thing, sorry: too busy for me. Something sparser?",
    "My partner and I are cooking for friends on Friday: background music ideas?",
    "I've been playing that album every morning. More in that vein?",
    "Do you have anything on vinyl from the same label?",
    "Thank you! Side B is perfect for reading.",
    "Can you recommend something to get into jazz without it being too much?",
    "Hi! New here. I mostly listen to folk and a bit of ambient.",
    "The preview sounded great but the full album felt long. Is that normal?",
)
REPLIES = (
    "Try the second side first: it's where the trio really opens up.",
    "That's the best kind of question. Give me a day and I'll send two.",
    "Glad it landed! The same drummer plays on a record I'll pick for you next.",
    "Here's one for the drive: it starts slow and never stops moving.",
)
NOTES = (
    "New arrivals from Fieldnote this week: I have one in mind for you.",
    "We're open late on Thursday: listening booths free after 7.",
    "Thinking of you with the reissues coming next month.",
)
REASONS = (
    "The brushwork on the second track is the quietest thing I know.",
    "Recorded live in one afternoon; it sounds like it.",
    "If you liked the last one, this is its bolder cousin.",
    "A little outside your usual, but the bass lines will win you over.",
    "For the late evenings you mentioned.",
)
MODELS: dict[str, type[Message] | type[Note] | type[Pick]] = {
    "message": Message,
    "note": Note,
    "pick": Pick,
}
SITUATIONS = ("waiting", "due", "new", "fine", "snoozed")
WEIGHTS = (25, 25, 15, 30, 5)
CADENCES = (14, 30, 30, 30, 60)


@dataclass
class _Catalog:
    release_ids: list[int]
    albums: list[tuple[str, str]]
    artists: list[str]
    genres: list[str]


@dataclass
class _Timeline:
    """Entries to move back in time once a listener's life is written."""

    moments: list[tuple[int, datetime]] = field(default_factory=list)
    """(seq, when) of each log entry written for the listener."""

    def add(self, result: dict[str, Any], when: datetime) -> None:
        entry = result.get("entry")
        if entry:
            self.moments.append((int(entry["seq"]), when))


def seed_crowd(
    db: Database, passwords: Passwords, curator_username: str, listeners: int, seed: int = 11
) -> int:
    """Add ``listeners`` listeners to the curator (raising their capacity to fit).

    Every crowd listener signs in with the demo listener's password (hashed once: hashing
    thousands of passwords would take minutes). Returns how many listeners were added.
    """
    rng = random.Random(seed)  # noqa: S311 (invented demo data, not secrets)
    password_hash = passwords.hash(DEMO_LISTENER[1])
    with db.write() as session:
        curator = session.scalar(select(Account).where(Account.username == curator_username))
        if curator is None or curator.role != Role.CURATOR:
            raise ValueError(f"no curator named {curator_username!r} in this store")
        curator_id = curator.id
        taken = session.scalar(select(Account.id).order_by(Account.id.desc()).limit(1)) or 0
        assigned = len(session.scalars(
            select(Relationship.listener_id).where(Relationship.curator_id == curator_id)
        ).all())  # fmt: skip
        curator.capacity = max(curator.capacity or 0, assigned + listeners)
        catalog = _catalog(session)
    made = 0
    while made < listeners:
        count = min(CHUNK, listeners - made)
        with db.write() as session:
            curator = session.get(Account, curator_id)
            assert curator is not None
            for n in range(made, made + count):
                _listener(session, rng, (curator, passwords), catalog, password_hash, taken + n)
        made += count
    return made


def _catalog(session: Session) -> _Catalog:
    rows = session.execute(
        select(Release.id, Release.title, Artist.name, Release.genre).join(
            Artist, Release.artist_id == Artist.id
        )
    ).all()
    if not rows:
        raise ValueError("the store has no catalog yet; seed the demo catalog first")
    return _Catalog(
        [r[0] for r in rows],
        [(r[2], r[1]) for r in rows],
        sorted({r[2] for r in rows}),
        sorted({r[3] for r in rows if r[3]}) or ["Jazz"],
    )


def _listener(
    session: Session,
    rng: random.Random,
    staff: tuple[Account, Passwords],
    catalog: _Catalog,
    password_hash: str,
    n: int,
) -> None:
    curator, passwords = staff
    first, last = rng.choice(FIRST), rng.choice(LAST)
    plain = unicodedata.normalize("NFKD", f"{first}.{last}.{n}").encode("ascii", "ignore")
    listener = create_account(
        session,
        passwords,  # not asked: the hash is given
        username=plain.decode().lower(),
        password=DEMO_LISTENER[1],
        role=Role.LISTENER,
        display_name=f"{first} {last}",
        password_hash=password_hash,
    )
    now = utcnow()
    situation = rng.choices(SITUATIONS, WEIGHTS)[0]
    days = rng.uniform(0.2, 12) if situation == "new" else rng.uniform(1, 420)
    joined = now - timedelta(days=days)
    listener.created_at = joined
    assign(session, listener.id, curator.id, None)
    session.execute(
        update(Assignment).where(Assignment.listener_id == listener.id).values(started_at=joined)
    )
    timeline = _Timeline()
    timeline.moments.append((1, joined))
    cadence = rng.choice(CADENCES)
    rel = session.get(Relationship, listener.id)
    assert rel is not None
    desk.set_cadence(rel, cadence)
    _share(session, rng, listener, catalog, now)
    cid = f"crowd-{listener.id}-"
    if situation == "due":
        touched = now - timedelta(days=cadence + rng.uniform(0.5, 25))
        _touch(session, rng, listener, curator, catalog, timeline, touched, cid)
    elif situation in ("fine", "snoozed"):
        touched = now - timedelta(days=rng.uniform(0.2, cadence - 1))
        _touch(session, rng, listener, curator, catalog, timeline, touched, cid)
        if situation == "snoozed":
            until = None if rng.random() < 0.4 else now + timedelta(days=rng.uniform(1, 10))
            desk.snooze(rel, until, until is None)
    elif situation == "waiting":  # perhaps an earlier exchange; their message, unanswered
        if rng.random() < 0.6:
            touched = now - timedelta(days=rng.uniform(5, 60))
            _touch(session, rng, listener, curator, catalog, timeline, touched, cid)
        waited = timedelta(minutes=rng.lognormvariate(5.0, 1.4))
        result = relationship.send_message(
            session, listener.id, listener, rng.choice(WRITES), cid + "wrote"
        )
        timeline.add(result, now - min(waited, timedelta(days=6)))
    _backdate(session, rel, timeline)


def _touch(
    session: Session,
    rng: random.Random,
    listener: Account,
    curator: Account,
    catalog: _Catalog,
    timeline: _Timeline,
    when: datetime,
    cid: str,
) -> None:
    """A personal touch at ``when``: a reply, a note or picks (some with an answer)."""
    kind = rng.choice(("message", "note", "picks", "picks"))
    if kind == "message":
        asked = relationship.send_message(session, listener.id, listener, rng.choice(WRITES),
                                          cid + "asked")  # fmt: skip
        timeline.add(asked, when - timedelta(hours=rng.uniform(1, 30)))
        said = relationship.send_message(session, listener.id, curator, rng.choice(REPLIES),
                                         cid + "said")  # fmt: skip
        timeline.add(said, when)
    elif kind == "note":
        noted = relationship.create_note(session, listener.id, curator, rng.choice(NOTES),
                                         cid + "note")  # fmt: skip
        timeline.add(noted, when)
    else:
        for k in range(rng.randint(1, 3)):
            picked = relationship.send_pick(
                session, listener.id, curator, release_id=rng.choice(catalog.release_ids),
                track_id=None, reason=rng.choice(REASONS), client_id=f"{cid}pick{k}",
            )  # fmt: skip
            timeline.add(picked, when)
            answer = rng.choice((PickFeedback.LOVED, PickFeedback.PLAYED, PickFeedback.SEEN,
                                 PickFeedback.DISMISSED, None))  # fmt: skip
            if answer is not None:
                answered = relationship.pick_feedback(
                    session, listener, picked["pick"]["id"], answer, f"{cid}fb{k}"
                )
                timeline.add(answered, when + timedelta(hours=rng.uniform(2, 48)))


def _share(
    session: Session, rng: random.Random, listener: Account, catalog: _Catalog, now: datetime
) -> None:
    """A sharing level (plays of catalog artists when on) and, for some, their albums."""
    level = rng.choices((SharingLevel.OFF, SharingLevel.SUMMARY, SharingLevel.FULL), (45, 35, 20))[
        0
    ]
    if level is not SharingLevel.OFF:
        sharing.set_level(session, listener, level, f"crowd-{listener.id}-share")
        favourites = rng.sample(catalog.artists, k=min(5, len(catalog.artists)))
        plays = [
            (
                now - timedelta(days=rng.uniform(0, 58)),
                rng.choice(favourites) if rng.random() < 0.8 else rng.choice(catalog.artists),
                rng.choice(catalog.albums)[1],
                rng.choice(catalog.genres),
            )
            for _ in range(rng.randint(20, 90))
        ]
        # The rows record_plays keeps, written at once (it reads each day's row first).
        days = Counter((when.date(), artist, genre) for when, artist, _album, genre in plays)
        session.add_all(
            ListeningDay(listener_id=listener.id, day=day, artist=artist, genre=genre, plays=n)
            for (day, artist, genre), n in days.items()
        )
        if level is SharingLevel.FULL:
            session.add_all(
                ListeningPlay(
                    listener_id=listener.id,
                    played_at=when,
                    artist=artist,
                    album=album,
                    title=album,
                    genre=genre,
                )
                for when, artist, album, genre in plays
            )
    if rng.random() < 0.3:
        library_albums.set_library_sharing(session, listener, True, f"crowd-{listener.id}-lib")
        owned = rng.sample(catalog.albums, k=min(rng.randint(4, 24), len(catalog.albums)))
        session.add_all(
            ListenerAlbum(
                listener_id=listener.id,
                key=album_key(artist, title),
                artist=artist,
                album=title,
                artist_mbid=None,
                release_mbid=None,
            )
            for artist, title in owned
        )


def _backdate(session: Session, rel: Relationship, timeline: _Timeline) -> None:
    """Move what was just written back to the moments of the listener's life."""
    session.flush()
    when_of = dict(timeline.moments)
    entries = session.scalars(
        select(SyncEntry).where(SyncEntry.listener_id == rel.listener_id)
    ).all()
    latest = None
    for entry in entries:
        when = when_of.get(entry.seq) or when_of.get(1)
        if when is None:
            continue
        entry.created_at = when
        data = json.loads(entry.data)
        for inner in data.values():
            if isinstance(inner, dict) and "created_at" in inner:
                inner["created_at"] = iso(when)
        entry.data = json.dumps(data, separators=(",", ":"))
        kind, _sep, object_id = entry.object_key.partition(":")
        model = MODELS.get(kind)
        if model is not None and object_id.isdigit() and entry.kind.endswith((".sent", ".created")):
            session.execute(update(model).where(model.id == int(object_id)).values(created_at=when))
        latest = max(latest or when, when)
    _backdate_relationship(session, rel, timeline, latest)


def _backdate_relationship(
    session: Session, rel: Relationship, timeline: _Timeline, latest: datetime | None
) -> None:
    messages = session.scalars(
        select(Message).where(Message.listener_id == rel.listener_id).order_by(Message.seq)
    ).all()
    rel.last_activity_at = latest
    if messages:
        rel.last_message_at = messages[-1].created_at
    theirs = [m for m in messages if m.author_role == "listener"]
    if rel.waiting_since is not None and theirs:
        rel.waiting_since = theirs[-1].created_at
    mine = [m.created_at for m in messages if m.author_role == "curator"]
    touches = [*mine, *session.scalars(select(Note.created_at).where(
        Note.listener_id == rel.listener_id)), *session.scalars(
        select(Pick.created_at).where(Pick.listener_id == rel.listener_id))]  # fmt: skip
    if touches:
        rel.last_touch_at = max(touches)
        rel.touch_due_at = rel.last_touch_at + timedelta(days=rel.touch_every_days)
    asked = [m.created_at for m in theirs if mine and m.created_at <= mine[0]]
    if not asked:
        return
    for wait in session.scalars(select(ReplyWait).where(ReplyWait.listener_id == rel.listener_id)):
        wait.started_at, wait.replied_at = asked[0], mine[0]
        wait.seconds = (mine[0] - asked[0]).total_seconds()
