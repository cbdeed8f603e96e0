"""Filters on the dashboard's written answers."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from questionnaires.results.loading import TextAnswer

SEARCH_MAX_LENGTH = 200


@dataclass(frozen=True)
class TextFilter:
    area: int | None = None
    group: str | None = None
    q: str = ""

    @property
    def active(self) -> bool:
        return bool(self.area or self.group or self.q)

    def matches(self, answer: TextAnswer) -> bool:
        """Area and group match what the answer is labelled with, so filtering
        never tells apart answers that their labels do not."""
        if self.area is not None and answer.area_id != self.area:
            return False
        if self.group is not None and answer.group != self.group:
            return False
        return self.q.casefold() in answer.text.casefold()


def parse_filter(
    params: Mapping[str, str], *, areas: Iterable[int], groups: Iterable[str]
) -> TextFilter:
    """Read `area`, `group` and `q` from a query string.

    Areas and groups that may not be shown (unknown, or too small in anonymous
    mode) are ignored, so a crafted URL cannot single out a small area.
    """
    try:
        area = int(params.get("area") or "")
    except ValueError:
        area = None
    group = params.get("group") or None
    return TextFilter(
        area=area if area in set(areas) else None,
        group=group if group in set(groups) else None,
        q=(params.get("q") or "").strip()[:SEARCH_MAX_LENGTH],
    )
