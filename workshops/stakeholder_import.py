"""Read a stakeholder list from a paste or a spreadsheet file, without the database.

Facilitators get their lists from spreadsheets: a copy from Excel or Google
Sheets pastes tab-separated text, a European Excel saves CSV with semicolons,
and some people upload the workbook itself. This module turns any of those
into plain rows (strings and flags, each with where it came from: "Line 4" of
a paste, "Row 4" of a file) plus the errors it can see on its own. The
business areas, e-mail uniqueness and model validation need the workshop, so
`workshops.services.stakeholders_import_csv` checks those and saves all or
nothing.

Columns are found by their heading in any order (`HEADINGS`); a list without a
heading row uses the positional order `name, e-mail, business area, job title,
group, champion, management` (the first four are the historical format).
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field

import openpyxl
from django.utils.translation import gettext_lazy as _

from workshops.models import StakeholderGroup

MAX_ROWS = 500
MAX_FILE_BYTES = 1_000_000
# An .xlsx is a zip: refuse one that would inflate past this, whatever its size.
MAX_XLSX_UNCOMPRESSED_BYTES = 30_000_000
MAX_COLUMNS = 50
DELIMITERS = ("\t", ";", ",")  # preference order when the counts tie
TEXT_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")

LIST_UNREADABLE = _(
    "The list could not be read. Put one stakeholder per line, with commas, semicolons "
    "or tabs between the fields."
)
TOO_MANY_ROWS = _("Add at most %(n)d stakeholders at a time; split the list.")
NOTHING_TO_IMPORT = _("There were no lines to import.")
FILE_EMPTY = _("The file has no stakeholders to import.")
FILE_TOO_BIG = _("The file is larger than 1 MB. Remove other sheets or columns, or split it.")
FILE_WRONG_TYPE = _(
    "Choose a .csv or .xlsx file. An older .xls or .ods file: save it as .xlsx or CSV first."
)
FILE_UNREADABLE = _(
    "The file could not be read. Save it again from your spreadsheet as .xlsx or as "
    "CSV (UTF-8) and try once more."
)
HEADER_NO_NAME = _(
    'The heading row has no name column. Call it "Name" or "Full name", or use "First name" '
    'and "Last name".'
)
HEADER_NO_AREA = _(
    'The heading row has no business area column. Call it "Business area", "Area" or "Department".'
)
HEADER_TWICE = _('The heading row has two %(column)s columns ("%(first)s" and "%(second)s").')
UNKNOWN_GROUP = _('%(where)s: unknown group "%(value)s". Use employee, client or shareholder.')
NOT_A_FLAG = _('%(where)s: "%(value)s" under %(column)s is not yes or no.')
NUL_CHARACTER = _("%(where)s: a cell contains a null character, which cannot be stored.")
LINE = _("Line %(n)d")
ROW = _("Row %(n)d")

COLUMN_LABELS = {
    "name": _("name"),
    "email": _("e-mail"),
    "area": _("business area"),
    "job_title": _("job title"),
    "group": _("group"),
    "is_champion": _("champion"),
    "is_management": _("management"),
    "first_name": _("first name"),
    "last_name": _("last name"),
}
POSITIONAL = ("name", "email", "area", "job_title", "group", "is_champion", "is_management")

# Headings as people write them, after `_heading_key` (case, spaces, dashes and
# brackets removed). English first, then the German a Nordwerk sheet would have.
HEADINGS = {
    **dict.fromkeys(
        ["name", "fullname", "stakeholder", "person", "contact", "contactname"], "name"
    ),
    **dict.fromkeys(["firstname", "givenname", "forename", "vorname"], "first_name"),
    **dict.fromkeys(["lastname", "surname", "familyname", "nachname"], "last_name"),
    **dict.fromkeys(
        ["email", "mail", "emailaddress", "mailaddress", "emailadresse", "mailadresse"], "email"
    ),
    **dict.fromkeys(
        ["area", "businessarea", "department", "dept", "division", "bereich", "abteilung"],
        "area",
    ),
    **dict.fromkeys(
        ["jobtitle", "title", "role", "position", "job", "jobrole", "titel", "funktion"],
        "job_title",
    ),
    **dict.fromkeys(["group", "stakeholdergroup", "gruppe"], "group"),
    **dict.fromkeys(["champion", "crmchampion", "ischampion"], "is_champion"),
    **dict.fromkeys(
        ["management", "manager", "ismanagement", "führungskraft", "fuhrungskraft"],
        "is_management",
    ),
}
YES = frozenset({"yes", "y", "x", "1", "true", "ja", "j", "✓", "✔"})
NO = frozenset({"", "no", "n", "0", "false", "nein", "-"})
GROUPS = {
    **dict.fromkeys(
        ["employee", "employees", "staff", "internal", "colleague", "mitarbeiter", "mitarbeitende"],
        StakeholderGroup.EMPLOYEE,
    ),
    **dict.fromkeys(
        ["client", "clients", "customer", "customers", "external", "kunde", "kunden"],
        StakeholderGroup.CLIENT,
    ),
    **dict.fromkeys(
        [
            "shareholder",
            "shareholders",
            "stockholder",
            "investor",
            "investors",
            "owner",
            "owners",
            "gesellschafter",
            "aktionär",
        ],
        StakeholderGroup.SHAREHOLDER,
    ),
}


@dataclass
class ImportRow:
    """One stakeholder as read; `errors` are this row's own, worded for the user."""

    where: str
    name: str = ""
    email: str = ""
    area: str = ""
    job_title: str = ""
    group: str = StakeholderGroup.EMPLOYEE
    is_champion: bool = False
    is_management: bool = False
    errors: list[str] = field(default_factory=list)

    def stakeholder_fields(self) -> dict[str, str | bool]:
        return {
            "name": self.name,
            "email": self.email,
            "job_title": self.job_title,
            "group": self.group,
            "is_champion": self.is_champion,
            "is_management": self.is_management,
        }


