"""Personal pages are never kept by a browser or proxy cache, and a 403 logs
one line (issue 6, §3.9)."""

from __future__ import annotations

import logging

import pytest
from django.test import Client

SIGNED_IN_URLS = [
    "/workshops/",
    "/w/{slug}/",
    "/w/{slug}/stakeholders/",
    "/w/{slug}/questionnaires/{questionnaire}/results/",
    "/w/{slug}/questionnaires/{questionnaire}/export.csv",
    "/w/{slug}/questionnaires/{questionnaire}/export.xlsx",
    "/w/{slug}/invitations/{invitation}/qr.svg",
    "/w/{slug}/report/",
    "/w/{slug}/report.pdf",
]


def _cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",")}


def _format(url: str, invitation) -> str:
    return url.format(
        slug=invitation.questionnaire.workshop.slug,
        questionnaire=invitation.questionnaire_id,
        invitation=invitation.pk,
    )


@pytest.mark.parametrize("url", SIGNED_IN_URLS)
def test_it_keeps_signed_in_pages_out_of_caches(facilitator_client, invitation, url):
    response = facilitator_client.get(_format(url, invitation))
    assert response.status_code == 200
    assert {"private", "no-store"} <= _cache_control(response)


@pytest.mark.parametrize("url", ["/w/{slug}/", "/w/{slug}/report.pdf"])
def test_it_keeps_the_sponsors_pages_out_of_caches(sponsor_client, invitation, url):
    response = sponsor_client.get(_format(url, invitation))
    assert response.status_code == 200
    assert {"private", "no-store"} <= _cache_control(response)


def test_it_keeps_the_stakeholders_pages_out_of_caches(client, invitation, questionnaire):
    questionnaire.join_enabled = True
    questionnaire.save(update_fields=["join_enabled"])
    token = invitation.token
    for url in (f"/s/{token}/", f"/j/{questionnaire.join_code}/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert {"private", "no-store"} <= _cache_control(response), url


@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/j/", "/no-such-page/"])
def test_it_keeps_public_pages_out_of_caches_too(db, url):
    # They carry a CSRF token or say who is signed in.
    assert {"private", "no-store"} <= _cache_control(Client().get(url))


def test_it_leaves_static_files_cacheable(db):
    response = Client().get("/static/js/app.js")
    assert response.status_code == 200
    assert "no-store" not in _cache_control(response)


def test_it_logs_a_403_as_one_line_without_a_traceback(sponsor_client, workshop, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = sponsor_client.get(f"/w/{workshop.slug}/edit/")
    assert response.status_code == 403
    records = [r for r in caplog.records if r.name == "django.request"]
    assert len(records) == 1
    assert records[0].getMessage() == f"Forbidden (Permission denied): /w/{workshop.slug}/edit/"
    assert records[0].exc_info is None
    assert "Traceback" not in caplog.text
