"""Export and import a whole workshop as a versioned JSON document.

The format is documented in the README ("Workshop export format"). Export →
import → export gives the same document: ids and invite tokens are never in
it (stakeholders are referenced by position, e.g. "s3"), and fresh invite
links are issued on import.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from questionnaires.models import Answer, Invitation, Question, Questionnaire, Response, Theme
from reports.models import ChangeAction, Requirement
from workshops.models import (
    BusinessArea,
    DreamStory,
    JourneyStage,
    Membership,
    Milestone,
    Stakeholder,
    Workshop,
)

FORMAT = "crmvision.workshop"
VERSION = 1

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
QUESTION_FIELDS = [
    "phase",
    "kind",
    "text",
    "help_text",
    "required",
    "order",
    "scale_min_label",
    "scale_max_label",
    "options",
    "target_groups",
]
REQUIREMENT_FIELDS = [
    "ref",
    "title",
    "statement",
    "characteristic",
    "sub_characteristic",
    "scale",
    "meter",
    "past",
    "must",
    "plan",
    "owner",
    "source",
    "order",
]
ACTION_FIELDS = ["step", "title", "description", "owner", "due_on", "status"]
STAGE_FIELDS = ["name", "description", "order"]
MILESTONE_FIELDS = ["title", "description", "owner", "due_on", "metric", "is_short_term_win"]


class ImportError_(Exception):
    """Invalid input; `path` names the field, like `stakeholders[3].area`."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message


# --- Export ------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _fields(obj: models.Model, names: list[str]) -> dict[str, Any]:
    return {name: _plain(getattr(obj, name)) for name in names}


def workshop_export(workshop: Workshop) -> dict[str, Any]:
    stakeholders = list(workshop.stakeholders.select_related("area").order_by("pk"))
    refs = {s.pk: f"s{i}" for i, s in enumerate(stakeholders, start=1)}
    areas = {a.pk: a.name for a in workshop.areas.all()}
    questionnaires = []
    for questionnaire in workshop.questionnaires.prefetch_related(
        "questions__target_areas"
    ).order_by("pk"):
        questions = list(questionnaire.questions.all())
        positions = {q.pk: i for i, q in enumerate(questions)}
        responses = []
        for response in (
            questionnaire.responses.prefetch_related("answers")
            .select_related("stakeholder")
            .order_by("stakeholder_id")
        ):
            answers = sorted(response.answers.all(), key=lambda a: positions[a.question_id])
            responses.append(
                {
                    "stakeholder": refs[response.stakeholder_id],
                    "submitted_at": _plain(response.submitted_at),
                    "answers": [
                        {
                            "question": positions[a.question_id],
                            "text": a.text,
                            "number": a.number,
                            "choices": a.choices,
                        }
                        for a in answers
                    ],
                }
            )
        invitations = [
            {
                "stakeholder": refs[inv.stakeholder_id],
                "sent_at": _plain(inv.sent_at),
                "revoked": inv.is_revoked,
            }
            for inv in questionnaire.invitations.order_by("stakeholder_id")
        ]
        questionnaires.append(
            {
                "title": questionnaire.title,
                "intro": questionnaire.intro,
                "is_open": questionnaire.is_open,
                "paged": questionnaire.paged,
                "join_enabled": questionnaire.join_enabled,
                "questions": [
                    {
                        **_fields(q, QUESTION_FIELDS),
                        "target_areas": sorted(areas[a.pk] for a in q.target_areas.all()),
                        "removed": q.removed_at is not None,
                    }
                    for q in questions
                ],
                "invitations": invitations,
                "responses": responses,
            }
        )
    return {
        "format": FORMAT,
        "version": VERSION,
        "workshop": _fields(workshop, WORKSHOP_FIELDS),
        "areas": [{"name": a.name, "order": a.order} for a in workshop.areas.all()],
        "memberships": [
            {"username": m.user.get_username(), "role": m.role}
            for m in workshop.memberships.select_related("user").order_by("user__username")
        ],
        "stakeholders": [
            {"ref": refs[s.pk], **_fields(s, STAKEHOLDER_FIELDS), "area": s.area.name}
            for s in stakeholders
        ],
        "questionnaires": questionnaires,
        "dream_stories": [
            {
                "title": story.title,
                "body": story.body,
                "area": areas.get(story.area_id),
                "stakeholder": refs.get(story.stakeholder_id),
            }
            for story in workshop.dream_stories.order_by("created_at", "pk")
        ],
        "journey": [
            {
                **_fields(stage, STAGE_FIELDS),
                "milestones": [
                    {**_fields(m, MILESTONE_FIELDS), "area": areas.get(m.area_id)}
                    for m in stage.milestones.order_by("due_on", "pk")
                ],
            }
            for stage in workshop.journey_stages.prefetch_related("milestones")
        ],
        "requirements": [_fields(r, REQUIREMENT_FIELDS) for r in workshop.requirements.all()],
        "change_actions": [_fields(a, ACTION_FIELDS) for a in workshop.change_actions.all()],
        "themes": _export_themes(workshop, refs),
    }


