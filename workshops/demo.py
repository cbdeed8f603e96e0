"""A fictional mid-sized manufacturer's CRM vision workshop, used by `seed_demo`.

It goes through the real services, so the demo is built the way a facilitator
would build it.
"""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model

from questionnaires.models import QuestionKind
from questionnaires.services import response_save
from reports.models import ActionStatus, ChangeAction, Characteristic, Requirement
from workshops.models import (
    DreamStory,
    JourneyStage,
    Milestone,
    Phase,
    Role,
    StakeholderGroup,
    Workshop,
)
from workshops.permissions import user_grant_workshop_creation
from workshops.services import membership_add, stakeholder_create, workshop_create

FACILITATOR_USERNAME = "facilitator"
SPONSOR_USERNAME = "sponsor"
PASSWORD = "vision-demo"  # noqa: S105 - documented demo credentials
SLUG = "nordwerk-crm-vision"

STAKEHOLDERS = [
    # name, e-mail, area, title, group, champion, management
    ("Lena Hartmann", "lena.hartmann", "Sales", "Head of Sales DACH", "employee", False, True),
    ("Tobias Brandt", "tobias.brandt", "Sales", "Key account manager", "employee", True, False),
    ("Aylin Demir", "aylin.demir", "Sales", "Field sales, South", "employee", False, False),
    ("Marco Rossi", "marco.rossi", "Sales", "Inside sales", "employee", False, False),
    ("Sophie Wagner", "sophie.wagner", "Marketing", "Marketing lead", "employee", True, False),
    (
        "Jonas Keller",
        "jonas.keller",
        "Marketing",
        "Trade fair coordinator",
        "employee",
        False,
        False,
    ),
    ("Fatima Haddad", "fatima.haddad", "Marketing", "Content specialist", "employee", False, False),
    ("Nina Vogel", "nina.vogel", "Customer service", "Service team lead", "employee", False, True),
    (
        "Paul Schmidt",
        "paul.schmidt",
        "Customer service",
        "Service technician",
        "employee",
        False,
        False,
    ),
    ("Elif Yilmaz", "elif.yilmaz", "Customer service", "Hotline agent", "employee", True, False),
    ("Stefan Bauer", "stefan.bauer", "Production", "Production planner", "employee", False, False),
    ("Katrin Lenz", "katrin.lenz", "Production", "Plant manager", "employee", False, True),
    ("Oliver Kraus", "oliver.kraus", "Production", "Quality engineer", "employee", False, False),
    (
        "Mia Fischer",
        "mia.fischer",
        "Logistics & inventory",
        "Logistics coordinator",
        "employee",
        False,
        False,
    ),
    (
        "Daniel Weber",
        "daniel.weber",
        "Logistics & inventory",
        "Warehouse lead",
        "employee",
        False,
        False,
    ),
    (
        "Hannah Klein",
        "hannah.klein",
        "Billing & accounts",
        "Accounts receivable",
        "employee",
        False,
        False,
    ),
    (
        "Lukas Hoffmann",
        "lukas.hoffmann",
        "Billing & accounts",
        "Finance controller",
        "employee",
        False,
        True,
    ),
    ("Clara Neumann", "clara.neumann", "Management", "Managing director", "employee", False, True),
    (
        "Friedrich Berger",
        "friedrich.berger",
        "Management",
        "Shareholder representative",
        "shareholder",
        False,
        True,
    ),
    ("Jan Richter", "jan.richter", "Management", "COO", "employee", False, True),
    ("Sara Lindqvist", "sara.lindqvist", "IT", "IT manager", "employee", True, True),
    ("Ben Okafor", "ben.okafor", "IT", "ERP administrator", "employee", False, False),
    (
        "Greta Maier",
        "greta.maier",
        "Customer service",
        "Customer (Stadtwerke Ulm)",
        "client",
        False,
        False,
    ),
    ("Henrik Dahl", "henrik.dahl", "Sales", "Customer (AquaTech Nord)", "client", False, False),
    (
        "Ines Schulte",
        "ines.schulte",
        "Logistics & inventory",
        "Dispatcher",
        "employee",
        False,
        False,
    ),
]

