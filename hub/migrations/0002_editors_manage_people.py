"""Editors and Moderators add, edit, publish and delete people (authors and profiles).

Safe to run again: permissions a group has already are left as they are.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Moderators")
CODENAMES = ["add_person", "change_person", "delete_person", "publish_person", "view_person"]


def _permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    # Wagtail adds the "publish" permission to draftable snippets after `migrate`, not during it.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="hub", model="person")
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_person",
        defaults={"name": "Can publish person"},
    )
    return Permission.objects.filter(
        content_type__app_label="hub", content_type__model="person", codename__in=CODENAMES
    )


def grant(apps, schema_editor):
    permissions = list(_permissions(apps))
    for name in GROUPS:
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    permissions = list(_permissions(apps))
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("hub", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
