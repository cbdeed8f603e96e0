"""Markdown for user text: rendered once when it is saved, sanitized with nh3.

Models with Markdown fields use `RenderedMarkdown`: every save renders the
source into a `<field>_html` column, and pages show that stored HTML. The
source stays what people edit, export and import.

markdown-it-py parses in time linear in the input (Python-Markdown took 12 s
on 10,000 `[`); with the input capped at MARKDOWN_MAX_LENGTH the slowest input
we know of renders well under 200 ms: `python bench/markdown_render.py`.
"""

from __future__ import annotations

import nh3
from django.core.validators import MaxLengthValidator
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# The longest Markdown any field accepts. A TextField's max_length only limits
# its form field; the validator also holds for the importer and full_clean().
MARKDOWN_MAX_LENGTH = 4000
MARKDOWN_VALIDATORS = [MaxLengthValidator(MARKDOWN_MAX_LENGTH)]

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "a",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}

# CommonMark without raw HTML (shown as text) and without images (nh3 would
# drop them anyway; their parsing is the slowest rule).
_PARSER = MarkdownIt("commonmark", {"html": True}).disable("image")


def render_markdown(text: str) -> SafeString:
    html = _PARSER.render(text or "")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(clean.strip())


class RenderedMarkdown:
    """Mixin for a model whose `markdown_fields` each have a `<name>_html`
    column: saving renders the source once, so no page renders Markdown.

    `save(update_fields=[...])` naming a source also writes its HTML."""

    markdown_fields: tuple[str, ...] = ()

    def save(self, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        rendered = []
        for name in self.markdown_fields:
            if update_fields is None or name in update_fields:
                setattr(self, f"{name}_html", render_markdown(getattr(self, name)))
                rendered.append(f"{name}_html")
        if update_fields is not None and rendered:
            kwargs["update_fields"] = {*update_fields, *rendered}
        super().save(**kwargs)  # type: ignore[misc]
