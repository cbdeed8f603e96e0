"""The admin shows a staff user only the workshops they facilitate.

Every ModelAdmin and inline in workshops/, questionnaires/ and reports/ mixes
in `WorkshopScopedAdmin` and names the lookup from its model to the workshop
(`workshop_path`). For a user who is not a superuser it scopes

- the change list and every object view (`get_queryset`), so another
  workshop's object is "not found";
- the foreign-key and many-to-many drop-downs (stakeholders, areas, stages,
  workshops, questionnaires, users) to their own workshops, so saving an
  object that points to another workshop fails validation like any wrong
  choice;
- the list filters to values present in their own objects (a plain related
  filter would list every workshop's title).

Superusers see everything, as before.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet

from workshops.models import Membership, Role, Workshop

# How each model that belongs to a workshop reaches it ("" is the workshop
# itself). Every scoped ModelAdmin records its model's path when it is
# registered, so the base never imports the feature apps.
WORKSHOP_PATHS: dict[type[Model], str] = {Workshop: ""}


def facilitated_workshop_ids(user) -> QuerySet:
    return Membership.objects.filter(user_id=user.pk, role=Role.FACILITATOR).values("workshop_id")


def scope_queryset(queryset: QuerySet, path: str, user) -> QuerySet:
    """`queryset` limited to objects of the workshops `user` facilitates."""
    if user.is_superuser:
        return queryset
    lookup = f"{path}__in" if path else "pk__in"
    return queryset.filter(**{lookup: facilitated_workshop_ids(user)}).distinct()


def _scope_related(queryset: QuerySet, user) -> QuerySet:
    model = queryset.model
    if user.is_superuser:
        return queryset
    if model in WORKSHOP_PATHS:
        return scope_queryset(queryset, WORKSHOP_PATHS[model], user)
    if model is get_user_model():
        # People who share one of the user's workshops; not every account.
        shared = Membership.objects.filter(workshop_id__in=facilitated_workshop_ids(user))
        return queryset.filter(pk__in=shared.values("user_id"))
    return queryset.none()  # a model nobody scoped: show nothing rather than everything


class WorkshopScopedAdmin:
    """Mixin for ModelAdmin and InlineModelAdmin classes; see the module docstring."""

    workshop_path: str = "workshop"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if isinstance(self, admin.ModelAdmin):
            WORKSHOP_PATHS.setdefault(self.model, self.workshop_path)

    def has_add_permission(self, request, *args):
        # Workshops are created in the app (with their areas, questionnaire and
        # facilitator), never in the admin by a non-superuser.
        if self.model is Workshop and not request.user.is_superuser:
            return False
        return super().has_add_permission(request, *args)

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), self.workshop_path, request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = _scope_related(field.queryset, request.user)
        return field

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if field is not None and hasattr(field, "queryset"):
            field.queryset = _scope_related(field.queryset, request.user)
        return field

    def get_list_filter(self, request):
        """Related filters list only values found in the scoped objects."""
        filters = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str) and _is_relation(self.model, entry):
                entry = (entry, admin.RelatedOnlyFieldListFilter)
            filters.append(entry)
        return filters

    def save_model(self, request, obj, form, change):
        """A last guard behind the scoped drop-downs: never save into a foreign workshop."""
        if not request.user.is_superuser and not self._in_scope(obj, request.user):
            raise PermissionDenied
        super().save_model(request, obj, form, change)

    def _in_scope(self, obj: Model, user) -> bool:
        return (
            facilitated_workshop_ids(user)
            .filter(workshop_id=workshop_id_of(obj, self.workshop_path))
            .exists()
        )


def workshop_id_of(obj: Model, path: str) -> int | None:
    """The id of the workshop `obj` belongs to, following `path` on the unsaved object."""
    if not path:
        return obj.pk
    *hops, last = path.split("__")
    for hop in hops:
        obj = getattr(obj, hop, None)
        if obj is None:
            return None
    return getattr(obj, f"{last}_id", None)


def _is_relation(model: type[Model], path: str) -> bool:
    try:
        return get_fields_from_path(model, path)[-1].is_relation
    except (FieldDoesNotExist, admin.utils.NotRelationField):
        return False