@dataclass
class ParsedList:
    """`errors` concern the whole list (unreadable, too long); when there are
    any, `rows` is empty."""

    rows: list[ImportRow] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @classmethod
    def failed(cls, message) -> ParsedList:
        return cls(errors=[str(message)])


def parse_text(text: str) -> ParsedList:
    """A pasted list: comma, semicolon or tab separated, detected."""
    records = _text_records(text)
    if records is None:
        return ParsedList.failed(LIST_UNREADABLE)
    if not records:
        return ParsedList.failed(NOTHING_TO_IMPORT)
    return _rows_from_records(records, where=LINE, empty=NOTHING_TO_IMPORT)


def parse_file(name: str, data: bytes) -> ParsedList:
    """An uploaded .csv (UTF-8 with or without BOM, UTF-16 with BOM, or Windows
    cp1252) or .xlsx (its first sheet). `data` may be cut at MAX_FILE_BYTES + 1."""
    suffix = "." + name.rsplit(".", 1)[-1].casefold() if "." in name else ""
    if suffix not in TEXT_SUFFIXES + XLSX_SUFFIXES:
        return ParsedList.failed(FILE_WRONG_TYPE)
    if len(data) > MAX_FILE_BYTES:
        return ParsedList.failed(FILE_TOO_BIG)
    if suffix in XLSX_SUFFIXES:
        records = _xlsx_records(data)
    else:
        text = _decode(data)
        records = None if text is None else _text_records(text)
    if records is None:
        return ParsedList.failed(FILE_UNREADABLE)
    if not records:
        return ParsedList.failed(FILE_EMPTY)
    return _rows_from_records(records, where=ROW, empty=FILE_EMPTY)


def detect_delimiter(lines: Iterable[str]) -> str:
    """The delimiter that splits every sampled line the most often.

    Judged on the least-split line first, so a name such as "Okafor, Ben" in a
    semicolon list or a title with a ";" in a comma list does not win; quoted
    cells are respected. A single column (no delimiter at all) reads as commas.
    """
    sample = [line for line in lines if line.strip()][:20]

    def score(delimiter: str) -> tuple[int, int]:
        counts = [len(next(csv.reader([line], delimiter=delimiter), [])) - 1 for line in sample]
        return (min(counts, default=0), sum(counts))

    best = max(DELIMITERS, key=score)  # max() keeps the first of equals: tab, ;, ,
    return best if score(best) > (0, 0) else ","


def _heading_key(cell: str) -> str:
    return re.sub(r"[\W_]+", "", re.sub(r"\(.*?\)", "", cell).casefold())


def _text_records(text: str) -> list[tuple[int, list[str]]] | None:
    """Non-empty records with the line each starts on, or None if unreadable.
    A quoted cell may span lines, as spreadsheets write them."""
    # Browsers send CRLF; a lone CR (old Mac line end) would stop the csv module.
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first, _newline, rest = text.partition("\n")
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        if re.fullmatch(r"sep=[,;\t|]", first.strip('"').casefold()):
            # Excel's own hint line; blanked, not removed, so line numbers still match.
            delimiter, text = first.strip('"')[-1], "\n" + rest
        else:
            delimiter = detect_delimiter(text.split("\n", 40)[:40])
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for row in reader:
            if any(cell.strip() for cell in row):
                records.append((start, row))
                if len(records) > MAX_ROWS + 1:  # enough to say "too many"
                    break
            start = reader.line_num + 1
    except csv.Error:  # e.g. a cell longer than the csv module's field limit
        return None
    return records


