"""Export and import of a whole workshop: the shared machinery, and the base's sections.

The document (README "Workshop export format") is assembled in
`crmvision/transfer.py` from per-app sections: each app exports and imports the
models it owns (`workshops`, `questionnaires`, `reports` each have a
`transfer.py`). A section gets a context holding what the sections before it
made (the workshop, its areas by name, its stakeholders by "s1"-style ref) and
uses the helpers here to read the document, so every app reports a bad value
the same way (`stakeholders[3].area: unknown business area 'Salez'`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from workshops.models import (
    BusinessArea,
    DreamStory,
    JourneyStage,
    Membership,
    Milestone,
    Stakeholder,
    Workshop,
)

WORKSHOP_FIELDS = [
    "slug",
    "title",
    "organisation",
    "crm_objective",
    "affirmative_topic",
    "starts_on",
    "ends_on",
    "phase",
    "anonymous",
    "facilitator_sees_names",
    "privacy_threshold",
]
STAKEHOLDER_FIELDS = ["name", "email", "job_title", "group", "is_champion", "is_management"]
STAGE_FIELDS = ["name", "description", "order"]
MILESTONE_FIELDS = ["title", "description", "owner", "due_on", "metric", "is_short_term_win"]
DATE_FIELDS = {"starts_on", "ends_on", "due_on"}


class ImportError_(Exception):
    """Invalid input; `path` names the field, like `stakeholders[3].area`."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- Sections and their context ------------------------------------------------


@dataclass
class ExportContext:
    """What every section may refer to: stakeholders by ref, areas by name."""

    workshop: Workshop
    stakeholders: list[Stakeholder]
    areas: list[BusinessArea]
    refs: dict[int, str]  # stakeholder pk -> "s1", "s2", ... (by pk order)
    area_names: dict[int, str]

    @classmethod
    def of(cls, workshop: Workshop) -> ExportContext:
        stakeholders = list(workshop.stakeholders.select_related("area").order_by("pk"))
        areas = list(workshop.areas.all())
        return cls(
            workshop=workshop,
            stakeholders=stakeholders,
            areas=areas,
            refs={s.pk: f"s{i}" for i, s in enumerate(stakeholders, start=1)},
            area_names={a.pk: a.name for a in areas},
        )


@dataclass
class ImportContext:
    """The document being imported and what the sections imported so far."""

    doc: dict
    slug: str | None = None
    workshop: Workshop | None = None
    areas: dict[str, BusinessArea] = field(default_factory=dict)
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    # What one section leaves for a later one of the same app (e.g. answers for themes).
    extras: dict[str, Any] = field(default_factory=dict)

    def area_of(self, name: Any, path: str, *, required: bool) -> BusinessArea | None:
        return _lookup(self.areas, name, path, required=required, what="business area")

    def stakeholder_of(self, ref: Any, path: str, *, required: bool) -> Stakeholder | None:
        return _lookup(self.stakeholders, ref, path, required=required, what="stakeholder")


def _lookup(known: dict[str, Any], key: Any, path: str, *, required: bool, what: str) -> Any:
    if key in (None, "") and not required:
        return None
    if not isinstance(key, str) or key not in known:
        raise ImportError_(path, f"unknown {what} {key!r}")
    return known[key]


@dataclass(frozen=True)
class Section:
    """One app's part of the document: the top-level keys it owns, in order."""

    keys: tuple[str, ...]
    export: Callable[[ExportContext], dict[str, Any]]
    load: Callable[[ImportContext], None]


# --- Helpers for every section ---------------------------------------------------


def plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export_fields(obj: models.Model, names: list[str]) -> dict[str, Any]:
    return {name: plain(getattr(obj, name)) for name in names}


