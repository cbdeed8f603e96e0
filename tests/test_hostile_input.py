"""Hostile input through every form a person can fill in.

Each text field gets the same corpus: emoji and astral characters, right-to-left
text and the U+202E override, zero-width characters, control characters, HTML
and script, SQL-looking and template-looking text, a value at the field's
maximum length and one over it, and NUL. For each we check what a user would
notice: the value is stored exactly as sent (answers keep their surrounding
whitespace; other fields strip it, so their corpus has none), the page that
shows it again has it escaped, a value that is refused gives a clear message
and saves nothing, and nothing answers with a 500.

What a browser sends: a <textarea> submitted with the form turns every line
break into CRLF ("\\r\\n"); htmx's autosave reads `textarea.value`, which has
LF ("\\n") only. An <input type="text"> cannot hold a line break at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.core import mail
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.utils.html import escape

from questionnaires.forms import OPTION_TOO_LONG, field_name
from questionnaires.models import Answer, Invitation, Question, QuestionKind, Questionnaire
from workshops.models import BusinessArea, Stakeholder, Workshop
from workshops.services import area_create, area_delete

ON_POSTGRESQL = connection.vendor == "postgresql"
ON_SQLITE = connection.vendor == "sqlite"
NULL_REFUSED = "Null characters are not allowed."
INVALID_EMAIL = "Enter a valid email address."

CORPUS = {
    "emoji": "Quotes out the same day 🚀👩🏽‍💻🇩🇪 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠜎𠜱",
    "rtl": "مرحبا بالعالم — שלום עולם — mixed 123",
    "rtl-override": "invoice\u202egpj.exe and \u202dforced\u202c",
    "zero-width": "zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffjoiner",
    "control": "bell\x07 escape\x1b[31m start\x01 delete\x7f end",
    "script": "<script>alert(1)</script>",
    "attribute-breakout": '"><img src=x onerror=alert(1)>',
    "sql": "Robert'); DROP TABLE workshops_workshop;--",
    "sql-or": "' OR '1'='1' --",
    "template": "{{ request.user }} {% debug %} ${7*7}",
    "entities": "&lt;b&gt; &amp;amp; &#x3C;",
    "markdown-link": '[x](javascript:alert(1)) <a href="javascript:x">a</a>',
}
# Markup from the corpus that must never reach a page unescaped.
RAW_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def long_value(length: int) -> str:
    """Astral, accented and bidi-control characters, `length` code points long
    (what max_length counts), without surrounding whitespace."""
    return ("ab🚀é\u202e𝔘" * (length // 6 + 1))[:length]


def too_long_message(limit: int) -> str:
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def cases(values: list[tuple], ids: list[str]):
    return [pytest.param(*value, id=id_) for value, id_ in zip(values, ids, strict=True)]


def assert_no_raw_markup(html: str) -> None:
    for markup in RAW_MARKUP:
        assert markup not in html, markup
    assert 'href="javascript:' not in html


# --- The forms ----------------------------------------------------------------


@dataclass
class Ctx:
    workshop: Workshop
    questionnaire: Questionnaire
    invitation: Invitation
    facilitator: Client
    anonymous: Client

    @property
    def sales(self) -> BusinessArea:
        return self.workshop.areas.get(name="Sales")

    def question(self, kind: str) -> Question:
        return self.questionnaire.questions.filter(kind=kind).order_by("order", "pk").first()

    @property
    def questionnaire_url(self) -> str:
        return f"/w/{self.workshop.slug}/questionnaires/{self.questionnaire.pk}/"


@pytest.fixture
def ctx(workshop, questionnaire, invitation, facilitator_client) -> Ctx:
    questionnaire.join_enabled = True
    questionnaire.save(update_fields=["join_enabled"])
    return Ctx(workshop, questionnaire, invitation, facilitator_client, Client())


class Form:
    """One form: how to post a field, what it writes, where the value shows again."""

    name = ""

    def post(self, ctx: Ctx, field: str, value) -> HttpResponse:
        raise NotImplementedError

    def state(self, ctx: Ctx) -> list:
        """The rows this form writes, to prove a refused value saved nothing."""
        raise NotImplementedError

    def stored(self, ctx: Ctx, field: str):
        raise NotImplementedError

    def pages(self, ctx: Ctx, field: str) -> list[tuple[Client, str, bool]]:
        """(client, url, shows the value verbatim) for each page showing it again."""
        raise NotImplementedError

    def accepted(self, response: HttpResponse) -> bool:
        return response.status_code == 302

    def refused(self, response: HttpResponse, message: str | None = None) -> bool:
        """The form came back with its error box and, if given, this message."""
        body = response.content.decode()
        if response.status_code != 200 or 'class="form-errors"' not in body:
            return False
        return message is None or escape(message) in body

    def shows_field_error(self, response: HttpResponse) -> bool:
        return 'class="field-errors"' in response.content.decode()


WORKSHOP_FIELDS = ["title", "organisation", "crm_objective", "affirmative_topic", "phase"]


class WorkshopCreate(Form):
    name = "workshop_create"
    base = {
        "title": "Hostile input workshop",
        "organisation": "Acme Pumps Ltd",
        "crm_objective": "Quotes out within 2 days.",
        "affirmative_topic": "",
        "phase": "define",
        "privacy_threshold": "",
    }

    def post(self, ctx, field, value):
        return ctx.facilitator.post("/workshops/new/", {**self.base, field: value})

    def state(self, ctx):
        return list(Workshop.objects.order_by("pk").values("pk", *WORKSHOP_FIELDS))

    def _created(self, ctx) -> Workshop:
        return Workshop.objects.exclude(pk=ctx.workshop.pk).get()

    def stored(self, ctx, field):
        return getattr(self._created(ctx), field)

    def pages(self, ctx, field):
        slug = self._created(ctx).slug
        return [(ctx.facilitator, f"/w/{slug}/", True), (ctx.facilitator, f"/w/{slug}/edit/", True)]


class WorkshopEdit(WorkshopCreate):
    name = "workshop_edit"

    def post(self, ctx, field, value):
        w = ctx.workshop
        data = {name: getattr(w, name) for name in WORKSHOP_FIELDS}
        data["privacy_threshold"] = w.privacy_threshold
        return ctx.facilitator.post(f"/w/{w.slug}/edit/", {**data, field: value})

    def _created(self, ctx) -> Workshop:
        return Workshop.objects.get(pk=ctx.workshop.pk)


class AreaAdd(Form):
    name = "area_add"

    def post(self, ctx, field, value):
        data = {"name": "Field sales", "order": "", field: value}
        return ctx.facilitator.post(f"/w/{ctx.workshop.slug}/areas/", data)

    def state(self, ctx):
        return list(BusinessArea.objects.order_by("pk").values_list("pk", "name", "order"))

    def stored(self, ctx, field):
        return getattr(ctx.workshop.areas.order_by("-pk").first(), field)

    def pages(self, ctx, field):
        return [(ctx.facilitator, f"/w/{ctx.workshop.slug}/areas/", True)]


STAKEHOLDER_FIELDS = ["name", "email", "job_title", "area", "group", "is_champion"]


class StakeholderAdd(Form):
    name = "stakeholder_add"

    def post(self, ctx, field, value):
        data = {
            "name": "Bo Lind",
            "email": "",
            "job_title": "",
            "area": ctx.sales.pk,
            "group": "employee",
            field: value,
        }
        return ctx.facilitator.post(f"/w/{ctx.workshop.slug}/stakeholders/", data)

    def state(self, ctx):
        return list(Stakeholder.objects.order_by("pk").values("pk", *STAKEHOLDER_FIELDS))

    def _created(self, ctx) -> Stakeholder:
        return Stakeholder.objects.exclude(pk=ctx.invitation.stakeholder_id).get()

    def stored(self, ctx, field):
        return getattr(self._created(ctx), field)

    def pages(self, ctx, field):
        invitation = Invitation.objects.get(stakeholder=self._created(ctx))
        return [
            (ctx.facilitator, f"/w/{ctx.workshop.slug}/stakeholders/", True),
            (ctx.facilitator, ctx.questionnaire_url, field in {"name", "email"}),  # invitations
            (ctx.anonymous, invitation.get_absolute_url(), field == "name"),
        ]


class Join(StakeholderAdd):
    """People not on the list add themselves with the open join link."""

    name = "join"

    def post(self, ctx, field, value):
        data = {"name": "Jo Joiner", "email": "", "area": ctx.sales.pk, "group": "client"}
        return ctx.anonymous.post(f"/j/{ctx.questionnaire.join_code}/", {**data, field: value})

    def pages(self, ctx, field):
        invitation = Invitation.objects.get(stakeholder=self._created(ctx))
        return [
            (ctx.anonymous, invitation.get_absolute_url(), field == "name"),
            (ctx.facilitator, ctx.questionnaire_url, field in {"name", "email"}),
        ]


QUESTION_FIELDS = [
    "phase", "kind", "text", "help_text", "required", "scale_min_label", "scale_max_label",
    "options", "target_groups",
]  # fmt: skip


class QuestionAdd(Form):
    name = "question_add"

    def post(self, ctx, field, value):
        kind = {
            "scale_min_label": QuestionKind.SCALE,
            "scale_max_label": QuestionKind.SCALE,
            "options": QuestionKind.MULTIPLE_CHOICE,
        }.get(field, QuestionKind.LONG_TEXT)
        data = {
            "phase": "discover",
            "kind": kind,
            "text": "A question with hostile parts",
            "help_text": "",
            "scale_min_label": "",
            "scale_max_label": "",
            "options": "",
            field: value,
        }
        if field == "options":
            data["options"] = f"{value}\nSecond option"
        url = f"{ctx.questionnaire_url}questions/new/"
        return ctx.facilitator.post(url, data)

    def state(self, ctx):
        return list(Question.objects.order_by("pk").values("pk", *QUESTION_FIELDS))

    def _created(self, ctx) -> Question:
        return ctx.questionnaire.questions.order_by("-pk").first()

    def stored(self, ctx, field):
        value = getattr(self._created(ctx), field)
        return value[0] if field == "options" else value

    def pages(self, ctx, field):
        question = self._created(ctx)
        return [
            (ctx.facilitator, f"{ctx.questionnaire_url}design/", field in {"text", "options"}),
            (ctx.facilitator, f"{ctx.questionnaire_url}questions/{question.pk}/", True),
            (ctx.anonymous, ctx.invitation.get_absolute_url(), True),
        ]


class QuestionnaireSettings(Form):
    name = "questionnaire_settings"

    def post(self, ctx, field, value):
        q = ctx.questionnaire
        data = {"title": q.title, "intro": q.intro, "join_enabled": "on", field: value}
        return ctx.facilitator.post(f"{ctx.questionnaire_url}settings/", data)

    def state(self, ctx):
        return list(Questionnaire.objects.order_by("pk").values("pk", "title", "intro", "paged"))

    def stored(self, ctx, field):
        return getattr(Questionnaire.objects.get(pk=ctx.questionnaire.pk), field)

    def pages(self, ctx, field):
        # The intro is Markdown: on the stakeholder's page it is rendered and
        # sanitized, so only its form shows it verbatim.
        return [
            (ctx.facilitator, f"{ctx.questionnaire_url}settings/", True),
            (ctx.facilitator, f"{ctx.questionnaire_url}design/", field == "title"),
            (ctx.anonymous, ctx.invitation.get_absolute_url(), field == "title"),
        ]


ANSWER_KINDS = {
    "long_text": QuestionKind.LONG_TEXT,
    "short_text": QuestionKind.SHORT_TEXT,
    "scale": QuestionKind.SCALE,
    "likelihood": QuestionKind.LIKELIHOOD,
    "single_choice": QuestionKind.SINGLE_CHOICE,
    "multiple_choice": QuestionKind.MULTIPLE_CHOICE,
}


class AnswerSave(Form):
    """The stakeholder's page, saved with the Save button. Fields are question kinds."""

    name = "answer_save"

    def post(self, ctx, field, value):
        name = field_name(ctx.question(ANSWER_KINDS[field]))
        data = {"save": "1", name: value, f"initial-{name}": ""}
        return ctx.anonymous.post(ctx.invitation.get_absolute_url(), data)

    def state(self, ctx):
        return list(
            Answer.objects.order_by("pk").values_list("pk", "question", "text", "number", "choices")
        )

    def stored(self, ctx, field):
        answer = Answer.objects.get(question=ctx.question(ANSWER_KINDS[field]))
        return answer.text

    def pages(self, ctx, field):
        return [
            (ctx.anonymous, ctx.invitation.get_absolute_url(), True),
            (ctx.facilitator, f"{ctx.questionnaire_url}results/", True),
        ]


