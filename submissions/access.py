"""Who may see which people's data: the one permission check every staff view asks.

Each submission model is owned by one admin group (its `staff_group`), which holds the model's
own `view_<model>` and `change_<model>` permissions. Those two codenames are unique to the
model, so they are what counts. The codename `erase_personal_data`, which every submission
model declares, is not: Django's `has_perm()` checks codenames per app, so
`has_perm("submissions.erase_personal_data")` is true for a member of *either* team. Nothing
here asks it; `erasable_models()` reads which model's erase permission a user holds instead.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .base import personal_data_models, submission_models

# The equal-opportunities report's own permission (on MonitoringResponse): not every
# recruiter reads it.
REPORT_PERMISSION = "submissions.view_equal_opportunities_report"


def can_see(user, model) -> bool:
    """May this user list, search, read and export `model`'s records? Superusers and the
    holders of the model's own view or change permission (its team) only."""
    if not (user.is_active and user.is_authenticated):
        return False
    if user.is_superuser:
        return True
    label = model._meta.app_label
    return user.has_perm(f"{label}.view_{model._meta.model_name}") or user.has_perm(
        f"{label}.change_{model._meta.model_name}"
    )


def can_change(user, model) -> bool:
    """May this user move `model`'s records through their workflow (status, assignee, notes)?"""
    if not (user.is_active and user.is_authenticated):
        return False
    return user.is_superuser or user.has_perm(
        f"{model._meta.app_label}.change_{model._meta.model_name}"
    )


def can_see_report(user) -> bool:
    """The equal-opportunities report: its own permission, and superusers."""
    return bool(user.is_active and user.is_authenticated and user.has_perm(REPORT_PERMISSION))


def erasable_models(user) -> list:
    """The submission models whose people's data this user may find, copy and erase."""
    if not (user.is_active and user.is_authenticated):
        return []
    models = submission_models()
    if user.is_superuser:
        return models
    # Read which models' erase_personal_data permissions the user holds (directly or through a
    # group), since has_perm() cannot tell them apart. One query.
    types = ContentType.objects.get_for_models(*models)
    held = set(
        Permission.objects.filter(
            Q(user=user) | Q(group__user=user),
            codename="erase_personal_data",
            content_type__in=types.values(),
        ).values_list("content_type_id", flat=True)
    )
    return [model for model in models if types[model].pk in held]


def owned_personal_data_models(owners) -> list:
    """The personal-data models (drafts, requests...) owned by these submission models."""
    labels = {model._meta.label for model in owners}
    return [model for model in personal_data_models() if model.personal_data_owner in labels]


def sees_personal_data(user) -> bool:
    """Can this user see anyone's personal data in the admin (any register, the report, the
    personal-data tools)? Such accounts must use a second factor."""
    if not (user.is_active and user.is_authenticated):
        return False
    return (
        user.is_superuser
        or any(can_see(user, model) for model in submission_models())
        or can_see_report(user)
        or bool(erasable_models(user))
    )
