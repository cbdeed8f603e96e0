from __future__ import annotations

from django.contrib import admin

from questionnaires.models import Answer, Invitation, Question, Questionnaire, Response
from workshops.admin_scoping import WorkshopScopedAdmin


class QuestionInline(WorkshopScopedAdmin, admin.StackedInline):
    workshop_path = "questionnaire__workshop"
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    list_display = ["title", "workshop", "is_open"]
    list_filter = ["is_open", "workshop"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    workshop_path = "questionnaire__workshop"
    list_display = ["text", "phase", "kind", "required", "order", "questionnaire"]
    list_filter = ["phase", "kind", "questionnaire__workshop"]


@admin.register(Invitation)
class InvitationAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    workshop_path = "questionnaire__workshop"
    # The key is shown read-only: without SECRET_KEY it does not open the link.
    list_display = ["stakeholder", "questionnaire", "sent_at", "last_seen_at", "revoked_at"]
    list_filter = ["questionnaire__workshop"]
    readonly_fields = ["key", "created_at"]
    list_select_related = ["stakeholder", "questionnaire"]


class AnswerInline(WorkshopScopedAdmin, admin.TabularInline):
    workshop_path = "response__questionnaire__workshop"
    model = Answer
    extra = 0


@admin.register(Response)
class ResponseAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    workshop_path = "questionnaire__workshop"
    list_display = ["stakeholder", "questionnaire", "started_at", "submitted_at"]
    list_filter = ["questionnaire__workshop"]
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(WorkshopScopedAdmin, admin.ModelAdmin):
    workshop_path = "response__questionnaire__workshop"
    list_display = ["question", "response", "number", "updated_at"]
    list_select_related = ["question", "response__stakeholder"]