class AnswerAutosave(AnswerSave):
    """The same answers, saved one at a time by htmx as the stakeholder types."""

    name = "answer_autosave"

    def post(self, ctx, field, value):
        question = ctx.question(ANSWER_KINDS[field])
        data = {"question": question.pk, field_name(question): value}
        return ctx.anonymous.post(f"{ctx.invitation.get_absolute_url()}save/", data)

    def accepted(self, response):
        return response.status_code == 200 and "Saved" in response.content.decode()

    def refused(self, response, message=None):
        body = response.content.decode()
        if response.status_code != 200 or "Not saved:" not in body:
            return False
        return message is None or escape(message) in body

    def shows_field_error(self, response):
        return "Not saved:" in response.content.decode()


WORKSHOP_CREATE, WORKSHOP_EDIT = WorkshopCreate(), WorkshopEdit()
AREA_ADD, STAKEHOLDER_ADD, JOIN = AreaAdd(), StakeholderAdd(), Join()
QUESTION_ADD, SETTINGS = QuestionAdd(), QuestionnaireSettings()
ANSWER_SAVE, ANSWER_AUTOSAVE = AnswerSave(), AnswerAutosave()

# (form, field, max_length): every free-text field.
TEXT_FIELDS = [
    (WORKSHOP_CREATE, "title", 200),
    (WORKSHOP_CREATE, "organisation", 200),
    (WORKSHOP_CREATE, "crm_objective", 2000),
    (WORKSHOP_CREATE, "affirmative_topic", 300),
    (WORKSHOP_EDIT, "title", 200),
    (WORKSHOP_EDIT, "organisation", 200),
    (WORKSHOP_EDIT, "crm_objective", 2000),
    (WORKSHOP_EDIT, "affirmative_topic", 300),
    (AREA_ADD, "name", 80),
    (STAKEHOLDER_ADD, "name", 120),
    (STAKEHOLDER_ADD, "job_title", 120),
    (QUESTION_ADD, "text", 500),
    (QUESTION_ADD, "help_text", 500),
    (QUESTION_ADD, "scale_min_label", 60),
    (QUESTION_ADD, "scale_max_label", 60),
    (QUESTION_ADD, "options", 200),  # per option, one per line
    (SETTINGS, "title", 200),
    (SETTINGS, "intro", 4000),
    (JOIN, "name", 120),
    (ANSWER_SAVE, "long_text", 10_000),
    (ANSWER_SAVE, "short_text", 300),
    (ANSWER_AUTOSAVE, "long_text", 10_000),
    (ANSWER_AUTOSAVE, "short_text", 300),
]
TEXT_FIELD_IDS = [f"{form.name}.{field}" for form, field, _limit in TEXT_FIELDS]

