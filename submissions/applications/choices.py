"""The answers the teacher application offers. Keys are stored: never change one."""

from django.db import models


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    SCREENING = "screening", "Screening"
    SELECTION_DAY = "selection-day", "Selection day"
    OFFER = "offer", "Offer made"
    ACCEPTED = "accepted", "Accepted"
    DECLINED = "declined", "Declined"
    WITHDRAWN = "withdrawn", "Withdrawn"


class TeachingPhase(models.TextChoices):
    PRIMARY = "primary", "Primary"
    SECONDARY = "secondary", "Secondary"
    ALL_THROUGH = "all-through", "All-through"
    POST_16 = "post-16", "Post-16"


class LeadershipExperience(models.TextChoices):
    NONE = "none", "None yet"
    TEAM = "team", "I lead a team, subject or year group"
    MIDDLE = "middle", "Middle leader (for example head of department or head of year)"
    SENIOR = "senior", "I have acted up or held a senior leadership role"


class HeardAboutProgramme(models.TextChoices):
    COLLEAGUE = "colleague", "A colleague or friend"
    SCHOOL = "school", "My school or trust"
    EVENT = "event", "An event or conference"
    SOCIAL_MEDIA = "social-media", "Social media"
    SEARCH = "search", "A web search"
    NEWS = "news", "News or a publication"
    OTHER = "other", "Somewhere else"


# Used when the programme page publishes no competencies (the form still needs statements).
DEFAULT_COMPETENCIES = (
    ("motivation", "Motivation"),
    ("outstanding-teaching", "Outstanding Teaching"),
    ("leadership-and-collaboration", "Leadership and Collaboration"),
    ("relationship-building-and-empathy", "Relationship-Building and Empathy"),
    ("self-reflection", "Self-Reflection"),
)
STATEMENT_WORD_LIMIT = 400


# --- equal-opportunities monitoring (every question has "prefer not to say") ----------------

PREFER_NOT = ("prefer-not-to-say", "Prefer not to say")

MONITORING_QUESTIONS = {
    "age_band": (
        "What is your age?",
        [
            ("under-25", "Under 25"),
            ("25-29", "25 to 29"),
            ("30-34", "30 to 34"),
            ("35-39", "35 to 39"),
            ("40-49", "40 to 49"),
            ("50-plus", "50 or over"),
            PREFER_NOT,
        ],
    ),
    "sex": (
        "What is your sex?",
        [("female", "Female"), ("male", "Male"), PREFER_NOT],
    ),
    "gender_same_as_birth": (
        "Is the gender you identify with the same as your sex registered at birth?",
        [("yes", "Yes"), ("no", "No"), PREFER_NOT],
    ),
    "ethnic_group": (
        "What is your ethnic group?",
        [
            ("asian", "Asian or Asian British"),
            ("black", "Black, Black British, Caribbean or African"),
            ("mixed", "Mixed or multiple ethnic groups"),
            ("white", "White"),
            ("other", "Another ethnic group"),
            PREFER_NOT,
        ],
    ),
    "disability": (
        "Do you consider yourself to have a disability or long-term health condition?",
        [("yes", "Yes"), ("no", "No"), PREFER_NOT],
    ),
    "sexual_orientation": (
        "What is your sexual orientation?",
        [
            ("straight", "Straight or heterosexual"),
            ("gay-lesbian", "Gay or lesbian"),
            ("bisexual", "Bisexual"),
            ("other", "Another sexual orientation"),
            PREFER_NOT,
        ],
    ),
    "religion": (
        "What is your religion or belief?",
        [
            ("none", "No religion"),
            ("christian", "Christian"),
            ("muslim", "Muslim"),
            ("hindu", "Hindu"),
            ("sikh", "Sikh"),
            ("jewish", "Jewish"),
            ("buddhist", "Buddhist"),
            ("other", "Another religion or belief"),
            PREFER_NOT,
        ],
    ),
    "free_school_meals": (
        "Were you eligible for free school meals at any point as a child?",
        [("yes", "Yes"), ("no", "No"), ("not-sure", "Not sure"), PREFER_NOT],
    ),
}

# Aggregates show a count only when at least this many people gave that answer.
SMALL_NUMBER_THRESHOLD = 5
