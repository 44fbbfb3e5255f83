"""Equal-opportunities answers are purged on their own retention period; their counts are kept
per cohort in MonitoringSummary, so the report's figures survive the purge."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0012_equal_opportunities_report_permission"),
    ]

    operations = [
        migrations.CreateModel(
            name="MonitoringSummary",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("cohort_name", models.CharField(max_length=120, unique=True)),
                ("responses", models.PositiveIntegerField(default=0)),
                ("counts", models.JSONField(default=dict)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "cohort",
                    models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="submissions.cohort",
                    ),
                ),
            ],
            options={
                "verbose_name": "equal-opportunities summary",
                "verbose_name_plural": "equal-opportunities summaries",
                "ordering": ["cohort_name"],
            },
        ),
    ]
