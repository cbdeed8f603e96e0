from __future__ import annotations

from django.urls import include, path

from questionnaires import views

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
    path("s/<str:token>/", views.answer, name="answer"),
    path("s/<str:token>/thanks/", views.thanks, name="thanks"),
]
