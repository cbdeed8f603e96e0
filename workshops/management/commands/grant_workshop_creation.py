from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from workshops.permissions import user_grant_workshop_creation


class Command(BaseCommand):
    help = "Let a user create workshops (grants the workshops.add_workshop permission)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f'No user with the username "{username}".')
        user_grant_workshop_creation(user=user)
        self.stdout.write(f"{username} can now create workshops.")
