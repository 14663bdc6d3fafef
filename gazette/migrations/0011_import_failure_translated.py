from django.db import migrations, models


def keep_stored_errors(apps, schema_editor):
    """An error stored before failures were translated is Chinese (or English) text: kept as a plain string, which
    ImportJob.failure_text shows as it is."""
    for name in ("ImportJob", "HistoricalImportJob"):
        model = apps.get_model("gazette", name)
        for pk, error in model.objects.exclude(error="").values_list("pk", "error").iterator():
            model.objects.filter(pk=pk).update(failure=error)


def restore_errors(apps, schema_editor):
    from gazette.messages import warning_text

    for name in ("ImportJob", "HistoricalImportJob"):
        model = apps.get_model("gazette", name)
        for pk, failure in model.objects.exclude(failure={}).values_list("pk", "failure").iterator():
            model.objects.filter(pk=pk).update(error=warning_text(failure))


class Migration(migrations.Migration):
    dependencies = [
        ("gazette", "0010_document_newest_signed"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalimportjob",
            name="failure",
            field=models.JSONField(blank=True, default=dict, verbose_name="error"),
        ),
        migrations.AddField(
            model_name="importjob",
            name="failure",
            field=models.JSONField(blank=True, default=dict, verbose_name="error"),
        ),
        migrations.RunPython(keep_stored_errors, restore_errors),
        migrations.RemoveField(model_name="historicalimportjob", name="error"),
        migrations.RemoveField(model_name="importjob", name="error"),
    ]
