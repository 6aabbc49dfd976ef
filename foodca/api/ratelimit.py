"""Requests per minute per token (or per address before sign-in).

In-process fixed windows: each gunicorn worker counts on its own, so the effective limit is up to
`workers × FOODCA_RATE_LIMIT_PER_MINUTE`. Good enough against a runaway client; a shared store (Redis)
would be needed for an exact limit across processes.
"""
from __future__ import annotations

import threading
import time

WINDOW_SECONDS = 60


class RateLimiter:
    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._windows: dict[str, tuple[int, int]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str) -> int | None:
        """Count a request; None if allowed, else the seconds until the next window."""
        if self.per_minute <= 0:
            return None
        now = time.monotonic()
        window = int(now // WINDOW_SECONDS)
        with self._lock:
            if len(self._windows) > 100_000:
                self._windows = {k: v for k, v in self._windows.items() if v[0] == window}
            start, count = self._windows.get(key, (window, 0))
            if start != window:
                count = 0
            if count >= self.per_minute:
                return max(1, int((window + 1) * WINDOW_SECONDS - now) + 1)
            self._windows[key] = (window, count + 1)
        return None
