"""The panel's state from cached rows, as a pure function: no thread, no file, no network."""

from __future__ import annotations

import dataclasses
from typing import Any

from rvibe_player.core.wire import (
    MessageWire,
    NoteWire,
    PersonWire,
    PickItemWire,
    PickWire,
    ReleaseSummaryWire,
)
from rvibe_player.store_client.intents import IntentKind
from rvibe_player.store_client.log_store import StoredObject
from rvibe_player.store_client.model import MessageState, Ownership, PickMatch
from rvibe_player.store_client.outbox_store import OutboxItem
from rvibe_player.store_client.projector import CacheSnapshot, project
from tests.helpers.clock import TestClock

ME, CURATOR = 5, 9
STORE = "http://127.0.0.1:8000"
CREATED = TestClock.start().iso_ago(days=3)


def _obj(key: str, seq: int, data: dict[str, Any], actor: int = CURATOR, **kw: Any) -> StoredObject:
    return StoredObject(key, seq, kw.get("kind", "x"), actor, kw.get("client_id"), "", data)


def _out(n: int, kind: IntentKind, payload: dict[str, Any], state: str = "pending") -> OutboxItem:
    return OutboxItem(n, f"cid-{n}", kind, payload, 1_700_000_000.0 + n, state, 0, "", "")


def _person(account_id: int, name: str, role: str) -> PersonWire:
    return {"id": account_id, "name": name, "role": role, "avatar_url": None}


def _message(seq: int, body: str, mine: bool, **kw: Any) -> StoredObject:
    who = _person(ME, "Sam", "listener") if mine else _person(CURATOR, "Mira", "curator")
    message: MessageWire = {"id": seq, "seq": seq, "body": body, "created_at": CREATED,
                            "from": "listener" if mine else "curator", "author": who}  # fmt: skip
    return _obj(f"message:{seq}", seq, {"message": message}, ME if mine else CURATOR, **kw)


def _pick(seq: int, pick_id: int, feedback: str | None = None) -> StoredObject:
    release: ReleaseSummaryWire = {
        "id": 40 + pick_id, "title": "Blue", "year": 1971, "genre": "Jazz", "label": "",
        "mbid": None, "artist": {"id": 3, "name": "Mara Quist", "mbid": None},
        "price": {"cents": 999, "currency": "EUR"},
    }  # fmt: skip
    item: PickItemWire = {"type": "release", "release": release, "track": None,
                          "preview_url": "/v1/catalog/tracks/1/preview.wav"}  # fmt: skip
    pick: PickWire = {"id": pick_id, "reason": "warm", "item": item, "feedback": feedback,
                      "feedback_at": None, "curator": _person(CURATOR, "Mira", "curator"),
                      "created_at": CREATED}  # fmt: skip
    return _obj(f"pick:{pick_id}", seq, {"pick": pick})


def _note(seq: int, note_id: int, body: str) -> StoredObject:
    note: NoteWire = {"id": note_id, "body": body, "created_at": CREATED, "updated_at": CREATED,
                      "author": _person(CURATOR, "Mira", "curator")}  # fmt: skip
    return _obj(f"note:{note_id}", seq, {"note": note})


def _unmatched(item: object, release: object) -> PickMatch:
    return PickMatch(Ownership.NOT_OWNED)


def _absolute(path: str) -> str:
    return path if path.startswith("http") else STORE + path


def test_unread_counts_news_from_others_after_my_read_marker_or_a_queued_one() -> None:
    snapshot = CacheSnapshot(
        account={"id": ME, "name": "Sam"},
        my_read=_obj("read:listener", 3, {"seq": 2}, ME),
        notes=[_note(1, 1, "old")],
        picks=[_pick(4, 1)],
        messages=[_message(2, "hi", False), _message(5, "mine", True), _message(6, "new", False)],
    )
    state = project(snapshot, _unmatched, _absolute)
    assert state.unread == 2, "the pick and the new message; not mine, not before seq 2"
    queued = dataclasses.replace(snapshot, outbox=[_out(1, IntentKind.READ, {"seq": 5})])
    assert project(queued, _unmatched, _absolute).unread == 1, "a read marker in the outbox"


