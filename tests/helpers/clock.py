"""Test dates taken relative to a moment the test fixes, so no assertion depends on the calendar.

A literal date in a test ages: a play dated on a fixed day falls out of a 30-day window one
month later and the suite turns red on its own. Tests ask the ``clock`` fixture for moments
("one day ago") instead; the store under test reads the real clock, so both agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass(frozen=True)
class TestClock:
    """One fixed "now" for a test, and moments relative to it."""

    __test__ = False  # not a test class, despite the name

    now: datetime

    @classmethod
    def start(cls) -> TestClock:
        """Now, in UTC, to the second."""
        return cls(datetime.now(UTC).replace(microsecond=0))

    def ago(self, *, days: float = 0, hours: float = 0, minutes: float = 0) -> datetime:
        """The moment that long before now."""
        return self.now - timedelta(days=days, hours=hours, minutes=minutes)

    def iso_ago(self, *, days: float = 0, hours: float = 0, minutes: float = 0) -> str:
        """``ago`` as the wire writes it: ISO 8601 in UTC with a ``Z``."""
        return iso_z(self.ago(days=days, hours=hours, minutes=minutes))


def iso_z(moment: datetime) -> str:
    """An aware moment as ISO 8601 in UTC with a ``Z``."""
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
