"""The shape of the fake data: how many of each record, how time and attention are spread.

Plain Python, no Django. The reference shape is the issue's: 1,000,000 statements by 20,000
people, 50,000 sources, 5,000 events, 2,000 tags; smaller runs scale down, with floors so that
200 statements by 20 people still make a complete record.
"""

import datetime
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")

FIRST_DAY = datetime.date(2011, 1, 1)
LAST_DAY = datetime.date(2025, 12, 31)
# Each year has this many times the statements of the year before: recent years are denser.
YEARLY_GROWTH = 1.08

# The most prolific speaker's share of all statements, and the biggest event's.
TOP_SPEAKER_SHARE = 0.0096
TOP_EVENT_SHARE = 0.004
# The most used tag's share of all tag uses, and how steeply use falls from there: at the
# reference shape the top tag is on about 8% of statements, the least used on about 20.
TOP_TAG_SHARE = 0.05
TAG_TAIL_EXPONENT = 1.6


@dataclass(frozen=True)
class Sizes:
    """How many records of each kind a run makes, from the two numbers it is asked for."""

    people: int
    statements: int

    @property
    def sources(self) -> int:
        return max(10, self.statements // 20)

    @property
    def events(self) -> int:
        return max(5, self.statements // 200)

    @property
    def tags(self) -> int:
        return max(20, self.statements // 500)

    @property
    def organizations(self) -> int:
        return max(12, self.statements // 2000)


class Calendar:
    """The days statements fall on, FIRST_DAY to LAST_DAY, as indexes from 0; recent days are
    likelier. Days outside the window (a role that began before it) have indexes too."""

    def __init__(self) -> None:
        self.first = FIRST_DAY.toordinal()
        self.days = LAST_DAY.toordinal() - self.first + 1
        weights = [
            YEARLY_GROWTH ** (datetime.date.fromordinal(self.first + day).year - FIRST_DAY.year)
            for day in range(self.days)
        ]
        self.cumulative = [0.0, *accumulate(weights)]
        # ISO dates of the window and a year after it, where created and updated times fall.
        self._iso = [
            datetime.date.fromordinal(self.first + day).isoformat()
            for day in range(self.days + 366)
        ]

    @property
    def last(self) -> int:
        return self.days - 1

    def day(self, rng: Random, low: int = 0, high: int | None = None) -> int:
        """A day from `low` to `high` (inclusive; default the whole window), recent ones
        likelier, with the same skew as the whole window."""
        high = self.last if high is None else high
        cumulative = self.cumulative
        x = cumulative[low] + rng.random() * (cumulative[high + 1] - cumulative[low])
        return min(max(bisect_right(cumulative, x) - 1, low), high)

    def iso(self, day: int) -> str:
        """The day as YYYY-MM-DD."""
        if 0 <= day < len(self._iso):
            return self._iso[day]
        return datetime.date.fromordinal(self.first + day).isoformat()

    def date(self, day: int) -> datetime.date:
        return datetime.date.fromordinal(self.first + day)


def long_tail(n: int, top_share: float, exponent: float = 1.2) -> list[float]:
    """Cumulative weights for ranks 1..n (for `Random.choices`) falling off as
    1 / (rank + q) ** exponent, a Zipf–Mandelbrot law: a few very popular ranks and a long tail.
    q is chosen so that rank 1 has `top_share` of the total, as nearly as n allows (with few
    ranks even equal weights give each more than that)."""

    def weights(q: float) -> list[float]:
        return [(rank + q) ** -exponent for rank in range(1, n + 1)]

    def share(q: float) -> float:
        w = weights(q)
        return w[0] / sum(w)

    low, high = 0.0, 1e9
    if share(low) > top_share:
        for _ in range(60):  # share falls as q grows
            middle = (low + high) / 2
            if share(middle) > top_share:
                low = middle
            else:
                high = middle
    return list(accumulate(weights(low)))


# Statements by an unnamed speaker ("a Home Office spokesperson"): an organisation, no person.
UNNAMED_SHARE = 0.05
# How many events a statement is linked to (0, 1 or 2), and how many tags it carries (0-4).
EVENT_LINKS = {0: 55, 1: 35, 2: 10}
TAGS_PER_STATEMENT = {0: 22, 1: 30, 2: 26, 3: 14, 4: 8}
KINDS = {"direct": 55, "partial": 20, "reported": 25}
STATUSES = {"published": 96, "draft": 3, "retracted": 1}


class Weighted(Generic[T]):
    """Draws one of `items`, each as likely as its weight (give `weights`, or `cumulative`
    weights as `Random.choices` takes them): one random number and a bisection, several times
    faster than `Random.choices` for a single draw, which matters a million times over."""

    def __init__(
        self,
        items: Sequence[T],
        weights: Sequence[float] | None = None,
        *,
        cumulative: Sequence[float] | None = None,
    ) -> None:
        if cumulative is None:
            cumulative = list(accumulate(weights if weights is not None else [1.0] * len(items)))
        self.items = items
        self.cumulative = cumulative
        self.total = cumulative[-1]
        self.last = len(items) - 1

    @classmethod
    def of(cls, weights: Mapping[T, float]) -> "Weighted[T]":
        return cls(list(weights), list(weights.values()))

    def draw(self, rng: Random) -> T:
        x = rng.random() * self.total
        return self.items[bisect_right(self.cumulative, x, 0, self.last)]


def between(rng: Random, low: int, high: int) -> int:
    """A whole number from `low` to `high` inclusive (a faster `Random.randint`)."""
    return low + int(rng.random() * (high - low + 1))
