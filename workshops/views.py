from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workshops import services
from workshops.access import workshop_for_user
from workshops.forms import (
    AreaForm,
    MemberForm,
    StakeholderCsvForm,
    StakeholderForm,
    WorkshopForm,
)
from workshops.models import Workshop
from workshops.permissions import can_create_workshop


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("workshops:list")
    return render(request, "workshops/home.html")


@require_GET
@login_required
def workshop_list(request: HttpRequest) -> HttpResponse:
    workshops = Workshop.objects.for_user(request.user).prefetch_related("memberships")
    rows = [
        (w, next(m.get_role_display() for m in w.memberships.all() if m.user_id == request.user.pk))
        for w in workshops
    ]
    context = {"rows": rows, "can_create": can_create_workshop(request.user)}
    return render(request, "workshops/list.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def workshop_edit(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Workshop saved."))
        return redirect(workshop)
    return render(request, "workshops/form.html", {"form": form, "workshop": workshop})


@require_http_methods(["GET", "POST"])
@login_required
def area_list(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    form = AreaForm(request.POST or None, workshop=workshop)
    if request.method == "POST" and form.is_valid():
        services.area_create(workshop=workshop, name=form.cleaned_data["name"])
        messages.success(request, _("Area added."))
        return redirect("workshops:areas", workshop.slug)
    areas = workshop.areas.all()
    return render(
        request, "workshops/areas.html", {"workshop": workshop, "areas": areas, "form": form}
    )


@require_http_methods(["GET", "POST"])
@login_required
def area_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    area = get_object_or_404(workshop.areas, pk=pk)
    form = AreaForm(request.POST or None, instance=area, workshop=workshop)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Area saved."))
        return redirect("workshops:areas", workshop.slug)
    return render(
        request, "workshops/area_form.html", {"workshop": workshop, "area": area, "form": form}
    )


@require_POST
@login_required
def area_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    area = get_object_or_404(workshop.areas, pk=pk)
    try:
        services.area_delete(area=area)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Area removed."))
    return redirect("workshops:areas", workshop.slug)


@require_http_methods(["GET", "POST"])
@login_required
def stakeholder_list(request: HttpRequest, slug: str) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    form = StakeholderForm(workshop=workshop)
    csv_form = StakeholderCsvForm()
    csv_errors: list[str] = []
    if request.method == "POST" and ("lines" in request.POST or "file" in request.FILES):
        csv_form = StakeholderCsvForm(request.POST, request.FILES)
        if csv_form.is_valid():
            result = services.stakeholders_import_csv(workshop=workshop, **csv_form.source())
            if not result.errors:
                messages.success(
                    request, _("%(n)d stakeholders added.") % {"n": len(result.created)}
                )
                return redirect("workshops:stakeholders", workshop.slug)
            csv_errors = result.errors
    elif request.method == "POST":
        form = StakeholderForm(request.POST, workshop=workshop)
        if form.is_valid():
            services.stakeholder_create(workshop=workshop, **form.cleaned_data)
            messages.success(request, _("Stakeholder added."))
            return redirect("workshops:stakeholders", workshop.slug)
    stakeholders = workshop.stakeholders.select_related("area")
    context = {
        "workshop": workshop,
        "stakeholders": stakeholders,
        "form": form,
        "csv_form": csv_form,
        "csv_errors": csv_errors,
    }
    return render(request, "workshops/stakeholders.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def stakeholder_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    stakeholder = get_object_or_404(workshop.stakeholders, pk=pk)
    form = StakeholderForm(request.POST or None, instance=stakeholder, workshop=workshop)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Stakeholder saved."))
        return redirect("workshops:stakeholders", workshop.slug)
    context = {"workshop": workshop, "stakeholder": stakeholder, "form": form}
    return render(request, "workshops/stakeholder_form.html", context)


@require_POST
@login_required
def stakeholder_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    stakeholder = get_object_or_404(workshop.stakeholders, pk=pk)
    services.stakeholder_delete(stakeholder=stakeholder)
    messages.success(
        request, _("%(name)s removed, with their answers.") % {"name": stakeholder.name}
    )
    return redirect("workshops:stakeholders", workshop.slug)


# One message whether or not the address already had an account: the page
# must not tell a facilitator who has an account here.
ACCESS_GIVEN = _lazy("%(email)s has access and was told by e-mail.")


@require_http_methods(["GET", "POST"])
@login_required
def team(request: HttpRequest, slug: str) -> HttpResponse:
    """Who may open the workshop: facilitators and sponsors."""
    workshop = workshop_for_user(request, slug)
    form = MemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.membership_invite(
                workshop=workshop, base_url=request.build_absolute_uri("/"), **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, ValidationError(exc.messages))
        except services.AccessEmailNotSent as exc:
            messages.warning(request, str(exc))
            return redirect("workshops:team", workshop.slug)
        else:
            messages.success(request, ACCESS_GIVEN % {"email": form.cleaned_data["email"]})
            return redirect("workshops:team", workshop.slug)
    memberships = workshop.memberships.select_related("user").order_by("role", "user__email")
    context = {"workshop": workshop, "memberships": memberships, "form": form}
    return render(request, "workshops/team.html", context)


@require_POST
@login_required
def team_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    workshop = workshop_for_user(request, slug)
    membership = get_object_or_404(workshop.memberships, pk=pk)
    try:
        services.membership_remove(membership=membership)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Access removed."))
    return redirect("workshops:team", workshop.slug)
