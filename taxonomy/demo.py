"""Demo topics, setting types and phases. Found by slug; what exists is left as it is."""

from taxonomy.models import Phase, SettingType, Topic

TOPICS = [
    (
        "reintegration",
        "Reintegration",
        "Helping pupils move from alternative provision back into mainstream school, and stay.",
    ),
    (
        "send",
        "SEND",
        "Special educational needs and disabilities: identifying needs, EHC plans and support.",
    ),
    (
        "mental-health",
        "Mental health",
        "Pupils' and staff mental health and wellbeing, and how schools respond.",
    ),
    (
        "safeguarding",
        "Safeguarding",
        "Keeping children safe, including contextual safeguarding and work with other agencies.",
    ),
    (
        "curriculum",
        "Curriculum",
        "What pupils in alternative provision are taught, and how it leads somewhere.",
    ),
    (
        "literacy",
        "Literacy",
        "Reading and writing, especially for pupils who missed out earlier in school.",
    ),
    (
        "attendance",
        "Attendance",
        "Getting pupils into school and keeping them there, with their families.",
    ),
    (
        "science",
        "Science",
        "Teaching science well when pupils have gaps and settings lack laboratories.",
    ),
    (
        "communication-needs",
        "Communication needs",
        "Speech, language and communication needs, and how often they go unnoticed.",
    ),
    ("leadership", "Leadership", "Leading teams and schools, from a first senior role onwards."),
    ("exclusion", "Exclusion", "Why pupils are excluded from school, and how schools reduce it."),
    ("family-engagement", "Family engagement", "Working with parents and carers as partners."),
]

SETTING_TYPES = [
    ("pru", "Pupil referral unit"),
    ("ap-academy", "AP academy"),
    ("ap-free-school", "AP free school"),
    ("special-school", "Special school"),
    ("internal-ap", "Internal alternative provision"),
    ("mainstream", "Mainstream school"),
]

PHASES = [
    ("primary", "Primary"),
    ("secondary", "Secondary"),
    ("post-16", "Post-16"),
    ("all-through", "All-through"),
]


def load(context):
    for slug, name, description in TOPICS:
        _, created = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
        if created:
            context.note(f"topic {name}")
    for number, (slug, name) in enumerate(SETTING_TYPES):
        _, created = SettingType.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": number}
        )
        if created:
            context.note(f"setting type {name}")
    for number, (slug, name) in enumerate(PHASES):
        _, created = Phase.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": number}
        )
        if created:
            context.note(f"phase {name}")
    return context
