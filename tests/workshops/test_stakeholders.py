"""Business areas and stakeholders, one at a time or pasted as a list."""

from __future__ import annotations

import pytest
from django.utils.html import escape

from tests.factories import xlsx_bytes
from workshops import stakeholder_import
from workshops.forms import LIST_OR_FILE, LIST_OR_FILE_NOT_BOTH
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
    from questionnaires.receivers import AREA_TARGETED

    it = workshop.areas.get(name="IT")
    workshop.questionnaires.get().questions.first().target_areas.set([it])
    response = facilitator_client.post(f"/w/{workshop.slug}/areas/{it.pk}/delete/", follow=True)
    assert str(AREA_TARGETED) in response.content.decode()
    assert workshop.areas.filter(pk=it.pk).exists()


# Lists from spreadsheets: pasted from Excel/Sheets, or uploaded as .csv/.xlsx.


def upload(name: str, data: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_it_adds_rows_copied_from_a_spreadsheet_with_headings_in_any_order(
    facilitator_client, workshop, questionnaire
):
    lines = (
        "E-mail\tFull name\tDepartment\tRole\tGroup\tChampion\tManager\r\n"
        "ada@example.com\tAda Park\tsales\tKey account manager\tCustomer\tx\t\r\n"
        "ben@example.com\tBen Ode\tIT\tIT manager\t\t\tyes\r\n"
    )
    response = facilitator_client.post(f"/w/{workshop.slug}/stakeholders/", {"lines": lines})
    assert response.status_code == 302
    ada = Stakeholder.objects.get(email="ada@example.com")
    assert (ada.name, ada.area.name, ada.job_title, ada.group) == (
        "Ada Park",
        "Sales",
        "Key account manager",
        "client",
    )
    assert (ada.is_champion, ada.is_management) == (True, False)
    ben = Stakeholder.objects.get(email="ben@example.com")
    assert (ben.group, ben.is_champion, ben.is_management) == ("employee", False, True)
    assert questionnaire.invitations.count() == 2


def test_it_adds_a_semicolon_csv_file_from_a_european_excel(
    facilitator_client, workshop, questionnaire
):
    data = "Name;E-Mail;Bereich;Titel\r\nJürgen Müller;jm@example.com;Vertrieb;Leiter\r\n"
    workshop.areas.filter(name="Sales").update(name="Vertrieb")
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/",
        {"lines": "", "file": upload("Liste.csv", data.encode("cp1252"))},
    )
    assert response.status_code == 302
    [person] = Stakeholder.objects.all()
    assert (person.name, person.area.name, person.job_title) == (
        "Jürgen Müller",
        "Vertrieb",
        "Leiter",
    )
    assert questionnaire.invitations.filter(stakeholder=person).exists()


def test_it_adds_an_xlsx_file(facilitator_client, workshop):
    data = xlsx_bytes(["Name", "Business area", "Champion"], ["Ada Park", "Sales", True])
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/", {"file": upload("people.xlsx", data)}
    )
    assert response.status_code == 302
    assert Stakeholder.objects.get().is_champion


def test_it_adds_nothing_from_a_file_with_a_bad_row_and_names_the_row(facilitator_client, workshop):
    data = xlsx_bytes(
        ["Name", "E-mail", "Area", "Group"],
        ["Ada Park", "ada@example.com", "Sales", "employee"],
        [None, None, None, None],
        ["Ben Ode", "ben@example.com", "Nowhere", "employee"],
        ["Cy Dale", "cy@example.com", "IT", "vendor"],
        ["Dee", "not-an-email", "IT", ""],
    )
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/", {"lines": "", "file": upload("people.xlsx", data)}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Nothing was added" in body
    assert "Row 4: unknown business area &quot;Nowhere&quot;." in body
    assert "Row 5: unknown group &quot;vendor&quot;. Use employee, client or shareholder." in body
    assert "Row 6, e-mail: Enter a valid email address." in body
    assert not Stakeholder.objects.exists()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("people.xls", b"\xd0\xcf\x11\xe0", stakeholder_import.FILE_WRONG_TYPE),
        ("people.xlsx", b"PK\x03\x04 damaged", stakeholder_import.FILE_UNREADABLE),
        (
            "people.csv",
            b"\n" * (stakeholder_import.MAX_FILE_BYTES + 1),
            stakeholder_import.FILE_TOO_BIG,
        ),
        ("people.csv", b"\r\n\r\n", stakeholder_import.FILE_EMPTY),
    ],
    ids=["wrong-type", "unreadable", "too-big", "empty"],
)
def test_it_explains_a_file_it_cannot_use(facilitator_client, workshop, name, data, message):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/", {"lines": "", "file": upload(name, data)}
    )
    assert response.status_code == 200
    assert escape(str(message)) in response.content.decode()
    assert not Stakeholder.objects.exists()


def test_it_asks_for_a_paste_or_a_file_but_not_both_and_keeps_the_paste(
    facilitator_client, workshop
):
    url = f"/w/{workshop.slug}/stakeholders/"
    response = facilitator_client.post(url, {"lines": "  "})
    assert escape(str(LIST_OR_FILE)) in response.content.decode()
    data = xlsx_bytes(["Name", "Area"], ["Ada", "Sales"])
    response = facilitator_client.post(
        url, {"lines": "Ben Ode,ben@example.com,IT,", "file": upload("people.xlsx", data)}
    )
    body = response.content.decode()
    assert escape(str(LIST_OR_FILE_NOT_BOTH)) in body
    assert "Ben Ode,ben@example.com,IT," in body  # the paste is still in the textarea
    assert not Stakeholder.objects.exists()


def test_an_empty_uploaded_file_is_refused_with_djangos_message(facilitator_client, workshop):
    response = facilitator_client.post(
        f"/w/{workshop.slug}/stakeholders/", {"lines": "", "file": upload("people.csv", b"")}
    )
    assert "The submitted file is empty." in response.content.decode()


def test_the_list_form_posts_files_and_labels_the_file_input(facilitator_client, workshop):
    body = facilitator_client.get(f"/w/{workshop.slug}/stakeholders/").content.decode()
    assert 'id="paste-list" enctype="multipart/form-data"' in body
    assert '<label for="id_file">' in body
    assert 'type="file" name="file"' in body
