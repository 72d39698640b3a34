"""A curator's picture never holds up the relationship, and is fetched only where allowed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import update

from rvibe_player.store_client.api import StoreApi
from rvibe_player.store_client.errors import StoreUrlError
from rvibe_player.store_client.model import Connection
from rvibe_player.store_client.relationship import Relationship
from rvibe_player.store_server.models import Account
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD, Actor, LiveServer
from tests.store_client.helpers import curator_says


@pytest.mark.parametrize(
    "avatar",
    [
        "http://127.0.0.1:9/mira.svg",  # this machine, but nobody answers
        "http://pictures.example/mira.svg",  # plain http elsewhere: not fetched at all
    ],
)
def test_an_unreachable_or_refused_picture_does_not_stop_the_conversation(
    make_relationship: Callable[..., Relationship],
    store: LiveServer,
    curator: Actor,
    listener: Actor,
    avatar: str,
) -> None:
    with store.store.db.write() as session:
        session.execute(update(Account).where(Account.id == curator.id).values(avatar_url=avatar))
    relationship = make_relationship()
    relationship.sign_in(listener.username, PASSWORD)
    curator_says(curator, listener.id, "The record you asked about is in.")
    state = eventually(lambda: (s := relationship.state()).messages and s, timeout=15)
    assert [m.body for m in state.messages] == ["The record you asked about is in."]
    assert relationship.status.connection is Connection.ONLINE
    assert state.curator is not None and state.curator.avatar_url == avatar
    assert relationship.avatar(avatar) is None, "no picture, and nothing else lost"


def test_pictures_come_over_https_or_from_this_computer_only() -> None:
    api = StoreApi("http://127.0.0.1:9", retries=0)
    try:
        for refused in ("http://pictures.example/a.svg", "http://10.0.0.7/a.svg"):
            with pytest.raises(StoreUrlError, match="not fetched"):
                api.get_bytes(refused)
    finally:
        api.close()
