"""Quote choice, once, for the report, the PDF and the themes of the positive core."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable, Sequence
from typing import Protocol


class Quotable(Protocol):
    text: str
    area_key: Hashable  # the writer's business area, in area order


def _same_words(text: str) -> str:
    return " ".join(text.split()).casefold()


def pick_quotes[Q: Quotable](candidates: Sequence[Q], *, limit: int, start: int = 0) -> list[Q]:
    """Up to `limit` quotes taken round-robin across all business areas.

    Areas take turns in their order, beginning with the area at position
    `start` (a document passes how many quotes it has shown so far, so that
    successive selections move on through the areas instead of always
    quoting the first ones). Within an area candidates keep their order. The
    same words (ignoring case and spacing) are never picked twice.
    """
    buckets: dict[Hashable, deque[Q]] = {}
    for candidate in candidates:
        buckets.setdefault(candidate.area_key, deque()).append(candidate)
    keys = sorted(buckets)
    if not keys:
        return []
    offset = start % len(keys)
    queues = [buckets[key] for key in keys[offset:] + keys[:offset]]
    picked: list[Q] = []
    seen: set[str] = set()
    while len(picked) < limit and any(queues):
        for queue in queues:
            while queue:
                candidate = queue.popleft()
                words = _same_words(candidate.text)
                if words and words not in seen:
                    seen.add(words)
                    picked.append(candidate)
                    break
            if len(picked) == limit:
                break
    return picked
