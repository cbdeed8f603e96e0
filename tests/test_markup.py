from __future__ import annotations

import importlib
import json

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError

from crmvision.transfer import workshop_export, workshop_import
from questionnaires.models import Questionnaire, QuestionnaireTemplate
from tests.factories import DreamStoryFactory
from workshops.markup import MARKDOWN_MAX_LENGTH, render_markdown
from workshops.models import DreamStory


def test_it_renders_markdown():
    assert (
        render_markdown("**bold** and *soft*") == "<p><strong>bold</strong> and <em>soft</em></p>"
    )


def test_it_removes_scripts_handlers_and_dangerous_links():
    html = render_markdown(
        '<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>'
        "<img src=x onerror=alert(1)>"
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "<img" not in html


def test_it_marks_links_nofollow():
    assert 'rel="noopener noreferrer nofollow"' in render_markdown("[site](https://example.com)")


# --- Capped, rendered once when saved, stored (issue 6, §3.7) ------------------
# Render times of the worst inputs at the cap: bench/markdown_render.py.


def _too_long(limit: int) -> str:
    return f"Ensure this value has at most {limit} characters (it has {limit + 1})."


def test_it_renders_the_slowest_known_inputs_at_the_cap_as_text():
    brackets = "[" * MARKDOWN_MAX_LENGTH
    assert render_markdown(brackets) == f"<p>{brackets}</p>"
    assert render_markdown("*a **" * (MARKDOWN_MAX_LENGTH // 5)).startswith("<p>*a **")


@pytest.mark.parametrize("length", [MARKDOWN_MAX_LENGTH, MARKDOWN_MAX_LENGTH + 1])
def test_it_caps_a_dream_story_at_the_markdown_limit(workshop, length):
    story = DreamStory(workshop=workshop, title="A day", body="[" * length)
    if length <= MARKDOWN_MAX_LENGTH:
        story.full_clean()
        return
    with pytest.raises(ValidationError) as refused:
        story.full_clean()
    assert refused.value.message_dict["body"] == [_too_long(MARKDOWN_MAX_LENGTH)]


def test_it_caps_the_introduction_in_its_form(facilitator_client, workshop, questionnaire):
    url = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/settings/"
    data = {"title": questionnaire.title, "join_enabled": "on"}
    at_cap = "[" * MARKDOWN_MAX_LENGTH
    assert facilitator_client.post(url, {**data, "intro": at_cap}).status_code == 302
    response = facilitator_client.post(url, {**data, "intro": at_cap + "["})
    assert response.status_code == 200
    assert _too_long(MARKDOWN_MAX_LENGTH) in response.content.decode()
    questionnaire.refresh_from_db()
    assert questionnaire.intro == at_cap
    assert questionnaire.intro_html == f"<p>{at_cap}</p>"


def test_it_caps_a_saved_template_introduction(facilitator, questionnaire):
    template = QuestionnaireTemplate(owner=facilitator, title="T", intro="x" * MARKDOWN_MAX_LENGTH)
    template.full_clean(exclude=["questions"])
    template.intro += "x"
    with pytest.raises(ValidationError) as refused:
        template.full_clean(exclude=["questions"])
    assert refused.value.message_dict["intro"] == [_too_long(MARKDOWN_MAX_LENGTH)]


def test_it_stores_the_rendered_introduction_when_saved(
    facilitator_client, workshop, questionnaire
):
    url = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/settings/"
    data = {"title": questionnaire.title, "intro": "**Welcome** <script>x()</script>"}
    assert facilitator_client.post(url, data).status_code == 302
    questionnaire.refresh_from_db()
    assert questionnaire.intro == "**Welcome** <script>x()</script>"
    assert questionnaire.intro_html == "<p><strong>Welcome</strong> </p>"


def test_it_renders_when_a_save_names_the_source_only(questionnaire):
    questionnaire.intro = "*new*"
    questionnaire.save(update_fields=["intro"])
    assert Questionnaire.objects.get(pk=questionnaire.pk).intro_html == "<p><em>new</em></p>"


def test_it_does_not_render_when_a_save_leaves_the_source_out(questionnaire):
    Questionnaire.objects.filter(pk=questionnaire.pk).update(intro_html="<p>kept</p>")
    questionnaire.is_open = False
    questionnaire.save(update_fields=["is_open"])
    assert Questionnaire.objects.get(pk=questionnaire.pk).intro_html == "<p>kept</p>"


def test_the_stakeholder_pages_show_the_stored_introduction(client, invitation, questionnaire):
    """The page shows what was stored at save time: it renders no Markdown."""
    Questionnaire.objects.filter(pk=questionnaire.pk).update(
        intro="**source**", join_enabled=True, intro_html="<p>Stored at save time</p>"
    )
    for url in (invitation.get_absolute_url(), f"/j/{questionnaire.join_code}/"):
        body = client.get(url).content.decode()
        assert '<div class="intro"><p>Stored at save time</p></div>' in body, url
        assert "source" not in body, url


def test_the_report_shows_the_stored_story(sponsor_client, workshop):
    story = DreamStoryFactory(workshop=workshop, body="Quotes go out **the same day**.")
    assert story.body_html == "<p>Quotes go out <strong>the same day</strong>.</p>"
    DreamStory.objects.filter(pk=story.pk).update(body_html="<p>Stored story</p>")
    body = sponsor_client.get(f"/w/{workshop.slug}/report/").content.decode()
    assert "<p>Stored story</p>" in body
    assert "the same day" not in body


def test_export_keeps_the_markdown_source_and_import_renders_it(workshop, questionnaire):
    DreamStoryFactory(workshop=workshop, body="A *story*")
    questionnaire.intro = "An **intro**"
    questionnaire.save()
    doc = workshop_export(workshop)
    assert doc["dream_stories"][0]["body"] == "A *story*"
    assert doc["questionnaires"][0]["intro"] == "An **intro**"
    assert "body_html" not in json.dumps(doc) and "intro_html" not in json.dumps(doc)
    copy_ = workshop_import(doc, slug="copy")
    assert copy_.dream_stories.get().body_html == "<p>A <em>story</em></p>"
    assert copy_.questionnaires.get().intro_html == "<p>An <strong>intro</strong></p>"


@pytest.mark.parametrize(
    ("migration", "function"),
    [
        ("workshops.migrations.0004_dream_story_body_html", "render_stories"),
        ("questionnaires.migrations.0004_questionnaire_intro_html", "render_intros"),
    ],
)
def test_the_data_migrations_render_existing_rows(workshop, questionnaire, migration, function):
    story = DreamStoryFactory(workshop=workshop, body="*old*")
    DreamStory.objects.update(body_html="")
    Questionnaire.objects.update(intro="*old*", intro_html="")
    getattr(importlib.import_module(migration), function)(django_apps, None)
    if function == "render_stories":
        assert DreamStory.objects.get(pk=story.pk).body_html == "<p><em>old</em></p>"
    else:
        assert Questionnaire.objects.get(pk=questionnaire.pk).intro_html == "<p><em>old</em></p>"
