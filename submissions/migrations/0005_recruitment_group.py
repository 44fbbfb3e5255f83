"""The "Recruitment" group: the staff who run selection.

It may open the admin, see and update teacher applications, manage cohorts and erase personal
data on request. Wagtail's Editors and Moderators get nothing here.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Recruitment"
CODENAMES = {
    "teacherapplication": [
        "view_teacherapplication",
        "change_teacherapplication",
        "erase_personal_data",
    ],
    "cohort": ["view_cohort", "add_cohort", "change_cohort"],
}


def create_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    for model, codenames in CODENAMES.items():
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="submissions",
                content_type__model=model,
                codename__in=codenames,
            )
        )
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [("submissions", "0004_teacher_applications")]

    operations = [migrations.RunPython(create_group, remove_group)]
