"""Reading stakeholder lists from pastes and files: no database, only the reader."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest

from tests.factories import xlsx_bytes
from workshops import stakeholder_import as si


def only_row(parsed: si.ParsedList) -> si.ImportRow:
    assert parsed.errors == []
    [row] = parsed.rows
    return row


@pytest.mark.parametrize(
    ("line", "delimiter"),
    [
        ("Ada Park\tada@example.com\tSales\tKey account manager", "\t"),
        ("Okafor, Ben;ben@example.com;IT;ERP admin", ";"),
        ("Ada Park,ada@example.com,Sales,Lead; EMEA", ","),
        ('"Okafor; Ben",ben@example.com,IT,ERP admin', ","),
        ("Ada Park", ","),
    ],
)
def test_it_detects_the_delimiter(line, delimiter):
    assert si.detect_delimiter([line, line]) == delimiter


def test_it_judges_the_delimiter_on_every_line_not_only_the_first():
    lines = ["Name;Area", "Okafor, Ben;IT", "Lee, Kim, Jr, PhD;Sales"]
    # Commas split more often in all, but never split line 1: semicolons win.
    assert si.detect_delimiter(lines) == ";"


def test_it_reads_a_tab_separated_paste_with_headings_in_any_order():
    text = (
        "E-mail\tName\tDepartment\tRole\tGroup\tChampion\tManager\n"
        "ada@example.com\tAda Park\tsales\tKey account manager\tCustomer\tx\tno\n"
    )
    row = only_row(si.parse_text(text))
    assert (row.where, row.name, row.email, row.area, row.job_title) == (
        "Line 2",
        "Ada Park",
        "ada@example.com",
        "sales",
        "Key account manager",
    )
    assert (row.group, row.is_champion, row.is_management) == ("client", True, False)


@pytest.mark.parametrize(
    ("heading", "attribute", "cell", "expected"),
    [
        ("Email", "email", "ada@example.com", "ada@example.com"),
        ("Mail", "email", "ada@example.com", "ada@example.com"),
        ("E-Mail-Adresse", "email", "ada@example.com", "ada@example.com"),
        ("Job title", "job_title", "Buyer", "Buyer"),
        ("Title", "job_title", "Buyer", "Buyer"),
        ("Role", "job_title", "Buyer", "Buyer"),
        ("Stakeholder group", "group", "shareholder", "shareholder"),
        ("Champion", "is_champion", "yes", True),
        ("Champion (yes/no)", "is_champion", "1", True),
        ("Management", "is_management", "TRUE", True),
        ("manager", "is_management", "X", True),
    ],
)
def test_it_recognises_common_headings(heading, attribute, cell, expected):
    row = only_row(si.parse_text(f"Name;Area;{heading}\nAda Park;Sales;{cell}"))
    assert getattr(row, attribute) == expected


@pytest.mark.parametrize("heading", ["Area", "Business area", "Department", "Abteilung"])
def test_it_recognises_area_headings(heading):
    row = only_row(si.parse_text(f"{heading},Name\nSales,Ada"))
    assert (row.name, row.area) == ("Ada", "Sales")


@pytest.mark.parametrize("heading", ["Name", "NAME", "Full name", "full_name"])
def test_it_recognises_name_headings(heading):
    row = only_row(si.parse_text(f"Area\t{heading}\nSales\tAda Park"))
    assert (row.name, row.area) == ("Ada Park", "Sales")


def test_it_joins_first_and_last_name_columns():
    row = only_row(si.parse_text("First name,Last name,Area\nAda,Park,Sales"))
    assert row.name == "Ada Park"


def test_it_ignores_columns_it_does_not_know():
    row = only_row(si.parse_text("Name,Phone,Area,Notes\nAda,+49 30 1234,Sales,likes tea"))
    assert (row.name, row.area, row.job_title) == ("Ada", "Sales", "")


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("yes", True),
        ("Y", True),
        ("x", True),
        ("1", True),
        ("true", True),
        ("ja", True),
        ("no", False),
        ("0", False),
        ("FALSE", False),
        ("", False),
    ],
)
def test_it_reads_yes_and_no_flags(cell, expected):
    row = only_row(si.parse_text(f"Name,Area,Champion\nAda,Sales,{cell}"))
    assert row.is_champion is expected


def test_it_names_the_line_of_a_flag_that_is_neither_yes_nor_no():
    parsed = si.parse_text("Name,Area,Management\nAda,Sales,yes\nBen,IT,maybe")
    assert parsed.rows[0].errors == []
    assert parsed.rows[1].errors == ['Line 3: "maybe" under management is not yes or no.']


@pytest.mark.parametrize(
    ("cell", "group"),
    [
        ("", "employee"),
        ("Employee", "employee"),
        ("staff", "employee"),
        ("client", "client"),
        ("Customer", "client"),
        ("Kunde", "client"),
        ("Investor", "shareholder"),
        ("shareholders", "shareholder"),
    ],
)
def test_it_reads_groups_and_their_synonyms(cell, group):
    assert only_row(si.parse_text(f"Name,Area,Group\nAda,Sales,{cell}")).group == group


def test_it_names_the_line_of_an_unknown_group():
    parsed = si.parse_text("Name,Area,Group\nAda,Sales,vendor")
    assert parsed.rows[0].errors == [
        'Line 2: unknown group "vendor". Use employee, client or shareholder.'
    ]


def test_without_a_heading_row_it_reads_the_old_positional_order():
    row = only_row(si.parse_text("Ada Park,ada@example.com,Sales,Key account manager"))
    assert (row.name, row.email, row.area, row.job_title) == (
        "Ada Park",
        "ada@example.com",
        "Sales",
        "Key account manager",
    )
    # ...continued by group, champion and management when there are more columns.
    row = only_row(si.parse_text("Ben Ode;ben@example.com;IT;IT manager;client;yes;yes"))
    assert (row.area, row.group, row.is_champion, row.is_management) == ("IT", "client", True, True)


@pytest.mark.parametrize(
    ("area", "title"),
    [("Management", "Manager"), ("Division", "Manager"), ("IT", "Role")],
)
def test_a_data_row_with_heading_words_as_values_is_not_taken_for_a_heading(area, title):
    # Areas and job titles can be heading words; a heading row also names a person column.
    row = only_row(si.parse_text(f"Ada Park,ada@example.com,{area},{title}"))
    assert (row.name, row.area, row.job_title) == ("Ada Park", area, title)


def test_a_heading_row_without_an_area_is_refused_once():
    parsed = si.parse_text("Name,E-mail,Title\nAda,ada@example.com,Buyer\nBen,,Clerk")
    assert parsed.errors == [str(si.HEADER_NO_AREA)]
    assert parsed.rows == []


def test_a_heading_row_naming_a_column_twice_is_refused():
    parsed = si.parse_text("Name,Area,Title,Role\nAda,Sales,Buyer,Champion")
    assert parsed.errors == ['The heading row has two job title columns ("Title" and "Role").']


def test_a_heading_row_alone_has_nothing_to_import():
    assert si.parse_text("Name,Area\n\n").errors == [str(si.NOTHING_TO_IMPORT)]


def test_it_numbers_lines_as_pasted_even_around_blank_lines_and_multiline_cells():
    text = 'Name,Area,Title\n\n"Ada Park",Sales,"Key account\nmanager"\n\nBen,IT,x\r\nCy,IT,y'
    parsed = si.parse_text(text)
    assert [row.where for row in parsed.rows] == ["Line 3", "Line 6", "Line 7"]
    assert parsed.rows[0].job_title == "Key account\nmanager"


def test_it_follows_excels_sep_hint_line():
    parsed = si.parse_text("sep=;\nName;Area\nOkafor, Ben;IT")
    assert only_row(parsed).name == "Okafor, Ben"
    assert parsed.rows[0].where == "Line 3"


def test_it_refuses_a_null_character():
    parsed = si.parse_text("Ada\x00,Sales")
    assert parsed.rows[0].errors == [
        "Line 1: a cell contains a null character, which cannot be stored."
    ]


def test_it_takes_up_to_the_row_cap_and_refuses_one_more():
    rows = "\n".join(f"Person {n},Sales" for n in range(si.MAX_ROWS))
    assert len(si.parse_text("Name,Area\n" + rows).rows) == si.MAX_ROWS
    parsed = si.parse_text("Name,Area\n" + rows + "\nOne more,Sales")
    assert parsed.errors == ["Add at most 500 stakeholders at a time; split the list."]


def test_an_empty_paste_has_nothing_to_import():
    assert si.parse_text(" \n\t\n").errors == [str(si.NOTHING_TO_IMPORT)]


# Files


@pytest.mark.parametrize(
    ("data", "name"),
    [
        ("Name;Area\nJürgen Müller;Sales\n".encode(), "Jürgen Müller"),
        ("Name;Area\nJürgen Müller;Sales\n".encode("utf-8-sig"), "Jürgen Müller"),
        ("Name;Area\r\nJürgen Müller;Sales\r\n".encode("cp1252"), "Jürgen Müller"),
        ("Name\tArea\r\nJürgen Müller\tSales\r\n".encode("utf-16"), "Jürgen Müller"),
        ("Name;Area\nZoë “Zed” Ørsted €;Sales\n".encode("cp1252"), "Zoë “Zed” Ørsted €"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "utf-16", "cp1252-punctuation"],
)
def test_it_reads_csv_files_in_the_encodings_excel_writes(data, name):
    row = only_row(si.parse_file("list.csv", data))
    assert (row.where, row.name, row.area) == ("Row 2", name, "Sales")


def test_it_refuses_a_csv_file_that_is_not_text():
    assert si.parse_file("list.csv", b"\x81\x8d\x8f\x90\x9d").errors == [str(si.FILE_UNREADABLE)]
    assert si.parse_file("list.csv", b"Name,Area\x00\x00").errors == [str(si.FILE_UNREADABLE)]


@pytest.mark.parametrize("name", ["list.xls", "list.ods", "list.pdf", "list", "csv"])
def test_it_refuses_other_file_types(name):
    assert si.parse_file(name, b"Name,Area\nAda,Sales").errors == [str(si.FILE_WRONG_TYPE)]


@pytest.mark.parametrize("name", ["LIST.CSV", "list.tsv", "list.txt"])
def test_it_accepts_csv_by_its_usual_names(name):
    assert only_row(si.parse_file(name, b"Name,Area\nAda,Sales")).name == "Ada"


def test_it_takes_a_file_at_the_size_cap_and_refuses_one_byte_more():
    data = b"Name,Area\nAda,Sales\n"
    data += b"\n" * (si.MAX_FILE_BYTES - len(data))
    assert only_row(si.parse_file("list.csv", data)).name == "Ada"
    assert si.parse_file("list.csv", data + b"\n").errors == [str(si.FILE_TOO_BIG)]


def test_an_empty_file_has_nothing_to_import():
    assert si.parse_file("list.csv", b"").errors == [str(si.FILE_EMPTY)]
    assert si.parse_file("list.csv", b"Name,Area\r\n").errors == [str(si.FILE_EMPTY)]


def test_it_reads_the_first_sheet_of_an_xlsx_with_row_numbers_as_excel_shows_them():
    data = xlsx_bytes(
        ["Business area", "Name", "Champion", "Management", "Group"],
        ["Sales", "Ada Park", True, 1, "Customer"],
        [None, None, None, None, None],
        ["IT", "Ben Ode", False, 0, "owner"],
        ["IT", "Cy Dale", "maybe", None, None],
    )
    parsed = si.parse_file("list.xlsx", data)
    ada, ben, cy = parsed.rows
    assert (ada.where, ada.area, ada.is_champion, ada.is_management, ada.group) == (
        "Row 2",
        "Sales",
        True,
        True,
        "client",
    )
    assert (ben.where, ben.is_champion, ben.is_management, ben.group) == (
        "Row 4",
        False,
        False,
        "shareholder",
    )
    assert cy.errors == ['Row 5: "maybe" under champion is not yes or no.']


def test_it_reads_numbers_and_dates_in_xlsx_cells_as_text():
    data = xlsx_bytes(["Name", "Area", "Title"], [1234, "Sales", datetime.date(2026, 12, 7)])
    row = only_row(si.parse_file("list.xlsx", data))
    assert (row.name, row.job_title) == ("1234", "2026-12-07")


def test_an_empty_sheet_has_nothing_to_import():
    assert si.parse_file("list.xlsx", xlsx_bytes()).errors == [str(si.FILE_EMPTY)]
    assert si.parse_file("list.xlsx", xlsx_bytes(["Name", "Area"])).errors == [str(si.FILE_EMPTY)]


@pytest.mark.parametrize(
    "data",
    [b"", b"not a zip at all", b"PK\x03\x04 cut short"],
    ids=["empty", "text", "truncated-zip"],
)
def test_it_refuses_an_xlsx_it_cannot_read(data):
    assert si.parse_file("list.xlsx", data).errors == [str(si.FILE_UNREADABLE)]


def test_it_refuses_a_zip_that_is_not_a_workbook():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")
    assert si.parse_file("list.xlsx", out.getvalue()).errors == [str(si.FILE_UNREADABLE)]


def padded_to(data: bytes, total: int) -> bytes:
    """The same workbook with an extra member so its members inflate to `total` bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        used = sum(info.file_size for info in source.infolist())
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info, source.read(info))
            target.writestr("docProps/padding.bin", b"\0" * (total - used))
    return out.getvalue()


def test_it_reads_an_xlsx_that_inflates_to_the_cap_and_refuses_one_byte_more():
    data = xlsx_bytes(["Name", "Area"], ["Ada", "Sales"])
    at_cap = padded_to(data, si.MAX_XLSX_UNCOMPRESSED_BYTES)
    assert len(at_cap) < si.MAX_FILE_BYTES  # small on disk, big inflated
    assert only_row(si.parse_file("list.xlsx", at_cap)).name == "Ada"
    over = padded_to(data, si.MAX_XLSX_UNCOMPRESSED_BYTES + 1)
    assert si.parse_file("list.xlsx", over).errors == [str(si.FILE_UNREADABLE)]


def test_a_cell_past_the_csv_modules_limit_is_unreadable_not_a_crash():
    huge = "x" * 200_000
    assert si.parse_text(f'Name,Area\n"{huge}",Sales').errors == [str(si.LIST_UNREADABLE)]
    data = f'Name,Area\n"{huge}",Sales'.encode()
    assert si.parse_file("list.csv", data).errors == [str(si.FILE_UNREADABLE)]
