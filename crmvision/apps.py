from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrmvisionConfig(AppConfig):
    """The composition layer: what needs the whole workshop, across the feature apps."""

    name = "crmvision"
    verbose_name = _("CRM Vision")
