"""Geometry of the server-side SVG bar charts (drawn by
templates/questionnaires/includes/_results_chart.html).

The SVG has a fixed height in pixels and the full width of its container;
horizontal positions are percentages, so text keeps its size on a phone and
on a projector while the bars stretch. No styles: colours are presentational
attributes, which the Content Security Policy allows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

FILLS = {
    "": "#1f7a6f",  # --cv-teal
    "promoter": "#1f7a6f",
    "passive": "#8a96a3",
    "detractor": "#a8552a",  # --cv-destiny
}
ROW = 28  # px per bar when the label sits on the left
ROW_ABOVE = 46  # px per bar when the label sits above it
BAR = 16  # bar thickness, px
LABEL_COLUMN = 9.0  # % of the width for short labels (1–5, 0–10)
BAR_SPAN = 76.0  # % of the width the longest bar takes, leaving room for its count
LABEL_MAX = 48  # characters of an option shown in the chart; the table has all of it


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    percent: int
    tone: str = ""


def distribution(
    values: Iterable[Hashable],
    categories: Sequence[Hashable],
    *,
    respondents: int,
    tone: Callable[[Hashable], str] | None = None,
) -> list[Bar]:
    """One bar per category, then one per value not among them (an option that
    was renamed after people chose it). `percent` is the share of respondents,
    so for multiple choice the bars can add up to more than 100."""
    counts = Counter(values)
    known = set(categories)
    extra = [value for value in counts if value not in known]
    return [
        Bar(
            label=str(value),
            count=counts.get(value, 0),
            percent=round(100 * counts.get(value, 0) / respondents) if respondents else 0,
            tone=tone(value) if tone else "",
        )
        for value in [*categories, *extra]
    ]


@dataclass(frozen=True)
class ChartRow:
    label: str
    count: int
    fill: str
    label_y: int
    bar_y: int
    bar_x: str
    bar_width: str
    count_x: str
    count_y: int


@dataclass(frozen=True)
class Chart:
    rows: list[ChartRow]
    height: int
    label_above: bool
    label_x: str
    aria_label: str
    bar_height: int = BAR


def _pct(value: float) -> str:
    return f"{value:.2f}%"


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1].rstrip() + "…"


def bar_chart(bars: Sequence[Bar], *, respondents: int, label_above: bool) -> Chart:
    """Horizontal bars scaled to the largest count, each followed by its count.

    Short labels (numbers) sit in a column on the left; option texts sit above
    their bar so long ones still fit on a phone.
    """
    top = max((bar.count for bar in bars), default=0) or 1
    start = 0.0 if label_above else LABEL_COLUMN + 2
    step = ROW_ABOVE if label_above else ROW
    rows = []
    for index, bar in enumerate(bars):
        y = index * step
        bar_y = y + (22 if label_above else 4)
        width = BAR_SPAN * bar.count / top
        rows.append(
            ChartRow(
                label=_short(bar.label) if label_above else bar.label,
                count=bar.count,
                fill=FILLS.get(bar.tone, FILLS[""]),
                label_y=y + (15 if label_above else 17),
                bar_y=bar_y,
                bar_x=_pct(start),
                bar_width=_pct(width),
                count_x=_pct(start + width + 1.2),
                count_y=bar_y + 13,
            )
        )
    parts = "; ".join(
        _("%(label)s: %(count)s") % {"label": bar.label, "count": bar.count} for bar in bars
    )
    summary = ngettext("%(n)s answer.", "%(n)s answers.", respondents) % {"n": respondents}
    return Chart(
        rows=rows,
        height=max(len(bars) * step, step),
        label_above=label_above,
        label_x="0" if label_above else _pct(LABEL_COLUMN),
        aria_label=f"{summary} {parts}",
    )
