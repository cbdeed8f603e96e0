"""End-to-end: facilitator, stakeholder and sponsor journeys in real Chromium."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from pypdf import PdfReader

from workshops.permissions import user_grant_workshop_creation

PASSWORD = "a-long-test-password-42"
TITLE = "Nordwerk CRM vision"
OBJECTIVE = "Answer every customer request within one working day."
ADA_STORY = "The day we solved a key account's delivery problem in one call."
ADA_WISHES = "One view of the customer, fewer spreadsheets, quicker quotes."


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


def new_page(browser: Browser, console: list[str], **options) -> tuple[BrowserContext, Page]:
    context = browser.new_context(**options)
    context.on("console", lambda msg: console.append(f"{msg.type}: {msg.text}"))
    return context, context.new_page()


def subnav(page: Page, name: str):
    nav = page.get_by_role("navigation", name="Workshop sections")
    return nav.get_by_role("link", name=name, exact=True)


def sponsor_chooses_password(page: Page, link: str) -> None:
    """The sponsor follows the link from the access e-mail and picks a password."""
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose your password")).to_be_visible()
    page.locator("#id_new_password1").fill(PASSWORD)
    page.locator("#id_new_password2").fill(PASSWORD)
    page.get_by_role("button", name="Save password").click()
    expect(page.get_by_role("heading", name="Password saved")).to_be_visible()


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(base_url + "/")
    page.get_by_role("link", name="Sign in").first.click()
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(base_url + "/workshops/")
    expect(page.get_by_role("heading", name="Your workshops")).to_be_visible()


def facilitator_prepares(page: Page, base_url: str) -> tuple[str, str]:
    """Create the workshop, add stakeholders, e-mail Ada her link. Returns (slug, link)."""
    sign_in(page, base_url, "frida")
    page.get_by_role("button", name="New workshop").first.click()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_organisation").fill("Nordwerk GmbH")
    page.locator("#id_crm_objective").fill(OBJECTIVE)
    page.get_by_role("button", name="Create workshop").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    slug = re.fullmatch(rf"{re.escape(base_url)}/w/([\w-]+)/", page.url).group(1)

    subnav(page, "Stakeholders").click()
    page.locator("#id_lines").fill(
        "Ada Park,ada@example.com,Sales,Key account manager\nBen Ode,ben@example.com,IT,IT manager"
    )
    page.get_by_role("button", name="Add all").click()
    table = page.locator("table tbody")  # each name is a row header: "Ada Park ada@example.com"
    expect(table.get_by_role("rowheader", name=re.compile("^Ada Park"))).to_be_visible()
    expect(table.get_by_role("rowheader", name=re.compile("^Ben Ode"))).to_be_visible()
    page.locator("#id_name").fill("Cy Dale")
    page.locator("#id_email").fill("cy@example.com")
    page.locator("#id_area").select_option(label="Marketing")
    page.get_by_role("button", name="Add stakeholder").click()
    expect(page.get_by_text("Stakeholder added.")).to_be_visible()
    expect(table.get_by_role("rowheader", name=re.compile("^Cy Dale"))).to_be_visible()

    subnav(page, "Invitations").click()
    row = page.get_by_role("row").filter(has_text="Ada Park")
    link = row.locator("input[readonly]").input_value()
    assert re.fullmatch(rf"{re.escape(base_url)}/s/\S+/", link), link
    row.get_by_role("button", name=re.compile(r"^E-mail")).click()
    expect(page.get_by_text("Invitation e-mailed to ada@example.com.")).to_be_visible()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert link in mail.outbox[0].body
    return slug, link


def stakeholder_answers(page: Page, base_url: str, link: str) -> None:
    response = page.goto(link)
    assert response is not None and response.status == 200
    expect(page.get_by_text(TITLE).first).to_be_visible()
    expect(page.get_by_role("heading", name="Vision questionnaire")).to_be_visible()
    high_point = page.get_by_label(re.compile("High point"))
    wishes = page.get_by_label(re.compile("Three wishes"))
    high_point.fill(ADA_STORY)
    wishes.fill(ADA_WISHES)
    first_scale = page.locator("fieldset").first
    first_scale.get_by_text("4", exact=True).click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Your answers are saved. You can come back any time.")).to_be_visible()

    page.reload()
    expect(high_point).to_have_value(ADA_STORY)
    expect(wishes).to_have_value(ADA_WISHES)
    expect(first_scale.get_by_label("4", exact=True)).to_be_checked()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_role("heading", name="Thank you, Ada Park.")).to_be_visible()

    response = page.goto(base_url + "/s/not-a-valid-token/")
    assert response is not None and response.status == 404
    expect(page.get_by_text("This page or link is not available")).to_be_visible()


def sponsor_reads(page: Page, base_url: str, slug: str, tmp_path) -> None:
    sign_in(page, base_url, "clara@example.com")
    page.get_by_role("link", name=TITLE).click()
    expect(page).to_have_url(f"{base_url}/w/{slug}/")
    download_button = page.get_by_role("button", name="Download change plan (PDF)").first
    expect(download_button).to_be_visible()
    expect(page.get_by_text("Edit workshop")).to_have_count(0)
    with page.expect_download() as download_info:
        download_button.click()
    pdf_path = tmp_path / "change-plan.pdf"
    download_info.value.save_as(pdf_path)
    text = " ".join(" ".join(page_.extract_text().split()) for page_ in PdfReader(pdf_path).pages)
    for expected in (
        OBJECTIVE,
        "Create a sense of urgency",
        "Anchor new approaches in the culture",
    ):
        assert expected in text, expected

    subnav(page, "Report").click()
    expect(page.get_by_role("heading", name="Requirements and change plan")).to_be_visible()
    response = page.goto(f"{base_url}/w/{slug}/edit/")
    assert response is not None and response.status == 403


@pytest.mark.e2e
def test_facilitator_stakeholder_and_sponsor_journeys(
    browser, live_server, transactional_db, tmp_path
):
    base_url = live_server.url
    users = get_user_model().objects
    user_grant_workshop_creation(user=users.create_user(username="frida", password=PASSWORD))
    console: list[str] = []

    # 1. Facilitator sets up the workshop and invites Ada.
    facilitator_context, facilitator = new_page(browser, console)
    slug, link = facilitator_prepares(facilitator, base_url)

    # 2. Ada answers on her phone, without an account.
    phone_context, phone = new_page(browser, console, viewport={"width": 390, "height": 844})
    stakeholder_answers(phone, base_url, link)
    phone_context.close()

    # 3. The facilitator reads Ada's answer, adds the sponsor and signs out.
    subnav(facilitator, "Results").click()
    expect(facilitator.get_by_text(ADA_STORY)).to_be_visible()
    subnav(facilitator, "Team").click()
    facilitator.locator("#id_email").fill("clara@example.com")
    facilitator.locator("#id_name").fill("Clara Neumann")
    facilitator.locator("#id_role").select_option("sponsor")
    facilitator.get_by_role("button", name="Give access").click()
    given = facilitator.get_by_text("clara@example.com has access and was told by e-mail")
    expect(given).to_be_visible()
    access_mail = mail.outbox[-1]
    assert access_mail.to == ["clara@example.com"]
    password_link = re.search(r"http://\S+/accounts/reset/\S+", access_mail.body).group(0)
    facilitator.get_by_role("button", name="Sign out").click()
    expect(facilitator).to_have_url(base_url + "/")
    facilitator_context.close()

    # 4. The sponsor reads the report and downloads the PDF, but cannot edit.
    sponsor_context, sponsor_page = new_page(browser, console)
    sponsor_chooses_password(sponsor_page, password_link)
    sponsor_reads(sponsor_page, base_url, slug, tmp_path)
    sponsor_context.close()

    csp_errors = [line for line in console if "Content Security Policy" in line]
    assert csp_errors == []
