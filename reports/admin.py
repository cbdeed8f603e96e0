from __future__ import annotations

from django.contrib import admin

from reports.models import ChangeAction, Requirement


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):
    list_display = ["ref", "title", "characteristic", "owner", "workshop"]
    list_filter = ["characteristic", "workshop"]
    search_fields = ["ref", "title", "statement"]


@admin.register(ChangeAction)
class ChangeActionAdmin(admin.ModelAdmin):
    list_display = ["title", "step", "owner", "due_on", "status", "workshop"]
    list_filter = ["step", "status", "workshop"]
    search_fields = ["title", "owner"]
