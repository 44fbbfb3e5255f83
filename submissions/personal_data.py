"""Everything held about one email address: found, copied (subject access) and erased.

Every model that holds an email address declares it, so nothing here names a form:

- `email_fields`: every field an address can be found in. A path into a JSON field counts
  (`answers__referees__referee_1_email`, for an unfinished application's referees).
- `mentioned_people`: of those, the ones that hold *someone else's* address (a referee named in
  an application), each with the fields about that person. Erasing the address blanks those
  fields (or, for a path into a JSON field, removes that part of it) and keeps the record,
  which belongs to the applicant. Every other email field is the person's own: erasing the
  address deletes the record.
- `subject_access_exclude`: fields left out of a copy (secrets such as a form token or a
  draft's key, which is its save-and-return link).

Submission models come from `submission_models()`; the drafts and requests held for a
submission model's staff from `personal_data_models()`. A member of staff finds, copies and
erases only what their team owns (`access.erasable_models`).
"""

import csv
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from .access import owned_personal_data_models
from .audit import log_records, log_register

logger = logging.getLogger(__name__)

DEFAULT_EXCLUDE = ("form_token",)


@dataclass
class Found:
    """What one model holds about an address."""

    model: type
    held: list = field(default_factory=list)  # the person's own records: deleted on erasure
    mentioned: list = field(default_factory=list)  # [(record, [email fields naming them])]

    @property
    def label(self) -> str:
        return str(getattr(self.model, "personal_data_label", self.model._meta.verbose_name_plural))

    @property
    def has_references(self) -> bool:
        return any(f.name == "reference" for f in self.model._meta.concrete_fields)


def _mentioned_people(model) -> dict:
    return getattr(model, "mentioned_people", {}) or {}


def _value_at(record, path: str):
    """A field's value, or the value at a path into a JSON field (`answers__referees__x`)."""
    name, *keys = path.split("__")
    value = getattr(record, name)
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def _matches(record, path: str, email: str) -> bool:
    value = _value_at(record, path)
    return isinstance(value, str) and value.strip().lower() == email


def find(email: str, owners) -> list[Found]:
    """Every record of these submission models, and of the drafts and requests their staff own,
    that holds `email` anywhere: one query per model."""
    email = email.strip().lower()
    found = []
    for model in [*owners, *owned_personal_data_models(owners)]:
        query = Q()
        for path in model.email_fields:
            query |= Q(**{f"{path}__iexact": email})
        ordering = "created_at" if hasattr(model, "created_at") else "pk"
        records = list(model._default_manager.filter(query).order_by(ordering))
        if not records:
            continue
        result = Found(model)
        mentioned = _mentioned_people(model)
        for record in records:
            own = [
                p for p in model.email_fields if p not in mentioned and _matches(record, p, email)
            ]
            if own:
                result.held.append(record)
            else:
                result.mentioned.append(
                    (record, [p for p in mentioned if _matches(record, p, email)])
                )
        found.append(result)
    return found


# --- a copy of everything held (subject access) ---------------------------------------------


def _display(record, model_field) -> object:
    """A field's value as staff read it: choice labels, names of related records, ISO dates."""
    value = getattr(record, model_field.name)
    if value is None:
        return None
    if model_field.choices:
        return str(getattr(record, f"get_{model_field.name}_display")())
    if isinstance(model_field, models.ForeignKey):
        return str(value)
    if isinstance(value, timezone.datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (dict, list, int, float, bool, str)):
        return value
    return str(value)


def _record_copy(record, only=None) -> dict:
    """One record as {field label: value}: every field, or only the paths in `only`."""
    model = type(record)
    exclude = {*DEFAULT_EXCLUDE, *getattr(model, "subject_access_exclude", ())}
    copy = {}
    for model_field in model._meta.concrete_fields:
        if model_field.name in exclude:
            continue
        if only is not None and model_field.name not in {"reference", "created_at"}:
            continue
        copy[str(model_field.verbose_name)] = _display(record, model_field)
    for path in only or ():
        name, *keys = path.split("__")
        label = str(model._meta.get_field(name).verbose_name)
        copy[" / ".join([label, *keys]) if keys else label] = _value_at(record, path)
    return copy


def _mention_copy(record, paths) -> dict:
    """What a record holds about someone it names: the fields about them, and its reference and
    date for context (nothing else of the record, which is about someone else)."""
    mentioned = _mentioned_people(type(record))
    fields = [field for path in paths for field in mentioned[path]]
    return _record_copy(record, only=fields)


