"""What the demo workshop produced: dream stories, non-functional requirements,
the change plan and the journey (plain data, seeded by `crmvision.demo.seed`).

Due dates are days after the workshop starts.
"""

from __future__ import annotations

# Told by the first stakeholder of the area.
STORIES = [
    {
        "area": "Sales",
        "title": "Monday, 8:15, eighteen months from now",
        "body": (
            "Before my first coffee I see the week: which customers have an open service "
            "case, which quotes are waiting and which orders production has confirmed. I "
            "**visit Stadtwerke Ulm** knowing their history, and I log the visit on my phone "
            "before I start the car. The quote goes out the same day."
        ),
    },
    {
        "area": "Customer service",
        "title": "The call that takes three minutes",
        "body": (
            "When a customer calls, their installations, last service and open invoices are "
            "already on my screen. I book the technician while we talk. Sales gets a note "
            "automatically when a customer is unhappy, and calls them the same afternoon."
        ),
    },
    {
        "area": "Production",
        "title": "No more surprise orders",
        "body": (
            "Every Friday production sees the sales pipeline with probabilities we trust. "
            "Large orders appear six weeks ahead. Overtime has dropped and on-time delivery "
            "is above 95%."
        ),
    },
    {
        "area": "Management",
        "title": "One customer truth",
        "body": (
            "Our Monday meeting takes 30 minutes instead of 90: everybody looks at the same "
            "dashboard. We still know our customers personally; the CRM made time for it."
        ),
    },
]

# ISO/IEC 25010 characteristics with Planguage measures, in report order.
REQUIREMENTS = [
    {
        "ref": "NFR-01",
        "title": "Learnable in a morning",
        "characteristic": "interaction_capability",
        "sub_characteristic": "Learnability",
        "statement": (
            "A new sales or service employee completes the five core tasks unaided after half "
            "a day of training."
        ),
        "scale": "Share of new users completing the five core tasks unaided",
        "meter": "Observed task test after training",
        "past": "n/a",
        "must": "80%",
        "plan": "95%",
        "owner": "Sara Lindqvist",
        "source": (
            "Core factors answers (sales, service): 'must not turn people into data entry "
            "clerks'; IT high point."
        ),
    },
    {
        "ref": "NFR-02",
        "title": "Visit report from a phone",
        "characteristic": "interaction_capability",
        "sub_characteristic": "Operability",
        "statement": (
            "Field staff log a customer visit on a phone in under two minutes, also with a "
            "weak signal."
        ),
        "scale": "Median seconds to log a visit on a phone",
        "meter": "Timed sample of 20 visits per quarter",
        "past": "paper, ~2 days later",
        "must": "180 s",
        "plan": "90 s",
        "owner": "Lena Hartmann",
        "source": (
            "Three wishes (sales): 'enter a visit report on my phone in the car park'; dream "
            "story 'Monday, 8:15'."
        ),
    },
    {
        "ref": "NFR-03",
        "title": "One customer view with the ERP",
        "characteristic": "compatibility",
        "sub_characteristic": "Interoperability",
        "statement": (
            "Orders, invoices and installed pumps from the ERP appear on the customer record "
            "within 15 minutes."
        ),
        "scale": "Minutes from ERP change to CRM record",
        "meter": "Integration monitor, 95th percentile",
        "past": "never",
        "must": "60 min",
        "plan": "15 min",
        "owner": "Ben Okafor",
        "source": (
            "Three wishes (IT, billing, service): one system integrated with the ERP; see "
            "installation history."
        ),
    },
    {
        "ref": "NFR-04",
        "title": "No duplicate customers",
        "characteristic": "functional_suitability",
        "sub_characteristic": "Correctness",
        "statement": "The CRM warns before a duplicate account or contact is created.",
        "scale": "Duplicate accounts per 1,000 accounts",
        "meter": "Monthly duplicate report",
        "past": "~60",
        "must": "10",
        "plan": "2",
        "owner": "Hannah Klein",
        "source": "Three wishes (billing): clean customer master data; fewer disputed invoices.",
    },
    {
        "ref": "NFR-05",
        "title": "Fast enough to use during a call",
        "characteristic": "performance_efficiency",
        "sub_characteristic": "Time behaviour",
        "statement": "Opening a customer record with its history takes under two seconds.",
        "scale": "Seconds to open a customer record",
        "meter": "Synthetic probe every 5 minutes, 95th percentile",
        "past": "n/a",
        "must": "3 s",
        "plan": "1.5 s",
        "owner": "Sara Lindqvist",
        "source": (
            "High point (service): 'solved it on the phone in ten minutes' because the "
            "history was at hand."
        ),
    },
    {
        "ref": "NFR-06",
        "title": "Available where the work happens",
        "characteristic": "reliability",
        "sub_characteristic": "Availability",
        "statement": (
            "The CRM is available during business hours, including for the hotline from 7:00 "
            "to 19:00."
        ),
        "scale": "Availability in business hours",
        "meter": "Uptime monitor",
        "past": "n/a",
        "must": "99.5%",
        "plan": "99.9%",
        "owner": "Sara Lindqvist",
        "source": "Adoption scale question: readiness is lowest where the tool is not at hand.",
    },
    {
        "ref": "NFR-07",
        "title": "Customer data protected",
        "characteristic": "security",
        "sub_characteristic": "Confidentiality",
        "statement": (
            "Only people with a business need see a customer's commercial terms; every change "
            "is logged."
        ),
        "scale": "Access reviews passed",
        "meter": "Quarterly access review and audit-log sample",
        "past": "n/a",
        "must": "100%",
        "plan": "100%",
        "owner": "Lukas Hoffmann",
        "source": "Billing answers: special agreements must be visible, but only to the right people.",
    },
]

