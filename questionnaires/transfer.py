"""The questionnaire app's sections of the whole-workshop document: its
questionnaires (questions, invitations, responses, answers) and the themes
tagged on the answers. Assembled by `crmvision/transfer.py`; helpers and the
context come from `workshops/transfer.py`."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from questionnaires.models import Answer, Invitation, Question, Questionnaire, Response, Theme
from workshops.services import workshop_lock_privacy
from workshops.transfer import (
    ExportContext,
    ImportContext,
    ImportError_,
    Section,
    build,
    expect,
    expect_list,
    export_fields,
    plain,
    to_datetime,
    validate,
)

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
# ImportContext.extras key: answers by (questionnaire index, stakeholder pk, question index).
_ANSWERS = "questionnaires.answers"


# --- Questionnaires ------------------------------------------------------------------


def _export_questionnaires(ctx: ExportContext) -> dict[str, Any]:
    refs, areas = ctx.refs, ctx.area_names
    questionnaires = []
    for questionnaire in ctx.workshop.questionnaires.prefetch_related(
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
                    "submitted_at": plain(response.submitted_at),
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
                "sent_at": plain(inv.sent_at),
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
                        **export_fields(q, QUESTION_FIELDS),
                        "target_areas": sorted(areas[a.pk] for a in q.target_areas.all()),
                        "removed": q.removed_at is not None,
                    }
                    for q in questions
                ],
                "invitations": invitations,
                "responses": responses,
            }
        )
    return {"questionnaires": questionnaires}


def _import_questionnaires(ctx: ImportContext) -> None:
    all_answers: dict[tuple[int, int, int], Answer] = {}
    for qi, qdata in enumerate(expect_list(ctx.doc, "questionnaires")):
        imported = _import_questionnaire(ctx, qdata, f"questionnaires[{qi}]")
        all_answers.update({(qi, *key): answer for key, answer in imported.items()})
    ctx.extras[_ANSWERS] = all_answers


def _import_questionnaire(
    ctx: ImportContext, qdata: Any, path: str
) -> dict[tuple[int, int], Answer]:
    """Import one questionnaire; returns its answers by (stakeholder id, question index)."""
    qdata = expect(qdata, dict, path)
    questionnaire = build(
        Questionnaire,
        qdata,
        ["title", "intro", "is_open", "paged", "join_enabled"],
        path,
        workshop=ctx.workshop,
    )
    if not questionnaire.is_open:
        questionnaire.closed_at = timezone.now()
    questionnaire.save()
    questions = []
    for i, data in enumerate(expect_list(qdata, "questions", f"{path}.")):
        qpath = f"{path}.questions[{i}]"
        question = build(Question, data, QUESTION_FIELDS, qpath, questionnaire=questionnaire)
        if expect(data.get("removed", False), bool, f"{qpath}.removed"):
            question.removed_at = timezone.now()
        question.save()
        targets = expect(data.get("target_areas", []), list, f"{qpath}.target_areas")
        question.target_areas.set(
            [
                ctx.area_of(name, f"{qpath}.target_areas[{j}]", required=True)
                for j, name in enumerate(targets)
            ]
        )
        questions.append(question)

    invited = set()
    for i, data in enumerate(expect_list(qdata, "invitations", f"{path}.")):
        ipath = f"{path}.invitations[{i}]"
        data = expect(data, dict, ipath)
        stakeholder = ctx.stakeholder_of(
            data.get("stakeholder"), f"{ipath}.stakeholder", required=True
        )
        if stakeholder.pk in invited:
            raise ImportError_(f"{ipath}.stakeholder", "invited twice")
        invited.add(stakeholder.pk)
        revoked = expect(data.get("revoked", False), bool, f"{ipath}.revoked")
        Invitation.objects.create(
            questionnaire=questionnaire,
            stakeholder=stakeholder,
            sent_at=to_datetime(data.get("sent_at"), f"{ipath}.sent_at"),
            revoked_at=timezone.now() if revoked else None,
        )

    answers: dict[tuple[int, int], Answer] = {}
    responses = expect_list(qdata, "responses", f"{path}.")
    for i, data in enumerate(responses):
        rpath = f"{path}.responses[{i}]"
        data = expect(data, dict, rpath)
        stakeholder = ctx.stakeholder_of(
            data.get("stakeholder"), f"{rpath}.stakeholder", required=True
        )
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
            submitted_at=to_datetime(data.get("submitted_at"), f"{rpath}.submitted_at"),
        )
        for j, adata in enumerate(expect_list(data, "answers", f"{rpath}.")):
            apath = f"{rpath}.answers[{j}]"
            adata = expect(adata, dict, apath)
            index = expect(adata.get("question"), int, f"{apath}.question")
            if not 0 <= index < len(questions) or (stakeholder.pk, index) in answers:
                raise ImportError_(f"{apath}.question", f"no such question {index}")
            answers[(stakeholder.pk, index)] = _import_answer(
                response, questions[index], adata, apath
            )
    if responses and not ctx.workshop.privacy_locked:
        # People answered under the imported privacy settings: they stay a promise.
        workshop_lock_privacy(workshop_id=ctx.workshop.pk)
        ctx.workshop.privacy_locked = True
    return answers


def _import_answer(response: Response, question: Question, adata: dict, apath: str) -> Answer:
    number = adata.get("number")
    choices = expect(adata.get("choices") or [], list, f"{apath}.choices")
    if number is not None:
        expect(number, int, f"{apath}.number")
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
        text=expect(adata.get("text") or "", str, f"{apath}.text"),
        number=number,
        choices=choices,
    )
    validate(answer, apath)
    answer.save()
    return answer


QUESTIONNAIRES = Section(
    keys=("questionnaires",), export=_export_questionnaires, load=_import_questionnaires
)


# --- Themes of the positive core ---------------------------------------------------------


def _export_themes(ctx: ExportContext) -> dict[str, Any]:
    workshop = ctx.workshop
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
                    "stakeholder": ctx.refs[a.response.stakeholder_id],
                    "question": positions[a.question_id],
                }
                for a in theme.answers.all()
            ),
            key=lambda r: (r["questionnaire"], r["stakeholder"], r["question"]),
        )
        themes.append({"name": theme.name, "description": theme.description, "answers": tagged})
    return {"themes": themes}


def _import_themes(ctx: ImportContext) -> None:
    answers = ctx.extras.get(_ANSWERS, {})
    names: set[str] = set()
    for i, data in enumerate(expect_list(ctx.doc, "themes")):
        path = f"themes[{i}]"
        theme = build(Theme, data, ["name", "description"], path, workshop=ctx.workshop)
        if theme.name.casefold() in names:
            raise ImportError_(f"{path}.name", f'"{theme.name}" appears twice')
        names.add(theme.name.casefold())
        theme.save()
        tagged = []
        for j, ref in enumerate(expect_list(data, "answers", f"{path}.")):
            rpath = f"{path}.answers[{j}]"
            ref = expect(ref, dict, rpath)
            qi = expect(ref.get("questionnaire", 0), int, f"{rpath}.questionnaire")
            stakeholder = ctx.stakeholder_of(
                ref.get("stakeholder"), f"{rpath}.stakeholder", required=True
            )
            index = expect(ref.get("question"), int, f"{rpath}.question")
            answer = answers.get((qi, stakeholder.pk, index))
            if answer is None:
                raise ImportError_(rpath, "no such answer")
            tagged.append(answer)
        theme.answers.set(tagged)


THEMES = Section(keys=("themes",), export=_export_themes, load=_import_themes)
