from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkshopsConfig(AppConfig):
    name = "workshops"
    verbose_name = _("Workshops")

    def ready(self) -> None:
        # Connects the receivers that count failed sign-ins.
        from workshops import throttle  # noqa: F401, PLC0415
