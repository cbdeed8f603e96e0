from __future__ import annotations

from django import template

from questionnaires.blocks import question_blocks

register = template.Library()


@register.simple_tag(takes_context=True)
def answer_blocks(context, form):
    """The form's question blocks by phase: `{% answer_blocks form as sections %}`."""
    return question_blocks(
        form,
        autosave_url=context.get("autosave_url"),
        closed=context.get("closed"),
        preview=context.get("preview"),
    )
