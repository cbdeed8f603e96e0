from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

from workshops.markup import render_markdown

register = template.Library()


@register.filter
def stored_html(html: str) -> SafeString:
    """A `*_html` field: Markdown that render_markdown rendered and sanitized with
    nh3 when it was saved. Pages show this instead of rendering Markdown."""
    return mark_safe(html)


@register.filter(name="markdown")
def markdown_filter(text: str):
    """Renders on every call: only for text that has no stored `*_html` yet.
    Pages show stored HTML with `stored_html`."""
    return render_markdown(text)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def hidden_initial(bound_field):
    """The hidden copy of a field's initial value (for `show_hidden_initial` fields
    rendered one radio at a time)."""
    return bound_field.as_hidden(only_initial=True)
