"""Who may open what: one table of URL x role -> status."""

from __future__ import annotations

import pytest
from django.test import Client

ANON, OUTSIDER, SPONSOR, FACILITATOR = "anonymous", "outsider", "sponsor", "facilitator"

# (url template, method, {role: expected status})
TABLE = [
    ("/w/{slug}/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 200, FACILITATOR: 200}),
    ("/w/{slug}/edit/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200}),
    ("/w/{slug}/areas/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200}),
    ("/w/{slug}/areas/{area}/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200}),
    (
        "/w/{slug}/areas/{area}/delete/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    ("/w/{slug}/stakeholders/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200}),
    (
        "/w/{slug}/stakeholders/{stakeholder}/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/stakeholders/{stakeholder}/delete/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/answers/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 301},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/toggle/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/invitations/{invitation}/send/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/invitations/{invitation}/revoke/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/design/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/settings/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/preview/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/questions/new/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/questions/{question}/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/questions/{question}/remove/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/templates/save/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/remind/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/join-code/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/join-qr.svg",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/invitations/{invitation}/qr.svg",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/invitations/{invitation}/reissue/",
        "post",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 302},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/results/",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/export.csv",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    (
        "/w/{slug}/questionnaires/{questionnaire}/export.xlsx",
        "get",
        {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200},
    ),
    ("/w/{slug}/team/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200}),
    ("/w/{slug}/themes/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 403, FACILITATOR: 200}),
    ("/w/{slug}/report/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 200, FACILITATOR: 200}),
    ("/w/{slug}/report.pdf", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 200, FACILITATOR: 200}),
    ("/workshops/", "get", {ANON: 302, OUTSIDER: 200, SPONSOR: 200, FACILITATOR: 200}),
    # Creating needs workshops.add_workshop, which only the facilitator was granted.
    ("/workshops/new/", "get", {ANON: 302, OUTSIDER: 403, SPONSOR: 403, FACILITATOR: 200}),
    ("/", "get", {ANON: 200, OUTSIDER: 302, SPONSOR: 302, FACILITATOR: 302}),
    ("/w/no-such-workshop/", "get", {ANON: 302, OUTSIDER: 404, SPONSOR: 404, FACILITATOR: 404}),
]

CASES = [
    pytest.param(url, method, role, status, id=f"{method} {url} as {role}")
    for url, method, expected in TABLE
    for role, status in expected.items()
]


@pytest.mark.parametrize(("url", "method", "role", "status"), CASES)
def test_it_gives_each_role_the_expected_status(
    request, workshop, invitation, outsider, url, method, role, status
):
    client = Client()
    if role != ANON:
        client.force_login(request.getfixturevalue(role))
    area = workshop.areas.get(name="IT")  # no stakeholders: deletable
    path = url.format(
        slug=workshop.slug,
        area=area.pk,
        stakeholder=invitation.stakeholder_id,
        questionnaire=invitation.questionnaire_id,
        invitation=invitation.pk,
        question=workshop.questionnaires.get().questions.first().pk,
    )
    response = getattr(client, method)(path)
    assert response.status_code == status
    if status == 302 and role == ANON:
        assert response["Location"].startswith("/accounts/login/")


def test_it_shows_the_sponsor_no_edit_controls(sponsor_client, workshop):
    response = sponsor_client.get(f"/w/{workshop.slug}/")
    body = response.content.decode()
    assert "Download change plan (PDF)" in body
    assert "Edit workshop" not in body
    assert f"/w/{workshop.slug}/stakeholders/" not in body


def test_it_lists_only_the_users_own_workshops(facilitator_client, workshop, outsider):
    body = facilitator_client.get("/workshops/").content.decode()
    assert workshop.title in body
    assert "Someone else&#x27;s workshop" not in body


def test_the_sponsor_sees_small_areas_merged_in_anonymous_mode(
    sponsor_client, workshop, stakeholder
):
    workshop.anonymous = True
    workshop.save()
    body = sponsor_client.get(f"/w/{workshop.slug}/").content.decode()
    assert "Other areas (fewer than 3 answers)" in body  # the results engine's label
    assert ">Sales<" not in body
