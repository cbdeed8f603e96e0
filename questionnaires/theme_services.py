"""Writes on the themes of the positive core (docs/method.md, section 2): the
strengths the facilitator finds in the stakeholders' stories, tagged on their
written answers. Services `theme_<action>` / `answer_<action>`; the reads (counts
per area, quotes) are in the results engine, `questionnaires.results`.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy

from questionnaires.models import Answer, Theme
from workshops.models import Workshop

THEME_NAME_TAKEN = gettext_lazy("This workshop already has a theme with this name.")
THEME_MERGE_ITSELF = gettext_lazy("A theme cannot be merged into itself.")
THEME_MERGE_OTHER_WORKSHOP = gettext_lazy("Themes of different workshops cannot be merged.")
TAG_NOT_TEXT = gettext_lazy("Only written answers can be tagged with a theme.")
TAG_OTHER_WORKSHOP = gettext_lazy("This answer belongs to another workshop.")

TaggedAnswer = Theme.answers.through


def _check_name_free(theme: Theme) -> None:
    """Names differ by more than case, so "Trust" and "trust" are one theme."""
    taken = Theme.objects.filter(workshop_id=theme.workshop_id, name__iexact=theme.name)
    if theme.pk:
        taken = taken.exclude(pk=theme.pk)
    if theme.name and taken.exists():
        raise ValidationError({"name": THEME_NAME_TAKEN})


@transaction.atomic
def theme_create(*, workshop: Workshop, name: str, description: str = "") -> Theme:
    theme = Theme(workshop=workshop, name=name.strip(), description=description.strip())
    _check_name_free(theme)
    theme.full_clean()
    theme.save()
    return theme


@transaction.atomic
def theme_get_or_create(*, workshop: Workshop, name: str) -> Theme:
    """The workshop's theme of that name (any case), or a new one.

    Lets a facilitator type a theme's name next to an answer even when the
    list of themes on their page is older than a theme a colleague just added.
    """
    existing = Theme.objects.filter(workshop=workshop, name__iexact=name.strip()).first()
    return existing or theme_create(workshop=workshop, name=name)


@transaction.atomic
def theme_rename(*, theme: Theme, name: str, description: str | None = None) -> Theme:
    theme.name = name.strip()
    if description is not None:
        theme.description = description.strip()
    _check_name_free(theme)
    theme.full_clean()
    theme.save(update_fields=["name", "description"])
    return theme


@transaction.atomic
def theme_merge(*, source: Theme, target: Theme) -> Theme:
    """Move every tag of `source` to `target` and delete `source`.

    An answer tagged with both keeps a single tag.
    """
    if source.pk == target.pk:
        raise ValidationError(THEME_MERGE_ITSELF)
    if source.workshop_id != target.workshop_id:
        raise ValidationError(THEME_MERGE_OTHER_WORKSHOP)
    answer_ids = list(
        TaggedAnswer.objects.filter(theme_id=source.pk).values_list("answer_id", flat=True)
    )
    TaggedAnswer.objects.bulk_create(
        [TaggedAnswer(theme_id=target.pk, answer_id=answer_id) for answer_id in answer_ids],
        ignore_conflicts=True,
    )
    if source.description and not target.description:
        target.description = source.description
        target.full_clean()
        target.save(update_fields=["description"])
    source.delete()
    return target


@transaction.atomic
def theme_delete(*, theme: Theme) -> None:
    """The answers stay; only their tags with this theme go."""
    theme.delete()


def _check_taggable(answer: Answer, theme: Theme) -> None:
    question = answer.question
    if not question.is_text:
        raise ValidationError(TAG_NOT_TEXT)
    if question.questionnaire.workshop_id != theme.workshop_id:
        raise ValidationError(TAG_OTHER_WORKSHOP)


@transaction.atomic
def answer_tag(*, answer: Answer, theme: Theme) -> None:
    """Tag a written answer with a theme of its workshop. Tagging twice is a no-op."""
    _check_taggable(answer, theme)
    TaggedAnswer.objects.bulk_create(
        [TaggedAnswer(theme_id=theme.pk, answer_id=answer.pk)], ignore_conflicts=True
    )


@transaction.atomic
def answer_untag(*, answer: Answer, theme: Theme) -> None:
    """Remove the tag if it is there."""
    TaggedAnswer.objects.filter(theme_id=theme.pk, answer_id=answer.pk).delete()
