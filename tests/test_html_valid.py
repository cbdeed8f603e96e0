"""Every page the app serves is valid HTML: 0 errors from the W3C Nu HTML Checker.

The pages are those the URL x role table (tests/test_access.py) reaches with a
200, rendered on the demo workshop so every list, chart and quote has content,
plus the pages that table leaves out: the stakeholder's pages (one page, paged,
closed, thank-you), the join pages, sign-in and password reset, forms
re-rendered with their errors, and the error pages. htmx partials are not whole
documents: the ones htmx swaps in (results polling, autosave, tagging) are
checked wrapped in a minimal document.

The checker is `vnu.jar` from the npm package `vnu-jar`, installed by
`make vnu` (a prerequisite of `make test`) into `.tools/`; it runs once over a
directory of all pages, because the JVM takes seconds to start.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.management import call_command
from django.shortcuts import render
from django.test import Client, RequestFactory
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.views import defaults
from django.views.csrf import csrf_failure

from questionnaires.forms import field_name
from questionnaires.models import Answer, QuestionKind, Questionnaire
from tests.factories import UserFactory, WorkshopFactory
from tests.test_access import ANON, FACILITATOR, OUTSIDER, SPONSOR, TABLE
from workshops.models import Workshop

VNU_JAR = Path(
    os.environ.get("VNU_JAR", settings.BASE_DIR / ".tools/node_modules/vnu-jar/build/dist/vnu.jar")
)
MISSING_CHECKER = (
    "The Nu HTML Checker needs `java` and {jar}; `make vnu` installs both. "
    "Outside CI the check is skipped; with CI=true it fails."
)
# A page with a known error: proves the checker ran and reported, so a broken
# checker cannot pass every page by saying nothing.
CANARY = '<!doctype html><html lang="en"><title>canary</title><p hx-get="/">canary</p></html>'


PARTIAL_DOCUMENT = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>part</title></head>'
    "<body>{body}</body></html>"
)


def _vnu_command() -> list[str]:
    java = shutil.which("java")
    if java and VNU_JAR.is_file():
        return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]
    reason = MISSING_CHECKER.format(jar=VNU_JAR)
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(reason)
    pytest.skip(reason)


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "root"


class Pages:
    """Collects the HTML of each page under a readable file name."""

    def __init__(self) -> None:
        self.html: dict[str, str] = {}

    def add(self, name: str, response) -> None:
        assert response.status_code < 300 or response.status_code >= 400, (
            f"{name}: redirected to {response.get('Location')}"
        )
        assert response["Content-Type"].startswith("text/html"), name
        self._keep(name, response.content.decode())

    def partial(self, name: str, response) -> None:
        assert response.status_code == 200, f"{name}: {response.status_code}"
        body = response.content.decode()
        assert "<html" not in body, f"{name}: a whole page where htmx expects a part"
        self._keep(f"partial {name}", PARTIAL_DOCUMENT.format(body=body))

    def _keep(self, name: str, html: str) -> None:
        assert _slug(name) not in self.html, f"two pages named {_slug(name)}"
        self.html[_slug(name)] = html

    def get(self, client: Client, url: str, name: str, status: int = 200) -> None:
        response = client.get(url)
        assert response.status_code == status, f"{name}: GET {url} gave {response.status_code}"
        self.add(name, response)

    def post(self, client: Client, url: str, data: dict, name: str, status: int = 200) -> None:
        response = client.post(url, data)
        assert response.status_code == status, f"{name}: POST {url} gave {response.status_code}"
        self.add(name, response)


def _client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def _table_pages(pages: Pages, workshop: Workshop, clients: dict[str, Client]) -> None:
    """Every GET row of the access table, for every role that gets a 200."""
    questionnaire = workshop.questionnaires.get()
    invitation = questionnaire.invitations.select_related("stakeholder").first()
    values = {
        "slug": workshop.slug,
        "area": workshop.areas.first().pk,
        "stakeholder": invitation.stakeholder_id,
        "questionnaire": questionnaire.pk,
        "invitation": invitation.pk,
        "question": questionnaire.questions.first().pk,
    }
    for url, method, expected in TABLE:
        for role, status in expected.items():
            if method != "get" or status != 200:
                continue
            path = url.format(**values)
            response = clients[role].get(path)
            assert response.status_code == 200, f"GET {path} as {role}"
            if response["Content-Type"].startswith("text/html"):
                pages.add(f"{role} {url}", response)


def _stakeholder_pages(pages: Pages, questionnaire: Questionnaire) -> None:
    anonymous = Client()
    responses = questionnaire.responses
    submitted_ids = responses.filter(submitted_at__isnull=False).values("stakeholder")
    started_ids = responses.values("stakeholder")
    invitations = questionnaire.invitations
    submitted = invitations.filter(stakeholder__in=submitted_ids).first()
    fresh = invitations.exclude(stakeholder__in=started_ids).first()
    pages.get(anonymous, fresh.get_absolute_url(), "stakeholder answer page")
    response = anonymous.post(fresh.get_absolute_url(), {"submit": "1"}, follow=True)
    pages.add("stakeholder submit with required answers missing", response)
    pages.get(anonymous, f"/s/{submitted.token}/thanks/", "stakeholder thanks")
    pages.get(anonymous, "/s/not-a-token/", "stakeholder unknown link", status=404)

    Questionnaire.objects.filter(pk=questionnaire.pk).update(paged=True, join_enabled=True)
    pages.get(anonymous, fresh.get_absolute_url(), "stakeholder paged first")
    pages.get(anonymous, f"{fresh.get_absolute_url()}?section=destiny", "stakeholder paged last")
    pages.get(anonymous, "/j/", "join start")
    pages.get(anonymous, f"/j/{questionnaire.join_code}/", "join form")
    pages.post(anonymous, f"/j/{questionnaire.join_code}/", {"name": ""}, "join form with errors")
    Questionnaire.objects.filter(pk=questionnaire.pk).update(is_open=False)
    pages.get(anonymous, submitted.get_absolute_url(), "stakeholder closed")
    Questionnaire.objects.filter(pk=questionnaire.pk).update(is_open=True, paged=False)


def _account_pages(pages: Pages, facilitator) -> None:
    anonymous = Client()
    pages.get(anonymous, "/accounts/login/", "sign in")
    pages.post(anonymous, "/accounts/login/", {"username": "x", "password": "y"}, "sign in wrong")
    pages.get(anonymous, "/accounts/password_reset/", "password reset")
    pages.post(anonymous, "/accounts/password_reset/", {"email": "no"}, "password reset bad")
    pages.get(anonymous, "/accounts/password_reset/done/", "password reset sent")
    uid = urlsafe_base64_encode(force_bytes(facilitator.pk))
    token = default_token_generator.make_token(facilitator)
    response = anonymous.get(f"/accounts/reset/{uid}/{token}/")
    pages.get(anonymous, response["Location"], "password reset choose")
    pages.post(
        anonymous,
        response["Location"],
        {"new_password1": "a", "new_password2": "b"},
        "password reset choose mismatch",
    )
    pages.get(anonymous, f"/accounts/reset/{uid}/wrong-token/", "password reset bad link")
    pages.get(anonymous, "/accounts/reset/done/", "password reset done")


# An empty POST leaves `Form(request.POST or None)` unbound: send one blank field.
BLANK = {"title": ""}


def _form_error_pages(pages: Pages, workshop: Workshop, client: Client) -> None:
    """Forms re-rendered with their messages: error markup must be valid too."""
    questionnaire = workshop.questionnaires.get()
    base = f"/w/{workshop.slug}"
    design = f"{base}/questionnaires/{questionnaire.pk}"
    forms = [
        ("/workshops/new/", BLANK, "new workshop"),
        (f"{base}/edit/", BLANK, "edit workshop"),
        (f"{base}/stakeholders/", {"name": ""}, "stakeholder"),
        (f"{base}/stakeholders/", {"lines": "nobody,x,Nowhere"}, "paste"),
        (f"{base}/team/", {"email": "no"}, "team"),
        (f"{design}/questions/new/", {"text": ""}, "question"),
        (f"{design}/settings/", BLANK, "questionnaire settings"),
    ]
    for url, data, name in forms:
        pages.post(client, url, data, f"{name} with errors")
        html = pages.html[_slug(f"{name} with errors")]
        assert 'aria-invalid="true"' in html or 'role="alert"' in html, f"{name}: no error shown"


def _partials(pages: Pages, workshop: Workshop, client: Client) -> None:
    """What htmx swaps into a page, each in the state a user meets most."""
    questionnaire = workshop.questionnaires.get()
    htmx = {"HX-Request": "true"}
    results = f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/results/"
    for target in ("results-summary", "results-questions"):
        response = client.get(results, headers={**htmx, "HX-Target": target})
        pages.partial(f"results {target}", response)
    answer = Answer.objects.filter(response__questionnaire=questionnaire).exclude(text="").first()
    tag = f"/w/{workshop.slug}/answers/{answer.pk}/themes/"
    pages.partial("tag", client.post(tag, {"new_name": "Speed"}, headers=htmx))
    pages.partial("tag error", client.post(tag, {"new_name": "", "theme": ""}, headers=htmx))
    invitation = questionnaire.invitations.exclude(
        stakeholder__in=questionnaire.responses.values("stakeholder")
    ).first()
    question = next(
        q
        for q in questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT)
        if q.shown_to(invitation.stakeholder)
    )
    response = Client().post(
        f"/s/{invitation.token}/save/",
        {"question": question.pk, field_name(question): "Fewer calls"},
        headers=htmx,
    )
    pages.partial("autosave", response)


def _error_pages(pages: Pages) -> None:
    """The templates Django renders for 400, 403, 404, 500 and a CSRF failure,
    through Django's own handlers, and any other NNN.html (e.g. 429)."""
    request = RequestFactory().get("/somewhere/")
    request.user = get_user_model()()
    pages.add("error 400", defaults.bad_request(request, Exception()))
    pages.add("error 403", defaults.permission_denied(request, Exception()))
    pages.add("error 404", defaults.page_not_found(request, Exception()))
    pages.add("error 500", defaults.server_error(request))
    pages.add("error 403 csrf", csrf_failure(request))
    handled = {"400.html", "403.html", "404.html", "500.html", "403_csrf.html"}
    for template in sorted((settings.BASE_DIR / "templates").glob("[0-9][0-9][0-9]*.html")):
        if template.name not in handled:
            pages.add(f"error {template.stem}", render(request, template.name))


