from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from reports.pdf import render_report_pdf
from workshops.models import Workshop


class Command(BaseCommand):
    help = "Render a workshop's requirements and change plan as PDF."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("-o", "--output", required=True, help="PDF file to write.")

    def handle(self, *args, slug: str, output: str, **options):
        workshop = Workshop.objects.filter(slug=slug).first()
        if workshop is None:
            raise CommandError(f'No workshop with the short name "{slug}".')
        pdf = render_report_pdf(workshop)
        try:
            with open(output, "wb") as fh:
                fh.write(pdf)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}") from exc
        self.stdout.write(self.style.SUCCESS(f"Wrote {output}"))
