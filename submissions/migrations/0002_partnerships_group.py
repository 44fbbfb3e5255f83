"""The "Partnerships" group: the staff who read and follow up enquiries.

It may open the admin, see and update partnership enquiries, and erase personal data on
request. Wagtail's Editors and Moderators get nothing here, so they cannot see enquiries.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Partnerships"
CODENAMES = ["view_partnershipenquiry", "change_partnershipenquiry", "erase_personal_data"]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    enquiry_type = ContentType.objects.get(app_label="submissions", model="partnershipenquiry")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type=enquiry_type, codename__in=CODENAMES),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
