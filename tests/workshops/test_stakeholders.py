"""Business areas and stakeholders, one at a time or pasted as a list."""

from __future__ import annotations

from workshops.models import Stakeholder
from workshops.services import AREA_IN_USE


def test_it_adds_a_stakeholder_with_an_invitation(facilitator_client, workshop, questionnaire):
    sales = workshop.areas.get(name="Sales")
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/",
        {
            "name": "Ada Park",
            "email": "ada@example.com",
            "area": sales.pk,
            "group": "employee",
            "is_champion": "on",
        },
    )
    assert response.status_code == 302
    ada = Stakeholder.objects.get(name="Ada Park")
    assert ada.is_champion
    assert questionnaire.invitations.filter(stakeholder=ada).exists()


def test_it_refuses_an_area_of_another_workshop(facilitator_client, workshop, outsider):
    other_area = outsider.memberships.get().workshop.areas.first()
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/",
        {"name": "Eve", "area": other_area.pk, "group": "employee"},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_it_refuses_a_duplicate_email_in_the_same_workshop(
    facilitator_client, workshop, stakeholder
):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/",
        {
            "name": "Twin",
            "email": stakeholder.email,
            "area": stakeholder.area_id,
            "group": "employee",
        },
    )
    assert response.status_code == 200
    assert "A stakeholder with this e-mail address is already in this workshop." in (
        response.content.decode()
    )
    assert Stakeholder.objects.filter(email=stakeholder.email).count() == 1


def test_it_adds_a_pasted_list(facilitator_client, workshop, questionnaire):
    lines = (
        "name,e-mail,area,title\n"
        "Ada Park,ada@example.com,Sales,Key account manager\n"
        '"Okafor, Ben",ben@example.com,it,ERP admin\n'
        "\n"
        "Cy Dale,,Marketing,\n"
    )
    response = facilitator_client.post(f"/w/{workshop.slug}/stakeholders/", {"lines": lines})
    assert response.status_code == 302
    names = set(Stakeholder.objects.values_list("name", flat=True))
    assert names == {"Ada Park", "Okafor, Ben", "Cy Dale"}
    assert Stakeholder.objects.get(name="Okafor, Ben").area.name == "IT"
    assert questionnaire.invitations.count() == 3


def test_it_adds_nothing_from_a_list_with_a_bad_line_and_keeps_the_paste(
    facilitator_client, workshop
):
    lines = "Ada Park,ada@example.com,Sales,\nBen,not-an-email,Sales,\nCy,cy@example.com,Nowhere,\n"
    response = facilitator_client.post(f"/w/{workshop.slug}/stakeholders/", {"lines": lines})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was added" in body
    assert "Line 2, e-mail: Enter a valid email address." in body
    assert "Line 3: unknown business area &quot;Nowhere&quot;." in body
    assert "Ada Park,ada@example.com" in body  # the paste is still in the textarea
    assert not Stakeholder.objects.exists()


def test_it_refuses_duplicate_emails_within_a_paste(facilitator_client, workshop):
    lines = "Ada,ada@example.com,Sales,\nAda again,ADA@example.com,Sales,\n"
    response = facilitator_client.post(f"/w/{workshop.slug}/stakeholders/", {"lines": lines})
    assert "Line 2: ADA@example.com is already a stakeholder." in response.content.decode()
    assert not Stakeholder.objects.exists()


def test_it_edits_and_removes_a_stakeholder(facilitator_client, workshop, stakeholder):
    url = f"/w/{workshop.slug}/stakeholders/{stakeholder.pk}/"
    response = facilitator_client.post(
        url, {"name": "Ada P.", "area": stakeholder.area_id, "group": "client"}
    )
    assert response.status_code == 302
    stakeholder.refresh_from_db()
    assert (stakeholder.name, stakeholder.group) == ("Ada P.", "client")
    facilitator_client.post(url + "delete/")
    assert not Stakeholder.objects.exists()


