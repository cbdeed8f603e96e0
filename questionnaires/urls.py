from __future__ import annotations

from django.urls import include, path

from questionnaires import views, views_design, views_respond

app_name = "questionnaires"
urlpatterns = [
    path("", include("questionnaires.urls_results")),
    path("", include("questionnaires.urls_themes")),
    path("w/<slug:slug>/questionnaires/<int:pk>/", views.questionnaire_detail, name="detail"),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/answers/",
        views.questionnaire_answers,
        name="answers",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/toggle/", views.questionnaire_toggle, name="toggle"
    ),
    path("w/<slug:slug>/invitations/<int:pk>/send/", views.invitation_send, name="send"),
    path("w/<slug:slug>/invitations/<int:pk>/revoke/", views.invitation_revoke, name="revoke"),
    path("w/<slug:slug>/invitations/<int:pk>/reissue/", views.invitation_reissue, name="reissue"),
    path("w/<slug:slug>/questionnaires/<int:pk>/remind/", views.invitations_remind, name="remind"),
    path("s/<str:token>/", views_respond.answer, name="answer"),
    path("s/<str:token>/save/", views_respond.autosave, name="autosave"),
    path("s/<str:token>/thanks/", views_respond.thanks, name="thanks"),
    path("j/", views_respond.join_start, name="join_start"),
    path("j/<str:code>/", views_respond.join, name="join"),
    path("j/<str:code>/sent/", views_respond.join_sent, name="join_sent"),
    path("w/<slug:slug>/invitations/<int:pk>/qr.svg", views.invitation_qr, name="qr"),
    path("w/<slug:slug>/questionnaires/<int:pk>/join-qr.svg", views.join_qr, name="join_qr"),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/join-code/",
        views.join_code_rotate,
        name="join_rotate",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/design/",
        views_design.questionnaire_design,
        name="design",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/settings/",
        views_design.questionnaire_settings,
        name="settings",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/preview/",
        views_design.questionnaire_preview,
        name="preview",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/questions/new/",
        views_design.question_edit,
        name="question_new",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/questions/<int:qid>/",
        views_design.question_edit,
        name="question_edit",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/questions/<int:qid>/remove/",
        views_design.question_remove,
        name="question_remove",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/questions/<int:qid>/restore/",
        views_design.question_restore,
        name="question_restore",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/questions/<int:qid>/move/",
        views_design.question_move,
        name="question_move",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/templates/save/",
        views_design.template_save,
        name="template_save",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/templates/apply/",
        views_design.template_apply,
        name="template_apply",
    ),
]
