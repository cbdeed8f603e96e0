"""A form body that is not UTF-8, or cannot be parsed, gets our 400 page on
every URL, signed in or not, and changes nothing (issue 6, §3.5).

Django refuses a urlencoded body that declares another charset with
BadRequest, raised from the CSRF check and again from its own 400 handler:
the visitor saw a 500. Unknown charsets and undecodable bytes were accepted
and turned into U+FFFD, silently changing what a stakeholder typed.
"""

from __future__ import annotations

import io
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client

from questionnaires.forms import field_name
from questionnaires.models import Answer, QuestionKind

BAD_REQUEST_HEADING = "Something about this request was not right"
URLENCODED = "application/x-www-form-urlencoded"

# (content type, body); TOKEN is replaced by the CSRF token, FIELD by a form field.
MALFORMED = {
    "latin-1 charset": (
        f"{URLENCODED}; charset=iso-8859-1",
        b"FIELD=caf%E9&csrfmiddlewaretoken=TOKEN",
    ),
    "utf-16 charset": (f"{URLENCODED}; charset=utf-16", b"FIELD=x&csrfmiddlewaretoken=TOKEN"),
    "unknown charset": (f"{URLENCODED}; charset=foo", b"FIELD=x&csrfmiddlewaretoken=TOKEN"),
    "raw invalid bytes": (URLENCODED, b"FIELD=caf\xe9\xff&csrfmiddlewaretoken=TOKEN"),
    "escaped invalid bytes": (URLENCODED, b"FIELD=caf%E9%FF&csrfmiddlewaretoken=TOKEN"),
    "multipart latin-1": (
        "multipart/form-data; boundary=XX; charset=iso-8859-1",
        b'--XX\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\nTOKEN\r\n'
        b'--XX\r\nContent-Disposition: form-data; name="FIELD"\r\n\r\ncaf\xe9\r\n--XX--\r\n',
    ),
}


def _post(client: Client, url: str, content_type: str, body: bytes, field: str):
    client.get(url)  # the CSRF cookie, as a browser would have it
    token = client.cookies["csrftoken"].value.encode()
    body = body.replace(b"TOKEN", token).replace(b"FIELD", field.encode())
    return client.generic("POST", url, body, content_type=content_type)


def _assert_bad_request_page(response) -> None:
    assert response.status_code == 400
    assert BAD_REQUEST_HEADING in response.content.decode()


@pytest.fixture
def anonymous():
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def signed_in(facilitator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(facilitator)
    return client


@pytest.mark.parametrize(("content_type", "body"), MALFORMED.values(), ids=MALFORMED.keys())
def test_it_answers_a_malformed_sign_in_with_the_400_page(db, anonymous, content_type, body):
    response = _post(anonymous, "/accounts/login/", content_type, body, "username")
    _assert_bad_request_page(response)


@pytest.mark.parametrize(("content_type", "body"), MALFORMED.values(), ids=MALFORMED.keys())
def test_it_answers_a_malformed_answer_page_post_and_saves_nothing(
    anonymous, invitation, questionnaire, content_type, body
):
    question = questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT).first()
    url = invitation.get_absolute_url()
    response = _post(anonymous, url, content_type, body, field_name(question))
    _assert_bad_request_page(response)
    assert not Answer.objects.exists()


@pytest.mark.parametrize(("content_type", "body"), MALFORMED.values(), ids=MALFORMED.keys())
def test_it_answers_a_malformed_join_with_the_400_page(
    anonymous, questionnaire, content_type, body
):
    questionnaire.join_enabled = True
    questionnaire.save(update_fields=["join_enabled"])
    stakeholders = questionnaire.workshop.stakeholders.count()
    response = _post(anonymous, f"/j/{questionnaire.join_code}/", content_type, body, "name")
    _assert_bad_request_page(response)
    assert questionnaire.workshop.stakeholders.count() == stakeholders


@pytest.mark.parametrize(("content_type", "body"), MALFORMED.values(), ids=MALFORMED.keys())
@pytest.mark.parametrize("url", ["/workshops/new/", "/w/{slug}/edit/"])
def test_it_answers_a_malformed_post_when_signed_in_with_the_400_page(
    signed_in, workshop, url, content_type, body
):
    response = _post(signed_in, url.format(slug=workshop.slug), content_type, body, "title")
    _assert_bad_request_page(response)
    workshop.refresh_from_db()
    assert workshop.title == "Nordwerk CRM vision"


def test_it_answers_a_body_over_the_upload_limit_with_the_400_page(db, anonymous, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    body = b"username=" + b"a" * 1000 + b"&csrfmiddlewaretoken=TOKEN"
    response = _post(anonymous, "/accounts/login/", URLENCODED, body, "username")
    _assert_bad_request_page(response)


@pytest.mark.parametrize("charset", ["", "; charset=utf-8", "; charset=UTF8", '; charset="utf-8"'])
def test_it_accepts_utf8_forms_however_the_charset_is_spelled(db, anonymous, charset):
    body = b"username=caf%C3%A9+%F0%9F%9A%80&password=wrong&csrfmiddlewaretoken=TOKEN"
    response = _post(anonymous, "/accounts/login/", URLENCODED + charset, body, "username")
    assert response.status_code == 200
    assert 'value="café 🚀"' in response.content.decode()


@pytest.mark.parametrize(
    "content_type",
    [
        f"{URLENCODED}; charset*=foo''x",  # an RFC 2231 charset Python does not know
        f"{URLENCODED}; a=" + "x" * 10_000,  # past Django's header length limit
    ],
    ids=["rfc2231-unknown-charset", "too-long"],
)
def test_it_answers_an_unparsable_content_type_with_the_400_page(content_type):
    """Django raises while building the request, before any middleware: through
    the real WSGI application (the test client builds requests its own way)."""
    from crmvision.wsgi import application

    body = b"username=a&password=b"
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": "/accounts/login/",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "HTTP_HOST": "testserver",
    }
    setup_testing_defaults(environ)
    status = []
    # As Django's test client does: a request must not close the test's connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        result = application(environ, lambda s, headers, exc_info=None: status.append(s))
        content = b"".join(result).decode()
        result.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert status == ["400 Bad Request"]
    assert BAD_REQUEST_HEADING in content
