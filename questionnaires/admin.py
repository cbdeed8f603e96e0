from __future__ import annotations

from django.contrib import admin

from questionnaires.models import Answer, Invitation, Question, Questionnaire, Response


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ["title", "workshop", "is_open"]
    list_filter = ["is_open", "workshop"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "phase", "kind", "required", "order", "questionnaire"]
    list_filter = ["phase", "kind", "questionnaire__workshop"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    # The key is shown read-only: without SECRET_KEY it does not open the link.
    list_display = ["stakeholder", "questionnaire", "sent_at", "last_seen_at", "revoked_at"]
    list_filter = ["questionnaire__workshop"]
    readonly_fields = ["key", "created_at"]
    list_select_related = ["stakeholder", "questionnaire"]


class AnswerInline(admin.TabularInline):
    model = Answer
    extra = 0


@admin.register(Response)
class ResponseAdmin(admin.ModelAdmin):
    list_display = ["stakeholder", "questionnaire", "started_at", "submitted_at"]
    list_filter = ["questionnaire__workshop"]
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(admin.ModelAdmin):
    list_display = ["question", "response", "number", "updated_at"]
    list_select_related = ["question", "response__stakeholder"]
