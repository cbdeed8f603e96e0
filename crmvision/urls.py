from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from workshops.throttle import password_reset_throttled, sign_in_throttled
from workshops.views import home

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
    path("", include("workshops.urls")),
    path("", include("questionnaires.urls")),
    path("", include("reports.urls")),
]
