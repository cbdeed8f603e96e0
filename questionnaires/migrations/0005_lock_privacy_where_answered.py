"""Workshops in which someone has already answered keep their privacy promise:
set the fact the base now stores (`Workshop.privacy_locked`) from the responses."""

from django.db import migrations


def lock_answered_workshops(apps, schema_editor):
    Workshop = apps.get_model("workshops", "Workshop")
    Response = apps.get_model("questionnaires", "Response")
    answered = Response.objects.values("questionnaire__workshop_id")
    Workshop.objects.filter(pk__in=answered).update(privacy_locked=True)


class Migration(migrations.Migration):
    dependencies = [
        ("questionnaires", "0004_questionnaire_intro_html"),
        ("workshops", "0005_workshop_privacy_locked"),
    ]

    operations = [migrations.RunPython(lock_answered_workshops, migrations.RunPython.noop)]
