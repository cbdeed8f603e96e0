from __future__ import annotations

import pytest

from questionnaires.models import Question
from workshops.models import Phase


@pytest.fixture
def make_question(questionnaire):
    """A factory for questions of the workshop's questionnaire, all in Discover."""

    def make(order, kind, text, **extra) -> Question:
        return Question.objects.create(
            questionnaire=questionnaire, phase=Phase.DISCOVER, kind=kind, text=text, order=order,
            **extra,
        )  # fmt: skip

    return make
