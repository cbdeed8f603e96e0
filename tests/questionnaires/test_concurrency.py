"""Fifty stakeholders answering at the same moment, each from their own browser.

Each of 50 threads is one stakeholder with their own test client. They start
together (a barrier), autosave a few answers as they type, press Save with the
whole page, then Submit twice like a double click. Every fifth stakeholder has
two tabs open: both tabs save a different question at the same moment (the
first write, so both race to create the Response) and both submit at once.
Afterwards every answer must hold the last value its stakeholder wrote, once.

Threads need real commits, hence `transactional_db`. PostgreSQL is the
production database. pytest-django's SQLite test database lives in memory,
which other threads cannot share, so the SQLite run copies it to a file and
points every thread's connection at that file: the WAL, IMMEDIATE and busy
timeout settings the app relies on are then exercised for real.
"""

from __future__ import annotations

import html
import re
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import pytest
from django.db import connection, connections
from django.db.models import Count
from django.http import HttpResponse
from django.test import Client

from questionnaires.forms import field_name
from questionnaires.models import Answer, Invitation, Question, QuestionKind, Response
from tests.factories import StakeholderFactory, UserFactory, WorkshopFactory

STAKEHOLDERS = 50
BARRIER_TIMEOUT = 120  # seconds; a thread that dies early must not hang the others
HIDDEN_INITIAL = re.compile(r'<input type="hidden" name="initial-(q_\d+)"(?: value="([^"]*)")?')


@dataclass
class Questions:
    high_point: Question
    wishes: Question
    valuing: Question
    core: Question
    short: Question
    scale: Question
    likelihood: Question
    multiple: Question

    @classmethod
    def of(cls, questionnaire) -> Questions:
        current = list(questionnaire.questions.current())

        def starting(prefix: str) -> Question:
            return next(q for q in current if q.text.startswith(prefix))

        def first(kind: str) -> Question:
            return next(q for q in current if q.kind == kind)

        return cls(
            high_point=starting("High point"),
            wishes=starting("Three wishes"),
            valuing=starting("Valuing"),
            core=starting("Core factors"),
            short=first(QuestionKind.SHORT_TEXT),
            scale=first(QuestionKind.SCALE),
            likelihood=first(QuestionKind.LIKELIHOOD),
            multiple=first(QuestionKind.MULTIPLE_CHOICE),
        )


@dataclass
class Outcome:
    """What one stakeholder's thread saw and wrote."""

    statuses: list[tuple[str, int]] = field(default_factory=list)
    unsaved: list[str] = field(default_factory=list)
    expected: dict[int, str | int | list[str]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def record(self, what: str, response: HttpResponse) -> HttpResponse:
        self.statuses.append((what, response.status_code))
        return response


class Tab:
    """A browser tab on the stakeholder's page: it posts what its form holds,
    including the hidden initial values from when it was loaded."""

    def __init__(self, url: str, outcome: Outcome, q: Questions):
        self.client = Client()
        self.url = url
        self.outcome = outcome
        self.choice_fields = {field_name(x) for x in (q.scale, q.likelihood, q.multiple)}
        self.text_fields = {
            field_name(x) for x in (q.high_point, q.wishes, q.valuing, q.core, q.short)
        }
        self.shown: dict[str, list[str]] = {}

    def load(self) -> None:
        response = self.outcome.record("GET page", self.client.get(self.url))
        shown: dict[str, list[str]] = {}
        for match in HIDDEN_INITIAL.finditer(response.content.decode()):
            shown.setdefault(match[1], []).append(html.unescape(match[2] or ""))
        assert self.text_fields <= shown.keys(), "the page lost its hidden initial values"
        self.shown = shown

    def press(self, button: str, typed: dict[str, list[str]] | None = None) -> HttpResponse:
        typed = typed or {}
        data: dict[str, list[str] | str] = {button: "1"}
        for name in {*self.shown, *typed}:
            shown = self.shown.get(name, [])
            if name in self.shown:  # an empty multiple choice has no hidden input
                data[f"initial-{name}"] = shown
            value = typed.get(name, shown)
            if name in self.choice_fields:
                value = [v for v in value if v]  # unticked boxes send nothing
            data[name] = value
        return self.outcome.record(button, self.client.post(self.url, data))

    def autosave(self, question: Question, value: str) -> None:
        response = self.client.post(
            f"{self.url}save/", {"question": question.pk, field_name(question): value}
        )
        self.outcome.record("autosave", response)
        if "Saved" not in response.content.decode():
            self.outcome.unsaved.append(response.content.decode())


def in_parallel(thread_setup: Callable[[], None], *actions: Callable[[], None]) -> None:
    """Run the actions at the same moment: the first here, the others in helper
    threads (a second tab), each with its own database connection."""
    together = threading.Barrier(len(actions), timeout=BARRIER_TIMEOUT)

    def helper(action):
        thread_setup()
        try:
            together.wait()
            action()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(actions) - 1) as helpers:
        futures = [helpers.submit(helper, action) for action in actions[1:]]
        together.wait()
        actions[0]()
        for future in futures:
            future.result()


