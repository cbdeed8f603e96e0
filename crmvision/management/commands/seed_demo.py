"""Load a realistic demo workshop (idempotent: running it twice changes nothing)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from crmvision import demo


class Command(BaseCommand):
    help = "Create the demo facilitator, sponsor and a fully worked demo workshop."

    def add_arguments(self, parser):
        parser.add_argument(
            "--quiet-credentials", action="store_true", help="Do not print passwords."
        )

    @transaction.atomic
    def handle(self, *args, **options):
        User = get_user_model()
        if (
            User.objects.filter(username=demo.FACILITATOR_USERNAME).exists()
            and demo.workshop_exists()
        ):
            self.stdout.write("Demo data already present; nothing changed.")
        else:
            workshop = demo.seed(today=dt.date.today())
            self.stdout.write(self.style.SUCCESS(f"Demo workshop created: /w/{workshop.slug}/"))
        if not options["quiet_credentials"]:
            self.stdout.write(
                f"\n  Demo sign-in ({settings.SITE_URL}/accounts/login/):\n"
                f"    facilitator: {demo.FACILITATOR_USERNAME} / {demo.PASSWORD}\n"
                f"    sponsor:     {demo.SPONSOR_USERNAME} / {demo.PASSWORD}\n"
            )
