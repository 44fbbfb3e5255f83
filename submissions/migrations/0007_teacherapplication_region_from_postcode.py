"""Teacher applications' region: named choices, and filled in from the postcode for the
applications stored before the application derived it (TeacherApplication.save does now)."""

from django.db import migrations, models


def fill_regions(apps, schema_editor):
    # The live table, not a frozen copy: a region is whatever taxonomy.places says today. The
    # same function refills regions if the table is ever corrected (in a migration of its own).
    from taxonomy.places import region_for_postcode

    TeacherApplication = apps.get_model("submissions", "TeacherApplication")
    by_region = {}
    for pk, postcode, region in TeacherApplication.objects.values_list(
        "pk", "postcode", "region"
    ).iterator(chunk_size=2000):
        derived = region_for_postcode(postcode)
        if derived != region:
            by_region.setdefault(derived, []).append(pk)
    for region, pks in by_region.items():
        for start in range(0, len(pks), 500):
            TeacherApplication.objects.filter(pk__in=pks[start : start + 500]).update(
                region=region
            )


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0006_equal_opportunities_monitoring"),
    ]

    operations = [
        migrations.AlterField(
            model_name="teacherapplication",
            name="region",
            field=models.CharField(
                blank=True,
                choices=[
                    ("north-east", "North East"),
                    ("north-west", "North West"),
                    ("yorkshire-and-the-humber", "Yorkshire and the Humber"),
                    ("east-midlands", "East Midlands"),
                    ("west-midlands", "West Midlands"),
                    ("east-of-england", "East of England"),
                    ("london", "London"),
                    ("south-east", "South East"),
                    ("south-west", "South West"),
                ],
                db_index=True,
                max_length=40,
            ),
        ),
        migrations.RunPython(fill_regions, migrations.RunPython.noop, elidable=True),
    ]
