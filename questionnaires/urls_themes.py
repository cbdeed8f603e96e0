"""Themes of the positive core. Included from questionnaires/urls.py, so the
names land in the `questionnaires` namespace."""

from __future__ import annotations

from django.urls import path

from questionnaires import views_themes as views

urlpatterns = [
    path("w/<slug:slug>/themes/", views.theme_list, name="themes"),
    path("w/<slug:slug>/themes/new/", views.theme_create, name="theme_create"),
    path("w/<slug:slug>/themes/<int:pk>/edit/", views.theme_rename, name="theme_rename"),
    path("w/<slug:slug>/themes/<int:pk>/merge/", views.theme_merge, name="theme_merge"),
    path("w/<slug:slug>/themes/<int:pk>/delete/", views.theme_delete, name="theme_delete"),
    path("w/<slug:slug>/answers/<int:pk>/themes/", views.answer_tag, name="answer_tag"),
    path(
        "w/<slug:slug>/answers/<int:pk>/themes/<int:theme_pk>/remove/",
        views.answer_untag,
        name="answer_untag",
    ),
]