# Fields with a fixed set of values (choices, ids, numbers).
CHOICE_FIELDS = [
    (WORKSHOP_CREATE, "phase"),
    (WORKSHOP_CREATE, "privacy_threshold"),
    (WORKSHOP_EDIT, "phase"),
    (WORKSHOP_EDIT, "privacy_threshold"),
    (STAKEHOLDER_ADD, "area"),
    (STAKEHOLDER_ADD, "group"),
    (QUESTION_ADD, "phase"),
    (QUESTION_ADD, "kind"),
    (QUESTION_ADD, "target_areas"),
    (QUESTION_ADD, "target_groups"),
    (JOIN, "area"),
    (JOIN, "group"),
    *[(form, kind) for form in (ANSWER_SAVE, ANSWER_AUTOSAVE) for kind in list(ANSWER_KINDS)[2:]],
]
CHOICE_FIELD_IDS = [f"{form.name}.{field}" for form, field in CHOICE_FIELDS]
MULTI_VALUED = {"target_areas", "target_groups", "multiple_choice"}
NOT_A_CHOICE = {
    **CORPUS,
    "nul": "1\x00",
    "huge": "99999999999999999999",
    "negative": "-1",
    "decimal": "1.5",
}


def check_shown_escaped(form: Form, ctx: Ctx, field: str, value: str) -> None:
    for client, url, verbatim in form.pages(ctx, field):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_no_raw_markup(html)
        if verbatim:
            assert escape(value) in html, url
        if "<script>" in value and verbatim:
            assert "&lt;script&gt;" in html, url


