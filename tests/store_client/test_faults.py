"""Exactly once, in order, whatever breaks: 1,000 messages through dropped, stalled and refused
connections and a store killed and restarted mid-send."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from rvibe_player.store_client.model import Connection, MessageState
from rvibe_player.store_client.relationship import Relationship
from tests.helpers.waiting import eventually
from tests.store.live import PASSWORD
from tests.store_client.fault_proxy import FaultProxy
from tests.store_client.processes import StoreProcess, prepare_store

pytestmark = pytest.mark.slow

MESSAGES = 1000


class Chaos:
    """Breaks the path to the store at random moments until stopped."""

    def __init__(self, proxy: FaultProxy, store: StoreProcess, seed: int) -> None:
        self.proxy = proxy
        self.store = store
        self.rng = random.Random(seed)
        self.stop = threading.Event()
        self.kills = 0
        self.store_restarts = 0
        self.faults: Counter[str] = Counter()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        # A fixed number of turns, whatever the machine's speed: a store kill and a graceful
        # restart at fixed turns, the rest drawn from the seeded generator.
        plan = {4: "kill", 9: "terminate", 14: "kill"}
        for turn in range(1, TURNS + 1):
            if self.stop.wait(self.rng.uniform(0.2, 0.6)):
                return
            fault = plan.get(turn) or self.rng.choice(("drop", "drop", "stall", "stall", "down"))
            self.faults[fault] += 1
            if fault == "drop":
                self.proxy.drop()
            elif fault == "stall":
                self.proxy.stall(self.rng.choice((0.3, 0.8, 2.5)))  # 2.5 s > the read timeout
            elif fault == "down":
                self.proxy.go_down()
                time.sleep(self.rng.uniform(0.2, 0.8))
                self.proxy.come_up()
            else:
                self.store.stop(kill=fault == "kill")
                self.kills += fault == "kill"
                time.sleep(0.3)
                self.store.start()
                self.store_restarts += 1


TURNS = 18
"""Faults per run: a fixed count, so no machine sees fewer than another."""


def _store_messages(path: Path) -> list[str]:
    with sqlite3.connect(path) as db:
        return [
            r[0]
            for r in db.execute(
                "SELECT body FROM messages WHERE author_role = 'listener' ORDER BY seq"
            )
        ]


def test_a_thousand_messages_through_faults_arrive_exactly_once_in_order(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite3"
    prepare_store(db)
    store = StoreProcess(db)
    store.start()
    proxy = FaultProxy(store.port)
    relationship = Relationship(
        proxy.url,
        store_key="faults",
        wait_s=2,
        api_options={
            "backoff_s": 0.02,
            "backoff_max_s": 0.2,
            "retries": 2,
            "connect_timeout_s": 1.0,
            "read_timeout_s": 1.5,
        },
        backoff_s=(0.05, 0.4),
    )
    chaos = Chaos(proxy, store, seed=6)
    expected = [f"message {i:04d}: exactly once, in order" for i in range(MESSAGES)]
    try:
        relationship.sign_in("sam", PASSWORD)
        chaos.thread.start()
        for n, body in enumerate(expected):
            relationship.send_message(body)
            if n % 50 == 49:
                time.sleep(0.2)  # the listener keeps typing while things break
        chaos.thread.join(120)  # every planned fault happens, however fast the sends went
        assert sum(chaos.faults.values()) == TURNS
        eventually(lambda: relationship.state().waiting_to_send == 0, timeout=150, every=0.2)

        assert _store_messages(db) == expected, "each message at the store once, in order"
        state = eventually(
            lambda: (
                (s := relationship.state()).messages
                and all(m.state is MessageState.SENT for m in s.messages)
                and len(s.messages) >= MESSAGES
                and s
            ),
            timeout=30,
        )
        assert [m.body for m in state.messages] == expected, "the panel shows each once"
        assert len({m.key for m in state.messages}) == MESSAGES
        assert state.failed_to_send == 0
        eventually(lambda: relationship.status.connection is Connection.ONLINE, timeout=15)
        # The faults really happened, and through the proxy: the same count on any machine.
        assert (chaos.kills, chaos.store_restarts) == (2, 3)
        assert min(chaos.faults[f] for f in ("drop", "stall", "down")) >= 1
        assert proxy.drops == chaos.faults["drop"] + chaos.faults["down"]
        assert proxy.stalls == chaos.faults["stall"]
        assert proxy.restarts == chaos.faults["down"]
        assert proxy.connections > 10
    finally:
        chaos.stop.set()
        relationship.close()
        proxy.close()
        store.stop()
