"""The health check asks the database once for everyone waiting, trusts an answer for a
moment, and never trusts a failure."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from rvibe_player.store_server.database import Database
from rvibe_player.store_server.health import DatabaseProbe, select_one


class Question:
    """A database question that counts its askings and, when told, holds until released."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.asked = 0
        self.release = threading.Event()
        self.release.set()

    def __call__(self) -> None:
        self.asked += 1
        assert self.release.wait(10), "the test never released the question"
        select_one(self.db)


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    database.migrate()
    yield database
    database.dispose()


def test_checks_arriving_together_share_one_question(db: Database) -> None:
    question = Question(db)
    probe = DatabaseProbe(question, fresh_s=0)

    async def many_at_once() -> None:
        question.release.clear()
        checks = [asyncio.create_task(probe.check()) for _ in range(20)]
        await asyncio.sleep(0.05)  # all twenty are waiting on the one question in flight
        assert not any(c.done() for c in checks)
        question.release.set()
        await asyncio.gather(*checks)

    asyncio.run(many_at_once())
    assert question.asked == 1
    assert probe.questions == 1
    probe.close()


def test_an_answer_is_trusted_for_fresh_s_and_then_asked_again(db: Database) -> None:
    question = Question(db)
    trusting = DatabaseProbe(question, fresh_s=3600)
    asyncio.run(trusting.check())
    asyncio.run(trusting.check())
    assert question.asked == 1, "a fresh answer is reused"
    doubting = DatabaseProbe(question, fresh_s=0)
    asyncio.run(doubting.check())
    asyncio.run(doubting.check())
    assert question.asked == 3, "a stale answer is asked again, one question per check"
    trusting.close()
    doubting.close()


def test_a_failure_is_raised_to_every_waiting_check_and_never_remembered(
    tmp_path: Path,
) -> None:
    (tmp_path / "store.sqlite3").write_bytes(b"not a database, whatever its name says" * 100)
    gone = Database(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    probe = DatabaseProbe(lambda: select_one(gone), fresh_s=3600)

    async def two_at_once() -> list[BaseException | None]:
        return await asyncio.gather(probe.check(), probe.check(), return_exceptions=True)

    results = asyncio.run(two_at_once())
    assert all(isinstance(r, DBAPIError) for r in results), results
    with pytest.raises(DBAPIError):
        asyncio.run(probe.check())
    assert probe.questions == 2, "the failure was not trusted: the next check asked again"
    probe.close()
    gone.dispose()