def subject_access_bundle(email: str, owners, user) -> tuple[bytes, int]:
    """A ZIP of everything held about `email` for these submission models' staff: one JSON file
    with all of it, and one CSV file per kind of record. Audited; returns (zip, records)."""
    found = find(email, owners)
    sections = []
    for result in found:
        rows = [_record_copy(record) for record in result.held]
        rows += [
            {"Held because": "Named in this record", **_mention_copy(record, paths)}
            for record, paths in result.mentioned
        ]
        sections.append((result, rows))

    generated = timezone.now()
    document = {
        "email": email.strip(),
        "generated_at": generated.isoformat(),
        "held": {str(result.label): rows for result, rows in sections},
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "personal-data.json", json.dumps(document, indent=2, ensure_ascii=False, default=str)
        )
        for result, rows in sections:
            text = io.StringIO()
            headings = list(dict.fromkeys(key for row in rows for key in row))
            writer = csv.DictWriter(text, fieldnames=headings)
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {
                        key: json.dumps(value, ensure_ascii=False)
                        if isinstance(value, (dict, list))
                        else value
                        for key, value in row.items()
                    }
                )
            name = str(result.model._meta.verbose_name_plural).replace(" ", "-").lower()
            archive.writestr(f"{name}.csv", "\ufeff" + text.getvalue())

    total = 0
    for result, rows in sections:
        total += len(rows)
        if result.has_references:
            records = [*result.held, *(record for record, _ in result.mentioned)]
            log_records(
                result.model,
                [(r.pk, r.reference) for r in records],
                "submissions.subject_access",
                user,
                {},
            )
        log_register(
            result.model,
            "submissions.subject_access",
            user,
            {"count": len(result.held), "mentions": len(result.mentioned)},
        )
    logger.info("Subject access copy made: %d records", total)
    return buffer.getvalue(), total


# --- erasure --------------------------------------------------------------------------------


@dataclass
class Erased:
    """What an erasure did, per kind of record: deleted references (or counts), and the
    references of records whose mention of the address was removed."""

    deleted: dict = field(default_factory=dict)  # {label: [references] or count}
    redacted: dict = field(default_factory=dict)  # {label: [references] or count}

    def summary(self) -> list[str]:
        lines = []
        for label, what in self.deleted.items():
            lines.append(f"Deleted {_describe(what)} {label}" + _refs(what))
        for label, what in self.redacted.items():
            lines.append(
                f"Removed their details from {_describe(what)} {label}, which named "
                "them (the records themselves are kept)" + _refs(what)
            )
        return lines


def _describe(what) -> str:
    return str(len(what) if isinstance(what, list) else what)


def _refs(what) -> str:
    return f": {', '.join(what)}" if isinstance(what, list) and what else ""


def _forget(record, paths) -> None:
    """Blank the fields about the person named at these email paths, or remove the part of a
    JSON field that holds them. A model can decide for itself with `forget_mention(paths)`."""
    if hasattr(record, "forget_mention"):
        record.forget_mention(paths)
        return
    mentioned = _mentioned_people(type(record))
    changed = set()
    for path in paths:
        for target in mentioned[path]:
            name, *keys = target.split("__")
            if keys:
                container = getattr(record, name) or {}
                for key in keys[:-1]:
                    container = container.get(key, {})
                container.pop(keys[-1], None)
            else:
                setattr(record, name, "")
            changed.add(name)
    record.save(update_fields=sorted(changed))


def erase(email: str, owners, user) -> Erased:
    """Delete every record that is the person's own, remove them from records that name them,
    and audit each step (references and counts only), in one transaction."""
    outcome = Erased()
    with transaction.atomic():
        for result in find(email, owners):
            label = result.label
            if result.held:
                if result.has_references:
                    for record in result.held:
                        log(instance=record, action="submissions.erase", user=user)
                    outcome.deleted[label] = [r.reference for r in result.held]
                else:
                    outcome.deleted[label] = len(result.held)
                result.model._default_manager.filter(pk__in=[r.pk for r in result.held]).delete()
            if result.mentioned:
                for record, paths in result.mentioned:
                    _forget(record, paths)
                    if result.has_references:
                        log(instance=record, action="submissions.erase_mention", user=user)
                outcome.redacted[label] = (
                    [r.reference for r, _ in result.mentioned]
                    if result.has_references
                    else len(result.mentioned)
                )
            log_register(
                result.model,
                "submissions.erase",
                user,
                {"count": len(result.held), "mentions": len(result.mentioned)},
            )
    logger.info(
        "Erased on request: %d records deleted, %d mentions removed",
        sum(len(v) if isinstance(v, list) else v for v in outcome.deleted.values()),
        sum(len(v) if isinstance(v, list) else v for v in outcome.redacted.values()),
    )
    return outcome