def expect(value: Any, kind: type | tuple[type, ...], path: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        readable = {
            "dict": "an object",
            "list": "a list",
            "str": "a string",
            "int": "a number",
            "bool": "true or false",
        }
        raise ImportError_(path, f"must be {readable.get(names, names)}")
    return value


def expect_list(doc: dict, key: str, path: str = "") -> list:
    return expect(doc.get(key, []), list, f"{path}{key}")


def to_date(value: Any, path: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ImportError_(path, f"must be a date like 2026-05-31, not {value!r}")
    return parsed


def to_datetime(value: Any, path: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ImportError_(path, f"must be a date and time in ISO 8601, not {value!r}")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, dt.UTC)


def build(model: type[models.Model], data: Any, names: list[str], path: str, **extra) -> Any:
    """An unsaved, validated `model` from the document's `data` (only `names` are read)."""
    data = expect(data, dict, path)
    values = {}
    for name in names:
        if name not in data:
            continue
        value = data[name]
        field_ = model._meta.get_field(name)
        is_text = isinstance(field_, models.CharField | models.TextField)
        if name in DATE_FIELDS:
            value = to_date(value, f"{path}.{name}")
        elif value is None:
            if not field_.null and is_text:
                value = ""
        elif is_text and not field_.choices:
            expect(value, str, f"{path}.{name}")
        elif isinstance(field_, models.BooleanField):
            expect(value, bool, f"{path}.{name}")
        elif isinstance(field_, models.IntegerField) and not field_.choices:
            expect(value, int, f"{path}.{name}")
        elif isinstance(field_, models.JSONField):
            for j, item in enumerate(expect(value, list, f"{path}.{name}")):
                expect(item, str, f"{path}.{name}[{j}]")
        if isinstance(value, str) and "\x00" in value:
            raise ImportError_(f"{path}.{name}", "must not contain NUL characters")
        values[name] = value
    obj = model(**{**values, **extra})
    validate(obj, path)
    return obj


def validate(obj: models.Model, path: str, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        field_name, messages = next(iter(exc.message_dict.items()))
        where = path if field_name == "__all__" else f"{path}.{field_name}"
        raise ImportError_(where, " ".join(messages)) from exc
    except (OverflowError, TypeError, ValueError) as exc:
        raise ImportError_(path, f"has a value of the wrong type ({exc})") from exc


# --- The workshop, its areas, memberships and stakeholders ---------------------------


def _export_workshop(ctx: ExportContext) -> dict[str, Any]:
    workshop = ctx.workshop
    return {
        "workshop": export_fields(workshop, WORKSHOP_FIELDS),
        "areas": [{"name": a.name, "order": a.order} for a in ctx.areas],
        "memberships": [
            {"username": m.user.get_username(), "role": m.role}
            for m in workshop.memberships.select_related("user").order_by("user__username")
        ],
        "stakeholders": [
            {"ref": ctx.refs[s.pk], **export_fields(s, STAKEHOLDER_FIELDS), "area": s.area.name}
            for s in ctx.stakeholders
        ],
    }


def _import_workshop(ctx: ImportContext) -> None:
    doc = ctx.doc
    extra = {"slug": ctx.slug} if ctx.slug else {}
    workshop = build(Workshop, doc.get("workshop"), WORKSHOP_FIELDS, "workshop", **extra)
    if Workshop.objects.filter(slug=workshop.slug).exists():
        raise ImportError_(
            "workshop.slug", f'a workshop "{workshop.slug}" already exists; use --slug'
        )
    workshop.save()
    ctx.workshop = workshop

    for i, data in enumerate(expect_list(doc, "areas")):
        area = build(BusinessArea, data, ["name", "order"], f"areas[{i}]", workshop=workshop)
        if area.name in ctx.areas:
            raise ImportError_(f"areas[{i}].name", f'"{area.name}" appears twice')
        area.save()
        ctx.areas[area.name] = area

    User = get_user_model()
    for i, data in enumerate(expect_list(doc, "memberships")):
        data = expect(data, dict, f"memberships[{i}]")
        user = User.objects.filter(username=data.get("username")).first()
        if user is None:
            continue  # accounts are not part of the document; unknown users are skipped
        membership = Membership(workshop=workshop, user=user, role=data.get("role"))
        validate(membership, f"memberships[{i}]")
        membership.save()

    for i, data in enumerate(expect_list(doc, "stakeholders")):
        path = f"stakeholders[{i}]"
        data = expect(data, dict, path)
        ref = expect(data.get("ref"), str, f"{path}.ref")
        if ref in ctx.stakeholders:
            raise ImportError_(f"{path}.ref", f'"{ref}" appears twice')
        area = ctx.area_of(data.get("area"), f"{path}.area", required=True)
        stakeholder = build(
            Stakeholder, data, STAKEHOLDER_FIELDS, path, workshop=workshop, area=area
        )
        stakeholder.save()
        ctx.stakeholders[ref] = stakeholder


WORKSHOP = Section(
    keys=("workshop", "areas", "memberships", "stakeholders"),
    export=_export_workshop,
    load=_import_workshop,
)


# --- Dream stories -----------------------------------------------------------------


def _export_dream_stories(ctx: ExportContext) -> dict[str, Any]:
    return {
        "dream_stories": [
            {
                "title": story.title,
                "body": story.body,
                "area": ctx.area_names.get(story.area_id),
                "stakeholder": ctx.refs.get(story.stakeholder_id),
            }
            for story in ctx.workshop.dream_stories.order_by("created_at", "pk")
        ]
    }


def _import_dream_stories(ctx: ImportContext) -> None:
    for i, data in enumerate(expect_list(ctx.doc, "dream_stories")):
        path = f"dream_stories[{i}]"
        data = expect(data, dict, path)
        story = build(
            DreamStory,
            data,
            ["title", "body"],
            path,
            workshop=ctx.workshop,
            area=ctx.area_of(data.get("area"), f"{path}.area", required=False),
            stakeholder=ctx.stakeholder_of(
                data.get("stakeholder"), f"{path}.stakeholder", required=False
            ),
        )
        story.save()


DREAM_STORIES = Section(
    keys=("dream_stories",), export=_export_dream_stories, load=_import_dream_stories
)


# --- The journey: stages and milestones ----------------------------------------------


def _export_journey(ctx: ExportContext) -> dict[str, Any]:
    return {
        "journey": [
            {
                **export_fields(stage, STAGE_FIELDS),
                "milestones": [
                    {**export_fields(m, MILESTONE_FIELDS), "area": ctx.area_names.get(m.area_id)}
                    for m in stage.milestones.order_by("due_on", "pk")
                ],
            }
            for stage in ctx.workshop.journey_stages.prefetch_related("milestones")
        ]
    }


def _import_journey(ctx: ImportContext) -> None:
    for i, data in enumerate(expect_list(ctx.doc, "journey")):
        path = f"journey[{i}]"
        stage = build(JourneyStage, data, STAGE_FIELDS, path, workshop=ctx.workshop)
        stage.save()
        for j, mdata in enumerate(expect_list(data, "milestones", f"{path}.")):
            mpath = f"{path}.milestones[{j}]"
            mdata = expect(mdata, dict, mpath)
            milestone = build(
                Milestone,
                mdata,
                MILESTONE_FIELDS,
                mpath,
                stage=stage,
                area=ctx.area_of(mdata.get("area"), f"{mpath}.area", required=False),
            )
            milestone.save()


JOURNEY = Section(keys=("journey",), export=_export_journey, load=_import_journey)