# --- Free text ----------------------------------------------------------------


@pytest.mark.parametrize("key", list(CORPUS))
@pytest.mark.parametrize(("form", "field", "limit"), TEXT_FIELDS, ids=TEXT_FIELD_IDS)
def test_it_stores_hostile_text_exactly_and_shows_it_escaped(ctx, form, field, limit, key):
    value = CORPUS[key]
    response = form.post(ctx, field, value)
    assert form.accepted(response), response.content.decode()[:2000]
    assert form.stored(ctx, field) == value
    check_shown_escaped(form, ctx, field, value)


@pytest.mark.parametrize(("form", "field", "limit"), TEXT_FIELDS, ids=TEXT_FIELD_IDS)
def test_it_accepts_text_at_the_maximum_length(ctx, form, field, limit):
    value = long_value(limit)
    assert len(value) == limit
    response = form.post(ctx, field, value)
    assert form.accepted(response), response.content.decode()[:2000]
    assert form.stored(ctx, field) == value
    check_shown_escaped(form, ctx, field, value)


@pytest.mark.parametrize(("form", "field", "limit"), TEXT_FIELDS, ids=TEXT_FIELD_IDS)
def test_it_refuses_text_one_over_the_maximum_and_saves_nothing(ctx, form, field, limit):
    before = form.state(ctx)
    response = form.post(ctx, field, long_value(limit + 1))
    message = str(OPTION_TOO_LONG) if field == "options" else too_long_message(limit)
    assert form.refused(response, message), response.content.decode()[:2000]
    assert form.state(ctx) == before


