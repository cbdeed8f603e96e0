"""Included from questionnaires/urls.py, whose app_name puts these names in the
`questionnaires` namespace (so no app_name here)."""

from __future__ import annotations

from django.urls import path

from questionnaires import views_results

urlpatterns = [
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/results/",
        views_results.questionnaire_results,
        name="results",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/export.csv",
        views_results.export_csv,
        name="export_csv",
    ),
    path(
        "w/<slug:slug>/questionnaires/<int:pk>/export.xlsx",
        views_results.export_xlsx,
        name="export_xlsx",
    ),
]
