"""The report app's section of the whole-workshop document: the non-functional
requirements and the change plan's actions. Assembled by `crmvision/transfer.py`;
helpers and the context come from `workshops/transfer.py`."""

from __future__ import annotations

from typing import Any

from reports.models import ChangeAction, Requirement
from workshops.transfer import (
    ExportContext,
    ImportContext,
    ImportError_,
    Section,
    build,
    expect_list,
    export_fields,
)

REQUIREMENT_FIELDS = [
    "ref",
    "title",
    "statement",
    "characteristic",
    "sub_characteristic",
    "scale",
    "meter",
    "past",
    "must",
    "plan",
    "owner",
    "source",
    "order",
]
ACTION_FIELDS = ["step", "title", "description", "owner", "due_on", "status"]


def _export(ctx: ExportContext) -> dict[str, Any]:
    workshop = ctx.workshop
    return {
        "requirements": [export_fields(r, REQUIREMENT_FIELDS) for r in workshop.requirements.all()],
        "change_actions": [export_fields(a, ACTION_FIELDS) for a in workshop.change_actions.all()],
    }


def _import(ctx: ImportContext) -> None:
    refs: set[str] = set()
    for i, data in enumerate(expect_list(ctx.doc, "requirements")):
        requirement = build(
            Requirement, data, REQUIREMENT_FIELDS, f"requirements[{i}]", workshop=ctx.workshop
        )
        if requirement.ref in refs:
            raise ImportError_(f"requirements[{i}].ref", f'"{requirement.ref}" appears twice')
        refs.add(requirement.ref)
        requirement.save()

    for i, data in enumerate(expect_list(ctx.doc, "change_actions")):
        path = f"change_actions[{i}]"
        build(ChangeAction, data, ACTION_FIELDS, path, workshop=ctx.workshop).save()


CHANGE_PLAN = Section(keys=("requirements", "change_actions"), export=_export, load=_import)