@pytest.mark.parametrize(
    ("form", "field", "limit"),
    cases(TEXT_FIELDS, TEXT_FIELD_IDS),
)
def test_it_refuses_null_characters_and_saves_nothing(ctx, form, field, limit):
    """PostgreSQL cannot store NUL in text, so it is refused on every backend."""
    before = form.state(ctx)
    response = form.post(ctx, field, "before\x00after")
    assert form.refused(response, NULL_REFUSED), response.content.decode()[:2000]
    assert form.state(ctx) == before


# --- Choices, ids and numbers ---------------------------------------------------


@pytest.mark.parametrize(
    ("form", "field", "key"),
    cases(
        [(form, field, key) for form, field in CHOICE_FIELDS for key in NOT_A_CHOICE],
        [f"{id_}-{key}" for id_ in CHOICE_FIELD_IDS for key in NOT_A_CHOICE],
    ),
)
def test_it_refuses_a_value_that_is_not_one_of_the_choices(ctx, form, field, key):
    value = NOT_A_CHOICE[key]
    before = form.state(ctx)
    response = form.post(ctx, field, [value] if field in MULTI_VALUED else value)
    assert form.refused(response), response.content.decode()[:2000]
    assert form.shows_field_error(response)
    assert form.state(ctx) == before
    assert_no_raw_markup(response.content.decode())


def test_it_says_why_a_targeted_area_was_refused(ctx):
    """A stale form: the area ticked there was removed in the meantime."""
    area = area_create(workshop=ctx.workshop, name="Field sales")
    stale_pk = area.pk
    area_delete(area=area)
    response = QUESTION_ADD.post(ctx, "target_areas", [str(stale_pk)])
    assert QUESTION_ADD.refused(response)
    assert "Select a valid choice" in response.content.decode()


