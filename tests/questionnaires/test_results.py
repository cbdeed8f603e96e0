"""The facilitator's live results dashboard: rates, charts, text answers, privacy."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from questionnaires.charts import BAR_SPAN, Bar, bar_chart, distribution
from questionnaires.models import QuestionKind
from questionnaires.results import (
    OTHER,
    Tally,
    TextAnswer,
    TextFilter,
    labelled_cells,
    mean,
    median,
    nps,
    parse_filter,
    pick_quotes,
    private_breakdown,
    shown_keys,
)
from questionnaires.services import invitation_revoke, response_save
from tests.factories import StakeholderFactory
from workshops.models import StakeholderGroup

# --- The privacy rule, without a database ------------------------------------


def test_it_shows_every_area_outside_anonymous_mode():
    assert shown_keys({"sales": 1, "it": 0}, anonymous=False, threshold=3) == {"sales", "it"}


def test_it_shows_an_area_in_anonymous_mode_from_exactly_k_answers():
    answered = {"sales": 3, "it": 2, "hr": 0}
    assert shown_keys(answered, anonymous=True, threshold=3) == {"sales"}


def test_it_merges_small_areas_into_one_other_row_in_anonymous_mode():
    tallies = [
        Tally("sales", "Sales", invited=5, started=4, submitted=3),
        Tally("it", "IT", invited=2, started=1, submitted=1),
        Tally("hr", "HR", invited=3, started=2, submitted=0),
    ]
    rows = private_breakdown(
        tallies,
        answered={"sales": 4, "it": 1, "hr": 2},
        anonymous=True,
        threshold=3,
        other_label="Other areas (fewer than 3 answers)",
    )
    assert [(r.label, r.invited, r.started, r.submitted) for r in rows] == [
        ("Sales", 5, 4, 3),
        ("Other areas (fewer than 3 answers)", 5, 3, 1),
    ]
    assert rows[-1].key == OTHER


def test_it_adds_no_other_row_when_nothing_is_small():
    tallies = [Tally("sales", "Sales", invited=3, started=3), Tally("it", "IT", invited=1)]
    rows = private_breakdown(
        tallies, answered={"sales": 3}, anonymous=False, threshold=3, other_label="Other"
    )
    assert [r.label for r in rows] == ["Sales", "IT"]


def test_it_counts_the_answered_not_the_invited_for_the_threshold():
    """Ten invited but one answer is still one person's answer."""
    rows = private_breakdown(
        [Tally("it", "IT", invited=10, started=1)],
        answered={"it": 1},
        anonymous=True,
        threshold=3,
        other_label="Other",
    )
    assert [r.label for r in rows] == ["Other"]


def test_it_labels_answers_only_with_an_area_and_group_k_people_share():
    """Sales has 4 people and clients are 3, but the one client in Sales is alone."""
    people = [(1, "employee")] * 3 + [(1, "client")] + [(2, "client")] * 2
    assert labelled_cells(people, names_visible=False, threshold=3) == {(1, "employee")}
    assert labelled_cells(people, names_visible=True, threshold=3) is None


# --- Quote choice, without a database ------------------------------------------


def _quote(text: str, area: int) -> TextAnswer:
    return TextAnswer(text, None, area, "employee", f"Area {area}", area_key=(area, ""))


def test_quotes_take_turns_across_every_area_in_area_order():
    candidates = [_quote(f"{area}{n}", area) for area in (3, 1, 2) for n in "ab"]
    assert [q.text for q in pick_quotes(candidates, limit=4)] == ["1a", "2a", "3a", "1b"]


def test_a_later_selection_starts_where_the_previous_one_stopped():
    candidates = [_quote(f"{area}{n}", area) for area in range(1, 9) for n in "ab"]
    first = pick_quotes(candidates, limit=3)
    second = pick_quotes(candidates, limit=3, start=3)
    third = pick_quotes(candidates, limit=3, start=6)
    areas = [q.area_id for q in first + second + third]
    assert areas == [1, 2, 3, 4, 5, 6, 7, 8, 1]


def test_the_same_words_are_never_quoted_twice_in_a_selection():
    candidates = [_quote("Same words", 1), _quote(" same  WORDS ", 2), _quote("Other", 2)]
    assert [q.text for q in pick_quotes(candidates, limit=3)] == ["Same words", "Other"]
    assert pick_quotes([], limit=3) == []
    assert pick_quotes([_quote("  ", 1)], limit=3) == []


# --- Statistics, without a database ------------------------------------------