HIGH_POINTS = {
    "Sales": "Last spring a municipal utility had a pump failure on a Friday. I knew their history by heart, "
    "called our service lead directly and we had a replacement on site by Sunday. They signed a "
    "three-year framework contract the next month. It worked because I knew everything about them.",
    "Marketing": "At the Hannover fair we matched every visitor to the right engineer within minutes. "
    "We had a shared list, everybody updated it, and follow-ups went out the same week.",
    "Customer service": "A customer called about a noisy pump and I could see the installation date, the "
    "last service report and the spare parts they had ordered. I solved it on the phone in ten minutes.",
    "Production": "When sales told us early about a large order, we planned the shift pattern weeks ahead "
    "and delivered on time without overtime. Early, honest information made it possible.",
    "Logistics & inventory": "During the port strike we called every affected customer before they called "
    "us, with a new date. Nobody cancelled.",
    "Billing & accounts": "A long-standing customer disputed an invoice; because the agreement was written "
    "down in the order notes, we settled it in one friendly call.",
    "Management": "Our best year was when sales, service and production met every Monday and shared one "
    "list of key customers. Decisions were fast because everybody saw the same picture.",
    "IT": "When we introduced the new ERP module, a small group of users helped design it. Adoption was "
    "high because they felt it was theirs.",
}

WISHES = {
    "Sales": "1. One view of each customer, including open service tickets. 2. Quotes in hours, not days. "
    "3. Enter a visit report on my phone in the car park.",
    "Marketing": "1. Know which campaigns lead to orders. 2. No more spreadsheets of trade fair leads. "
    "3. Customers hear from us with one voice.",
    "Customer service": "1. See the full installation history before I pick up. 2. Sales knows when a "
    "customer is unhappy. 3. Fewer calls asking 'where is my technician?'",
    "Production": "1. Forecasts from sales that we can trust. 2. Early warning of large orders. "
    "3. Feedback on quality issues straight from service.",
    "Logistics & inventory": "1. Delivery dates customers can rely on. 2. Sales sees stock before promising. "
    "3. Fewer urgent shipments.",
    "Billing & accounts": "1. Clean customer master data. 2. Special agreements visible to everyone. "
    "3. Fewer disputed invoices.",
    "Management": "1. A forecast I can steer by. 2. Everyone works from one customer truth. "
    "3. We keep our personal touch while we grow.",
    "IT": "1. One system, integrated with the ERP, not another island. 2. Simple enough that nobody needs "
    "shadow spreadsheets. 3. Good data from day one.",
}

VALUING = [
    "The people: colleagues who help without being asked and customers who have trusted us for decades.",
    "That we say what we do and do what we say. Customers know our engineers by name.",
    "Short paths: I can walk over to production and solve a problem the same day.",
    "Pride in a product that runs for thirty years in a municipal water plant.",
    "Customers call us when something goes wrong, not our competitors. That trust is earned.",
]
CORE = [
    "Personal relationships with customers and engineers who know every pump we ever sold. "
    "A new CRM must keep that personal touch and not turn people into data entry clerks.",
    "Our technical advice before the sale. The CRM should make it easier to share what we know.",
    "Reliability: we deliver what we promise. Any tool must help us keep promises, not add work.",
    "Long memory: we remember every installation. Today it lives in people's heads and notebooks.",
    "Speed of the small company with the quality of a big one. Keep it simple.",
]

MOMENTS = [
    "When a customer calls with an emergency and we fix it the same day.",
    "The first visit after a big order: that is where trust is built.",
    "Answering a quote request faster than anyone else.",
    "When a pump we installed twenty years ago still runs.",
]
RESULTS = [
    "Quotes go out within two working days.",
    "Every customer visit is logged within 24 hours.",
    "No more 'where is my technician?' calls.",
    "Forecast within 15% of actual orders.",
]
OTHER = [
    "Being the supplier engineers call first, because we know their plant.",
    "Sharing what service learns with sales the same day.",
    "Too many fields and double entry between ERP and CRM would make me give up.",
    "Customers telling their peers that we are easy to work with.",
]

STORIES = [
    (
        "Sales",
        "Monday, 8:15, eighteen months from now",
        "Before my first coffee I see the week: which customers have an open service case, which quotes "
        "are waiting and which orders production has confirmed. I **visit Stadtwerke Ulm** knowing their "
        "history, and I log the visit on my phone before I start the car. The quote goes out the same day.",
    ),
    (
        "Customer service",
        "The call that takes three minutes",
        "When a customer calls, their installations, last service and open invoices are already on my "
        "screen. I book the technician while we talk. Sales gets a note automatically when a customer "
        "is unhappy, and calls them the same afternoon.",
    ),
    (
        "Production",
        "No more surprise orders",
        "Every Friday production sees the sales pipeline with probabilities we trust. Large orders "
        "appear six weeks ahead. Overtime has dropped and on-time delivery is above 95%.",
    ),
    (
        "Management",
        "One customer truth",
        "Our Monday meeting takes 30 minutes instead of 90: everybody looks at the same dashboard. "
        "We still know our customers personally; the CRM made time for it.",
    ),
]

