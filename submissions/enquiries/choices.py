"""The answers the Expression of Interest form offers. Keys are stored: never change one."""

from datetime import date

from django.db import models


class SettingType(models.TextChoices):
    PRU = "pru", "Pupil referral unit"
    AP_ACADEMY = "ap-academy", "Alternative provision academy or free school"
    SPECIAL = "special", "Special school"
    INTERNAL_UNIT = "internal-unit", "Alternative provision unit inside a mainstream school"
    OTHER = "other", "Another kind of alternative provision"


class Phase(models.TextChoices):
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all-through", "All-through (primary and secondary)"


class OfstedJudgement(models.TextChoices):
    OUTSTANDING = "outstanding", "Outstanding"
    GOOD = "good", "Good"
    REQUIRES_IMPROVEMENT = "requires-improvement", "Requires improvement"
    INADEQUATE = "inadequate", "Inadequate"
    NOT_INSPECTED = "not-inspected", "Not inspected yet"


class ImprovementArea(models.TextChoices):
    CURRICULUM = "curriculum", "Curriculum planning towards employment"
    FAMILY_COACHING = "family-coaching", "Family coaching for attendance and wellbeing"
    SAFEGUARDING = "safeguarding", "Contextual safeguarding"
    CPD = "cpd", "Whole-staff professional development (CPD)"
    ITT = "itt", "Initial teacher training support for unqualified staff"


class HeardAbout(models.TextChoices):
    COLLEAGUE = "colleague", "A colleague or another school"
    LOCAL_AUTHORITY = "local-authority", "Our local authority or trust"
    EVENT = "event", "An event or conference"
    SOCIAL_MEDIA = "social-media", "Social media"
    SEARCH = "search", "A web search"
    NEWS = "news", "News or a publication"
    OTHER = "other", "Somewhere else"


class EnquiryStatus(models.TextChoices):
    NEW = "new", "New"
    CONTACTED = "contacted", "Contacted"
    IN_DISCUSSION = "in-discussion", "In discussion"
    PARTNERED = "partnered", "Partnered"
    NOT_PROCEEDING = "not-proceeding", "Not proceeding"


NOT_SURE = "not-sure"
TERM_STARTS = (("autumn", 9, "September"), ("spring", 1, "January"), ("summer", 4, "April"))


def start_term_label(key: str) -> str:
    """'2027-autumn' -> 'September 2027 (autumn term)'."""
    if key == NOT_SURE:
        return "Not sure yet"
    year, _, term = key.partition("-")
    month = {name: month_name for name, _, month_name in TERM_STARTS}.get(term)
    if not (year.isdigit() and month):
        return key
    return f"{month} {year} ({term} term)"


def start_term_choices(today: date | None = None, count: int = 5) -> list[tuple[str, str]]:
    """The next `count` terms that have not started yet, then 'Not sure yet'."""
    today = today or date.today()
    terms = []
    year = today.year
    while len(terms) < count:
        for name, month, _ in sorted(TERM_STARTS, key=lambda t: t[1]):
            if date(year, month, 1) > today and len(terms) < count:
                terms.append(f"{year}-{name}")
        year += 1
    return [(key, start_term_label(key)) for key in terms] + [(NOT_SURE, "Not sure yet")]
