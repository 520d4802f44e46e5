"""A small, short-lived cache of rendered list answers (/api/events, /api/stats/daily).

Dashboards ask the same few questions over and over (the default map, the timeline): a page is
rendered once and served from memory for `ttl` seconds. Writes through this server clear it at
once; writes by another process (`marsad ingest`) show after at most `ttl` seconds. `ttl` 0
turns it off. Bounded (least recently used entries go first) and safe across worker threads.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cached:
    body: bytes
    media_type: str
    expires: float


class ResponseCache:
    """key -> rendered body, for at most `ttl` seconds and `size` entries."""

    def __init__(self, ttl: float = 5.0, size: int = 256) -> None:
        self.ttl = ttl
        self.size = size
        self._items: OrderedDict[str, Cached] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> Cached | None:
        if self.ttl <= 0:
            return None
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item.expires < time.monotonic():
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return item

    def put(self, key: str, body: bytes, media_type: str) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._items[key] = Cached(body, media_type, time.monotonic() + self.ttl)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