def stakeholder_session(
    i: int,
    url: str,
    q: Questions,
    start: threading.Barrier,
    thread_setup: Callable[[], None],
) -> Outcome:
    thread_setup()
    outcome = Outcome()
    two_tabs = i % 5 == 0
    try:
        tab = Tab(url, outcome, q)
        other = Tab(url, outcome, q)
        start.wait()
        tab.load()
        if two_tabs:
            # Both tabs were opened on an empty page and each saves its own
            # question at the same moment: neither may undo the other.
            other.load()
            valuing, core = f"Valuing {i}, from tab A", f"Core factors {i}, from tab B"
            in_parallel(
                thread_setup,
                lambda: tab.press("save", {field_name(q.valuing): [valuing]}),
                lambda: other.press("save", {field_name(q.core): [core]}),
            )
            outcome.expected |= {q.valuing.pk: valuing, q.core.pk: core}

        # Typing: autosave fires per question.
        tab.autosave(q.high_point, f"High point {i}, first draft")
        tab.autosave(q.scale, "2")
        high_point = f"High point {i}, final 🚀 <b>&amp;</b>"
        tab.autosave(q.high_point, high_point)

        # Save with the whole page; the radio moved from 2 to its final value.
        scale, likelihood = 1 + i % 5, i % 11
        options = [q.multiple.options[0], q.multiple.options[1 + i % 4]]
        typed = {
            field_name(q.high_point): [high_point],
            field_name(q.wishes): [f"Three wishes of stakeholder {i}"],
            field_name(q.short): [f"Short answer {i}"],
            field_name(q.scale): [str(scale)],
            field_name(q.likelihood): [str(likelihood)],
            field_name(q.multiple): options,
        }
        tab.press("save", typed)
        outcome.expected |= {
            q.high_point.pk: high_point,
            q.wishes.pk: f"Three wishes of stakeholder {i}",
            q.short.pk: f"Short answer {i}",
            q.scale.pk: scale,
            q.likelihood.pk: likelihood,
            q.multiple.pk: options,
        }

        # Submit twice: a double click, or both tabs at the same moment.
        tab.load()
        if two_tabs:
            other.load()
            in_parallel(thread_setup, lambda: tab.press("submit"), lambda: other.press("submit"))
        else:
            tab.press("submit")
            tab.press("submit")
    except Exception as exc:  # reported by the test, with the stakeholder's number
        outcome.errors.append(f"stakeholder {i}: {exc!r}")
    finally:
        connection.close()
    return outcome


def answer_value(answer: Answer):
    if answer.number is not None:
        return answer.number
    if answer.choices:
        return answer.choices
    return answer.text


def fifty_stakeholders_answer_at_once(thread_setup: Callable[[], None]) -> float:
    workshop = WorkshopFactory(facilitator=UserFactory(), title="Concurrency")
    questionnaire = workshop.questionnaires.get()
    stakeholders = StakeholderFactory.create_batch(STAKEHOLDERS, workshop=workshop)
    invitations = {
        inv.stakeholder_id: inv
        for inv in Invitation.objects.filter(questionnaire=questionnaire).select_related(
            "stakeholder"
        )
    }
    urls = [invitations[s.pk].get_absolute_url() for s in stakeholders]
    q = Questions.of(questionnaire)
    start = threading.Barrier(STAKEHOLDERS, timeout=BARRIER_TIMEOUT)

    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=STAKEHOLDERS) as pool:
        futures = [
            pool.submit(stakeholder_session, i, url, q, start, thread_setup)
            for i, url in enumerate(urls)
        ]
        outcomes = [future.result() for future in futures]
    elapsed = time.perf_counter() - began

    errors = [error for outcome in outcomes for error in outcome.errors]
    assert errors == []
    bad = [
        (what, status) for o in outcomes for what, status in o.statuses if status not in {200, 302}
    ]
    assert bad == []
    assert [body for o in outcomes for body in o.unsaved] == []

    responses = Response.objects.filter(questionnaire=questionnaire)
    assert responses.count() == STAKEHOLDERS
    assert not responses.filter(submitted_at__isnull=True).exists()
    duplicates = (
        Answer.objects.values("response_id", "question_id").annotate(n=Count("pk")).filter(n__gt=1)
    )
    assert list(duplicates) == []
    for stakeholder, outcome in zip(stakeholders, outcomes, strict=True):
        stored = {
            a.question_id: answer_value(a)
            for a in Answer.objects.filter(response__stakeholder=stakeholder)
        }
        assert stored == outcome.expected, stakeholder.name
    return elapsed


@pytest.mark.skipif(connection.vendor != "postgresql", reason="runs on PostgreSQL only")
def test_it_keeps_every_answer_when_fifty_stakeholders_answer_at_once(transactional_db):
    elapsed = fifty_stakeholders_answer_at_once(thread_setup=lambda: None)
    print(f"50 concurrent stakeholders on PostgreSQL: {elapsed:.1f} s")


@pytest.fixture
def sqlite_file_database(transactional_db, tmp_path):
    """Copy the (empty, migrated) in-memory test database to a file and point the
    default connection at it, in this thread and in every thread that calls the
    returned function. Restores the in-memory connection afterwards."""
    path = tmp_path / "concurrency.sqlite3"
    original = connections["default"]
    original.ensure_connection()
    target = sqlite3.connect(path)
    original.connection.backup(target)
    target.close()
    settings_dict = {**original.settings_dict, "NAME": str(path)}

    def use_file_database() -> None:
        connections["default"] = original.__class__(settings_dict, "default")

    use_file_database()
    yield use_file_database
    connections["default"].close()
    connections["default"] = original


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite variant of the test above")
def test_it_keeps_every_answer_when_fifty_stakeholders_answer_at_once_on_sqlite(
    sqlite_file_database,
):
    assert not connection.is_in_memory_db()
    elapsed = fifty_stakeholders_answer_at_once(thread_setup=sqlite_file_database)
    print(f"50 concurrent stakeholders on a SQLite file: {elapsed:.1f} s")
