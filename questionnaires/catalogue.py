"""The built-in Appreciative Inquiry questionnaire for a CRM project.

Sections follow the 5-D cycle (docs/method.md, section 2): the classic interview
(high point, valuing, core factors, three wishes), SOAR prompts (strengths,
opportunities, aspirations, results) and adoption questions (section 5: do
we agree on a good result, what would make the tool too heavy, where is it
needed). Each entry is a plain dict in the same shape as a saved template.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

from questionnaires.models import QuestionKind
from workshops.models import Phase

BUILTIN_TITLE = _("Vision questionnaire")
BUILTIN_INTRO = _(
    "We are preparing a CRM that people will want to use. We start from what already "
    "works: your stories and wishes shape the vision. It takes about 15 minutes, and you "
    "can stop and come back to this link at any time."
)

_L, _S = QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT

BUILTIN_QUESTIONS: list[dict[str, Any]] = [
    {
        "phase": Phase.DEFINE,
        "kind": _S,
        "text": _("In a few words: which customer moment matters most in your work?"),
        "help_text": _("This helps us phrase the workshop's topic in your words."),
    },
    {
        "phase": Phase.DISCOVER,
        "kind": _L,
        "required": True,
        "text": _(
            "High point: tell us about a time you felt most alive and effective working with "
            "a customer. What made it possible, and who was involved?"
        ),
        "help_text": _("A real story, with the details that made it work."),
    },
    {
        "phase": Phase.DISCOVER,
        "kind": _L,
        "text": _(
            "Valuing: what do you value most about your work, your team and the way this "
            "company treats its customers?"
        ),
    },
    {
        "phase": Phase.DISCOVER,
        "kind": _L,
        "text": _(
            "Core factors: what gives life to our customer relationships, without which we "
            "would not be ourselves? What must a new CRM keep?"
        ),
    },
    {
        "phase": Phase.DISCOVER,
        "kind": _L,
        "text": _("Strengths: what are we at our best at with customers today?"),
        "help_text": _("SOAR: strengths"),
    },
    {
        "phase": Phase.DREAM,
        "kind": _L,
        "required": True,
        "text": _(
            "Three wishes: if you had three wishes for how we will work with customers once "
            "the CRM is part of everyday life, what would they be?"
        ),
    },
    {
        "phase": Phase.DREAM,
        "kind": _L,
        "text": _("Opportunities: which chances with customers are we missing today?"),
        "help_text": _("SOAR: opportunities"),
    },
    {
        "phase": Phase.DREAM,
        "kind": _L,
        "text": _("Aspirations: what do we want customers to say about us in three years?"),
        "help_text": _("SOAR: aspirations"),
    },
    {
        "phase": Phase.DESIGN,
        "kind": QuestionKind.SCALE,
        "text": _(
            "How far do we already agree on what a good result of this CRM project looks like?"
        ),
        "scale_min_label": _("Not at all"),
        "scale_max_label": _("Completely"),
    },
    {
        "phase": Phase.DESIGN,
        "kind": _L,
        "text": _("What would make a new CRM too heavy for you to use every day?"),
    },
    {
        "phase": Phase.DESIGN,
        "kind": QuestionKind.MULTIPLE_CHOICE,
        "text": _("Where do you need the CRM to be available?"),
        "options": [
            _("At my desk"),
            _("On my phone, on the road"),
            _("At the customer's site"),
            _("In the plant or warehouse"),
            _("At home"),
        ],
    },
    {
        "phase": Phase.DESTINY,
        "kind": _S,
        "text": _(
            "Results: which measurable sign would tell you in six months that we are on track?"
        ),
        "help_text": _("SOAR: results. For example: quotes out within two days."),
    },
    {
        "phase": Phase.DESTINY,
        "kind": QuestionKind.SCALE,
        "text": _("How ready do you feel to use a CRM in your daily work, where the work happens?"),
        "scale_min_label": _("Not ready"),
        "scale_max_label": _("Fully ready"),
    },
    {
        "phase": Phase.DESTINY,
        "kind": QuestionKind.LIKELIHOOD,
        "text": _(
            "How likely are you to recommend the new way of working with customers to a colleague?"
        ),
        "scale_min_label": _("Not at all likely"),
        "scale_max_label": _("Extremely likely"),
    },
    {
        "phase": Phase.DESTINY,
        "kind": QuestionKind.SINGLE_CHOICE,
        "text": _("Would you like to be a CRM champion for your area?"),
        "help_text": _("Champions try things first, help colleagues and carry the change."),
        "options": [_("Yes"), _("Maybe, tell me more"), _("Not now")],
    },
]


def builtin_spec() -> list[dict[str, Any]]:
    """The built-in questions as plain strings, in the active language."""
    return [
        {
            key: ([str(o) for o in value] if key == "options" else value)
            if key in {"required", "options"}
            else str(value)
            for key, value in question.items()
        }
        for question in BUILTIN_QUESTIONS
    ]