REQUIREMENTS = [
    (
        "NFR-01",
        "Learnable in a morning",
        Characteristic.INTERACTION_CAPABILITY,
        "Learnability",
        "A new sales or service employee completes the five core tasks unaided after half a day of training.",
        "Share of new users completing the five core tasks unaided",
        "Observed task test after training",
        "n/a",
        "80%",
        "95%",
        "Sara Lindqvist",
        "Core factors answers (sales, service): 'must not turn people into data entry clerks'; IT high point.",
    ),
    (
        "NFR-02",
        "Visit report from a phone",
        Characteristic.INTERACTION_CAPABILITY,
        "Operability",
        "Field staff log a customer visit on a phone in under two minutes, also with a weak signal.",
        "Median seconds to log a visit on a phone",
        "Timed sample of 20 visits per quarter",
        "paper, ~2 days later",
        "180 s",
        "90 s",
        "Lena Hartmann",
        "Three wishes (sales): 'enter a visit report on my phone in the car park'; dream story 'Monday, 8:15'.",
    ),
    (
        "NFR-03",
        "One customer view with the ERP",
        Characteristic.COMPATIBILITY,
        "Interoperability",
        "Orders, invoices and installed pumps from the ERP appear on the customer record within 15 minutes.",
        "Minutes from ERP change to CRM record",
        "Integration monitor, 95th percentile",
        "never",
        "60 min",
        "15 min",
        "Ben Okafor",
        "Three wishes (IT, billing, service): one system integrated with the ERP; see installation history.",
    ),
    (
        "NFR-04",
        "No duplicate customers",
        Characteristic.FUNCTIONAL_SUITABILITY,
        "Correctness",
        "The CRM warns before a duplicate account or contact is created.",
        "Duplicate accounts per 1,000 accounts",
        "Monthly duplicate report",
        "~60",
        "10",
        "2",
        "Hannah Klein",
        "Three wishes (billing): clean customer master data; fewer disputed invoices.",
    ),
    (
        "NFR-05",
        "Fast enough to use during a call",
        Characteristic.PERFORMANCE_EFFICIENCY,
        "Time behaviour",
        "Opening a customer record with its history takes under two seconds.",
        "Seconds to open a customer record",
        "Synthetic probe every 5 minutes, 95th percentile",
        "n/a",
        "3 s",
        "1.5 s",
        "Sara Lindqvist",
        "High point (service): 'solved it on the phone in ten minutes' because the history was at hand.",
    ),
    (
        "NFR-06",
        "Available where the work happens",
        Characteristic.RELIABILITY,
        "Availability",
        "The CRM is available during business hours, including for the hotline from 7:00 to 19:00.",
        "Availability in business hours",
        "Uptime monitor",
        "n/a",
        "99.5%",
        "99.9%",
        "Sara Lindqvist",
        "Adoption scale question: readiness is lowest where the tool is not at hand.",
    ),
    (
        "NFR-07",
        "Customer data protected",
        Characteristic.SECURITY,
        "Confidentiality",
        "Only people with a business need see a customer's commercial terms; every change is logged.",
        "Access reviews passed",
        "Quarterly access review and audit-log sample",
        "n/a",
        "100%",
        "100%",
        "Lukas Hoffmann",
        "Billing answers: special agreements must be visible, but only to the right people.",
    ),
]

ACTIONS = [
    (
        1,
        "Share the cost of lost quotes and late deliveries with all managers",
        "Clara Neumann",
        14,
        ActionStatus.DONE,
    ),
    (
        1,
        "Win the backing of at least 75% of management before kick-off",
        "Clara Neumann",
        30,
        ActionStatus.IN_PROGRESS,
    ),
    (
        2,
        "Form the CRM guiding coalition with one person from every business area",
        "Jan Richter",
        21,
        ActionStatus.DONE,
    ),
    (
        2,
        "Name champions in sales, service and marketing",
        "Sara Lindqvist",
        28,
        ActionStatus.IN_PROGRESS,
    ),
    (
        3,
        "Agree the vision statement and test it with the most sceptical colleagues",
        "Sophie Wagner",
        35,
        ActionStatus.PLANNED,
    ),
    (
        4,
        "Monthly town hall and a two-minute video from the managing director",
        "Sophie Wagner",
        45,
        ActionStatus.PLANNED,
    ),
    (
        4,
        "Managers use the CRM dashboard in every Monday meeting",
        "Jan Richter",
        60,
        ActionStatus.PLANNED,
    ),
    (
        5,
        "Barrier log: remove double entry between ERP and CRM",
        "Ben Okafor",
        75,
        ActionStatus.PLANNED,
    ),
    (5, "Mobile access for all field staff", "Sara Lindqvist", 70, ActionStatus.PLANNED),
    (
        6,
        "Quick win: visit reports on the phone for the South team",
        "Tobias Brandt",
        50,
        ActionStatus.PLANNED,
    ),
    (
        6,
        "Quick win: service sees open quotes before calling a customer",
        "Nina Vogel",
        80,
        ActionStatus.PLANNED,
    ),
    (
        7,
        "Extend to logistics: delivery dates visible on the customer record",
        "Mia Fischer",
        150,
        ActionStatus.PLANNED,
    ),
    (
        8,
        "CRM use part of onboarding and of the yearly review",
        "Clara Neumann",
        240,
        ActionStatus.PLANNED,
    ),
]

