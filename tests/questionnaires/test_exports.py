"""Responses as CSV and XLSX, at any time, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from django.urls import reverse
from django.utils import timezone

from questionnaires.exports import csv_safe
from questionnaires.models import QuestionKind
from questionnaires.services import questionnaire_set_open, response_save
from tests.factories import StakeholderFactory

HEADER = ["Respondent", "Business area", "Group", "Started", "Submitted"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-1", "'-1"),
        ("-5", "'-5"),  # typed text that looks like a number is still text
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\tplain", "'\tplain"),
        ("\rplain", "'\rplain"),
        (" =1+1", "' =1+1"),
        ("   +1", "'   +1"),
        ("\n=1", "'\n=1"),
        ("\r\n@SUM(A1)", "'\r\n@SUM(A1)"),
        (" \n \u3000-2", "' \n \u3000-2"),
        ("\u00a0=1", "'\u00a0=1"),
        ("＝HYPERLINK(1)", "'＝HYPERLINK(1)"),
        ("＋1", "'＋1"),
        ("－1", "'－1"),
        ("＠SUM(A1)", "'＠SUM(A1)"),
        (" ＝1", "' ＝1"),
        ("A plain answer = fine", "A plain answer = fine"),
        ("a=1", "a=1"),
        ("  plain with spaces", "  plain with spaces"),
        ("\nplain after a line break", "\nplain after a line break"),
        ("5", "5"),
        (4, "4"),
        (-5, "-5"),  # a number the export computed stays a number
        (0, "0"),
        ("", ""),
        (" ", " "),
    ],
)
def test_it_guards_csv_cells_against_formulas(value, expected):
    assert csv_safe(value) == expected


@pytest.fixture
def questions(questionnaire, make_question):
    questionnaire.questions.all().delete()

    make = make_question
    return {
        "text": make(1, QuestionKind.LONG_TEXT, "Tell us about a high point"),
        "scale": make(2, QuestionKind.SCALE, "How ready are you?"),
        "multiple": make(
            3, QuestionKind.MULTIPLE_CHOICE, "Which channels?", options=["Phone", "Mail", "Visit"]
        ),
        "old": make(4, QuestionKind.SHORT_TEXT, "An old question"),
    }


@pytest.fixture
def answered(workshop, questionnaire, questions):
    """Two people answered; then one question was removed. Its answers stay exported."""
    sales = workshop.areas.get(name="Sales")
    people = [
        ("Ada Park", '=HYPERLINK("http://evil.example","click")', 4, ["Phone", "Visit"], True),
        ("Ben Cole", "Grüße aus Köln – ça va", 2, [], False),
    ]
    for name, text, scale, channels, submit in people:
        stakeholder = StakeholderFactory(workshop=workshop, name=name, area=sales)
        invitation = questionnaire.invitations.get(stakeholder=stakeholder)
        values = {
            questions["text"].pk: text,
            questions["scale"].pk: scale,
            questions["old"].pk: f"Old answer of {name}",
        }
        if channels:
            values[questions["multiple"].pk] = channels
        response_save(invitation=invitation, values=values, submit=submit)
    questions["old"].removed_at = timezone.now()
    questions["old"].save(update_fields=["removed_at"])
    return people


def _csv(response) -> list[list[str]]:
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark for Excel"
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _url(name, workshop, questionnaire):
    return reverse(f"questionnaires:{name}", args=[workshop.slug, questionnaire.pk])


def test_it_exports_one_csv_row_per_response(facilitator_client, workshop, questionnaire, answered):
    response = facilitator_client.get(_url("export_csv", workshop, questionnaire))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == f'attachment; filename="{workshop.slug}-responses.csv"'
    )
    rows = _csv(response)
    assert rows[0] == [
        *HEADER,
        "Tell us about a high point",
        "How ready are you?",
        "Which channels?",
        "An old question (removed)",
    ]
    assert len(rows) == 3
    ada, ben = rows[1], rows[2]
    assert ada[:3] == ["Ada Park", "Sales", "Employee"]
    assert ada[3] and ada[4], "started and submitted times"
    assert ada[5] == '\'=HYPERLINK("http://evil.example","click")'
    assert ada[6:] == ["4", "Phone; Visit", "Old answer of Ada Park"]
    assert ben[4] == "", "not submitted yet"
    assert ben[5] == "Grüße aus Köln – ça va"
    assert ben[6:] == ["2", "", "Old answer of Ben Cole"]


def test_it_exports_an_xlsx_that_opens_with_text_never_formulas(
    facilitator_client, workshop, questionnaire, answered
):
    response = facilitator_client.get(_url("export_xlsx", workshop, questionnaire))

    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert (
        response["Content-Disposition"] == f'attachment; filename="{workshop.slug}-responses.xlsx"'
    )
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == [
        *HEADER,
        "Tell us about a high point",
        "How ready are you?",
        "Which channels?",
        "An old question (removed)",
    ]
    assert len(rows) == 3
    assert rows[1][:3] == ["Ada Park", "Sales", "Employee"]
    assert rows[1][6:] == [4, "Phone; Visit", "Old answer of Ada Park"]
    formula_cell = sheet.cell(row=2, column=6)
    assert formula_cell.value == '=HYPERLINK("http://evil.example","click")'
    assert formula_cell.data_type == "s"
    assert rows[2][5] == "Grüße aus Köln – ça va"


def test_it_exports_while_the_questionnaire_is_open_and_after_it_closed(
    facilitator_client, workshop, questionnaire, answered
):
    assert questionnaire.is_open
    assert facilitator_client.get(_url("export_csv", workshop, questionnaire)).status_code == 200
    questionnaire_set_open(questionnaire=questionnaire, is_open=False)
    assert facilitator_client.get(_url("export_xlsx", workshop, questionnaire)).status_code == 200


def test_it_numbers_respondents_when_names_are_hidden(
    facilitator_client, workshop, questionnaire, answered
):
    """Anonymous mode: "Respondent n" in the order they started, the same every time,
    and the two Sales employees (below k = 3) are shown as "Other"."""
    workshop.anonymous = True
    workshop.save()
    first = _csv(facilitator_client.get(_url("export_csv", workshop, questionnaire)))
    second = _csv(facilitator_client.get(_url("export_csv", workshop, questionnaire)))
    assert [row[0] for row in first[1:]] == ["Respondent 1", "Respondent 2"]
    assert first == second
    identifying = " ".join(" ".join(row[:5]) for row in first)
    assert "Ada Park" not in identifying
    assert "Ben Cole" not in identifying
    assert first[1][1] == "Other areas (fewer than 3 answers)"
    assert first[1][2] == "Other groups (fewer than 3 answers)"


def test_it_gives_area_and_group_when_k_respondents_share_them(
    facilitator_client, workshop, questionnaire, answered
):
    workshop.anonymous = True
    workshop.privacy_threshold = 2
    workshop.save()
    rows = _csv(facilitator_client.get(_url("export_csv", workshop, questionnaire)))
    assert [row[:3] for row in rows[1:]] == [
        ["Respondent 1", "Sales", "Employee"],
        ["Respondent 2", "Sales", "Employee"],
    ]


def test_it_keeps_names_in_anonymous_mode_when_facilitators_may_see_them(
    facilitator_client, workshop, questionnaire, answered
):
    workshop.anonymous = True
    workshop.facilitator_sees_names = True
    workshop.save()
    rows = _csv(facilitator_client.get(_url("export_csv", workshop, questionnaire)))
    assert [row[:2] for row in rows[1:]] == [["Ada Park", "Sales"], ["Ben Cole", "Sales"]]


@pytest.mark.parametrize("name", ["export_csv", "export_xlsx"])
def test_it_refuses_the_sponsor_and_hides_from_outsiders(
    sponsor_client, outsider_client, client, workshop, questionnaire, name
):
    url = _url(name, workshop, questionnaire)
    assert sponsor_client.get(url).status_code == 403
    assert outsider_client.get(url).status_code == 404
    assert client.get(url).status_code == 302


@pytest.mark.parametrize("name", ["export_csv", "export_xlsx"])
def test_it_exports_in_a_fixed_number_of_queries(
    facilitator_client, workshop, questionnaire, questions, django_assert_num_queries, name
):
    """Guards against one query per response (its stakeholder and area) or per answer."""

    def add_people(count):
        for i in range(count):
            stakeholder = StakeholderFactory(workshop=workshop)
            invitation = questionnaire.invitations.get(stakeholder=stakeholder)
            response_save(
                invitation=invitation,
                values={
                    questions["text"].pk: f"Story {i}",
                    questions["scale"].pk: 1 + i % 5,
                    questions["multiple"].pk: ["Mail"],
                },
                submit=True,
            )

    url = _url(name, workshop, questionnaire)
    add_people(2)
    # Session, user, membership, questionnaire, questions, responses, answers.
    with django_assert_num_queries(7):
        facilitator_client.get(url)
    add_people(10)
    with django_assert_num_queries(7):
        response = facilitator_client.get(url)
    assert response.status_code == 200


def test_hidden_names_also_hide_the_times(facilitator_client, workshop, questionnaire):
    """Exact start and submit times could be matched with the Invitations page."""
    from questionnaires.services import response_save
    from tests.factories import StakeholderFactory

    question = questionnaire.questions.filter(kind="long_text").first()
    for stakeholder in StakeholderFactory.create_batch(4, workshop=workshop):
        invitation = questionnaire.invitations.get(stakeholder=stakeholder)
        response_save(invitation=invitation, values={question.pk: "x"}, submit=True)
    workshop.anonymous = True
    workshop.save()
    body = facilitator_client.get(
        f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/export.csv"
    ).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert {row[3] for row in rows[1:]} == {""}
    assert {row[4] for row in rows[1:]} == {"yes"}
