from __future__ import annotations

from django import template

from workshops.markup import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    return render_markdown(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def hidden_initial(bound_field):
    """The hidden copy of a field's initial value (for `show_hidden_initial` fields
    rendered one radio at a time)."""
    return bound_field.as_hidden(only_initial=True)
