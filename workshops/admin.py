from __future__ import annotations

from django.contrib import admin

from workshops.admin_scoping import WorkshopScopedAdmin
from workshops.models import (
    BusinessArea,
    DreamStory,
    JourneyStage,
    Membership,
    Milestone,
    Stakeholder,
    Workshop,
)


class BusinessAreaInline(WorkshopScopedAdmin, admin.TabularInline):
    model = BusinessArea
    extra = 0


class MembershipInline(WorkshopScopedAdmin, admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Workshop)
class WorkshopAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    workshop_path = ""
    list_display = ["title", "organisation", "phase", "starts_on"]
    list_filter = ["phase"]
    search_fields = ["title", "organisation", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [BusinessAreaInline, MembershipInline]


@admin.register(BusinessArea)
class BusinessAreaAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "workshop", "order"]
    list_filter = ["workshop"]


@admin.register(Stakeholder)
class StakeholderAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "email", "area", "group", "is_champion", "is_management", "workshop"]
    list_filter = ["workshop", "group", "is_champion", "is_management"]
    search_fields = ["name", "email", "job_title"]
    list_select_related = ["area", "workshop"]


@admin.register(Membership)
class MembershipAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["user", "workshop", "role"]
    list_filter = ["role", "workshop"]


@admin.register(DreamStory)
class DreamStoryAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "area", "stakeholder", "workshop"]
    list_filter = ["workshop"]


class MilestoneInline(WorkshopScopedAdmin, admin.StackedInline):
    workshop_path = "stage__workshop"
    model = Milestone
    extra = 0


@admin.register(JourneyStage)
class JourneyStageAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["name", "workshop", "order"]
    list_filter = ["workshop"]
    inlines = [MilestoneInline]


@admin.register(Milestone)
class MilestoneAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    workshop_path = "stage__workshop"
    list_display = ["title", "stage", "area", "owner", "due_on", "is_short_term_win"]
    list_filter = ["stage__workshop", "is_short_term_win"]