@pytest.mark.parametrize(
    ("numbers", "expected"),
    [
        ([10, 9, 8, 7, 6, 0], 0),  # 2 promoters, 2 passives, 2 detractors
        ([10, 10, 9, 3], 50),  # 75% promoters - 25% detractors
        ([9, 10], 100),
        ([0, 6, 5], -100),
        ([7, 8], 0),  # passives only
        ([9, 8, 7], 33),  # 1/3 promoters, rounded
        ([], None),
    ],
)
def test_it_computes_the_net_promoter_score(numbers, expected):
    assert nps(numbers) == expected


def test_it_computes_mean_and_median():
    assert mean([1, 2, 4]) == 2.3
    assert median([1, 2, 4, 5]) == 3
    assert mean([]) is None
    assert median([]) is None


def test_it_counts_each_option_and_keeps_options_renamed_since():
    bars = distribution(["Yes", "No", "Yes", "Old option"], ["Yes", "No", "Maybe"], respondents=4)
    assert [(b.label, b.count, b.percent) for b in bars] == [
        ("Yes", 2, 50),
        ("No", 1, 25),
        ("Maybe", 0, 0),
        ("Old option", 1, 25),
    ]


def test_it_gives_multiple_choice_shares_of_respondents():
    """Two people, each choosing both options: each option is chosen by 100%."""
    bars = distribution(["A", "B", "A", "B"], ["A", "B"], respondents=2)
    assert [b.percent for b in bars] == [100, 100]


def test_it_draws_the_longest_bar_at_full_span_and_describes_the_chart():
    chart = bar_chart(
        [Bar("1", 0, 0), Bar("2", 2, 50), Bar("3", 4, 100)], respondents=6, label_above=False
    )
    assert chart.rows[2].bar_width == f"{BAR_SPAN:.2f}%"
    assert chart.rows[1].bar_width == f"{BAR_SPAN / 2:.2f}%"
    assert chart.aria_label == "6 answers. 1: 0; 2: 2; 3: 4"
    assert chart.height > 0


# --- Filters, without a database ---------------------------------------------


def _text(text, area_id=1, group="employee"):
    return TextAnswer(text=text, name=None, area_id=area_id, group=group, label="")


def test_it_ignores_areas_and_groups_it_may_not_show():
    f = parse_filter({"area": "7", "group": "client", "q": "  x  "}, areas=[1], groups=["employee"])
    assert f == TextFilter(area=None, group=None, q="x")
    f = parse_filter({"area": "abc", "group": ""}, areas=[1], groups=["employee"])
    assert f == TextFilter()
    assert not f.active
    f = parse_filter({"area": "1", "group": "employee"}, areas=[1], groups=["employee"])
    assert f == TextFilter(area=1, group="employee")


def test_it_searches_case_insensitively_also_beyond_ascii():
    text_filter = TextFilter(q="ÜBER")
    assert text_filter.matches(_text("Wir reden über Kunden"))
    assert not text_filter.matches(_text("Something else"))


def test_it_filters_by_area_and_group():
    assert TextFilter(area=1).matches(_text("a", area_id=1))
    assert not TextFilter(area=2).matches(_text("a", area_id=1))
    assert not TextFilter(group="client").matches(_text("a", group="employee"))


# --- The page ----------------------------------------------------------------


@pytest.fixture
def questions(questionnaire, make_question):
    """A text, a scale, a likelihood, a single and a multiple choice question."""
    questionnaire.questions.all().delete()

    make = make_question
    return {
        "text": make(1, QuestionKind.LONG_TEXT, "Tell us about a high point"),
        "scale": make(2, QuestionKind.SCALE, "How ready are you?"),
        "likelihood": make(3, QuestionKind.LIKELIHOOD, "Would you recommend it?"),
        "single": make(4, QuestionKind.SINGLE_CHOICE, "Champion?", options=["Yes", "No"]),
        "multiple": make(
            5, QuestionKind.MULTIPLE_CHOICE, "Which channels?", options=["Phone", "Mail", "Visit"]
        ),
    }


def _answer(questionnaire, stakeholder, values, *, submit=True):
    invitation = questionnaire.invitations.get(stakeholder=stakeholder)
    return response_save(invitation=invitation, values=values, submit=submit)


def _area(workshop, name):
    return workshop.areas.get(name=name)


def _url(workshop, questionnaire, query=""):
    return reverse("questionnaires:results", args=[workshop.slug, questionnaire.pk]) + query


def _text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_it_reverses_its_url_in_the_questionnaires_namespace(workshop, questionnaire):
    url = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/results/"
    assert _url(workshop, questionnaire) == url


