from __future__ import annotations

from django.urls import path

from workshops import views

# The namespace's overview ("detail") and new-workshop ("create") pages need the
# feature apps, so the composition layer adds them: see crmvision/urls.py.
app_name = "workshops"
urlpatterns = [
    path("workshops/", views.workshop_list, name="list"),
    path("w/<slug:slug>/edit/", views.workshop_edit, name="edit"),
    path("w/<slug:slug>/team/", views.team, name="team"),
    path("w/<slug:slug>/team/<int:pk>/remove/", views.team_remove, name="team_remove"),
    path("w/<slug:slug>/areas/", views.area_list, name="areas"),
    path("w/<slug:slug>/areas/<int:pk>/", views.area_edit, name="area_edit"),
    path("w/<slug:slug>/areas/<int:pk>/delete/", views.area_delete, name="area_delete"),
    path("w/<slug:slug>/stakeholders/", views.stakeholder_list, name="stakeholders"),
    path("w/<slug:slug>/stakeholders/<int:pk>/", views.stakeholder_edit, name="stakeholder_edit"),
    path(
        "w/<slug:slug>/stakeholders/<int:pk>/delete/",
        views.stakeholder_delete,
        name="stakeholder_delete",
    ),
]
