"""Responses as CSV and XLSX: one row per response, one column per question.

Both can be downloaded at any time, also while the questionnaire is open.
Every text cell is guarded against spreadsheet formula injection: a stakeholder
who types `=HYPERLINK(...)` must not get a live formula into the facilitator's
spreadsheet.
"""

from __future__ import annotations

import csv
import io

from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from questionnaires.models import Answer, Question, Questionnaire, Response
from questionnaires.results import (
    answer_values,
    labelled_cells,
    ordered_questions,
    other_areas_label,
    other_groups_label,
)
from workshops.models import Workshop

# Characters that make Excel, LibreOffice or Google Sheets read a cell as a
# formula, also after leading whitespace or line breaks, and in their
# full-width forms ＝ ＋ － ＠ (which spreadsheets with East Asian input normalise).
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# A cell starting with these is guarded whatever follows.
FORMULA_PREFIXES = ("\t", "\r")

Cell = str | int


def csv_safe(value: Cell) -> str:
    """The value as CSV text, with a leading apostrophe if it could start a formula.

    Numbers the export computes (a rating, a likelihood) are written as they are;
    text is guarded, so an answer typed as "-5" comes out as "'-5".
    """
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if text.startswith(FORMULA_PREFIXES) or text.lstrip().startswith(FORMULA_STARTS):
        return "'" + text
    return text


def _when(moment) -> str:
    """ISO 8601 in the installation's time zone, e.g. 2026-12-07T14:30+01:00."""
    return timezone.localtime(moment).isoformat(timespec="minutes") if moment else ""


def _submitted(response: Response) -> str:
    return _("yes") if response.submitted_at else _("no")


def _answer_cell(question: Question, answer: Answer | None) -> Cell:
    if answer is None:
        return ""
    if question.is_scale:
        return answer.number if answer.number is not None else ""
    if question.is_choice:
        return "; ".join(answer_values(answer))
    return answer.text


def export_header(questions: list[Question]) -> list[str]:
    columns = [_("Respondent"), _("Business area"), _("Group"), _("Started"), _("Submitted")]
    for question in questions:
        removed = question.removed_at is not None
        columns.append(f"{question.text} ({_('removed')})" if removed else question.text)
    return columns


def export_rows(
    *, workshop: Workshop, questionnaire: Questionnaire, names_visible: bool
) -> list[list[Cell]]:
    """Header and one row per response, in three queries whatever their number.

    Without names, respondents are numbered in an order derived from an HMAC of
    their response (stable between downloads, unrelated to when they answered),
    times are left out, and area and group are
    given only where at least `privacy_threshold` respondents share both, as on
    the dashboard (see results.labelled_cells).
    """
    questions = ordered_questions(questionnaire)
    responses = list(
        Response.objects.filter(questionnaire=questionnaire)
        .select_related("stakeholder__area")
        .order_by("started_at", "pk")
    )
    if not names_visible:
        # A stable order that says nothing about who started first.
        responses.sort(
            key=lambda r: salted_hmac("crmvision.export", str(r.pk), algorithm="sha256").hexdigest()
        )
    answers = {
        (answer.response_id, answer.question_id): answer
        for answer in Answer.objects.filter(response__questionnaire=questionnaire)
    }
    cells = labelled_cells(
        [(r.stakeholder.area_id, r.stakeholder.group) for r in responses],
        names_visible=names_visible,
        threshold=workshop.privacy_threshold,
    )
    rows: list[list[Cell]] = [export_header(questions)]
    for number, response in enumerate(responses, start=1):
        stakeholder = response.stakeholder
        if cells is None or (stakeholder.area_id, stakeholder.group) in cells:
            area, group = stakeholder.area.name, stakeholder.get_group_display()
        else:
            area = other_areas_label(workshop.privacy_threshold)
            group = other_groups_label(workshop.privacy_threshold)
        # Without names, exact times could be matched with the Invitations page,
        # so only whether the response was submitted is given.
        row: list[Cell] = [
            stakeholder.name if names_visible else _("Respondent %(n)s") % {"n": number},
            area,
            group,
            _when(response.started_at) if names_visible else "",
            _when(response.submitted_at) if names_visible else _submitted(response),
        ]
        row.extend(_answer_cell(q, answers.get((response.pk, q.pk))) for q in questions)
        rows.append(row)
    return rows


def csv_bytes(rows: list[list[Cell]]) -> bytes:
    """UTF-8 with a byte order mark, so Excel reads umlauts and accents right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([csv_safe(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(rows: list[list[Cell]]) -> bytes:
    """Text is always written as a string cell, never as a formula."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Responses")
    bold = Font(bold=True)
    for row_number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, int):
                cell.value = value
                continue
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
            # openpyxl reads "=…" as a formula and "#N/A" as an error: force text.
            cell.data_type = "s"
            if row_number == 1:
                cell.font = bold
    sheet.freeze_panes = "B2"
    for column in sheet.columns:
        letter = column[0].column_letter
        sheet.column_dimensions[letter].width = 18 if column[0].column <= 5 else 40
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def responses_csv(
    *, workshop: Workshop, questionnaire: Questionnaire, names_visible: bool
) -> bytes:
    return csv_bytes(
        export_rows(workshop=workshop, questionnaire=questionnaire, names_visible=names_visible)
    )


def responses_xlsx(
    *, workshop: Workshop, questionnaire: Questionnaire, names_visible: bool
) -> bytes:
    return xlsx_bytes(
        export_rows(workshop=workshop, questionnaire=questionnaire, names_visible=names_visible)
    )
