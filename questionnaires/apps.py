from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionnairesConfig(AppConfig):
    name = "questionnaires"
    verbose_name = _("Questionnaires")

    def ready(self) -> None:
        # Imported here, not at the top: receivers use models, which are ready only now.
        from questionnaires import receivers  # noqa: PLC0415

        receivers.connect()