def _render_all_pages() -> dict[str, str]:
    call_command("seed_demo", stdout=StringIO())  # its users are the README's demo sign-ins
    workshop = Workshop.objects.get()
    users = get_user_model().objects
    facilitator = users.get(username="facilitator")
    outsider = UserFactory(username="otto")
    WorkshopFactory(facilitator=outsider, title="Someone else's workshop")
    clients = {
        ANON: Client(),
        OUTSIDER: _client(outsider),
        SPONSOR: _client(users.get(username="sponsor")),
        FACILITATOR: _client(facilitator),
    }
    questionnaire = workshop.questionnaires.get()
    # A saved template, so the design page shows its "start from a template" form.
    clients[FACILITATOR].post(
        f"/w/{workshop.slug}/questionnaires/{questionnaire.pk}/templates/save/", {"title": "Ours"}
    )
    pages = Pages()
    _table_pages(pages, workshop, clients)
    _stakeholder_pages(pages, workshop.questionnaires.get())
    _account_pages(pages, facilitator)
    _form_error_pages(pages, workshop, clients[FACILITATOR])
    _partials(pages, workshop, clients[FACILITATOR])
    _error_pages(pages)
    return pages.html


def _check(command: list[str], folder: Path) -> list[dict]:
    result = subprocess.run(  # noqa: S603 - our own command line
        [*command, str(folder)], capture_output=True, text=True, timeout=300, check=False
    )
    return json.loads(result.stderr or result.stdout)["messages"]


