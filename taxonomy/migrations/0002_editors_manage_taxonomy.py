"""Editors and Moderators add, edit and delete topics, setting types and phases.

Safe to run again: permissions a group has already are left as they are.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ("Editors", "Moderators")
MODELS = ("topic", "settingtype", "phase")
ACTIONS = ("add", "change", "delete", "view")


def _permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label="taxonomy",
        content_type__model__in=MODELS,
        codename__in=[f"{action}_{model}" for action in ACTIONS for model in MODELS],
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
        ("taxonomy", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