def test_it_manages_business_areas(facilitator_client, workshop):
    url = f"/w/{workshop.slug}/areas/"
    facilitator_client.post(url, {"name": "  Partners  "})
    partners = workshop.areas.get(name="Partners")
    assert partners.order == 9
    response = facilitator_client.post(url, {"name": "Sales"})
    assert "This workshop already has an area with this name." in response.content.decode()
    facilitator_client.post(f"{url}{partners.pk}/", {"name": "Channel partners", "order": 2})
    partners.refresh_from_db()
    assert (partners.name, partners.order) == ("Channel partners", 2)
    facilitator_client.post(f"{url}{partners.pk}/delete/")
    assert not workshop.areas.filter(pk=partners.pk).exists()


def test_it_keeps_an_area_that_still_has_stakeholders(facilitator_client, workshop, stakeholder):
    url = f"/w/{workshop.slug}/areas/{stakeholder.area_id}/delete/"
    response = facilitator_client.post(url, follow=True)
    assert str(AREA_IN_USE) in response.content.decode()
    assert workshop.areas.filter(pk=stakeholder.area_id).exists()


def test_it_lists_stakeholders_in_a_fixed_number_of_queries(
    facilitator_client, workshop, django_assert_num_queries
):
    """Guards against one area query per stakeholder row."""
    from tests.factories import StakeholderFactory

    StakeholderFactory.create_batch(2, workshop=workshop)
    with django_assert_num_queries(7):
        facilitator_client.get(f"/w/{workshop.slug}/stakeholders/")
    StakeholderFactory.create_batch(8, workshop=workshop, area=workshop.areas.last())
    with django_assert_num_queries(7):
        facilitator_client.get(f"/w/{workshop.slug}/stakeholders/")


def test_it_keeps_the_position_when_the_order_is_left_empty(facilitator_client, workshop):
    sales = workshop.areas.get(name="Sales")
    response = facilitator_client.post(
        f"/w/{workshop.slug}/areas/{sales.pk}/", {"name": "Sales", "order": ""}
    )
    assert response.status_code == 302
    sales.refresh_from_db()
    assert sales.order == 1


def test_area_names_are_unique_whatever_the_case(facilitator_client, workshop):
    response = facilitator_client.post(f"/w/{workshop.slug}/areas/", {"name": "sales"})
    assert "This workshop already has an area with this name." in response.content.decode()


def test_emails_are_unique_whatever_the_case(facilitator_client, workshop, stakeholder):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/",
        {
            "name": "Twin",
            "email": stakeholder.email.upper(),
            "area": stakeholder.area_id,
            "group": "employee",
        },
    )
    assert "already in this workshop" in response.content.decode()


def test_a_pasted_list_with_old_mac_line_ends_is_read(facilitator_client, workshop):
    lines = "Ada,ada@example.com,Sales,\rBen,ben@example.com,IT,"
    response = facilitator_client.post(f"/w/{workshop.slug}/stakeholders/", {"lines": lines})
    assert response.status_code == 302
    assert Stakeholder.objects.count() == 2


def test_errors_name_the_line_as_pasted(facilitator_client, workshop):
    lines = "name,email,area,title\n\n\nAda,ada@example.com,Sales,\nBen,bad,Sales,\n"
    response = facilitator_client.post(f"/w/{workshop.slug}/stakeholders/", {"lines": lines})
    assert "Line 5, e-mail: Enter a valid email address." in response.content.decode()


def test_a_stakeholder_cannot_be_put_in_another_workshops_area(workshop, outsider):
    import pytest
    from django.core.exceptions import ValidationError

    other_area = outsider.memberships.get().workshop.areas.first()
    stakeholder = Stakeholder(workshop=workshop, name="Eve", area=other_area)
    with pytest.raises(ValidationError, match="Choose a business area of this workshop"):
        stakeholder.full_clean()


def test_a_workshop_with_stakeholders_can_be_deleted(workshop, stakeholder):
    workshop.delete()
    assert not Stakeholder.objects.exists()


def test_an_area_that_questions_target_is_kept(facilitator_client, workshop):
    from workshops.services import AREA_TARGETED

    it = workshop.areas.get(name="IT")
    workshop.questionnaires.get().questions.first().target_areas.set([it])
    response = facilitator_client.post(f"/w/{workshop.slug}/areas/{it.pk}/delete/", follow=True)
    assert str(AREA_TARGETED) in response.content.decode()
    assert workshop.areas.filter(pk=it.pk).exists()