def test_it_shows_response_rates_and_who_has_not_answered(
    facilitator_client, workshop, questionnaire, questions
):
    sales, it = _area(workshop, "Sales"), _area(workshop, "IT")
    ada = StakeholderFactory(workshop=workshop, name="Ada Park", area=sales)
    ben = StakeholderFactory(workshop=workshop, name="Ben Cole", area=sales)
    StakeholderFactory(workshop=workshop, name="Cem Demir", area=it, group="client")
    revoked = StakeholderFactory(workshop=workshop, name="Rita Revoked", area=it)
    invitation_revoke(invitation=questionnaire.invitations.get(stakeholder=revoked))
    _answer(questionnaire, ada, {questions["text"].pk: "Great day"})
    _answer(questionnaire, ben, {questions["text"].pk: "Half done"}, submit=False)

    response = facilitator_client.get(_url(workshop, questionnaire))

    assert response.status_code == 200
    body = response.content.decode()
    text = _text_of(body)
    assert 'hx-trigger="every 10s"' in body
    # 3 invited (the revoked link does not count), 2 started, 1 submitted: 33%.
    assert "33% response rate 3 invited 2 started 1 submitted" in text
    assert "Sales 2 2 1" in text
    assert "IT 1 0 0" in text
    assert "Employee 2 2 1" in text
    assert "Client 1 0 0" in text
    waiting = body.split('id="waiting-heading"')[1].split("</section>")[0]
    assert "Ben Cole" in waiting
    assert "Cem Demir" in waiting
    assert "Ada Park" not in waiting
    assert "Rita Revoked" not in waiting


def test_it_refuses_the_sponsor_and_hides_from_outsiders(
    sponsor_client, outsider_client, client, workshop, questionnaire
):
    url = _url(workshop, questionnaire)
    assert sponsor_client.get(url).status_code == 403
    assert outsider_client.get(url).status_code == 404
    assert client.get(url).status_code == 302


def test_it_gives_a_404_for_another_workshops_questionnaire(facilitator_client, workshop, outsider):
    other = outsider.memberships.get().workshop.questionnaires.get()
    response = facilitator_client.get(f"/w/{workshop.slug}/questionnaires/{other.pk}/results/")
    assert response.status_code == 404


def test_it_returns_only_the_polled_part_to_htmx(facilitator_client, workshop, questionnaire):
    url = _url(workshop, questionnaire)
    summary = facilitator_client.get(url, headers={"HX-Request": "true"})
    assert "<html" not in summary.content.decode()
    assert 'id="results-summary"' in summary.content.decode()
    assert 'id="results-questions"' not in summary.content.decode()
    assert "HX-Request" in summary["Vary"]
    questions = facilitator_client.get(
        url, headers={"HX-Request": "true", "HX-Target": "results-questions"}
    )
    assert 'id="results-questions"' in questions.content.decode()
    assert 'id="results-summary"' not in questions.content.decode()
    restore = facilitator_client.get(
        url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"}
    )
    assert "<html" in restore.content.decode()


def test_it_charts_numbers_and_choices_with_a_text_alternative(
    facilitator_client, workshop, questionnaire, questions
):
    values = [(5, 10, "Yes", ["Phone", "Mail"]), (3, 9, "Yes", ["Phone"]), (4, 2, "No", [])]
    for scale, likelihood, single, multiple in values:
        stakeholder = StakeholderFactory(workshop=workshop)
        _answer(
            questionnaire,
            stakeholder,
            {
                questions["scale"].pk: scale,
                questions["likelihood"].pk: likelihood,
                questions["single"].pk: single,
                questions["multiple"].pk: multiple,
            },
        )

    body = facilitator_client.get(_url(workshop, questionnaire)).content.decode()

    assert body.count('<svg class="chart" role="img"') == 4
    assert 'aria-label="3 answers. 1: 0; 2: 0; 3: 1; 4: 1; 5: 1"' in body
    assert 'aria-label="2 answers. Phone: 2; Mail: 1; Visit: 0"' in body
    assert 'aria-label="3 answers. Yes: 2; No: 1"' in body
    assert '<th scope="row">Phone</th><td>2</td><td>100%</td>' in body
    text = _text_of(body)
    assert "3 answers 4.0 mean 4 median" in text
    # Likelihood 10, 9, 2: two promoters, one detractor → NPS 33.
    assert "33 NPS" in text
    assert 'style="' not in body


