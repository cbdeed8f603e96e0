"""End-to-end: a stakeholder answers on a phone without pressing Save, closes the
page, and finds every answer when they open their link again."""

from __future__ import annotations

import re
import time

import pytest
from django.db import OperationalError
from playwright.sync_api import Browser, Locator, Page, expect, sync_playwright

from questionnaires.models import Answer, QuestionKind

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
STORY = "The day we solved a key account's delivery problem in one call — 🚀 <b>not bold</b>"
WISHES = "One view of the customer,\nfewer spreadsheets,\nquicker quotes."
LAST_WORDS = "Typed just before closing the page."
BEACON_WAIT = 3.0  # seconds


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def console() -> list[str]:
    return []


def open_on_phone(browser: Browser, url: str, console: list[str]) -> Page:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    response = page.goto(url)
    assert response is not None and response.status == 200
    return page


def question_block(page: Page, question) -> Locator:
    return page.locator(f"#question-{question.pk}")


def settle(page: Page) -> None:
    """Wait until no autosave is in flight.

    On SQLite the live server's request threads share the test's one in-memory
    connection, so two saves at the same moment can fail with "database table
    is locked" there (never with a real database file or PostgreSQL; concurrent
    saves are tests/questionnaires/test_concurrency.py's job). The person in
    this test pauses between answers instead.
    """
    expect(page.locator(".htmx-request")).to_have_count(0)


def wait_for_answer(question, predicate, timeout: float) -> Answer | None:
    """Poll the database while the server writes in its own thread."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            answer = Answer.objects.filter(question=question).first()
        except OperationalError:  # the shared in-memory SQLite table is being written
            answer = None
        if answer is not None and predicate(answer):
            return answer
        time.sleep(0.1)
    return None


@pytest.mark.e2e
def test_it_keeps_answers_typed_on_a_phone_without_pressing_save(
    browser, live_server, transactional_db, invitation, questionnaire, console
):
    link = live_server.url + invitation.get_absolute_url()
    questions = questionnaire.questions.all()
    high_point = questions.get(text__startswith="High point")
    wishes = questions.get(text__startswith="Three wishes")
    scale = questions.filter(kind=QuestionKind.SCALE).first()
    multiple = questions.get(kind=QuestionKind.MULTIPLE_CHOICE)
    desk, phone_option = multiple.options[0], multiple.options[1]

    page = open_on_phone(browser, link, console)
    for question, text in ((high_point, STORY), (wishes, WISHES)):
        field = question_block(page, question).locator("textarea")
        field.press_sequentially(text, delay=5)
        # Typing stopped: the answer saves itself after the autosave delay.
        expect(question_block(page, question).locator(".save-state")).to_contain_text("Saved")
        field.blur()  # leaving the field saves it once more (the change event)
        settle(page)
    question_block(page, scale).get_by_text("4", exact=True).click()
    settle(page)
    choices = question_block(page, multiple)
    for option in (desk, phone_option):
        choices.get_by_label(option).check()
        settle(page)
    for question in (high_point, wishes, scale, multiple):
        expect(question_block(page, question).locator(".save-state")).to_contain_text("Saved")
    context = page.context
    page.close()  # without pressing Save
    context.close()

    page = open_on_phone(browser, link, console)  # a fresh browser context
    expect(page.get_by_label(re.compile("High point"))).to_have_value(STORY)
    expect(page.get_by_label(re.compile("Three wishes"))).to_have_value(WISHES)
    expect(question_block(page, scale).get_by_label("4", exact=True)).to_be_checked()
    choices = question_block(page, multiple)
    expect(choices.get_by_label(desk)).to_be_checked()
    expect(choices.get_by_label(phone_option)).to_be_checked()
    for option in multiple.options[2:]:
        expect(choices.get_by_label(option)).not_to_be_checked()
    page.context.close()

    stored = {a.question_id: a for a in Answer.objects.all()}
    assert stored[high_point.pk].text == STORY
    assert stored[wishes.pk].text == WISHES  # htmx sends textarea.value: LF line ends
    assert stored[scale.pk].number == 4
    assert stored[multiple.pk].choices == [desk, phone_option]
    assert [line for line in console if "Content Security Policy" in line] == []


@pytest.mark.e2e
def test_it_sends_a_change_typed_just_before_the_page_is_closed(
    browser, live_server, transactional_db, invitation, questionnaire, console
):
    """Closed within the 0.8 s autosave delay: the page sends the pending
    change with navigator.sendBeacon on pagehide."""
    link = live_server.url + invitation.get_absolute_url()
    wishes = questionnaire.questions.get(text__startswith="Three wishes")

    page = open_on_phone(browser, link, console)
    page.get_by_label(re.compile("Three wishes")).fill(LAST_WORDS)
    context = page.context
    page.close()  # at once: the autosave delay has not run out
    context.close()

    answer = wait_for_answer(wishes, lambda a: a.text == LAST_WORDS, BEACON_WAIT)
    assert answer is not None, f"the beacon did not arrive within {BEACON_WAIT} s"
    assert [line for line in console if "Content Security Policy" in line] == []