def test_message_states_follow_both_read_markers_and_the_outbox() -> None:
    snapshot = CacheSnapshot(
        account={"id": ME, "name": "Sam"},
        my_read=_obj("read:listener", 9, {"seq": 2}, ME),
        their_read=_obj("read:curator", 8, {"seq": 3}, CURATOR),
        messages=[
            _message(2, "hello", False),
            _message(3, "read by her", True, client_id="c3"),
            _message(4, "not yet", True),
            _message(5, "unread", False),
        ],
        outbox=[
            _out(1, IntentKind.MESSAGE, {"body": "waiting"}),
            _out(2, IntentKind.MESSAGE, {"body": "refused"}, state="failed"),
        ],
    )
    state = project(snapshot, _unmatched, _absolute)
    assert [(m.body, m.state) for m in state.messages] == [
        ("hello", MessageState.READ),
        ("read by her", MessageState.READ),
        ("not yet", MessageState.SENT),
        ("unread", MessageState.UNREAD),
        ("waiting", MessageState.PENDING),
        ("refused", MessageState.FAILED),
    ]
    assert state.messages[1].key == "c3", "mine keep their client id as key (no flicker)"
    assert state.messages[0].key == "message:2"
    assert (state.waiting_to_send, state.failed_to_send) == (1, 1)
    assert state.messages[4].author == "Sam"


def test_pick_feedback_waiting_in_the_outbox_shows_unless_it_would_weaken_an_answer() -> None:
    snapshot = CacheSnapshot(
        account={"id": ME},
        picks=[_pick(3, 1), _pick(2, 2, feedback="loved")],
        outbox=[
            _out(1, IntentKind.FEEDBACK, {"pick_id": 1, "feedback": "played"}),
            _out(2, IntentKind.FEEDBACK, {"pick_id": 2, "feedback": "seen"}),
        ],
    )
    matched: list[int] = []

    def matcher(item: Any, release: Any) -> PickMatch:
        matched.append(item.release_id)
        return PickMatch(Ownership.OWNED, (7,), "text")

    first, second = project(snapshot, matcher, _absolute).picks
    assert (first.feedback, first.feedback_pending) == ("played", True)
    assert (second.feedback, second.feedback_pending) == ("loved", False), "seen never weakens"
    assert matched == [41, 42] and first.match.track_ids == (7,)
    assert first.item.preview_url == f"{STORE}/v1/catalog/tracks/1/preview.wav"


def test_sharing_level_a_pending_change_wins_and_the_curator_card_keeps_its_reply_time() -> None:
    me = {"relationship": {"sharing_level": "summary", "curator": {
        "id": CURATOR, "name": "Mira", "bio": "", "median_first_reply_seconds": 5400.0,
        "avatar_url": "/v1/avatars/9.svg"}}}  # fmt: skip
    base = CacheSnapshot(account={"id": ME}, me=me)
    assert project(base, _unmatched, _absolute).sharing_level == "summary"
    card = project(base, _unmatched, _absolute).curator
    assert card is not None and card.avatar_url == f"{STORE}/v1/avatars/9.svg"
    assert card.median_first_reply_seconds == 5400.0
    changed = CacheSnapshot(
        account={"id": ME},
        me=me,
        sharing=_obj("sharing", 4, {"level": "full"}, ME),
        curator=_obj(
            "curator",
            5,
            {
                "previous_curator_id": CURATOR,
                "curator": {
                    "id": 11,
                    "name": "Noor",
                    "bio": "",
                    "avatar_url": "",
                    "median_first_reply_seconds": None,
                },
            },
        ),
        outbox=[_out(1, IntentKind.SHARING, {"level": "off"})],
    )
    state = project(changed, _unmatched, _absolute)
    assert state.sharing_level == "off", "the change still in the outbox"
    assert state.curator is not None and state.curator.name == "Noor"
    assert state.curator.median_first_reply_seconds is None, "the old curator's figure"


def test_an_object_this_player_cannot_read_is_left_out_and_the_rest_still_shows() -> None:
    broken = _obj("note:2", 2, {"note": {"id": 2}})  # no body, no dates
    snapshot = CacheSnapshot(
        account={"id": ME},
        notes=[broken, _note(1, 1, "still here")],
        picks=[_obj("pick:9", 3, {"pick": {"id": 9, "item": None}}), _pick(4, 1)],
        messages=[_obj("message:5", 5, {"message": "not an object"}), _message(6, "hi", False)],
    )
    state = project(snapshot, _unmatched, _absolute)
    assert [n.body for n in state.notes] == ["still here"]
    assert [p.id for p in state.picks] == [1]
    assert [m.body for m in state.messages] == ["hi"]