JOURNEY = [
    (
        "Foundation",
        "Shared vision, coalition and clean data.",
        [
            (
                "Vision statement agreed by the coalition",
                "Management",
                "Clara Neumann",
                35,
                "Coalition sign-off",
                False,
            ),
            (
                "Customer master data cleaned",
                "Billing & accounts",
                "Hannah Klein",
                60,
                "Duplicates per 1,000 accounts < 10",
                False,
            ),
        ],
    ),
    (
        "First wins",
        "Visible, unambiguous wins within 90 days.",
        [
            (
                "Visit reports on the phone for the South team",
                "Sales",
                "Tobias Brandt",
                50,
                "80% of visits logged within 24 h",
                True,
            ),
            (
                "Service sees open quotes and orders",
                "Customer service",
                "Nina Vogel",
                80,
                "Hotline calls answered with full history",
                True,
            ),
        ],
    ),
    (
        "Whole business",
        "Every area works from one customer truth.",
        [
            (
                "ERP integration live",
                "IT",
                "Ben Okafor",
                120,
                "ERP changes visible within 15 minutes",
                False,
            ),
            (
                "Pipeline shared with production",
                "Production",
                "Katrin Lenz",
                150,
                "Forecast accuracy ±15%",
                False,
            ),
            (
                "Adoption held after launch",
                "Management",
                "Jan Richter",
                240,
                "90% weekly active customer-facing users",
                False,
            ),
        ],
    ),
]


def workshop_exists() -> bool:
    return Workshop.objects.filter(slug=SLUG).exists()


def _user(username: str, first: str, last: str, email: str, *, staff: bool = False):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": email,
            # The demo facilitator can also edit requirements, change actions,
            # stories and the journey in the admin until they have screens of
            # their own (only those models: not answers or stakeholders).
            "is_staff": staff,
        },
    )
    if staff and created:
        from django.contrib.auth.models import Permission

        user.user_permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["reports", "workshops"],
                content_type__model__in=[
                    "requirement",
                    "changeaction",
                    "dreamstory",
                    "journeystage",
                    "milestone",
                ],
            )
        )
    if created:
        user.set_password(PASSWORD)
        user.save()
    return user


