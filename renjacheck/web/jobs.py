"""The uploads a page is waiting for, and their results, each behind a random token.

A check from the page is a job: the upload is answered at once with a page that says where each
file is (waiting, and its place in the queue, or being checked) and reloads itself until the
result is there; the result and its downloads are then kept, in memory only, for `ttl` seconds
at most. The token is the only way to a job (secrets.token_urlsafe: not guessable), and the
number of jobs kept is bounded however many check at once.
"""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from dataclasses import dataclass, field

from renjacheck.web.work import Ticket

MOST_KEPT = 200  # jobs kept at once; the oldest goes first


@dataclass
class Job:
    """One upload from the page: its files' names and tickets, then its result."""

    names: list[str]
    lang: str
    tickets: list[Ticket] = field(default_factory=list)
    page: str | None = None  # the result page, once every file is checked
    downloads: list[dict[str, bytes | None]] = field(default_factory=list)
    task: object = None  # the asyncio task checking it (kept, so that it is not collected)


class Jobs:
    """The jobs of a server, by token, each for `ttl` seconds."""

    def __init__(self, ttl: int) -> None:
        self.ttl = ttl
        self._kept: OrderedDict[str, tuple[float, Job]] = OrderedDict()

    def add(self, job: Job) -> str:
        """Keep a new job behind a new random token."""
        self._forget()
        token = secrets.token_urlsafe(24)
        self._kept[token] = (time.monotonic() + self.ttl, job)
        while len(self._kept) > MOST_KEPT:
            self._kept.popitem(last=False)
        return token

    def get(self, token: str) -> Job | None:
        """The job of a token, unless gone."""
        self._forget()
        found = self._kept.get(token)
        return found[1] if found else None

    def renew(self, token: str) -> None:
        """A job just finished: its downloads are kept `ttl` seconds from now."""
        if token in self._kept:
            self._kept[token] = (time.monotonic() + self.ttl, self._kept[token][1])

    def _forget(self) -> None:
        now = time.monotonic()
        for token in [t for t, (until, _) in self._kept.items() if until < now]:
            del self._kept[token]
