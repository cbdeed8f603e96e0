from __future__ import annotations

from django.contrib import admin

from reports.models import ChangeAction, Requirement
from workshops.admin_scoping import WorkshopScopedAdmin


@admin.register(Requirement)
class RequirementAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["ref", "title", "characteristic", "owner", "workshop"]
    list_filter = ["characteristic", "workshop"]
    search_fields = ["ref", "title", "statement"]


@admin.register(ChangeAction)
class ChangeActionAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "step", "owner", "due_on", "status", "workshop"]
    list_filter = ["step", "status", "workshop"]
    search_fields = ["title", "owner"]