def seed(*, today: dt.date) -> Workshop:
    rng = random.Random(2026)  # noqa: S311 - deterministic demo data
    facilitator = _user(
        FACILITATOR_USERNAME, "Frida", "Facilitator", "frida@example.com", staff=True
    )
    user_grant_workshop_creation(user=facilitator)
    sponsor = _user(SPONSOR_USERNAME, "Clara", "Neumann", "clara.neumann@example.com")
    if workshop_exists():
        return Workshop.objects.get(slug=SLUG)

    workshop = workshop_create(
        user=facilitator,
        slug=SLUG,
        title="CRM vision workshop",
        organisation="Nordwerk Pumpen GmbH",
        crm_objective=(
            "By the end of next year, every customer interaction in sales, service and billing is "
            "recorded in one CRM used weekly by 90% of customer-facing staff, and quotes go out "
            "within 2 working days instead of 5."
        ),
        affirmative_topic="What makes our customers choose to stay with us for decades",
        starts_on=today + dt.timedelta(days=7),
        ends_on=today + dt.timedelta(days=8),
        phase=Phase.DISCOVER,
    )
    membership_add(workshop=workshop, user=sponsor, role=Role.SPONSOR)
    areas = {area.name: area for area in workshop.areas.all()}
    stakeholders = []
    for name, mail, area, title, group, champion, management in STAKEHOLDERS:
        stakeholders.append(
            stakeholder_create(
                workshop=workshop,
                name=name,
                email=f"{mail}@example.com",
                area=areas[area],
                job_title=title,
                group=StakeholderGroup(group),
                is_champion=champion,
                is_management=management,
            )
        )

    questionnaire = workshop.questionnaires.get()
    questions = list(questionnaire.questions.all())
    invitations = {inv.stakeholder_id: inv for inv in questionnaire.invitations.all()}
    for index, stakeholder in enumerate(stakeholders):
        if index % 6 == 5:
            continue  # some have not answered yet
        area = stakeholder.area.name
        values: dict[int, str | int | None] = {}
        for question in questions:
            if question.kind == QuestionKind.SCALE:
                values[question.pk] = rng.choice([2, 3, 3, 4, 4, 5])
            elif question.kind == QuestionKind.LIKELIHOOD:
                values[question.pk] = rng.choice([3, 6, 7, 8, 8, 9, 9, 10])
            elif question.kind == QuestionKind.SINGLE_CHOICE:
                values[question.pk] = rng.choice(question.options)
            elif question.kind == QuestionKind.MULTIPLE_CHOICE:
                values[question.pk] = rng.sample(question.options, k=rng.randint(1, 3))
            elif question.text.startswith("High point"):
                values[question.pk] = HIGH_POINTS[area]
            elif question.text.startswith("Three wishes"):
                values[question.pk] = WISHES[area]
            elif question.text.startswith("Valuing"):
                values[question.pk] = VALUING[index % len(VALUING)]
            elif question.text.startswith("Core factors"):
                values[question.pk] = CORE[index % len(CORE)]
            elif question.text.startswith("In a few words"):
                values[question.pk] = MOMENTS[index % len(MOMENTS)]
            elif question.text.startswith("Results"):
                values[question.pk] = RESULTS[index % len(RESULTS)]
            elif index % 3 == 0:
                continue  # not everybody answers every optional question
            else:
                values[question.pk] = OTHER[index % len(OTHER)]
        invitation = invitations[stakeholder.pk]
        response_save(invitation=invitation, values=values, submit=index % 6 != 4)

    _seed_themes(workshop)

    by_area = {}
    for stakeholder in stakeholders:
        by_area.setdefault(stakeholder.area.name, stakeholder)
    for area, title, body in STORIES:
        DreamStory.objects.create(
            workshop=workshop, area=areas[area], stakeholder=by_area[area], title=title, body=body
        )

    for order, (
        ref,
        title,
        char,
        sub,
        statement,
        scale,
        meter,
        past,
        must,
        plan,
        owner,
        source,
    ) in enumerate(REQUIREMENTS, start=1):
        Requirement.objects.create(
            workshop=workshop,
            ref=ref,
            title=title,
            characteristic=char,
            sub_characteristic=sub,
            statement=statement,
            scale=scale,
            meter=meter,
            past=past,
            must=must,
            plan=plan,
            owner=owner,
            source=source,
            order=order,
        )
    start = workshop.starts_on
    for step, title, owner, days, status in ACTIONS:
        ChangeAction.objects.create(
            workshop=workshop,
            step=step,
            title=title,
            owner=owner,
            due_on=start + dt.timedelta(days=days),
            status=status,
        )
    for order, (name, description, milestones) in enumerate(JOURNEY, start=1):
        stage = JourneyStage.objects.create(
            workshop=workshop, name=name, description=description, order=order
        )
        for title, area, owner, days, metric, win in milestones:
            Milestone.objects.create(
                stage=stage,
                title=title,
                area=areas[area],
                owner=owner,
                due_on=start + dt.timedelta(days=days),
                metric=metric,
                is_short_term_win=win,
            )
    return workshop


THEMES = [
    (
        "Knowing the customer personally",
        "Engineers and reps who know each plant and its history.",
        ["knew", "know", "personal", "history", "trust", "by name"],
    ),
    (
        "Speed and reliability",
        "We answer fast and keep our promises.",
        ["same day", "faster", "on time", "promise", "quickly", "ten minutes", "reliab"],
    ),
    (
        "Working as one team",
        "Sales, service and production share one picture.",
        ["shared", "same picture", "one list", "together", "help", "walk over"],
    ),
]


def _seed_themes(workshop: Workshop) -> None:
    """Tag the demo's written answers the way a facilitator would during Discover."""
    from questionnaires.models import Answer
    from questionnaires.theme_services import answer_tag, theme_create

    answers = list(
        Answer.objects.filter(response__questionnaire__workshop=workshop)
        .exclude(text="")
        .filter(question__kind__in=[QuestionKind.LONG_TEXT, QuestionKind.SHORT_TEXT])
    )
    for name, description, words in THEMES:
        theme = theme_create(workshop=workshop, name=name, description=description)
        for answer in answers:
            if any(word in answer.text.lower() for word in words):
                answer_tag(answer=answer, theme=theme)
