"""The home page's key figures become chosen Statistic records.

Before this migration each key figure was typed into the home page (value text, label, source,
source URL, as-of text). Each one becomes a Statistic record (one per distinct figure, reused if
the same figure appears twice or in several revisions) and the home page's stream, in the page
row and in every revision, points at it. Figures whose value or date cannot be read as a number
or date become unpublished drafts with the original text in their notes, for an editor to finish.

After migrating an existing site, run `manage.py rebuild_references_index` so the stale
statistics report can say where each figure is used.
"""

import datetime
import json
import re
from decimal import Decimal, InvalidOperation

from django.db import migrations, models
from django.db.models.functions import Cast

QUALIFIERS = {
    "more than": "more_than",
    "over": "more_than",
    "almost": "almost",
    "nearly": "almost",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "fewer than": "fewer_than",
    "less than": "fewer_than",
    "under": "fewer_than",
}
MONEY_SCALES = {"bn": 10**9, "billion": 10**9, "m": 10**6, "million": 10**6, "k": 10**3}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
NUMBER = r"(\d[\d,]*(?:\.\d+)?)"


def _decimal(text):
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def parse_value(text):
    """'More than 250' -> (250, 'count', 'more_than'); None when it is not a figure."""
    text = " ".join(str(text).split()).strip()
    qualifier = ""
    lowered = text.lower()
    for words, code in QUALIFIERS.items():
        if lowered.startswith(words + " "):
            qualifier = code
            text = text[len(words) + 1 :]
            lowered = text.lower()
            break
    patterns = [
        (rf"^1 in {NUMBER}$", "one_in", 1),
        (rf"^{NUMBER}\s?%$", "percentage", 1),
        (rf"^{NUMBER}\s?(?:x|×|times)$", "times", 1),
        (rf"^£\s?{NUMBER}\s?(bn|billion|m|million|k)?$", "money", None),
        (rf"^{NUMBER}$", "count", 1),
    ]
    for pattern, form, scale in patterns:
        match = re.match(pattern, lowered)
        if match:
            number = _decimal(match.group(1))
            if number is None:
                return None
            if form == "money":
                scale = MONEY_SCALES.get(match.group(2) or "", 1)
            return number * scale, form, qualifier
    return None


def parse_as_of(text):
    """'2017' -> (date(2017, 1, 1), 'year'); 'April 2016' -> month; '3 October 2017' -> day."""
    text = " ".join(str(text).split()).strip().lower().rstrip(".")
    if re.fullmatch(r"\d{4}", text):
        return datetime.date(int(text), 1, 1), "year"
    match = re.fullmatch(r"([a-z]+) (\d{4})", text)
    if match and match.group(1) in MONTHS:
        return datetime.date(int(match.group(2)), MONTHS[match.group(1)], 1), "month"
    match = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", text)
    if match and match.group(2) in MONTHS:
        try:
            return (
                datetime.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1))),
                "day",
            )
        except ValueError:
            return None
    return None


def statistic_fields(figure):
    """The Statistic fields for one legacy key figure (a dict of its block value)."""
    value_text = str(figure.get("value", ""))
    as_of_text = str(figure.get("as_of", ""))
    parsed_value = parse_value(value_text)
    parsed_date = parse_as_of(as_of_text)
    notes = [
        f"Imported from the home page's key figures: value '{value_text}', "
        f"as of '{as_of_text}'. Check that the label reads on from the figure."
    ]
    live = True
    if parsed_value is None:
        parsed_value = (Decimal(0), "count", "")
        notes.append("The value could not be read as a number: enter it, then publish.")
        live = False
    if parsed_date is None:
        parsed_date = (datetime.date(1900, 1, 1), "year")
        notes.append("The as-of date could not be read: enter it, then publish.")
        live = False
    value, form, qualifier = parsed_value
    as_of, precision = parsed_date
    return {
        "value": value,
        "form": form,
        "qualifier": qualifier,
        "label": str(figure.get("label", ""))[:200] or value_text,
        "source_title": str(figure.get("source", ""))[:255],
        "source_url": figure.get("source_url") or "",
        "as_of": as_of,
        "as_of_precision": precision,
        "notes": "\n".join(notes),
        "live": live,
    }


def convert_stream(raw, get_statistic):
    """A key figures stream (list of dicts) with every 'figure' replaced by a 'statistic'."""
    converted = []
    changed = False
    for item in raw or []:
        if item.get("type") == "figure":
            statistic = get_statistic(item.get("value") or {})
            converted.append({"type": "statistic", "value": statistic.pk, "id": item.get("id")})
            changed = True
        else:
            converted.append(item)
    return converted, changed


def _statistic_getter(Statistic):
    cache = {}

    def get_statistic(figure):
        fields = statistic_fields(figure)
        key = (fields["label"], fields["source_title"], str(fields["value"]), fields["as_of"])
        if key not in cache:
            existing = Statistic.objects.filter(
                label=fields["label"],
                source_title=fields["source_title"],
                value=fields["value"],
                as_of=fields["as_of"],
            ).first()
            cache[key] = existing or Statistic.objects.create(**fields)
        return cache[key]

    return get_statistic


def _raw(value):
    """A stream's items as a list of dicts, from JSON text or already-parsed JSON."""
    if isinstance(value, str):
        value = json.loads(value or "[]")
        if isinstance(value, str):  # JSON text stored inside a JSON string
            value = json.loads(value or "[]")
    return [dict(item) for item in value or []]


def forwards(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    Statistic = apps.get_model("home", "Statistic")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    get_statistic = _statistic_getter(Statistic)

    # Read the stored JSON as text: the field's new definition would drop the "figure" items.
    rows = HomePage.objects.annotate(
        raw_key_figures=Cast("key_figures", output_field=models.TextField())
    ).values_list("pk", "raw_key_figures")
    for pk, raw in list(rows):
        stream, changed = convert_stream(_raw(raw), get_statistic)
        if changed:
            HomePage.objects.filter(pk=pk).update(key_figures=stream)

    content_type = ContentType.objects.filter(app_label="home", model="homepage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content or {}
        if "key_figures" not in content:
            continue
        stream, changed = convert_stream(_raw(content["key_figures"]), get_statistic)
        if changed:
            content["key_figures"] = json.dumps(stream)
            Revision.objects.filter(pk=revision.pk).update(content=content)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_evidence_and_programme_pages"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
