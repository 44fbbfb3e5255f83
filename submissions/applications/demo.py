"""Demo content for teacher applications: cohorts, the apply page, the links to it, and a few
fake applications.

Called from submissions.demo.load (run by `manage.py load_demo_content`). Idempotent: cohorts
are found by name, the page by slug, links are set only where none exists yet, and the example
applications by their fixed demo references.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from home.demo.loader import add_link, cta, ensure_page, links_to

from .choices import DEFAULT_COMPETENCIES
from .models import Cohort, TeacherApplication
from .page import ApplicationPage

SLUG = "apply"

PAGE_FIELDS = {
    "title": "Apply to the programme",
    "introduction": (
        "The Difference Leadership Programme is for exceptional mainstream teachers ready for "
        "their first senior leadership post, in a school for pupils who have been excluded. "
        "Check that you can apply, then write your application over as many sittings as you "
        "need."
    ),
    "search_description": (
        "Apply to The Difference Leadership Programme: check whether you are eligible, then "
        "apply online, saving your answers as you go."
    ),
    "closed_text": (
        "<p>We recruit one cohort a year. Leave your email address below and we will tell you "
        "when the next application window opens.</p>"
    ),
}


def _aware(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def cohorts(today: date) -> list[dict]:
    """An open cohort (its window around today) and the previous, closed one."""
    starts = date(today.year + 1, 9, 1)
    return [
        {
            "name": f"Cohort {starts.year}",
            "opens_at": _aware(today - timedelta(days=21), 9),
            "closes_at": _aware(today + timedelta(days=75), 17),
            "programme_starts": starts,
        },
        {
            "name": f"Cohort {starts.year - 1}",
            "opens_at": _aware(today - timedelta(days=365 + 21), 9),
            "closes_at": _aware(today - timedelta(days=365 - 75), 17),
            "programme_starts": date(starts.year - 1, 9, 1),
        },
    ]


def load(context):
    today = timezone.localdate()
    for fields in cohorts(today):
        if not Cohort.objects.filter(name=fields["name"]).exists():
            Cohort.objects.create(**fields)
            context.note(f"cohort {fields['name']}")

    open_cohort = Cohort.objects.open().first()
    if open_cohort is not None:
        load_example_applications(context, open_cohort)

    page = ensure_page(context, context.home, ApplicationPage, SLUG, **PAGE_FIELDS)
    if page.privacy_notice_id is None and context.pages.get("privacy-notice"):
        page.privacy_notice = context.pages["privacy-notice"]
        page.save_revision().publish()
    context.pages[SLUG] = page

    programme = context.pages.get("the-programme")
    if programme is not None:
        programme = programme.specific
        if hasattr(programme, "apply_link") and not programme.apply_link:
            programme.apply_link = [
                {
                    "type": "link",
                    "value": {"label": "Apply now", "page": page.pk, "external_url": ""},
                }
            ]
            programme.save_revision().publish()
            context.note("link to the application page from the programme page")

    home = context.home.specific
    if links_to(home.calls_to_action, page) or links_to(home.body, page):
        return
    room = len(home.calls_to_action) < (home.calls_to_action.stream_block.meta.max_num or 99)
    add_link(
        context,
        home,
        "calls_to_action" if room else "body",
        cta(
            page,
            "Teachers: apply to the programme",
            "Check in a minute whether you can apply, then write your application at your own "
            "pace: your answers are saved as you go.",
            "Apply to the programme",
        ),
        "the home page",
        page=page,
    )


# Clearly fake: example.com addresses, "Demo" in every school name, LN99 postcodes (unused).
EXAMPLE_APPLICATIONS = [
    (
        "APP-DEMO01",
        "Alex Applicant-Demo",
        "Demo Hill Academy",
        "secondary",
        "English",
        "received",
        2,
    ),
    (
        "APP-DEMO02",
        "Sam Sample-Teacher",
        "Demo Brook Primary",
        "primary",
        "All subjects",
        "screening",
        9,
    ),
    (
        "APP-DEMO03",
        "Jo Placeholder",
        "Demo Vale School",
        "secondary",
        "Mathematics",
        "selection-day",
        20,
    ),
    ("APP-DEMO04", "Zoë O'Example", "Demo Park Academy", "all-through", "Science", "offer", 35),
    (
        "APP-DEMO05",
        "Chris Demo-Person",
        "Demo Fields College",
        "secondary",
        "History",
        "withdrawn",
        50,
    ),
]


def load_example_applications(context, cohort) -> None:
    made = 0
    now = timezone.now()
    for reference, name, school, phase, subject, status, days_ago in EXAMPLE_APPLICATIONS:
        if TeacherApplication.objects.filter(reference=reference).exists():
            continue
        when = now - timedelta(days=days_ago)
        TeacherApplication.objects.create(
            reference=reference,
            form_token=f"demo-{reference}",
            cohort=cohort,
            status=status,
            full_name=name,
            email=f"{reference.lower()}@example.com",
            telephone="07700 900 000",
            postcode="LN99 9ZZ",
            current_role=f"Head of {subject}" if phase != "primary" else "Year 6 teacher",
            current_school=school,
            phase=phase,
            subject=subject,
            years_teaching=4 + days_ago % 7,
            qts_year=2015 + days_ago % 6,
            leadership_experience="middle",
            statements={
                key: f"[Demo statement] An example of what an applicant might write about "
                f"{label.lower()}. This text is placeholder content for the admin demo."
                for key, label in DEFAULT_COMPETENCIES
            },
            referee_1_name="Demo Referee One",
            referee_1_role="Headteacher",
            referee_1_email=f"{reference.lower()}-ref1@example.com",
            referee_2_name="Demo Referee Two",
            referee_2_role="Deputy headteacher",
            referee_2_email=f"{reference.lower()}-ref2@example.com",
            heard_about="colleague",
            declarations_confirmed=True,
            created_at=when,
            confirmation_sent_at=when,
            notification_sent_at=when,
        )
        made += 1
    if made:
        context.note(f"{made} example teacher applications")