def test_it_lists_removed_questions_last_and_marks_them(
    facilitator_client, workshop, questionnaire, questions
):
    questions["text"].removed_at = timezone.now()
    questions["text"].save(update_fields=["removed_at"])
    body = facilitator_client.get(_url(workshop, questionnaire)).content.decode()
    headings = re.findall(r'<h3 id="question-\d+">([^<]+)</h3>', body)
    assert headings[-1] == "Tell us about a high point"
    assert headings[0] == "How ready are you?"
    last_card = body.split('<section class="card" aria-labelledby="question-')[-1]
    assert ">removed</span>" in last_card


@pytest.fixture
def text_answers(workshop, questionnaire, questions):
    sales, it = _area(workshop, "Sales"), _area(workshop, "IT")
    people = [
        ("Ada Park", sales, "employee", "Quotes out the SAME day"),
        ("Ben Cole", sales, "client", "They remember my history"),
        ("Cem Demir", it, "employee", "The ERP import worked the same week"),
    ]
    for name, area, group, text in people:
        stakeholder = StakeholderFactory(workshop=workshop, name=name, area=area, group=group)
        _answer(questionnaire, stakeholder, {questions["text"].pk: text})
    return people


@pytest.mark.parametrize("htmx", [False, True])
def test_it_filters_text_answers_by_area_group_and_search(
    facilitator_client, workshop, questionnaire, text_answers, htmx
):
    headers = {"HX-Request": "true", "HX-Target": "results-questions"} if htmx else {}
    sales = _area(workshop, "Sales").pk

    def shown(query):
        response = facilitator_client.get(_url(workshop, questionnaire, query), headers=headers)
        return {name for name, *_ in text_answers if name in response.content.decode()}

    assert shown("") == {"Ada Park", "Ben Cole", "Cem Demir"}
    assert shown(f"?area={sales}") == {"Ada Park", "Ben Cole"}
    assert shown("?group=client") == {"Ben Cole"}
    assert shown(f"?area={sales}&group=employee") == {"Ada Park"}
    assert shown("?q=same") == {"Ada Park", "Cem Demir"}
    assert shown("?q=nothing-like-this") == set()


def test_it_keeps_the_filters_in_the_form_and_the_poll(
    facilitator_client, workshop, questionnaire, text_answers
):
    sales = _area(workshop, "Sales").pk
    body = facilitator_client.get(
        _url(workshop, questionnaire, f"?area={sales}&q=same")
    ).content.decode()
    assert f'<option value="{sales}" selected>Sales</option>' in body
    assert 'name="q" value="same"' in body
    assert 'hx-include="#results-filter"' in body
    assert 'method="get"' in body
    assert "1 of 3 answers match the filters." in body


def test_it_shows_names_with_text_answers_outside_anonymous_mode(
    facilitator_client, workshop, questionnaire, text_answers
):
    body = facilitator_client.get(_url(workshop, questionnaire)).content.decode()
    assert "Ada Park · Sales · Employee" in body


@pytest.fixture
def anonymous_workshop(workshop):
    workshop.anonymous = True
    workshop.privacy_threshold = 2
    workshop.save()
    return workshop


@pytest.fixture
def anonymous_answers(anonymous_workshop, questionnaire, text_answers, questions):
    """With k = 2: Sales has three answers (two employees, one client), IT one."""
    sales = _area(anonymous_workshop, "Sales")
    dora = StakeholderFactory(workshop=anonymous_workshop, name="Dora Eck", area=sales)
    _answer(questionnaire, dora, {questions["text"].pk: "Dora's day"})
    return anonymous_workshop


def test_it_hides_names_in_anonymous_mode_and_merges_small_areas(
    facilitator_client, anonymous_answers, questionnaire
):
    workshop = anonymous_answers
    it = _area(workshop, "IT").pk
    body = facilitator_client.get(_url(workshop, questionnaire)).content.decode()
    answers = body.split('id="results-questions"')[1]
    for name in ["Ada Park", "Ben Cole", "Cem Demir", "Dora Eck"]:
        assert name not in answers
    assert "Quotes out the SAME day" in answers
    assert answers.count("<footer>Sales · Employee</footer>") == 2
    # Ben is the only client in Sales, Cem the only one from IT: neither is labelled.
    assert answers.count("<footer>Other areas and groups (fewer than 2 answers)</footer>") == 2
    areas_table = body.split('id="areas-heading"')[1].split("</table>")[0]
    assert ">Sales</th>" in areas_table
    assert "Other areas (fewer than 2 answers)" in areas_table
    assert ">IT</th>" not in areas_table
    groups_table = body.split('id="groups-heading"')[1].split("</table>")[0]
    assert ">Employee</th>" in groups_table
    assert "Other groups (fewer than 2 answers)" in groups_table
    form = body.split('id="results-filter"')[1].split("</form>")[0]
    assert f'value="{it}"' not in form
    assert 'value="client"' not in form
    assert 'value="employee"' in form


