from __future__ import annotations

from workshops.markup import render_markdown


def test_it_renders_markdown():
    assert (
        render_markdown("**bold** and *soft*") == "<p><strong>bold</strong> and <em>soft</em></p>"
    )


def test_it_removes_scripts_handlers_and_dangerous_links():
    html = render_markdown(
        '<script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">link</a>'
        "<img src=x onerror=alert(1)>"
    )
    assert "<script" not in html
    assert "javascript:" not in html
    assert "onclick" not in html
    assert "<img" not in html


def test_it_marks_links_nofollow():
    assert 'rel="noopener noreferrer nofollow"' in render_markdown("[site](https://example.com)")
