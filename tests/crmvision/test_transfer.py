"""export_workshop / import_workshop: a versioned JSON document, all or nothing."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.management import CommandError, call_command

from crmvision.transfer import ImportError_, workshop_export, workshop_import
from questionnaires.models import Answer, Invitation
from questionnaires.services import response_save
from tests.factories import (
    ChangeActionFactory,
    DreamStoryFactory,
    MilestoneFactory,
    RequirementFactory,
)
from workshops.models import Stakeholder, Workshop


@pytest.fixture
def full_workshop(workshop, invitation, questionnaire):
    from questionnaires.theme_services import answer_tag, theme_create

    question = questionnaire.questions.filter(kind="long_text").first()
    scale = questionnaire.questions.filter(kind="scale").first()
    multiple = questionnaire.questions.filter(kind="multiple_choice").first()
    targeted = questionnaire.questions.filter(kind="short_text").first()
    targeted.target_areas.set([workshop.areas.get(name="Sales")])
    targeted.target_groups = ["employee"]
    targeted.save()
    response_save(
        invitation=invitation,
        values={question.pk: "Ünïcødé 🚀 <b>", scale.pk: 4, multiple.pk: multiple.options[:2]},
        submit=True,
    )
    removed = questionnaire.questions.filter(kind="likelihood").first()
    response_save(invitation=invitation, values={removed.pk: 9})
    removed.removed_at = removed.answers.get().updated_at
    removed.save()
    workshop.anonymous = True
    workshop.privacy_threshold = 4
    workshop.save()
    theme = theme_create(workshop=workshop, name="Personal touch", description="We know them")
    answer_tag(answer=question.answers.get(), theme=theme)
    DreamStoryFactory(
        workshop=workshop, area=invitation.stakeholder.area, stakeholder=invitation.stakeholder
    )
    MilestoneFactory(stage__workshop=workshop, area=workshop.areas.get(name="IT"))
    RequirementFactory(workshop=workshop)
    ChangeActionFactory(workshop=workshop, step=6)
    return workshop


def _strip_slug(doc):
    doc = copy.deepcopy(doc)
    doc["workshop"]["slug"] = "x"
    return doc


def test_it_round_trips_export_import_export(full_workshop):
    first = workshop_export(full_workshop)
    copy_ = workshop_import(json.loads(json.dumps(first)), slug="copy")
    second = workshop_export(copy_)
    assert _strip_slug(second) == _strip_slug(first)
    assert first["format"] == "crmvision.workshop" and first["version"] == 1
    assert first["themes"][0]["name"] == "Personal touch"
    assert first["workshop"]["anonymous"] is True
    assert any(q["removed"] for q in first["questionnaires"][0]["questions"])
    assert any(q["target_areas"] == ["Sales"] for q in first["questionnaires"][0]["questions"])
    assert "token" not in json.dumps(first) and "key" not in json.dumps(first)


def test_it_issues_new_links_on_import(full_workshop, invitation):
    doc = workshop_export(full_workshop)
    copy_ = workshop_import(doc, slug="copy")
    new = Invitation.objects.get(questionnaire__workshop=copy_)
    assert new.key != invitation.key


def test_the_commands_write_and_read_files(full_workshop, tmp_path):
    path = tmp_path / "w.json"
    call_command("export_workshop", full_workshop.slug, "-o", str(path))
    call_command("import_workshop", str(path), "--slug", "from-file")
    assert Workshop.objects.filter(slug="from-file").exists()


def _counts():
    return (Workshop.objects.count(), Stakeholder.objects.count(), Answer.objects.count())


BAD_DOCUMENTS = [
    (lambda d: d.update(format="other"), "format"),
    (lambda d: d.update(version=99), "version"),
    (lambda d: d["workshop"].update(crm_objective=""), "workshop.crm_objective"),
    (lambda d: d["workshop"].update(phase="someday"), "workshop.phase"),
    (lambda d: d["workshop"].update(starts_on="2026-13-45"), "workshop.starts_on"),
    (lambda d: d.update(stakeholders={"not": "a list"}), "stakeholders"),
    (lambda d: d["stakeholders"][0].update(area="Nowhere"), "stakeholders[0].area"),
    (lambda d: d["stakeholders"][0].update(email="not-an-email"), "stakeholders[0].email"),
    (lambda d: d["stakeholders"][0].update(name="x" * 500), "stakeholders[0].name"),
    (
        lambda d: d["questionnaires"][0]["responses"][0]["answers"][0].update(question=99),
        "questionnaires[0].responses[0].answers[0].question",
    ),
    (
        lambda d: d["questionnaires"][0]["responses"][0]["answers"][1].update(number=7),
        "questionnaires[0].responses[0].answers[1].number",
    ),
    (
        lambda d: d["questionnaires"][0]["responses"][0].update(stakeholder="s99"),
        "questionnaires[0].responses[0].stakeholder",
    ),
    (lambda d: d["change_actions"][0].update(step=9), "change_actions[0].step"),
    (
        lambda d: d["requirements"][0].update(characteristic="speed"),
        "requirements[0].characteristic",
    ),
    (
        lambda d: d["journey"][0]["milestones"][0].update(area="Atlantis"),
        "journey[0].milestones[0].area",
    ),
    (lambda d: d.update(version=True), "version"),
    (lambda d: d["workshop"].update(title=12345), "workshop.title"),
    (lambda d: d["workshop"].update(title="a\x00b"), "workshop.title"),
    (lambda d: d["workshop"].update(starts_on="2026-05-02", ends_on="2026-05-01"), "workshop"),
    (lambda d: d["workshop"].update(privacy_threshold=0), "workshop.privacy_threshold"),
    (lambda d: d["areas"][0].update(order=float("inf")), "areas[0].order"),
    (lambda d: d["stakeholders"][0].update(area=["Sales"]), "stakeholders[0].area"),
    (
        lambda d: d["stakeholders"].append({**d["stakeholders"][0], "ref": "s2"}),
        "stakeholders[1]",
    ),
    (
        lambda d: d["questionnaires"][0]["responses"][0]["answers"][0].update(number=3),
        "questionnaires[0].responses[0].answers[0].number",
    ),
    (
        lambda d: d["questionnaires"][0]["responses"][0]["answers"][0].update(choices=["Nope"]),
        "questionnaires[0].responses[0].answers[0].choices",
    ),
    (
        lambda d: d["dream_stories"][0].update(stakeholder={"ref": "s1"}),
        "dream_stories[0].stakeholder",
    ),
    (lambda d: d["themes"][0]["answers"][0].update(question=2), "themes[0].answers[0]"),
    (
        lambda d: d["questionnaires"][0]["questions"][1].update(target_areas=["Mars"]),
        "questionnaires[0].questions[1].target_areas[0]",
    ),
    (
        lambda d: d["questionnaires"][0]["questions"][0].update(options=[1, 2]),
        "questionnaires[0].questions[0].options[0]",
    ),
]


@pytest.mark.parametrize(("mutate", "path"), BAD_DOCUMENTS)
def test_it_names_the_bad_field_and_changes_nothing(full_workshop, mutate, path):
    doc = workshop_export(full_workshop)
    mutate(doc)
    before = _counts()
    with pytest.raises(ImportError_) as excinfo:
        workshop_import(doc, slug="copy")
    assert excinfo.value.path == path
    assert _counts() == before


def test_it_refuses_an_existing_slug(full_workshop):
    with pytest.raises(ImportError_, match="already exists"):
        workshop_import(workshop_export(full_workshop))


def test_the_import_command_explains_bad_json(tmp_path, db):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_workshop", str(path))


def test_the_import_command_names_the_field(full_workshop, tmp_path):
    doc = workshop_export(full_workshop)
    doc["stakeholders"][0]["area"] = "Nowhere"
    path = tmp_path / "w.json"
    path.write_text(json.dumps(doc))
    with pytest.raises(CommandError, match=r"Nothing was imported\. stakeholders\[0\]\.area"):
        call_command("import_workshop", str(path), "--slug", "other")


def test_the_export_command_explains_an_unknown_slug(db):
    with pytest.raises(CommandError, match="No workshop"):
        call_command("export_workshop", "nope")


def test_it_validates_a_slug_given_on_the_command_line(full_workshop):
    with pytest.raises(ImportError_) as excinfo:
        workshop_import(workshop_export(full_workshop), slug="bad slug!")
    assert excinfo.value.path == "workshop.slug"


def test_the_commands_explain_an_unwritable_output(full_workshop):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("export_workshop", full_workshop.slug, "-o", "/no/such/dir/w.json")
    with pytest.raises(CommandError, match="Cannot write"):
        call_command("render_report", full_workshop.slug, "-o", "/no/such/dir/w.pdf")


def test_the_document_keeps_its_version_1_key_order(full_workshop):
    """The sections assemble the document in the order version 1 fixed."""
    assert list(workshop_export(full_workshop)) == [
        "format",
        "version",
        "workshop",
        "areas",
        "memberships",
        "stakeholders",
        "questionnaires",
        "dream_stories",
        "journey",
        "requirements",
        "change_actions",
        "themes",
    ]


def test_an_imported_workshop_keeps_the_privacy_promised_to_those_who_answered(full_workshop):
    doc = workshop_export(full_workshop)
    assert workshop_import(doc, slug="answered").privacy_locked
    for questionnaire in doc["questionnaires"]:
        questionnaire["responses"] = []
    doc["themes"] = []
    assert not workshop_import(doc, slug="unanswered").privacy_locked