def test_it_filters_on_the_labels_shown_in_anonymous_mode(
    facilitator_client, anonymous_answers, questionnaire
):
    """Filtering on Sales must not pick out Ben's unlabelled answer by elimination."""
    workshop = anonymous_answers
    sales, it = _area(workshop, "Sales").pk, _area(workshop, "IT").pk
    body = facilitator_client.get(_url(workshop, questionnaire, f"?area={sales}")).content.decode()
    answers = body.split('id="results-questions"')[1]
    assert "Quotes out the SAME day" in answers
    assert "Dora&#x27;s day" in answers
    assert "They remember my history" not in answers
    # A crafted URL for a small area or group is ignored: everything is shown.
    crafted = facilitator_client.get(
        _url(workshop, questionnaire, f"?area={it}&group=client")
    ).content.decode()
    assert crafted.count('<blockquote class="answer">') == 4


def test_it_shows_names_in_anonymous_mode_when_facilitators_may_see_them(
    facilitator_client, anonymous_answers, questionnaire
):
    anonymous_answers.facilitator_sees_names = True
    anonymous_answers.save()
    body = facilitator_client.get(_url(anonymous_answers, questionnaire)).content.decode()
    assert "Cem Demir · IT · Employee" in body
    assert "Ben Cole · Sales · Client" in body


def test_it_shows_the_dashboard_in_a_fixed_number_of_queries(
    facilitator_client, workshop, questionnaire, questions, django_assert_num_queries
):
    """Guards against one query per invitation, response or answer (for the stakeholder,
    the area, or the answers of each question)."""
    areas = list(workshop.areas.all())

    def add_people(count):
        for i in range(count):
            stakeholder = StakeholderFactory(
                workshop=workshop, area=areas[i % len(areas)], group=StakeholderGroup.CLIENT
            )
            _answer(
                questionnaire,
                stakeholder,
                {
                    questions["text"].pk: f"Story {i}",
                    questions["scale"].pk: 1 + i % 5,
                    questions["likelihood"].pk: i % 11,
                    questions["single"].pk: "Yes",
                    questions["multiple"].pk: ["Phone", "Visit"],
                },
                submit=i % 2 == 0,
            )

    url = _url(workshop, questionnaire)
    add_people(2)
    with django_assert_num_queries(9):
        facilitator_client.get(url)
    add_people(12)
    with django_assert_num_queries(9):
        response = facilitator_client.get(url)
    assert response.content.decode().count('<blockquote class="answer">') == 14


def test_it_polls_in_a_fixed_number_of_queries(
    facilitator_client, workshop, questionnaire, questions, django_assert_num_queries
):
    """Guards the 10-second poll against one query per invitation or answer."""
    for i in range(6):
        stakeholder = StakeholderFactory(workshop=workshop)
        _answer(questionnaire, stakeholder, {questions["text"].pk: f"Story {i}"})
    url = _url(workshop, questionnaire)
    # Session, user, membership, questionnaire, areas, responses, then invitations.
    with django_assert_num_queries(7):
        facilitator_client.get(url, headers={"HX-Request": "true"})
    # ... or questions and answers.
    with django_assert_num_queries(8):
        response = facilitator_client.get(
            url, headers={"HX-Request": "true", "HX-Target": "results-questions"}
        )
    assert response.content.decode().count('<blockquote class="answer">') == 6


def test_it_answers_a_poll_with_no_content_when_nothing_changed(
    facilitator_client, workshop, questionnaire, questions
):
    """A swap of identical HTML would still reset a selection in a long list of answers."""
    url = _url(workshop, questionnaire)
    headers = {"HX-Request": "true", "HX-Target": "results-questions"}
    first = facilitator_client.get(url, headers=headers)
    version = re.search(r'hx-vals=\'\{"v": "(\w+)"\}\'', first.content.decode()).group(1)
    assert facilitator_client.get(url, {"v": version}, headers=headers).status_code == 204
    _answer(questionnaire, StakeholderFactory(workshop=workshop), {questions["text"].pk: "New"})
    changed = facilitator_client.get(url, {"v": version}, headers=headers)
    assert changed.status_code == 200
    assert "New" in changed.content.decode()