TEMPLATE_SYNTAX = ("{#", "#}", "{%", "%}", "{{", "}}")


def test_it_serves_only_valid_html(db, tmp_path):
    pages = _render_all_pages()
    # Django's {# #} comments are one line only: a two-line one is printed on the page.
    leaks = [
        f"{name}: {mark!r}"
        for name, html in pages.items()
        for mark in TEMPLATE_SYNTAX
        if mark in html
    ]
    assert not leaks, f"template syntax shown on pages: {leaks}"
    command = _vnu_command()
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_text(html, encoding="utf-8")
    (tmp_path / "canary.html").write_text(CANARY, encoding="utf-8")

    messages = _check(command, tmp_path)

    by_page: dict[str, list[str]] = {}
    for message in messages:
        page = Path(message.get("url", "?")).stem
        line = message.get("lastLine", "?")
        by_page.setdefault(page, []).append(f"  line {line}: {message['message']}")
    assert "canary" in by_page, "the checker reported nothing, not even the canary's error"
    del by_page["canary"]
    assert len(pages) > 40
    report = "\n".join(f"{page}.html\n" + "\n".join(lines) for page, lines in by_page.items())
    if by_page:
        pytest.fail(f"Nu HTML Checker errors in {len(by_page)} pages:\n{report}", pytrace=False)


def test_it_fails_without_the_checker_in_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(f"{__name__}.VNU_JAR", tmp_path / "missing.jar")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="make vnu"):
        _vnu_command()


def test_it_skips_without_the_checker_outside_ci(monkeypatch, tmp_path):
    monkeypatch.setattr(f"{__name__}.VNU_JAR", tmp_path / "missing.jar")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="make vnu"):
        _vnu_command()