@pytest.mark.parametrize(
    ("form", "field"),
    [
        (STAKEHOLDER_ADD, "is_champion"),
        (QUESTION_ADD, "required"),
        (SETTINGS, "paged"),
        (SETTINGS, "join_enabled"),
    ],
    ids=lambda item: getattr(item, "name", item),
)
@pytest.mark.parametrize("value", [CORPUS["script"], "a\x00b"], ids=["script", "nul"])
def test_it_reads_any_hostile_checkbox_value_as_ticked(ctx, form, field, value):
    """A checkbox sends a value only when ticked, so whatever arrives means yes."""
    response = form.post(ctx, field, value)
    assert form.accepted(response), response.content.decode()[:2000]
    assert form.stored(ctx, field) is True


# --- E-mail addresses -------------------------------------------------------------

EMAIL_FORMS = [STAKEHOLDER_ADD, JOIN]
# Valid by RFC 5322 (a quoted local part may hold markup and control characters).
HOSTILE_VALID_EMAILS = {
    "quoted-script": '"<script>alert(1)</script>"@example.com',
    "quoted-breakout": '"\\"><img/src=x/onerror=alert(1)>"@example.com',
    "quoted-control": '"bell\x07escape\x1b"@example.com',
    "apostrophe": "o'brien+crm@example.com",
    "idn": "ada@bücher.example",
    "max-length": "a" * (254 - len("@example.com")) + "@example.com",
}


@pytest.mark.parametrize("key", list(HOSTILE_VALID_EMAILS))
@pytest.mark.parametrize("form", EMAIL_FORMS, ids=lambda f: f.name)
def test_it_stores_a_hostile_but_valid_email_and_can_send_to_it(ctx, form, key):
    value = HOSTILE_VALID_EMAILS[key]
    response = form.post(ctx, "email", value)
    assert form.accepted(response), response.content.decode()[:2000]
    assert form.stored(ctx, "email") == value
    check_shown_escaped(form, ctx, "email", value)
    # The facilitator e-mails the link: the mail goes out or a message says why not.
    invitation = Invitation.objects.get(stakeholder__email=value)
    mail.outbox.clear()
    sent = ctx.facilitator.post(
        f"/w/{ctx.workshop.slug}/invitations/{invitation.pk}/send/", follow=True
    )
    assert sent.status_code == 200
    assert_no_raw_markup(sent.content.decode())


INVALID_EMAILS = {
    **CORPUS,
    "nul": "ada@example.com\x00",
    "over-max-length": "a" * (255 - len("@example.com")) + "@example.com",
}


@pytest.mark.parametrize(
    ("form", "value"),
    cases(
        [(form, value) for form in EMAIL_FORMS for value in INVALID_EMAILS.values()],
        [f"{form.name}-{key}" for form in EMAIL_FORMS for key in INVALID_EMAILS],
    ),
)
def test_it_refuses_an_invalid_email_and_saves_nothing(ctx, form, value):
    before = form.state(ctx)
    response = form.post(ctx, "email", value)
    assert form.refused(response), response.content.decode()[:2000]
    body = response.content.decode()
    assert INVALID_EMAIL in body or NULL_REFUSED in body or too_long_message(254) in body
    assert form.state(ctx) == before
    assert_no_raw_markup(body)


# --- Answers: whitespace and line ends --------------------------------------------


