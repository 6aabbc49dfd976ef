"""Requests per minute per token (or per address before sign-in).

In-process windows opened by a key's first request: each gunicorn worker counts on its own, so the effective limit is up to
`workers × FOODCA_RATE_LIMIT_PER_MINUTE`. Good enough against a runaway client; a shared store (Redis)
would be needed for an exact limit across processes.
"""
from __future__ import annotations

import math
import threading
import time

WINDOW_SECONDS = 60


class RateLimiter:
    """A window of WINDOW_SECONDS opens at a key's first request; up to `per_minute` requests fit in it."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._windows: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> int | None:
        """Count a request; None if allowed, else the whole seconds until the key's window closes."""
        if self.per_minute <= 0:
            return None
        now = time.monotonic()
        with self._lock:
            if len(self._windows) > 100_000:
                self._windows = {k: v for k, v in self._windows.items() if now - v[0] < WINDOW_SECONDS}
            start, count = self._windows.get(key, (now, 0))
            if now - start >= WINDOW_SECONDS:
                start, count = now, 0
            if count >= self.per_minute:
                return max(1, math.ceil(start + WINDOW_SECONDS - now))
            self._windows[key] = (start, count + 1)
        return None
