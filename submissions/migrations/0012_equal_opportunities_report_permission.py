"""The equal-opportunities report's own permission, and the group that holds it.

Not every recruiter reads the report: the permission `view_equal_opportunities_report` (on
MonitoringResponse) and the group "Equal opportunities report" (admin access and that
permission) are given to the few who monitor it. Safe to run again: it adds what is missing
and changes no other group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Equal opportunities report"
CODENAME = "view_equal_opportunities_report"


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="submissions",
            content_type__model="monitoringresponse",
            codename=CODENAME,
        ),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0011_privacy_summary_before_the_first_question"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="monitoringresponse",
            options={
                "permissions": [
                    (
                        "view_equal_opportunities_report",
                        "Can view the equal-opportunities report",
                    )
                ],
                "verbose_name": "equal-opportunities response",
            },
        ),
        migrations.RunPython(create_group, remove_group),
    ]
