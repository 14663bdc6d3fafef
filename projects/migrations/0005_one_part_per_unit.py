from django.db import migrations, models


def keep_first_part_per_unit(apps, schema_editor):
    """Rows entered before the rule: a unit's first part in a task (its lead role) stays, the others go."""
    Assignment = apps.get_model("projects", "Assignment")
    seen = set()
    duplicates = []
    rows = Assignment.objects.filter(organisation__isnull=False).order_by("task_id", "position", "pk")
    for pk, task_id, organisation_id in rows.values_list("pk", "task_id", "organisation_id").iterator():
        if (task_id, organisation_id) in seen:
            duplicates.append(pk)
        seen.add((task_id, organisation_id))
    Assignment.objects.filter(pk__in=duplicates).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0004_task_latest_report"),
    ]

    operations = [
        migrations.RunPython(keep_first_part_per_unit, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="assignment",
            constraint=models.UniqueConstraint(
                fields=("task", "organisation"),
                name="one_part_per_unit",
                violation_error_message="A unit has one part in a task; choose its strongest role.",
            ),
        ),
    ]