def test_it_keeps_an_answers_surrounding_whitespace_and_line_ends_exactly(ctx):
    long_q = ctx.question(QuestionKind.LONG_TEXT)
    short_q = ctx.question(QuestionKind.SHORT_TEXT)
    url = ctx.invitation.get_absolute_url()

    def text_of(question) -> str:
        return Answer.objects.get(question=question).text

    # The Save button: the browser sends the textarea's line breaks as CRLF.
    typed = "  Two spaces first.\r\n\r\n\tA tab after a blank line.  \r\n"
    padded = "  padded short answer  "
    data = {"save": "1"}
    for question, value in ((long_q, typed), (short_q, padded)):
        data |= {field_name(question): value, f"initial-{field_name(question)}": ""}
    assert ctx.anonymous.post(url, data).status_code == 302
    assert text_of(long_q) == typed
    assert text_of(short_q) == padded
    page = ctx.anonymous.get(url).content.decode()
    # Django puts a newline after <textarea>, which the HTML parser drops, so a
    # value starting with a line break keeps it in the browser.
    assert f">\n{escape(typed)}</textarea>" in page
    assert f'value="{escape(padded)}"' in page

    # Autosave: htmx sends textarea.value, whose line breaks are LF.
    autosaved = "\nA leading line break\nand LF line ends \n"
    response = ctx.anonymous.post(
        f"{url}save/", {"question": long_q.pk, field_name(long_q): autosaved}
    )
    assert "Saved" in response.content.decode()
    assert text_of(long_q) == autosaved
    assert f">\n{escape(autosaved)}</textarea>" in ctx.anonymous.get(url).content.decode()

    # A change in whitespace only is a change; the same text with its initial is not.
    name = field_name(short_q)
    edited = {"save": "1", name: padded.strip(), f"initial-{name}": padded}
    assert ctx.anonymous.post(url, edited).status_code == 302
    assert text_of(short_q) == padded.strip()
    name = field_name(long_q)
    untouched = {"save": "1", name: "stale tab text", f"initial-{name}": "stale tab text"}
    assert ctx.anonymous.post(url, untouched).status_code == 302
    assert text_of(long_q) == autosaved


def test_it_stores_hostile_options_and_the_stakeholders_choice_of_them(ctx):
    """Options a facilitator typed are values a stakeholder posts back."""
    options = [CORPUS["script"], CORPUS["attribute-breakout"], CORPUS["rtl-override"]]
    response = ctx.facilitator.post(
        f"{ctx.questionnaire_url}questions/new/",
        {
            "phase": "design",
            "kind": "multiple_choice",
            "text": "Pick",
            "options": "\r\n".join(options),
        },
    )
    assert response.status_code == 302
    question = ctx.questionnaire.questions.order_by("-pk").first()
    assert question.options == options
    name = field_name(question)
    url = ctx.invitation.get_absolute_url()
    response = ctx.anonymous.post(url, {"save": "1", name: options[:2], f"initial-{name}": ""})
    assert response.status_code == 302
    assert Answer.objects.get(question=question).choices == options[:2]
    page = ctx.anonymous.get(url).content.decode()
    assert_no_raw_markup(page)
    for option in options:
        assert f'value="{escape(option)}"' in page


# --- Hostile URLs ------------------------------------------------------------------

HOSTILE_PATH_PARTS = {
    **CORPUS,
    "nul": "\x00",
    "nul-dot": "abc\x00.def",
    "slash": "a/b",
    "long": "x" * 5000,
}


@pytest.mark.parametrize(
    "key",
    cases(
        [(key,) for key in HOSTILE_PATH_PARTS],
        list(HOSTILE_PATH_PARTS),
    ),
)
def test_it_answers_hostile_links_and_codes_with_a_404(ctx, key):
    part = quote(HOSTILE_PATH_PARTS[key], safe="")
    for url in (f"/s/{part}/", f"/s/{part}/save/", f"/j/{part}/", f"/j/?code={part}"):
        response = ctx.anonymous.post(url) if url.endswith("save/") else ctx.anonymous.get(url)
        assert response.status_code in {302, 404}, url
        if response.status_code == 302:
            assert ctx.anonymous.get(response["Location"]).status_code == 404, url


@pytest.mark.parametrize(
    "question",
    [
        "<script>",
        "1 OR 1=1",
        "\x00",
        "99999999999999999999",
        pytest.param("²", id="superscript-two"),
        "",
    ],
)
def test_it_answers_a_hostile_question_id_in_autosave_with_a_400(ctx, question):
    response = ctx.anonymous.post(
        f"{ctx.invitation.get_absolute_url()}save/", {"question": question}
    )
    assert response.status_code == 400
    assert not Answer.objects.exists()
