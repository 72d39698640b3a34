"""``seed-demo``: an invented but real-looking catalog, a curator and listeners with history.

Everything is generated from a fixed random seed, so every demo store looks the same; the
relationship content is created through the same services as the API, so the logs are real.
"""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from rvibe_player.core.store_protocol import (
    DEMO_COVER,
    DEMO_CURATOR,
    DEMO_LISTENER,
    PickFeedback,
    Role,
    SharingLevel,
)
from rvibe_player.store_server.database import Database
from rvibe_player.store_server.demo_crowd import seed_crowd
from rvibe_player.store_server.models import (
    Account,
    Artist,
    Cover,
    Relationship,
    Release,
    ReplyWait,
    Track,
    utcnow,
)
from rvibe_player.store_server.security import Passwords
from rvibe_player.store_server.services import relationship, sharing
from rvibe_player.store_server.services.accounts import create_account
from rvibe_player.store_server.services.admin import assign
from rvibe_player.store_server.services.catalog import search_text
from rvibe_player.store_server.services.desk_actions import save_reply

RELEASES = 320
CROWD = 40
"""Listeners the demo curator has besides the four with a story (``--listeners``)."""
SAVED_REPLIES = (
    ("Welcome", "Hi {{first_name}}, I'm {{curator}}, your curator here. [[one thing you "
     "noticed about their taste]]. What are you listening to this week?"),
    ("Thanks for the answer", "Thank you, {{first_name}}! [[what you take from their "
     "answer]]. I'll have a pick for you by the weekend."),
    ("Checking in", "Hi {{first_name}}, it's been a while. [[a release that made you think "
     "of them]]: shall I send it?"),
)  # fmt: skip
DEMO_ADMIN = ("admin", "admin-demo")

_FIRST = [
    "Mara",
    "Otis",
    "Lena",
    "Ivo",
    "Ruth",
    "Cass",
    "Nils",
    "Ada",
    "Theo",
    "Juno",
    "Elsa",
    "Omar",
    "Vera",
    "Sol",
    "Kit",
    "Rhea",
    "Abe",
    "Tove",
]
_LAST = [
    "Quist",
    "Adeyemi",
    "Holloway",
    "Marchetti",
    "Lindqvist",
    "Okoro",
    "Varga",
    "Brennan",
    "Castellanos",
    "Whitlock",
    "Nakamura",
    "Oduya",
    "Ferreira",
    "Haldane",
    "Sorensen",
    "Achebe",
    "Moreau",
    "Kowalski",
    "Delacroix",
    "Ibsen",
]
_BAND_A = [
    "Paper",
    "Velvet",
    "Northern",
    "Copper",
    "Midnight",
    "Hollow",
    "Silver",
    "Amber",
    "Lonely",
    "Electric",
    "Quiet",
]
_BAND_B = [
    "Lanterns",
    "Harbour",
    "Orchard",
    "Satellites",
    "Tides",
    "Cartographers",
    "Foxes",
    "Signals",
    "Rivers",
]
_ENSEMBLE = ("Trio", "Quartet", "Ensemble", "Sextet", "& the Night Shift", "Band")
_ADJ = [
    "Blue",
    "Slow",
    "Golden",
    "Late",
    "Distant",
    "Electric",
    "Hidden",
    "Small",
    "Open",
    "Bright",
    "Crooked",
    "Tender",
    "Northern",
    "Paper",
    "Quiet",
    "Wild",
    "Borrowed",
    "Patient",
]
_NOUN = [
    "Hours",
    "Rooms",
    "Rivers",
    "Lights",
    "Letters",
    "Gardens",
    "Signals",
    "Weather",
    "Horizons",
    "Stations",
    "Mirrors",
    "Harbours",
    "Windows",
    "Orchards",
    "Engines",
    "Summers",
    "Ladders",
    "Islands",
]
_VERB = [
    "Waiting",
    "Dancing",
    "Falling",
    "Driving",
    "Leaving",
    "Singing",
    "Listening",
    "Dreaming",
    "Drifting",
]
_PLACE = [
    "Lisbon",
    "Tbilisi",
    "Osaka",
    "Lagos",
    "Bergen",
    "Montreal",
    "Valparaíso",
    "Kraków",
    "Reykjavík",
    "Dakar",
]
_GENRES = (
    "Jazz",
    "Soul",
    "Folk",
    "Ambient",
    "Post-rock",
    "Krautrock",
    "Afrobeat",
    "Bossa nova",
    "Indie pop",
    "Electronic",
    "Blues",
    "Chamber pop",
)
_LABELS = (
    "Blue Heron Records",
    "Northbound",
    "Tidewater Sound",
    "Small Hours",
    "Gravel & Gold",
    "Lantern Press",
    "Orbit Works",
    "Fieldnote",
    "Velvet Static",
)


