"""A tokens-per-minute budget shared by the threads of one process, so a run stays under a provider's limit."""
from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable

WINDOW_S = 60.0


class Spend:
    """Tokens spent (or reserved) at a moment; `counted` while it is inside the window."""

    __slots__ = ("moment", "tokens", "counted")

    def __init__(self, moment: float, tokens: int) -> None:
        self.moment, self.tokens, self.counted = moment, tokens, True


class TokenBudget:
    """`reserve(n)` waits until n more tokens fit in the last minute; `settle` replaces the guess by the count."""

    def __init__(self, tokens_per_minute: int, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.tokens_per_minute = tokens_per_minute
        self._clock = clock
        self._spent: deque[Spend] = deque()  # oldest first
        self._used = 0
        self._changed = threading.Condition()

    def _forget_old(self, now: float) -> None:
        while self._spent and self._spent[0].moment <= now - WINDOW_S:
            old = self._spent.popleft()
            old.counted = False
            self._used -= old.tokens

    def reserve(self, tokens: int) -> Spend | None:
        """Wait for room; a request bigger than the whole budget waits for an empty window, then goes alone."""
        if self.tokens_per_minute <= 0:
            return None
        with self._changed:
            while True:
                now = self._clock()
                self._forget_old(now)
                if not self._spent or self._used + tokens <= self.tokens_per_minute:
                    entry = Spend(now, tokens)
                    self._spent.append(entry)
                    self._used += tokens
                    return entry
                # Look again at least every second: `settle` notifies, the passing of time does not.
                wait = self._spent[0].moment + WINDOW_S - now
                self._changed.wait(timeout=min(max(wait, 0.01), 1.0))

    def settle(self, entry: Spend | None, tokens: int) -> None:
        if entry is None:
            return
        with self._changed:
            if entry.counted:
                self._used += tokens - entry.tokens
            entry.tokens = tokens
            self._changed.notify_all()

    @property
    def used_in_window(self) -> int:
        with self._changed:
            self._forget_old(self._clock())
            return self._used