def _export_themes(workshop: Workshop, refs: dict[int, str]) -> list[dict[str, Any]]:
    questionnaires = {q.pk: i for i, q in enumerate(workshop.questionnaires.order_by("pk"))}
    positions = {
        q.pk: i
        for questionnaire in workshop.questionnaires.prefetch_related("questions")
        for i, q in enumerate(questionnaire.questions.all())
    }
    themes = []
    for theme in workshop.themes.prefetch_related("answers__response").order_by("name", "pk"):
        tagged = sorted(
            (
                {
                    "questionnaire": questionnaires[a.response.questionnaire_id],
                    "stakeholder": refs[a.response.stakeholder_id],
                    "question": positions[a.question_id],
                }
                for a in theme.answers.all()
            ),
            key=lambda r: (r["questionnaire"], r["stakeholder"], r["question"]),
        )
        themes.append({"name": theme.name, "description": theme.description, "answers": tagged})
    return themes


# --- Import ------------------------------------------------------------------


def _expect(value: Any, kind: type | tuple[type, ...], path: str) -> Any:
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


def _list(doc: dict, key: str, path: str = "") -> list:
    return _expect(doc.get(key, []), list, f"{path}{key}")


def _date(value: Any, path: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_date(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ImportError_(path, f"must be a date like 2026-05-31, not {value!r}")
    return parsed


def _datetime(value: Any, path: str) -> dt.datetime | None:
    if value in (None, ""):
        return None
    try:
        parsed = parse_datetime(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise ImportError_(path, f"must be a date and time in ISO 8601, not {value!r}")
    return parsed if timezone.is_aware(parsed) else timezone.make_aware(parsed, dt.UTC)


DATE_FIELDS = {"starts_on", "ends_on", "due_on"}


def _build(model: type[models.Model], data: Any, names: list[str], path: str, **extra) -> Any:
    data = _expect(data, dict, path)
    values = {}
    for name in names:
        if name not in data:
            continue
        value = data[name]
        field = model._meta.get_field(name)
        is_text = isinstance(field, models.CharField | models.TextField)
        if name in DATE_FIELDS:
            value = _date(value, f"{path}.{name}")
        elif value is None:
            if not field.null and is_text:
                value = ""
        elif is_text and not field.choices:
            _expect(value, str, f"{path}.{name}")
        elif isinstance(field, models.BooleanField):
            _expect(value, bool, f"{path}.{name}")
        elif isinstance(field, models.IntegerField) and not field.choices:
            _expect(value, int, f"{path}.{name}")
        elif isinstance(field, models.JSONField):
            for j, item in enumerate(_expect(value, list, f"{path}.{name}")):
                _expect(item, str, f"{path}.{name}[{j}]")
        if isinstance(value, str) and "\x00" in value:
            raise ImportError_(f"{path}.{name}", "must not contain NUL characters")
        values[name] = value
    obj = model(**{**values, **extra})
    _validate(obj, path)
    return obj


def _validate(obj: models.Model, path: str, exclude: list[str] | None = None) -> None:
    try:
        obj.full_clean(exclude=exclude, validate_unique=False)
    except ValidationError as exc:
        field, messages = next(iter(exc.message_dict.items()))
        where = path if field == "__all__" else f"{path}.{field}"
        raise ImportError_(where, " ".join(messages)) from exc
    except (OverflowError, TypeError, ValueError) as exc:
        raise ImportError_(path, f"has a value of the wrong type ({exc})") from exc


@transaction.atomic
def workshop_import(doc: Any, *, slug: str | None = None) -> Workshop:
    """Create a workshop from an exported document. All or nothing."""
    doc = _expect(doc, dict, "document")
    if doc.get("format") != FORMAT:
        raise ImportError_("format", f'must be "{FORMAT}"')
    if type(doc.get("version")) is not int or doc.get("version") != VERSION:
        raise ImportError_(
            "version", f"unsupported version {doc.get('version')!r}; expected {VERSION}"
        )

    extra = {"slug": slug} if slug else {}
    workshop = _build(Workshop, doc.get("workshop"), WORKSHOP_FIELDS, "workshop", **extra)
    if Workshop.objects.filter(slug=workshop.slug).exists():
        raise ImportError_(
            "workshop.slug", f'a workshop "{workshop.slug}" already exists; use --slug'
        )
    workshop.save()

    areas: dict[str, BusinessArea] = {}
    for i, data in enumerate(_list(doc, "areas")):
        area = _build(BusinessArea, data, ["name", "order"], f"areas[{i}]", workshop=workshop)
        if area.name in areas:
            raise ImportError_(f"areas[{i}].name", f'"{area.name}" appears twice')
        area.save()
        areas[area.name] = area

    def area_of(name: Any, path: str, *, required: bool) -> BusinessArea | None:
        if name in (None, "") and not required:
            return None
        if not isinstance(name, str) or name not in areas:
            raise ImportError_(path, f"unknown business area {name!r}")
        return areas[name]

    User = get_user_model()
    for i, data in enumerate(_list(doc, "memberships")):
        data = _expect(data, dict, f"memberships[{i}]")
        user = User.objects.filter(username=data.get("username")).first()
        if user is None:
            continue  # accounts are not part of the document; unknown users are skipped
        membership = Membership(workshop=workshop, user=user, role=data.get("role"))
        _validate(membership, f"memberships[{i}]")
        membership.save()

    stakeholders: dict[str, Stakeholder] = {}
    for i, data in enumerate(_list(doc, "stakeholders")):
        path = f"stakeholders[{i}]"
        data = _expect(data, dict, path)
        ref = _expect(data.get("ref"), str, f"{path}.ref")
        if ref in stakeholders:
            raise ImportError_(f"{path}.ref", f'"{ref}" appears twice')
        area = area_of(data.get("area"), f"{path}.area", required=True)
        stakeholder = _build(
            Stakeholder, data, STAKEHOLDER_FIELDS, path, workshop=workshop, area=area
        )
        stakeholder.save()
        stakeholders[ref] = stakeholder

    def stakeholder_of(ref: Any, path: str, *, required: bool) -> Stakeholder | None:
        if ref in (None, "") and not required:
            return None
        if not isinstance(ref, str) or ref not in stakeholders:
            raise ImportError_(path, f"unknown stakeholder {ref!r}")
        return stakeholders[ref]

    all_answers: dict[tuple[int, int, int], Answer] = {}
    for qi, qdata in enumerate(_list(doc, "questionnaires")):
        imported = _import_questionnaire(
            workshop, qdata, f"questionnaires[{qi}]", stakeholder_of, area_of
        )
        all_answers.update({(qi, *key): answer for key, answer in imported.items()})
    _import_themes(workshop, doc, all_answers, stakeholder_of)

    for i, data in enumerate(_list(doc, "dream_stories")):
        path = f"dream_stories[{i}]"
        data = _expect(data, dict, path)
        story = _build(
            DreamStory,
            data,
            ["title", "body"],
            path,
            workshop=workshop,
            area=area_of(data.get("area"), f"{path}.area", required=False),
            stakeholder=stakeholder_of(
                data.get("stakeholder"), f"{path}.stakeholder", required=False
            ),
        )
        story.save()

    for i, data in enumerate(_list(doc, "journey")):
        path = f"journey[{i}]"
        stage = _build(JourneyStage, data, STAGE_FIELDS, path, workshop=workshop)
        stage.save()
        for j, mdata in enumerate(_list(data, "milestones", f"{path}.")):
            mpath = f"{path}.milestones[{j}]"
            mdata = _expect(mdata, dict, mpath)
            milestone = _build(
                Milestone,
                mdata,
                MILESTONE_FIELDS,
                mpath,
                stage=stage,
                area=area_of(mdata.get("area"), f"{mpath}.area", required=False),
            )
            milestone.save()

    refs: set[str] = set()
    for i, data in enumerate(_list(doc, "requirements")):
        requirement = _build(
            Requirement, data, REQUIREMENT_FIELDS, f"requirements[{i}]", workshop=workshop
        )
        if requirement.ref in refs:
            raise ImportError_(f"requirements[{i}].ref", f'"{requirement.ref}" appears twice')
        refs.add(requirement.ref)
        requirement.save()

    for i, data in enumerate(_list(doc, "change_actions")):
        _build(ChangeAction, data, ACTION_FIELDS, f"change_actions[{i}]", workshop=workshop).save()

    return workshop


def _import_questionnaire(
    workshop: Workshop, qdata: Any, path: str, stakeholder_of, area_of
) -> dict[tuple[int, int], Answer]:
    """Import one questionnaire; returns its answers by (stakeholder id, question index)."""
    qdata = _expect(qdata, dict, path)
    questionnaire = _build(
        Questionnaire,
        qdata,
        ["title", "intro", "is_open", "paged", "join_enabled"],
        path,
        workshop=workshop,
    )
    if not questionnaire.is_open:
        questionnaire.closed_at = timezone.now()
    questionnaire.save()
    questions = []
    for i, data in enumerate(_list(qdata, "questions", f"{path}.")):
        qpath = f"{path}.questions[{i}]"
        question = _build(Question, data, QUESTION_FIELDS, qpath, questionnaire=questionnaire)
        if _expect(data.get("removed", False), bool, f"{qpath}.removed"):
            question.removed_at = timezone.now()
        question.save()
        targets = _expect(data.get("target_areas", []), list, f"{qpath}.target_areas")
        question.target_areas.set(
            [
                area_of(name, f"{qpath}.target_areas[{j}]", required=True)
                for j, name in enumerate(targets)
            ]
        )
        questions.append(question)

    invited = set()
    for i, data in enumerate(_list(qdata, "invitations", f"{path}.")):
        ipath = f"{path}.invitations[{i}]"
        data = _expect(data, dict, ipath)
        stakeholder = stakeholder_of(data.get("stakeholder"), f"{ipath}.stakeholder", required=True)
        if stakeholder.pk in invited:
            raise ImportError_(f"{ipath}.stakeholder", "invited twice")
        invited.add(stakeholder.pk)
        revoked = _expect(data.get("revoked", False), bool, f"{ipath}.revoked")
        Invitation.objects.create(
            questionnaire=questionnaire,
            stakeholder=stakeholder,
            sent_at=_datetime(data.get("sent_at"), f"{ipath}.sent_at"),
            revoked_at=timezone.now() if revoked else None,
        )

    answers: dict[tuple[int, int], Answer] = {}
    for i, data in enumerate(_list(qdata, "responses", f"{path}.")):
        rpath = f"{path}.responses[{i}]"
        data = _expect(data, dict, rpath)
        stakeholder = stakeholder_of(data.get("stakeholder"), f"{rpath}.stakeholder", required=True)
        if (
            any(key[0] == stakeholder.pk for key in answers)
            or Response.objects.filter(
                questionnaire=questionnaire, stakeholder=stakeholder
            ).exists()
        ):
            raise ImportError_(f"{rpath}.stakeholder", "has two responses")
        response = Response.objects.create(
            questionnaire=questionnaire,
            stakeholder=stakeholder,
            submitted_at=_datetime(data.get("submitted_at"), f"{rpath}.submitted_at"),
        )
        for j, adata in enumerate(_list(data, "answers", f"{rpath}.")):
            apath = f"{rpath}.answers[{j}]"
            adata = _expect(adata, dict, apath)
            index = _expect(adata.get("question"), int, f"{apath}.question")
            if not 0 <= index < len(questions) or (stakeholder.pk, index) in answers:
                raise ImportError_(f"{apath}.question", f"no such question {index}")
            answers[(stakeholder.pk, index)] = _import_answer(
                response, questions[index], adata, apath
            )
    return answers


def _import_answer(response: Response, question: Question, adata: dict, apath: str) -> Answer:
    number = adata.get("number")
    choices = _expect(adata.get("choices") or [], list, f"{apath}.choices")
    if number is not None:
        _expect(number, int, f"{apath}.number")
        if not question.is_scale:
            raise ImportError_(f"{apath}.number", "only scale and likelihood questions have one")
        low, high = question.number_range
        if not low <= number <= high:
            raise ImportError_(f"{apath}.number", f"must be between {low} and {high}")
    if choices and not all(isinstance(c, str) and c in question.options for c in choices):
        raise ImportError_(f"{apath}.choices", "must be options of the question")
    answer = Answer(
        response=response,
        question=question,
        text=_expect(adata.get("text") or "", str, f"{apath}.text"),
        number=number,
        choices=choices,
    )
    _validate(answer, apath)
    answer.save()
    return answer


def _import_themes(workshop: Workshop, doc: dict, answers, stakeholder_of) -> None:
    names: set[str] = set()
    for i, data in enumerate(_list(doc, "themes")):
        path = f"themes[{i}]"
        theme = _build(Theme, data, ["name", "description"], path, workshop=workshop)
        if theme.name.casefold() in names:
            raise ImportError_(f"{path}.name", f'"{theme.name}" appears twice')
        names.add(theme.name.casefold())
        theme.save()
        tagged = []
        for j, ref in enumerate(_list(data, "answers", f"{path}.")):
            rpath = f"{path}.answers[{j}]"
            ref = _expect(ref, dict, rpath)
            qi = _expect(ref.get("questionnaire", 0), int, f"{rpath}.questionnaire")
            stakeholder = stakeholder_of(
                ref.get("stakeholder"), f"{rpath}.stakeholder", required=True
            )
            index = _expect(ref.get("question"), int, f"{rpath}.question")
            answer = answers.get((qi, stakeholder.pk, index))
            if answer is None:
                raise ImportError_(rpath, "no such answer")
            tagged.append(answer)
        theme.answers.set(tagged)
