from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from crmvision import views
from workshops import urls as workshop_urls
from workshops.throttle import password_reset_throttled, sign_in_throttled
from workshops.views import home

# The "workshops" URL namespace is completed here: the overview and the
# new-workshop page show and make the whole workshop (questionnaire, themes,
# report counts), so they live in the composition layer under the names they
# always had (`workshops:detail`, `workshops:create`).
workshop_pages = [
    path("workshops/new/", views.workshop_create, name="create"),
    path("w/<slug:slug>/", views.workshop_overview, name="detail"),
    *workshop_urls.urlpatterns,
]

urlpatterns = [
    path("", home, name="home"),
    # Both sign-in forms are throttled per account and per IP (workshops/throttle.py).
    path(
        "accounts/login/",
        sign_in_throttled(auth_views.LoginView.as_view(redirect_authenticated_user=True)),
        name="login",
    ),
    path("admin/login/", sign_in_throttled(admin.site.login)),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password_reset/",
        password_reset_throttled(auth_views.PasswordResetView.as_view()),
        name="password_reset",
    ),
    # Password reset, also how invited sponsors and facilitators set their first password.
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("", include((workshop_pages, workshop_urls.app_name))),
    path("", include("questionnaires.urls")),
    path("", include("reports.urls")),
]
