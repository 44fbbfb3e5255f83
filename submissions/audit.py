"""The staff audit trail: Wagtail's log (Reports > Site history, and each record's history).

Entries say who, what, how many and when, never anything personal: a record's entry is labelled
with its reference only, and an entry about a whole register (a list or search view, an export,
a retention purge, a subject-access download) names the register and counts, never a search
term or an email address.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import ModelLogEntry

# A register-wide entry is filed under its model with this object id, which no record has
# (ids start at 1), so it appears in Site history and never in one record's history.
REGISTER_OBJECT_ID = "0"


def _register_model(model):
    """The model a register-wide entry is filed under: models keyed by UUID (drafts, requests,
    equal-opportunities answers) file theirs under the submission model they belong with."""
    if model._meta.pk.get_internal_type() in {"AutoField", "BigAutoField"}:
        return model
    owner = getattr(model, "personal_data_owner", "submissions.TeacherApplication")
    return apps.get_model(owner)


def log_register(model, action: str, user, data: dict) -> ModelLogEntry:
    """One entry about a whole register: `data` holds counts and labels only."""
    target = _register_model(model)
    return ModelLogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=REGISTER_OBJECT_ID,
        label=str(model._meta.verbose_name_plural).capitalize(),
        action=action,
        user=user,
        timestamp=timezone.now(),
        data={"model": model._meta.label, **data},
    )


def log_each(queryset, action: str, user, data: dict) -> None:
    """One audit entry per record, in one insert, whatever the number of records."""
    rows = list(queryset.order_by().values_list("pk", "reference"))
    log_records(queryset.model, rows, action, user, data)


def log_records(model, rows, action: str, user, data: dict) -> None:
    """One entry per (pk, reference) pair, in one insert."""
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        [
            ModelLogEntry(
                content_type=content_type,
                object_id=str(pk),
                label=reference,
                action=action,
                user=user,
                timestamp=now,
                data=data,
            )
            for pk, reference in rows
        ],
        batch_size=1000,
    )
