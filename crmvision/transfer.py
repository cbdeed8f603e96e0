"""Export and import a whole workshop as a versioned JSON document.

The format is documented in the README ("Workshop export format"). The
document is the header (`format`, `version`) followed by the sections below,
each owned by the app whose models it holds; a new app adds its own section
to `SECTIONS`. Import runs the sections in the same order in one transaction,
so a later section can refer to what an earlier one made (stakeholders by
ref, areas by name) and any invalid value saves nothing.

Export → import → export gives the same document: ids and invite tokens are
never in it (stakeholders are referenced by position, e.g. "s3"), and fresh
invite links are issued on import.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from questionnaires.transfer import QUESTIONNAIRES, THEMES
from reports.transfer import CHANGE_PLAN
from workshops.models import Workshop
from workshops.transfer import (
    DREAM_STORIES,
    JOURNEY,
    WORKSHOP,
    ExportContext,
    ImportContext,
    ImportError_,
    Section,
    expect,
)

FORMAT = "crmvision.workshop"
VERSION = 1

# In document order, which version 1 fixes (themes came last when they were added).
SECTIONS: list[Section] = [WORKSHOP, QUESTIONNAIRES, DREAM_STORIES, JOURNEY, CHANGE_PLAN, THEMES]

__all__ = ["FORMAT", "SECTIONS", "VERSION", "ImportError_", "workshop_export", "workshop_import"]


def workshop_export(workshop: Workshop) -> dict[str, Any]:
    ctx = ExportContext.of(workshop)
    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for section in SECTIONS:
        part = section.export(ctx)
        assert tuple(part) == section.keys, f"section exported {tuple(part)}, not {section.keys}"
        doc.update(part)
    return doc


@transaction.atomic
def workshop_import(doc: Any, *, slug: str | None = None) -> Workshop:
    """Create a workshop from an exported document. All or nothing."""
    doc = expect(doc, dict, "document")
    if doc.get("format") != FORMAT:
        raise ImportError_("format", f'must be "{FORMAT}"')
    if type(doc.get("version")) is not int or doc.get("version") != VERSION:
        raise ImportError_(
            "version", f"unsupported version {doc.get('version')!r}; expected {VERSION}"
        )
    ctx = ImportContext(doc=doc, slug=slug)
    for section in SECTIONS:
        section.load(ctx)
    return ctx.workshop