def _decode(data: bytes) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text"
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # A NUL in "text" means a binary file with a .csv name.
        return None if "\x00" in text else text
    return None


def _xlsx_records(data: bytes) -> list[tuple[int, list[str]]] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_XLSX_UNCOMPRESSED_BYTES:
                return None
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds of error on a damaged file
        return None
    try:
        if not workbook.worksheets:
            return []
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # files from other tools often state wrong dimensions
        records: list[tuple[int, list[str]]] = []
        for number, values in enumerate(
            sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            row = [_cell_text(value) for value in values]
            if any(row):
                records.append((number, row))
                if len(records) > MAX_ROWS + 1:
                    break
        return records
    except Exception:  # a damaged sheet may fail only when its rows are read
        return None
    finally:
        workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        value = value.date()  # Excel stores a date as a datetime at midnight
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


def _rows_from_records(records: list[tuple[int, list[str]]], *, where, empty) -> ParsedList:
    headings = records[0][1]
    columns = _heading_columns(headings)
    if columns is None:
        columns = list(POSITIONAL)
    else:
        records = records[1:]
        problem = _heading_problem(columns, headings)
        if problem:
            return ParsedList.failed(problem)
        if not records:
            return ParsedList.failed(empty)
    if len(records) > MAX_ROWS:
        return ParsedList.failed(TOO_MANY_ROWS % {"n": MAX_ROWS})
    return ParsedList(rows=[_row(columns, cells, where % {"n": n}) for n, cells in records])


def _heading_columns(cells: list[str]) -> list[str | None] | None:
    """The field of each column if `cells` is a heading row, else None.

    A heading row names a person column and at least one other known column;
    a data row never does, even when an area is called "Management" and a job
    title "Manager".
    """
    columns = [HEADINGS.get(_heading_key(cell)) for cell in cells]
    known = {c for c in columns if c}
    has_name = bool(known & {"name", "first_name", "last_name"})
    return columns if has_name and len(known) >= 2 else None


def _heading_problem(columns: list[str | None], headings: list[str]) -> str | None:
    seen: dict[str, int] = {}
    for index, column in enumerate(columns):
        if column is None:
            continue  # other columns (phone, notes) are ignored
        if column in seen:
            return str(
                HEADER_TWICE
                % {
                    "column": COLUMN_LABELS[column],
                    "first": headings[seen[column]].strip()[:40],
                    "second": headings[index].strip()[:40],
                }
            )
        seen[column] = index
    if not seen.keys() & {"name", "first_name", "last_name"}:
        return str(HEADER_NO_NAME)
    if "area" not in seen:
        return str(HEADER_NO_AREA)
    return None


def _row(columns: list[str | None], cells: list[str], where: str) -> ImportRow:
    row = ImportRow(where=where)
    values: dict[str, str] = {}
    for column, cell in zip(columns, cells, strict=False):
        if column:
            values[column] = cell.strip()
    if any("\x00" in cell for cell in cells):
        row.errors.append(str(NUL_CHARACTER % {"where": where}))
        return row
    names = (values.get("first_name", ""), values.get("last_name", ""))
    row.name = values.get("name") or " ".join(part for part in names if part)
    row.email = values.get("email", "")
    row.area = values.get("area", "")
    row.job_title = values.get("job_title", "")
    group = values.get("group", "")
    if group:
        row.group = _group(group) or row.group
        if _group(group) is None:
            row.errors.append(str(UNKNOWN_GROUP % {"where": where, "value": group[:40]}))
    for flag in ("is_champion", "is_management"):
        value = values.get(flag, "")
        if value.casefold() in YES:
            setattr(row, flag, True)
        elif value.casefold() not in NO:
            row.errors.append(
                str(
                    NOT_A_FLAG
                    % {"where": where, "value": value[:40], "column": COLUMN_LABELS[flag]}
                )
            )
    return row


def _group(value: str) -> str | None:
    key = value.strip().casefold()
    if key in GROUPS:
        return GROUPS[key]
    for choice in StakeholderGroup:  # the labels shown in the app's language
        if key == str(choice.label).casefold():
            return choice.value
    return None
