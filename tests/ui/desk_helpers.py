"""Opening the curator desk in a real window against the real store on 127.0.0.1."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import httpx
from sqlalchemy import update

from rvibe_player.store_server.models import Message, Relationship
from rvibe_player.ui.shell.main_window import MainWindow
from rvibe_player.ui.staff.desk_page import DeskPage
from tests.store.live import PASSWORD, Actor, Api, LiveServer


def sign_in_desk(window: MainWindow, qtbot: Any, username: str) -> DeskPage:
    """Sign the window's desk in as ``username`` and show it, with the inbox drawn."""
    qtbot.waitUntil(lambda: window.desk_bridge.desk is not None, timeout=15_000)
    desk = window.desk_bridge.desk
    assert desk is not None
    done: list[object] = []
    window.desk_bridge.run(
        desk.sign_in, username, PASSWORD, remember=False,
        then=lambda _result, error: done.append(error or "ok"),
    )  # fmt: skip
    qtbot.waitUntil(lambda: bool(done), timeout=15_000)
    assert done == ["ok"], done
    window.show_page("desk")
    page = window.desk_page
    qtbot.waitUntil(lambda: page.currentWidget() is page.main, timeout=10_000)
    return page


def listener_api(store: LiveServer, listener: Actor) -> Api:
    """A session of the listener's own (close it at the end)."""
    answer = store.client().post(
        "/v1/auth/login", json={"username": listener.username, "password": PASSWORD}
    )
    assert answer.status_code == 200, answer.text
    return store.client(answer.json()["token"])


def ok(answer: httpx.Response) -> dict[str, Any]:
    assert answer.status_code in (200, 201), answer.text
    result: dict[str, Any] = answer.json()
    return result


def listener_writes(store: LiveServer, listener: Actor, body: str) -> dict[str, Any]:
    """The listener sends a message through the real API."""
    api = listener_api(store, listener)
    try:
        return ok(api.post("/v1/messages", {"client_id": uuid.uuid4().hex, "body": body}))
    finally:
        api.close()


def waiting_since(store: LiveServer, listener: Actor, when: datetime) -> None:
    """Make the listener's unanswered message as old as ``when`` (the inbox sorts by it)."""
    with store.store.db.write() as session:
        session.execute(
            update(Relationship)
            .where(Relationship.listener_id == listener.id)
            .values(waiting_since=when)
        )
        session.execute(
            update(Message).where(Message.listener_id == listener.id).values(created_at=when)
        )


def set_relationship(store: LiveServer, listener: Actor, **values: Any) -> None:
    with store.store.db.write() as session:
        session.execute(
            update(Relationship).where(Relationship.listener_id == listener.id).values(**values)
        )


def rows_of(page: DeskPage) -> list[str]:
    """The inbox's listeners by user name, in the order shown."""
    return [row.username for row in page.inbox_model.rows]
