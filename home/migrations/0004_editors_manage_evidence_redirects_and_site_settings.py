"""Who looks after the shared evidence, the redirects and the site settings.

- Editors and Moderators: add, edit, publish and delete statistics, testimonials and questions
  (which also opens Reports > Stale statistics), and add, edit and delete redirects.
- Site managers (a group made here): edit the site settings, the header navigation and the footer.

Safe to run again: groups and permissions that exist are left as they are. Partnerships and
Recruitment are not touched.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EVIDENCE_EDITORS = ("Editors", "Moderators")
SITE_MANAGERS = "Site managers"
EVIDENCE = {
    ("home", "statistic"): ["add", "change", "delete", "publish", "view"],
    ("home", "testimonial"): ["add", "change", "delete", "publish", "view"],
    ("home", "faq"): ["add", "change", "delete", "publish", "view"],
    ("wagtailredirects", "redirect"): ["add", "change", "delete"],
}
SITE_SETTINGS = {("home", "sitesettings"): ["change"]}


# Wagtail adds "publish" permissions to draftable snippets after `migrate`, not during it.
PUBLISHABLE = {
    "statistic": "statistic",
    "testimonial": "testimonial",
    "faq": "frequently asked question",
}


def _ensure_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model, verbose_name in PUBLISHABLE.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="home", model=model)
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"publish_{model}",
            defaults={"name": f"Can publish {verbose_name}"},
        )


def _permissions(apps, table):
    Permission = apps.get_model("auth", "Permission")
    found = []
    for (app_label, model), actions in table.items():
        found += Permission.objects.filter(
            content_type__app_label=app_label,
            content_type__model=model,
            codename__in=[f"{action}_{model}" for action in actions],
        )
    return found


def grant(apps, schema_editor):
    _ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    evidence = _permissions(apps, EVIDENCE)
    for name in EVIDENCE_EDITORS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*evidence)
    managers, _ = Group.objects.get_or_create(name=SITE_MANAGERS)
    managers.permissions.add(
        *_permissions(apps, SITE_SETTINGS),
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    evidence = _permissions(apps, EVIDENCE)
    for group in Group.objects.filter(name__in=EVIDENCE_EDITORS):
        group.permissions.remove(*evidence)
    Group.objects.filter(name=SITE_MANAGERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_key_figures_to_statistics"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
