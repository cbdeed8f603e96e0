from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from crmvision.transfer import ImportError_, workshop_import


class Command(BaseCommand):
    help = "Import a workshop exported with export_workshop. All or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--slug", help="Import under another short name.")

    def handle(self, *args, file: str, slug: str | None, **options):
        try:
            with open(file, encoding="utf-8") as fh:
                doc = json.load(fh)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}") from exc
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError, ValueError) as exc:
            raise CommandError(f"{file} is not valid JSON: {exc}") from exc
        try:
            workshop = workshop_import(doc, slug=slug)
        except ImportError_ as exc:
            raise CommandError(f"Nothing was imported. {exc}") from exc
        self.stdout.write(self.style.SUCCESS(f'Imported "{workshop.title}" as /w/{workshop.slug}/'))
