"""Creating, editing and listing workshops."""

from __future__ import annotations

from workshops.models import DEFAULT_AREAS, Membership, Role, Workshop


def test_it_creates_a_workshop_with_areas_questionnaire_and_facilitator(
    facilitator_client, facilitator
):
    response = facilitator_client.post(
        "/workshops/new/",
        {
            "title": "Vision 2027",
            "organisation": "Nordwerk",
            "crm_objective": "Quotes within two days.",
            "phase": "define",
        },
    )
    workshop = Workshop.objects.get(title="Vision 2027")
    assert response["Location"] == f"/w/{workshop.slug}/"
    assert [a.name for a in workshop.areas.all()] == [str(a) for a in DEFAULT_AREAS]
    assert Membership.objects.get(workshop=workshop).role == Role.FACILITATOR
    questionnaire = workshop.questionnaires.get()
    kinds = list(questionnaire.questions.values_list("kind", flat=True))
    assert kinds.count("long_text") >= 4
    assert "scale" in kinds


def test_it_requires_the_crm_objective(facilitator_client):
    response = facilitator_client.post(
        "/workshops/new/", {"title": "No objective", "organisation": "X", "phase": "define"}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Workshop.objects.filter(title="No objective").exists()


def test_it_refuses_a_workshop_ending_before_it_starts(facilitator_client, workshop):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/edit/",
        {
            "title": workshop.title,
            "organisation": workshop.organisation,
            "crm_objective": workshop.crm_objective,
            "phase": "dream",
            "starts_on": "2026-12-10",
            "ends_on": "2026-12-01",
        },
    )
    assert response.status_code == 200
    assert "The workshop cannot end before it starts." in response.content.decode()


def test_it_edits_the_workshop(facilitator_client, workshop):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/edit/",
        {
            "title": "Renamed",
            "organisation": workshop.organisation,
            "crm_objective": "A sharper objective.",
            "phase": "dream",
            "starts_on": "2026-12-01",
            "ends_on": "2026-12-02",
        },
    )
    assert response.status_code == 302
    workshop.refresh_from_db()
    assert (workshop.title, workshop.phase) == ("Renamed", "dream")


def test_it_rejects_overlong_fields_with_a_message(facilitator_client):
    response = facilitator_client.post(
        "/workshops/new/",
        {"title": "x" * 201, "organisation": "X", "crm_objective": "Y", "phase": "define"},
    )
    assert response.status_code == 200
    assert "Ensure this value has at most 200 characters" in response.content.decode()


def test_it_gives_unique_slugs_to_workshops_with_the_same_title(facilitator_client):
    data = {"title": "Same", "organisation": "X", "crm_objective": "Y", "phase": "define"}
    facilitator_client.post("/workshops/new/", data)
    facilitator_client.post("/workshops/new/", data)
    assert sorted(Workshop.objects.values_list("slug", flat=True)) == ["same", "same-2"]


def test_it_shows_the_overview_in_a_fixed_number_of_queries(
    facilitator_client, workshop, django_assert_num_queries
):
    """Guards against one query per area or per stakeholder in the progress table
    (the positive core card adds two fixed queries: themes and tags)."""
    from tests.factories import StakeholderFactory

    StakeholderFactory.create_batch(3, workshop=workshop)
    with django_assert_num_queries(10):
        facilitator_client.get(f"/w/{workshop.slug}/")
    StakeholderFactory.create_batch(6, workshop=workshop, area=workshop.areas.last())
    with django_assert_num_queries(10):
        response = facilitator_client.get(f"/w/{workshop.slug}/")
    assert "9/9" not in response.content.decode()  # nobody has submitted yet
    assert "0/9" in response.content.decode()


def test_it_lists_workshops_in_a_fixed_number_of_queries(
    facilitator, facilitator_client, django_assert_num_queries
):
    """Guards against one membership query per workshop card (two fixed queries load
    the user's permissions for the "New workshop" button)."""
    from tests.factories import WorkshopFactory

    WorkshopFactory.create_batch(2, facilitator=facilitator)
    with django_assert_num_queries(6):
        facilitator_client.get("/workshops/")
    WorkshopFactory.create_batch(3, facilitator=facilitator)
    with django_assert_num_queries(6):
        response = facilitator_client.get("/workshops/")
    assert response.content.decode().count('class="card"') == 5


def test_privacy_promised_to_people_who_answered_cannot_be_loosened(
    facilitator_client, workshop, invitation
):
    from questionnaires.services import response_save
    from workshops.forms import PRIVACY_PROMISED

    workshop.anonymous = True
    workshop.save()
    question = workshop.questionnaires.get().questions.first()
    response_save(invitation=invitation, values={question.pk: "said in confidence"})
    data = {
        "title": workshop.title,
        "organisation": workshop.organisation,
        "crm_objective": workshop.crm_objective,
        "phase": workshop.phase,
        "anonymous": "on",
        "facilitator_sees_names": "on",
        "privacy_threshold": 2,
    }
    response = facilitator_client.post(f"/w/{workshop.slug}/edit/", data)
    assert response.content.decode().count(str(PRIVACY_PROMISED)) == 2
    del data["anonymous"]
    response = facilitator_client.post(f"/w/{workshop.slug}/edit/", data)
    workshop.refresh_from_db()
    assert workshop.anonymous and not workshop.facilitator_sees_names
    data.update(anonymous="on", privacy_threshold=5)
    del data["facilitator_sees_names"]
    assert facilitator_client.post(f"/w/{workshop.slug}/edit/", data).status_code == 302
