"""The demo workshop `seed_demo` loads: data in `people.py`, `answers.py` and
`plan.py`, seeding steps (through the real services) in `seed.py`."""

from __future__ import annotations

from crmvision.demo.people import FACILITATOR_USERNAME, PASSWORD, SPONSOR_USERNAME
from crmvision.demo.seed import seed, workshop_exists

__all__ = ["FACILITATOR_USERNAME", "PASSWORD", "SPONSOR_USERNAME", "seed", "workshop_exists"]
