from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from crmvision.transfer import workshop_export
from workshops.models import Workshop


class Command(BaseCommand):
    help = "Export everything in a workshop as versioned JSON (see the README)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("-o", "--output", help="File to write; standard output if omitted.")

    def handle(self, *args, slug: str, output: str | None, **options):
        workshop = Workshop.objects.filter(slug=slug).first()
        if workshop is None:
            raise CommandError(f'No workshop with the short name "{slug}".')
        text = json.dumps(workshop_export(workshop), ensure_ascii=False, indent=2) + "\n"
        if output:
            try:
                with open(output, "w", encoding="utf-8") as fh:
                    fh.write(text)
            except OSError as exc:
                raise CommandError(f"Cannot write {output}: {exc.strerror}") from exc
            self.stderr.write(f"Wrote {output}")
        else:
            sys.stdout.write(text)
