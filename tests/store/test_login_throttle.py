"""Sign-in throttling under parallel guesses: the limit check and the count are one atomic step."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable

import httpx

from tests.store.live import PASSWORD, Actor, LiveServer


def login(live: LiveServer, username: str, password: str, source: str = "127.0.0.1") -> int:
    """One sign-in from ``source`` (any 127.0.0.0/8 address is this machine); its status."""
    transport = httpx.HTTPTransport(local_address=source)
    with httpx.Client(base_url=live.url, timeout=60, transport=transport) as client:
        answer = client.post("/v1/auth/login", json={"username": username, "password": password})
    return answer.status_code


def in_parallel(count: int, attempt: Callable[[int], int]) -> Counter[int]:
    """Run ``attempt(i)`` for ``i < count`` in as many threads, released together."""
    barrier = threading.Barrier(count)
    statuses: list[int] = []
    lock = threading.Lock()

    def run(i: int) -> None:
        barrier.wait()
        status = attempt(i)
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert len(statuses) == count, "every attempt answered"
    return Counter(statuses)


def test_parallel_wrong_passwords_never_get_past_the_limit(
    live: LiveServer, listener: Actor
) -> None:
    limit = live.config.login_failures_per_pair
    statuses = in_parallel(30, lambda _i: login(live, "lou", "a wrong guess"))
    assert statuses == Counter({401: limit, 429: 30 - limit}), "only the limit is ever checked"
    assert login(live, "lou", PASSWORD) == 429, "and the user name stays throttled"


def test_parallel_failures_from_one_address_are_all_counted(live: LiveServer) -> None:
    limit = live.config.login_failures_per_address
    first = 20
    statuses = in_parallel(first, lambda i: login(live, f"nobody{i}", "a wrong guess"))
    assert statuses == Counter({401: first})
    later = [login(live, f"later{i}", "a wrong guess") for i in range(limit - first + 1)]
    assert later == [401] * (limit - first) + [429], "no parallel failure was lost"


def test_guesses_from_elsewhere_cannot_lock_out_a_user_who_signed_in_before(
    live: LiveServer, listener: Actor
) -> None:
    # lou signed in from 127.0.0.1 (the fixture): an address the store now knows for lou.
    pair, per_user = live.config.login_failures_per_pair, live.config.login_failures_per_user
    one_place = [login(live, "lou", "a guess", "127.0.0.2") for _ in range(pair + 1)]
    assert one_place == [401] * pair + [429], "guessing from one address stops there"
    assert login(live, "lou", PASSWORD) == 200, "the owner is not locked out"
    many_places = [login(live, "lou", "a guess", f"127.0.1.{i}") for i in range(per_user - pair)]
    assert many_places == [401] * (per_user - pair)
    assert login(live, "lou", "a guess", "127.0.2.1") == 429, "closed to new addresses now"
    assert login(live, "lou", PASSWORD, "127.0.2.2") == 429, "even with the password"
    assert login(live, "lou", PASSWORD) == 200, "but open where lou signed in before"
    assert login(live, "lou", "a typo") == 401, "with that address's own budget"