def is_empty(db: Database) -> bool:
    """Whether the store has no account yet."""
    with db.read() as session:
        return not session.scalar(select(func.count()).select_from(Account))


def _artist_name(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.4:
        return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    if shape < 0.7:
        return f"The {rng.choice(_BAND_A)} {rng.choice(_BAND_B)}"
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)} {rng.choice(_ENSEMBLE)}"


def _title(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.35:
        return f"{rng.choice(_ADJ)} {rng.choice(_NOUN)}"
    if shape < 0.55:
        return f"{rng.choice(_VERB)} in {rng.choice(_PLACE)}"
    if shape < 0.75:
        return f"The {rng.choice(_ADJ)} {rng.choice(_NOUN)}"
    if shape < 0.9:
        return f"{rng.choice(_NOUN)} of {rng.choice(_PLACE)}"
    return f"{rng.choice(_VERB)} ({rng.choice(_ADJ)} Version)"


def _sort_name(name: str) -> str:
    return name[4:] + ", The" if name.startswith("The ") else name


def seed_catalog(session: Session, releases: int = RELEASES, seed: int = 4) -> list[int]:
    """Insert ``releases`` invented releases with their artists and tracks; their ids."""
    rng = random.Random(seed)  # noqa: S311 (invented demo data, not secrets)
    names = sorted({_artist_name(rng) for _ in range(max(1, releases // 3))})
    artist_ids = []
    for name in names:
        artist = Artist(name=name, sort_name=_sort_name(name), mbid=None)
        session.add(artist)
        artist_ids.append((artist, name))
    session.flush()
    release_ids = []
    for _ in range(releases):
        artist, name = rng.choice(artist_ids)
        genre, label = rng.choice(_GENRES), rng.choice(_LABELS)
        titles = [_title(rng) for _ in range(rng.randint(5, 12))]
        release = Release(
            artist_id=artist.id,
            title=_title(rng),
            year=rng.randint(1958, 2025),
            genre=genre,
            label=label,
            mbid=None,
            price_cents=rng.choice((799, 899, 999, 1099, 1299, 1499)),
            currency="EUR",
            search_text="",
        )
        release.search_text = search_text(name, release.title, label, genre, titles)
        session.add(release)
        session.flush()
        release_ids.append(release.id)
        session.execute(
            insert(Track),
            [
                {
                    "release_id": release.id,
                    "position": n,
                    "title": t,
                    "duration_ms": rng.randint(150_000, 420_000),
                    "mbid": None,
                    "price_cents": 129,
                }
                for n, t in enumerate(titles, 1)
            ],
        )
    return release_ids


_LISTENERS = (
    (DEMO_LISTENER[0], "Sam Rivera"),
    ("jonas", "Jonas Berg"),
    ("priya", "Priya Natarajan"),
    ("lea", "Léa Fontaine"),
)
_CONVERSATION = (
    (
        "listener",
        "Hi! I've been stuck on the same three records for weeks. Anything warm "
        "and slow for late evenings?",
    ),
    (
        "curator",
        "Happy to help. Do you mean warm like soul, or warm like a quiet piano "
        "trio? And do vocals get in the way at that hour?",
    ),
    ("listener", "Piano trio, definitely. Vocals are fine if they're soft."),
    ("curator", "Then I have two for you in your picks. Start with the first one, side A."),
)


def seed(db: Database, passwords: Passwords, crowd: int = CROWD) -> list[dict[str, str]]:
    """Load the demo store (into an empty database); returns the demo credentials.

    Four listeners with a story, and a ``crowd`` of listeners in every situation a desk
    sorts by (``demo_crowd``), all with the demo curator; a second curator covers for
    them, so two desks can have the same listener open.
    """
    if not is_empty(db):
        raise ValueError("the store is not empty; seed-demo only fills a new store")
    rng = random.Random(7)  # noqa: S311 (invented demo data, not secrets)
    credentials = []
    with db.write() as session:
        release_ids = seed_catalog(session)
        admin = create_account(
            session,
            passwords,
            username=DEMO_ADMIN[0],
            password=DEMO_ADMIN[1],
            role=Role.ADMIN,
            display_name="Store admin",
        )
        curator = create_account(
            session,
            passwords,
            username=DEMO_CURATOR[0],
            password=DEMO_CURATOR[1],
            role=Role.CURATOR,
            display_name="Mira Okafor",
            capacity=500,
            bio="Twenty years behind the counter of a record shop in Leeds: jazz, soul and "
            "the odd Krautrock detour.",
        )
        cover = create_account(
            session,
            passwords,
            username=DEMO_COVER[0],
            password=DEMO_COVER[1],
            role=Role.CURATOR,
            display_name="Theo Lindqvist",
            capacity=500,
            bio="Folk, ambient and anything recorded in a church.",
        )
        now = utcnow()
        session.add(Cover(curator_id=curator.id, by_id=cover.id, starts_at=now,
                          ends_at=now + timedelta(days=365)))  # fmt: skip
        for title, body in SAVED_REPLIES:
            save_reply(session, curator.id, title, body)
        credentials += [
            {"role": "admin", "username": DEMO_ADMIN[0], "password": DEMO_ADMIN[1]},
            {"role": "curator", "username": DEMO_CURATOR[0], "password": DEMO_CURATOR[1]},
            {"role": "curator", "username": DEMO_COVER[0], "password": DEMO_COVER[1]},
        ]
        listeners = []
        for username, name in _LISTENERS:
            listener = create_account(
                session,
                passwords,
                username=username,
                password=DEMO_LISTENER[1],
                role=Role.LISTENER,
                display_name=name,
            )
            assign(session, listener.id, curator.id, admin.id)
            listeners.append(listener)
            credentials.append(
                {"role": "listener", "username": username, "password": DEMO_LISTENER[1]}
            )
        for n, listener in enumerate(listeners):
            _relationship(session, rng, n, listener, curator, release_ids)
        _spread_over_time(session, rng)
    if crowd:
        seed_crowd(db, passwords, DEMO_CURATOR[0], crowd)
        credentials.append(
            {"role": "listener", "username": f"({crowd} more)", "password": DEMO_LISTENER[1]}
        )
    return credentials


def _spread_over_time(session: Session, rng: random.Random) -> None:
    """Give waits and reply times plausible lengths (everything above happened just now)."""
    now = utcnow()
    for wait in session.scalars(select(ReplyWait)):
        wait.seconds = rng.uniform(0.6, 5.0) * 3600
        wait.started_at = wait.replied_at - timedelta(seconds=wait.seconds)
    for rel in session.scalars(select(Relationship).where(Relationship.waiting_since.is_not(None))):
        rel.waiting_since = now - timedelta(hours=rng.uniform(1.0, 9.0))


def _relationship(
    session: Session,
    rng: random.Random,
    n: int,
    listener: Account,
    curator: Account,
    release_ids: list[int],
) -> None:
    def cid(tag: str) -> str:
        return f"demo-{listener.id}-{tag}"

    first = listener.display_name.split()[0]
    relationship.create_note(
        session,
        listener.id,
        curator,
        f"Welcome, {first}! I'm Mira. Tell me what you love and what you skip; "
        "I'll keep an eye on new arrivals for you.",
        cid("note1"),
    )
    note = relationship.create_note(
        session, listener.id, curator, "Record Store Day is on the 18th.", cid("note2")
    )
    relationship.edit_note(
        session,
        listener.id,
        note["note"]["id"],
        curator,
        "Record Store Day is on the 18th: we open at 8, coffee on us.",
        cid("note2e"),
    )
    reasons = (
        "The brushwork on the second track is the quietest thing I know.",
        "Recorded live in one afternoon; it sounds like it.",
        "If you liked the last one, this is its bolder cousin.",
        "A little outside your usual, but I think the bass lines will win you over.",
    )
    for k, reason in enumerate(reasons[: 2 + n % 3]):
        pick = relationship.send_pick(
            session,
            listener.id,
            curator,
            release_id=rng.choice(release_ids),
            track_id=None,
            reason=reason,
            client_id=cid(f"pick{k}"),
        )
        feedback = (PickFeedback.LOVED, PickFeedback.PLAYED, PickFeedback.SEEN, None)[k % 4]
        if feedback is not None:
            relationship.pick_feedback(
                session, listener, pick["pick"]["id"], feedback, cid(f"fb{k}")
            )
    turns = _CONVERSATION if n == 0 else _CONVERSATION[: 1 + n % 2]
    for k, (who, text) in enumerate(turns):
        author = listener if who == "listener" else curator
        relationship.send_message(session, listener.id, author, text, cid(f"msg{k}"))
    if n % 2 == 0:
        sharing.set_level(session, listener, SharingLevel.SUMMARY, cid("share"))
        now = utcnow()
        plays = [
            sharing.Play(
                now - timedelta(days=rng.randint(0, 20), minutes=rng.randint(0, 600)),
                rng.choice(("Mara Quist Trio", "The Velvet Harbour", "Ivo Lindqvist")),
                _title(rng),
                _title(rng),
                rng.choice(("Jazz", "Soul", "Ambient")),
            )
            for _ in range(40)
        ]
        sharing.record_plays(session, listener, plays)


def demo_summary() -> dict[str, Any]:
    """The demo credentials, for documentation and tests."""
    return {
        "listener": {"username": DEMO_LISTENER[0], "password": DEMO_LISTENER[1]},
        "curator": {"username": DEMO_CURATOR[0], "password": DEMO_CURATOR[1]},
        "cover": {"username": DEMO_COVER[0], "password": DEMO_COVER[1]},
        "admin": {"username": DEMO_ADMIN[0], "password": DEMO_ADMIN[1]},
    }
