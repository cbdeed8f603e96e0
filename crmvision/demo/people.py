"""The demo's people: who signs in and who is in the room (plain data, seeded by
`crmvision.demo.seed`). Nordwerk Pumpen GmbH is a fictional mid-sized manufacturer."""

from __future__ import annotations

FACILITATOR_USERNAME = "facilitator"
SPONSOR_USERNAME = "sponsor"
PASSWORD = "vision-demo"  # noqa: S105 - documented demo credentials
SLUG = "nordwerk-crm-vision"

# username, first name, last name, e-mail
FACILITATOR = (FACILITATOR_USERNAME, "Frida", "Facilitator", "frida@example.com")
SPONSOR = (SPONSOR_USERNAME, "Clara", "Neumann", "clara.neumann@example.com")

# The workshop; it starts a week after the day the demo is seeded.
WORKSHOP = {
    "slug": SLUG,
    "title": "CRM vision workshop",
    "organisation": "Nordwerk Pumpen GmbH",
    "crm_objective": (
        "By the end of next year, every customer interaction in sales, service and billing is "
        "recorded in one CRM used weekly by 90% of customer-facing staff, and quotes go out "
        "within 2 working days instead of 5."
    ),
    "affirmative_topic": "What makes our customers choose to stay with us for decades",
    "phase": "discover",
}
STARTS_IN_DAYS = 7
ENDS_IN_DAYS = 8

# name, e-mail (before @example.com), business area, job title, group, champion, management
# fmt: off
STAKEHOLDERS = [
    ("Lena Hartmann", "lena.hartmann", "Sales", "Head of Sales DACH", "employee", False, True),
    ("Tobias Brandt", "tobias.brandt", "Sales", "Key account manager", "employee", True, False),
    ("Aylin Demir", "aylin.demir", "Sales", "Field sales, South", "employee", False, False),
    ("Marco Rossi", "marco.rossi", "Sales", "Inside sales", "employee", False, False),
    ("Sophie Wagner", "sophie.wagner", "Marketing", "Marketing lead", "employee", True, False),
    ("Jonas Keller", "jonas.keller", "Marketing", "Trade fair coordinator", "employee", False, False),
    ("Fatima Haddad", "fatima.haddad", "Marketing", "Content specialist", "employee", False, False),
    ("Nina Vogel", "nina.vogel", "Customer service", "Service team lead", "employee", False, True),
    ("Paul Schmidt", "paul.schmidt", "Customer service", "Service technician", "employee", False, False),
    ("Elif Yilmaz", "elif.yilmaz", "Customer service", "Hotline agent", "employee", True, False),
    ("Stefan Bauer", "stefan.bauer", "Production", "Production planner", "employee", False, False),
    ("Katrin Lenz", "katrin.lenz", "Production", "Plant manager", "employee", False, True),
    ("Oliver Kraus", "oliver.kraus", "Production", "Quality engineer", "employee", False, False),
    ("Mia Fischer", "mia.fischer", "Logistics & inventory", "Logistics coordinator", "employee", False, False),
    ("Daniel Weber", "daniel.weber", "Logistics & inventory", "Warehouse lead", "employee", False, False),
    ("Hannah Klein", "hannah.klein", "Billing & accounts", "Accounts receivable", "employee", False, False),
    ("Lukas Hoffmann", "lukas.hoffmann", "Billing & accounts", "Finance controller", "employee", False, True),
    ("Clara Neumann", "clara.neumann", "Management", "Managing director", "employee", False, True),
    ("Friedrich Berger", "friedrich.berger", "Management", "Shareholder representative", "shareholder", False, True),
    ("Jan Richter", "jan.richter", "Management", "COO", "employee", False, True),
    ("Sara Lindqvist", "sara.lindqvist", "IT", "IT manager", "employee", True, True),
    ("Ben Okafor", "ben.okafor", "IT", "ERP administrator", "employee", False, False),
    ("Greta Maier", "greta.maier", "Customer service", "Customer (Stadtwerke Ulm)", "client", False, False),
    ("Henrik Dahl", "henrik.dahl", "Sales", "Customer (AquaTech Nord)", "client", False, False),
    ("Ines Schulte", "ines.schulte", "Logistics & inventory", "Dispatcher", "employee", False, False),
]
# fmt: on
