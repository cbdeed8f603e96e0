"""The anonymity rule, once, for every page and document (README, "Anonymous mode").

A breakdown per business area or group is shown only where at least k people
(the workshop's *smallest group shown*) answered; the smaller ones are merged
into one "Other areas" row. A written answer is labelled with its area and
group only when at least k people share both. "Answered" means the responses
the page counts: submitted ones in documents, also drafts on the live dashboard.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from workshops.models import StakeholderGroup, Workshop

OTHER = "other"


@dataclass
class Tally:
    """Invited, started and submitted counts of one row (an area, a group, all)."""

    key: Hashable
    label: str
    invited: int = 0
    started: int = 0
    submitted: int = 0

    @property
    def name(self) -> str:
        return self.label

    @property
    def is_other(self) -> bool:
        return self.key == OTHER

    @property
    def percent(self) -> int:
        """Share of the invited who submitted."""
        return round(100 * self.submitted / self.invited) if self.invited else 0

    def add(self, other: Tally) -> None:
        self.invited += other.invited
        self.started += other.started
        self.submitted += other.submitted

    @classmethod
    def invited_one(cls, response) -> Tally:
        """One invited stakeholder: started once they have a response, submitted
        once it is submitted. The one rule every progress table counts by."""
        started = response is not None
        submitted = started and response.submitted_at is not None
        return cls(None, "", invited=1, started=int(started), submitted=int(submitted))


def shown_keys(
    answered: Mapping[Hashable, int], *, anonymous: bool, threshold: int
) -> set[Hashable]:
    """The areas, groups or (area, group) cells that may be shown on their own.

    `answered` counts the people of each who answered. In anonymous mode a
    breakdown of fewer than `threshold` people could point at a person.
    """
    if not anonymous:
        return set(answered)
    return {key for key, count in answered.items() if count >= threshold}


def merge_small(tallies: Sequence[Tally], *, shown: set[Hashable], other_label: str) -> list[Tally]:
    """Keep the tallies in `shown`, merge the others into one last row."""
    kept = [tally for tally in tallies if tally.key in shown]
    small = [tally for tally in tallies if tally.key not in shown]
    if small:
        other = Tally(OTHER, other_label)
        for tally in small:
            other.add(tally)
        kept.append(other)
    return kept


def private_breakdown(
    tallies: Sequence[Tally],
    *,
    answered: Mapping[Hashable, int],
    anonymous: bool,
    threshold: int,
    other_label: str,
) -> list[Tally]:
    """Every per-area or per-group breakdown: rows under k people merged last."""
    counts = {tally.key: answered.get(tally.key, 0) for tally in tallies}
    shown = shown_keys(counts, anonymous=anonymous, threshold=threshold)
    return merge_small(tallies, shown=shown, other_label=other_label)


def labelled_cells(
    people: Iterable[tuple[int, str]], *, names_visible: bool, threshold: int
) -> set[tuple[int, str]] | None:
    """The (area, group) pairs an answer may be labelled with; None means all.

    Without names, area and group together can point at one person (the only
    client in Customer service), even when the area and the group are each
    large enough.
    """
    if names_visible:
        return None
    return shown_keys(Counter(people), anonymous=True, threshold=threshold)


def other_cells_label(threshold: int) -> str:
    return _("Other areas and groups (fewer than %(k)s answers)") % {"k": threshold}


def other_areas_label(threshold: int) -> str:
    return _("Other areas (fewer than %(k)s answers)") % {"k": threshold}


def other_groups_label(threshold: int) -> str:
    return _("Other groups (fewer than %(k)s answers)") % {"k": threshold}


@dataclass(frozen=True)
class Privacy:
    """What a viewer may see of who answered, given who answered."""

    names_visible: bool
    anonymous: bool
    threshold: int
    areas: set[int]  # areas with k people: they may be broken out and filtered on
    groups: set[str]
    cells: set[tuple[int, str]] | None  # see labelled_cells

    def area_shown(self, area_id: int) -> bool:
        """Whether a count may name this area (outside anonymous mode, any)."""
        return not self.anonymous or area_id in self.areas

    def group_shown(self, group: str) -> bool:
        return not self.anonymous or group in self.groups

    @property
    def area_other(self) -> str:
        return other_areas_label(self.threshold)

    @property
    def group_other(self) -> str:
        return other_groups_label(self.threshold)

    @property
    def answer_other(self) -> str:
        return other_cells_label(self.threshold)

    def labels(self, stakeholder) -> tuple[int | None, str | None, str]:
        """The area id and group an answer is filed under (None when merged),
        and how it is labelled ("Sales · Employee")."""
        return self.label_for(
            area_id=stakeholder.area_id, area_name=stakeholder.area.name, group=stakeholder.group
        )

    def label_for(
        self, *, area_id: int, area_name: str, group: str
    ) -> tuple[int | None, str | None, str]:
        if self.cells is not None and (area_id, group) not in self.cells:
            return None, None, self.answer_other
        return area_id, group, f"{area_name} · {StakeholderGroup(group).label}"


def privacy_for(
    workshop: Workshop, people: Iterable[tuple[int, str]], *, names_visible: bool
) -> Privacy:
    """The rule applied to the (area id, group) of each person who answered."""
    people = list(people)
    rule = {"anonymous": workshop.anonymous, "threshold": workshop.privacy_threshold}
    return Privacy(
        names_visible=names_visible,
        anonymous=workshop.anonymous,
        threshold=workshop.privacy_threshold,
        areas=shown_keys(Counter(area for area, _group in people), **rule),
        groups=shown_keys(Counter(group for _area, group in people), **rule),
        cells=labelled_cells(
            people, names_visible=names_visible, threshold=workshop.privacy_threshold
        ),
    )


def document_names_visible(workshop: Workshop) -> bool:
    """Documents (report, PDF, overview) are read by the sponsor: they follow
    the sponsor's view, and never print a name in any case."""
    return workshop.names_visible_to("sponsor")
