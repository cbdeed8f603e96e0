"""Statistics as pure functions over plain numbers, tested without a database."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

PROMOTER_MIN = 9
DETRACTOR_MAX = 6
DETRACTOR, PASSIVE, PROMOTER = "detractor", "passive", "promoter"


def mean(numbers: Sequence[int]) -> float | None:
    return round(statistics.fmean(numbers), 1) if numbers else None


def median(numbers: Sequence[int]) -> float | None:
    return statistics.median(numbers) if numbers else None


def nps(numbers: Sequence[int]) -> int | None:
    """Net Promoter Score: % promoters (9–10) minus % detractors (0–6), -100..100."""
    if not numbers:
        return None
    promoters = sum(1 for n in numbers if n >= PROMOTER_MIN)
    detractors = sum(1 for n in numbers if n <= DETRACTOR_MAX)
    return round(100 * (promoters - detractors) / len(numbers))


def likelihood_tone(value: int) -> str:
    if value >= PROMOTER_MIN:
        return PROMOTER
    return DETRACTOR if value <= DETRACTOR_MAX else PASSIVE
