from __future__ import annotations

from django.urls import path

from reports import views

app_name = "reports"
urlpatterns = [
    path("w/<slug:slug>/report/", views.report, name="report"),
    path("w/<slug:slug>/report.pdf", views.report_pdf, name="pdf"),
]
