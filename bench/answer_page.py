"""Speed of the stakeholder's page and of one autosave, on a realistic workshop.

    make bench            # or: .venv/bin/python bench/answer_page.py [--questions 60]

Prints median and 95th percentile milliseconds and the SQL queries per
request. Targets (for a 2-core machine, SQLite): page < 60 ms, autosave
< 25 ms, both with a constant number of queries. It only prints figures;
nothing fails on a time.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=40, help="extra questions to add")
    parser.add_argument("--rounds", type=int, default=60)
    args = parser.parse_args()

    db = Path(tempfile.mkdtemp()) / "bench.sqlite3"
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{db}")
    os.environ.setdefault(
        "SECRET_KEY", "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"
    )
    os.environ.setdefault("HTTPS_ONLY", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "crmvision.settings"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from questionnaires.forms import field_name
    from questionnaires.models import QuestionKind
    from workshops.models import Workshop

    call_command("migrate", verbosity=0)
    call_command("seed_demo", quiet_credentials=True, stdout=open(os.devnull, "w"))
    workshop = Workshop.objects.get()
    questionnaire = workshop.questionnaires.get()
    for i in range(args.questions):
        questionnaire.questions.create(
            phase="dream", kind=QuestionKind.LONG_TEXT, text=f"Extra {i}", order=200 + i
        )
    invitation = questionnaire.invitations.select_related("stakeholder").first()
    question = questionnaire.questions.filter(kind=QuestionKind.LONG_TEXT).first()
    client = Client()
    url = invitation.get_absolute_url()

    def measure(label: str, request) -> None:
        request()  # warm up
        times = []
        count = [0]

        def counter(execute, sql, params, many, context):
            count[0] += 1
            return execute(sql, params, many, context)

        # Django clears its query log when a request starts, so count with a wrapper.
        with connection.execute_wrapper(counter):
            request()
        for _ in range(args.rounds):
            start = time.perf_counter()
            request()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[int(len(times) * 0.95) - 1]
        print(
            f"{label:<28} median {statistics.median(times):6.1f} ms   p95 {p95:6.1f} ms   {count[0]} queries"
        )

    total = questionnaire.questions.count()
    print(
        f"Stakeholder page with {total} questions, {workshop.stakeholders.count()} stakeholders (SQLite)"
    )
    measure("GET the questionnaire page", lambda: client.get(url))
    measure(
        "POST one autosave",
        lambda: client.post(
            f"{url}save/", {"question": question.pk, field_name(question): "A story " * 40}
        ),
    )


if __name__ == "__main__":
    main()
