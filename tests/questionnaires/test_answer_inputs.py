"""The answer inputs written in Python write what Django's widgets would."""

from __future__ import annotations

import re

import pytest

from questionnaires.forms import AnswerForm, field_name
from questionnaires.inputs import answer_input
from questionnaires.models import Answer, QuestionKind

HOSTILE = 'Tom & Jerry\'s "best" <b>day</b>'
OPTIONS = ["Yes", HOSTILE, "Not now"]


@pytest.fixture
def questions(make_question):
    return [
        make_question(1, QuestionKind.LONG_TEXT, "Story", help_text="A real one"),
        make_question(2, QuestionKind.SHORT_TEXT, "In a word"),
        make_question(3, QuestionKind.SCALE, "Ready?", help_text="1 is not at all"),
        make_question(4, QuestionKind.LIKELIHOOD, "Recommend?"),
        make_question(5, QuestionKind.SINGLE_CHOICE, "Champion?", options=OPTIONS),
        make_question(6, QuestionKind.MULTIPLE_CHOICE, "Where?", options=OPTIONS),
    ]


def _answers(questions) -> dict[int, Answer]:
    long_text, short_text, scale, likelihood, single, multiple = questions
    return {
        long_text.pk: Answer(question=long_text, text=f"  {HOSTILE}\nline two"),
        short_text.pk: Answer(question=short_text, text=HOSTILE),
        scale.pk: Answer(question=scale, number=4),
        likelihood.pk: Answer(question=likelihood, number=0),
        single.pk: Answer(question=single, text=HOSTILE),
        multiple.pk: Answer(question=multiple, choices=["Yes", HOSTILE, "renamed since"]),
    }


def _invalid_post(questions) -> dict:
    long_text, short_text, scale, likelihood, single, multiple = questions
    return {
        field_name(long_text): "a\x00b",
        f"initial-{field_name(long_text)}": "before",
        field_name(short_text): "x" * 301,
        field_name(scale): "99",
        field_name(likelihood): "10",
        f"initial-{field_name(likelihood)}": "3",
        field_name(single): "Nope",
        field_name(multiple): ["Yes", "Nope <b>"],
        f"initial-{field_name(multiple)}": ["Yes", HOSTILE],
    }


def _without_aria_on_hidden(html: str) -> str:
    """Django puts aria-describedby on hidden inputs (invalid HTML); we do not."""
    return re.sub(r'(<input type="hidden"[^>]*?) aria-describedby="[^"]*"', r"\1", html)


FORMS = {
    "empty": lambda qs: AnswerForm(questions=qs, answers={}),
    "answered": lambda qs: AnswerForm(questions=qs, answers=_answers(qs)),
    "closed": lambda qs: AnswerForm(questions=qs, answers=_answers(qs), disabled=True),
    "invalid": lambda qs: AnswerForm(
        _invalid_post(qs), questions=qs, answers=_answers(qs), submitting=True
    ),
}


@pytest.mark.parametrize("state", FORMS)
def test_it_writes_the_same_inputs_as_django_widgets(questions, state):
    form = FORMS[state](questions)
    if state == "invalid":
        assert not form.is_valid()
    for question in questions:
        bound = form[field_name(question)]
        ours = answer_input(question, bound)
        if question.is_text:
            assert ours.options == []
            assert ours.control + ours.hidden_initial == _without_aria_on_hidden(str(bound))
        else:
            django = [(w.id_for_label, w.tag(), w.choice_label) for w in bound]
            assert [(o.id, o.tag, o.label) for o in ours.options] == django
            assert ours.hidden_initial == bound.as_hidden(only_initial=True)
        assert list(ours.errors) == list(bound.errors)
        assert ours.auto_id == bound.auto_id


def test_it_escapes_what_people_typed(questions):
    form = FORMS["answered"](questions)
    html = "".join(
        str(i.control) + "".join(o.tag for o in i.options)
        for _, _, inputs in form.inputs_by_phase()
        for i in inputs
    )
    assert "<b>" not in html
    assert "Tom &amp; Jerry&#x27;s &quot;best&quot; &lt;b&gt;day&lt;/b&gt;" in html


def test_it_checks_the_saved_answers(questions):
    form = FORMS["answered"](questions)
    inputs = {i.question.kind: i for _, _, group in form.inputs_by_phase() for i in group}
    checked = {
        kind: [o.label for o in i.options if " checked" in o.tag] for kind, i in inputs.items()
    }
    assert checked[QuestionKind.SCALE] == ["4"]
    assert checked[QuestionKind.LIKELIHOOD] == ["0"]
    assert checked[QuestionKind.SINGLE_CHOICE] == [HOSTILE]
    # An option renamed since it was chosen stays shown and checked.
    assert checked[QuestionKind.MULTIPLE_CHOICE] == ["Yes", HOSTILE, "renamed since"]