# Kotter step, action, owner, due (days after the start), status
# fmt: off
ACTIONS = [
    (1, "Share the cost of lost quotes and late deliveries with all managers", "Clara Neumann", 14, "done"),
    (1, "Win the backing of at least 75% of management before kick-off", "Clara Neumann", 30, "in_progress"),
    (2, "Form the CRM guiding coalition with one person from every business area", "Jan Richter", 21, "done"),
    (2, "Name champions in sales, service and marketing", "Sara Lindqvist", 28, "in_progress"),
    (3, "Agree the vision statement and test it with the most sceptical colleagues", "Sophie Wagner", 35, "planned"),
    (4, "Monthly town hall and a two-minute video from the managing director", "Sophie Wagner", 45, "planned"),
    (4, "Managers use the CRM dashboard in every Monday meeting", "Jan Richter", 60, "planned"),
    (5, "Barrier log: remove double entry between ERP and CRM", "Ben Okafor", 75, "planned"),
    (5, "Mobile access for all field staff", "Sara Lindqvist", 70, "planned"),
    (6, "Quick win: visit reports on the phone for the South team", "Tobias Brandt", 50, "planned"),
    (6, "Quick win: service sees open quotes before calling a customer", "Nina Vogel", 80, "planned"),
    (7, "Extend to logistics: delivery dates visible on the customer record", "Mia Fischer", 150, "planned"),
    (8, "CRM use part of onboarding and of the yearly review", "Clara Neumann", 240, "planned"),
]
# fmt: on

# Stage, description, milestones:
#   title, business area, owner, due (days after the start), metric, short-term win
# fmt: off
JOURNEY = [
    ("Foundation", "Shared vision, coalition and clean data.", [
        ("Vision statement agreed by the coalition", "Management", "Clara Neumann", 35, "Coalition sign-off", False),
        ("Customer master data cleaned", "Billing & accounts", "Hannah Klein", 60, "Duplicates per 1,000 accounts < 10", False),
    ]),
    ("First wins", "Visible, unambiguous wins within 90 days.", [
        ("Visit reports on the phone for the South team", "Sales", "Tobias Brandt", 50, "80% of visits logged within 24 h", True),
        ("Service sees open quotes and orders", "Customer service", "Nina Vogel", 80, "Hotline calls answered with full history", True),
    ]),
    ("Whole business", "Every area works from one customer truth.", [
        ("ERP integration live", "IT", "Ben Okafor", 120, "ERP changes visible within 15 minutes", False),
        ("Pipeline shared with production", "Production", "Katrin Lenz", 150, "Forecast accuracy ±15%", False),
        ("Adoption held after launch", "Management", "Jan Richter", 240, "90% weekly active customer-facing users", False),
    ]),
]
# fmt: on
