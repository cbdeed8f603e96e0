from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.filter
def stored_html(html: str) -> SafeString:
    """A `*_html` field: Markdown that render_markdown rendered and sanitized with
    nh3 when it was saved. Pages show this instead of rendering Markdown."""
    return mark_safe(html)


@register.filter
def get_item(mapping, key):
    return mapping.get(key)
