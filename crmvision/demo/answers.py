"""What the demo's stakeholders write (plain data, seeded by `crmvision.demo.seed`).

Texts keyed by business area go to everyone in that area; lists are handed out
in turn. Scale and choice answers come from a seeded random generator in
`seed.py`, so every run gives the same demo.
"""

from __future__ import annotations

# "High point", per business area.
HIGH_POINTS = {
    "Sales": (
        "Last spring a municipal utility had a pump failure on a Friday. I knew their history "
        "by heart, called our service lead directly and we had a replacement on site by "
        "Sunday. They signed a three-year framework contract the next month. It worked "
        "because I knew everything about them."
    ),
    "Marketing": (
        "At the Hannover fair we matched every visitor to the right engineer within minutes. "
        "We had a shared list, everybody updated it, and follow-ups went out the same week."
    ),
    "Customer service": (
        "A customer called about a noisy pump and I could see the installation date, the last "
        "service report and the spare parts they had ordered. I solved it on the phone in ten "
        "minutes."
    ),
    "Production": (
        "When sales told us early about a large order, we planned the shift pattern weeks "
        "ahead and delivered on time without overtime. Early, honest information made it "
        "possible."
    ),
    "Logistics & inventory": (
        "During the port strike we called every affected customer before they called us, with "
        "a new date. Nobody cancelled."
    ),
    "Billing & accounts": (
        "A long-standing customer disputed an invoice; because the agreement was written down "
        "in the order notes, we settled it in one friendly call."
    ),
    "Management": (
        "Our best year was when sales, service and production met every Monday and shared one "
        "list of key customers. Decisions were fast because everybody saw the same picture."
    ),
    "IT": (
        "When we introduced the new ERP module, a small group of users helped design it. "
        "Adoption was high because they felt it was theirs."
    ),
}

# "Three wishes", per business area.
WISHES = {
    "Sales": (
        "1. One view of each customer, including open service tickets. 2. Quotes in hours, "
        "not days. 3. Enter a visit report on my phone in the car park."
    ),
    "Marketing": (
        "1. Know which campaigns lead to orders. 2. No more spreadsheets of trade fair leads. "
        "3. Customers hear from us with one voice."
    ),
    "Customer service": (
        "1. See the full installation history before I pick up. 2. Sales knows when a "
        "customer is unhappy. 3. Fewer calls asking 'where is my technician?'"
    ),
    "Production": (
        "1. Forecasts from sales that we can trust. 2. Early warning of large orders. 3. "
        "Feedback on quality issues straight from service."
    ),
    "Logistics & inventory": (
        "1. Delivery dates customers can rely on. 2. Sales sees stock before promising. 3. "
        "Fewer urgent shipments."
    ),
    "Billing & accounts": (
        "1. Clean customer master data. 2. Special agreements visible to everyone. 3. Fewer "
        "disputed invoices."
    ),
    "Management": (
        "1. A forecast I can steer by. 2. Everyone works from one customer truth. 3. We keep "
        "our personal touch while we grow."
    ),
    "IT": (
        "1. One system, integrated with the ERP, not another island. 2. Simple enough that "
        "nobody needs shadow spreadsheets. 3. Good data from day one."
    ),
}

# "Valuing", in turn.
VALUING = [
    (
        "The people: colleagues who help without being asked and customers who have trusted "
        "us for decades."
    ),
    "That we say what we do and do what we say. Customers know our engineers by name.",
    "Short paths: I can walk over to production and solve a problem the same day.",
    "Pride in a product that runs for thirty years in a municipal water plant.",
    "Customers call us when something goes wrong, not our competitors. That trust is earned.",
]

# "Core factors", in turn.
CORE = [
    (
        "Personal relationships with customers and engineers who know every pump we ever "
        "sold. A new CRM must keep that personal touch and not turn people into data entry "
        "clerks."
    ),
    "Our technical advice before the sale. The CRM should make it easier to share what we know.",
    "Reliability: we deliver what we promise. Any tool must help us keep promises, not add work.",
    "Long memory: we remember every installation. Today it lives in people's heads and notebooks.",
    "Speed of the small company with the quality of a big one. Keep it simple.",
]

# "In a few words" (the customer moment that matters), in turn.
MOMENTS = [
    "When a customer calls with an emergency and we fix it the same day.",
    "The first visit after a big order: that is where trust is built.",
    "Answering a quote request faster than anyone else.",
    "When a pump we installed twenty years ago still runs.",
]

# SOAR "Results", in turn.
RESULTS = [
    "Quotes go out within two working days.",
    "Every customer visit is logged within 24 hours.",
    "No more 'where is my technician?' calls.",
    "Forecast within 15% of actual orders.",
]

# Every other written question, in turn (some people skip them).
OTHER = [
    "Being the supplier engineers call first, because we know their plant.",
    "Sharing what service learns with sales the same day.",
    "Too many fields and double entry between ERP and CRM would make me give up.",
    "Customers telling their peers that we are easy to work with.",
]

# The themes a facilitator finds in the answers during Discover: name, description,
# and the words that put an answer in the theme.
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
