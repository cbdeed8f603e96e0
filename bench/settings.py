"""Production settings plus the bench-only minimal view.

Used only by `make bench`: the app's own settings are loaded unchanged (from
the environment), and the URLconf gains `/_bench/minimal/`, the yardstick every
target is compared with. No production URLconf ever contains that route.
"""

from __future__ import annotations

from pathlib import Path

from crmvision.settings import *  # noqa: F403
from crmvision.settings import TEMPLATES

ROOT_URLCONF = "bench.urls"

TEMPLATES = [
    {**TEMPLATES[0], "DIRS": [*TEMPLATES[0]["DIRS"], Path(__file__).resolve().parent / "templates"]}
]
