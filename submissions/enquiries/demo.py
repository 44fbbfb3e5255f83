"""Demo content: the Expression of Interest page, links to it, and a few fake enquiries.

Idempotent: the page is found by slug, links are added only where none points at the page yet,
and the example enquiries by their fixed demo references (which use characters real references
never do).
"""

from datetime import timedelta

from django.utils import timezone

from home.demo.loader import add_link, cta, ensure_page

from .choices import EnquiryStatus, start_term_choices
from .models import PartnershipEnquiry
from .page import ExpressionOfInterestPage

SLUG = "expression-of-interest"

PAGE_FIELDS = {
    "title": "Expression of interest",
    "introduction": (
        "Lead an alternative provision school and want an exceptional teacher on your senior "
        "team? Tell us about your school. It takes about five minutes, and our partnerships "
        "team will reply within 10 working days."
    ),
    "search_description": (
        "Schools for excluded pupils: tell The Difference you would like to host a Difference "
        "Leader on your senior leadership team."
    ),
    "thank_you_heading": "Expression of interest sent",
    "thank_you_text": (
        "<h2>What happens next</h2>"
        "<p>We have emailed a confirmation to the address you gave. Within 10 working days, "
        "someone from our partnerships team will call or email to arrange a conversation about "
        "your school development plan and the project a Difference Leader could lead.</p>"
        "<p>Placements are with alternative provision rated Good or Outstanding, and leaders are "
        "matched with schools within commuting distance of home, so we may ask a few more "
        "questions about your setting.</p>"
    ),
}

# Clearly fake: example.com addresses, "Demo" in every school name, URNs from 999xxx.
EXAMPLES = [
    (
        "EOI-DEMO01",
        "Demo Riverside Pupil Referral Unit",
        "999001",
        "pru",
        "secondary",
        "lincolnshire",
        "good",
        64,
        "Alex Example",
        "Headteacher",
        EnquiryStatus.NEW,
        ["curriculum", "family-coaching"],
        1,
    ),
    (
        "EOI-DEMO02",
        "Demo Hillview Academy (AP)",
        "999002",
        "ap-academy",
        "secondary",
        "manchester",
        "outstanding",
        90,
        "Sam Sample",
        "Deputy headteacher",
        EnquiryStatus.CONTACTED,
        ["safeguarding", "cpd"],
        4,
    ),
    (
        "EOI-DEMO03",
        "Demo Oak Tree Primary Support Centre",
        "999003",
        "internal-unit",
        "primary",
        "bristol",
        "good",
        24,
        "Jo Placeholder",
        "Head of inclusion",
        EnquiryStatus.IN_DISCUSSION,
        ["family-coaching"],
        12,
    ),
    (
        "EOI-DEMO04",
        "Demo Meadow Special School",
        "999004",
        "special",
        "all-through",
        "kent",
        "requires-improvement",
        140,
        "Zoë O'Hara-Test",
        "Headteacher",
        EnquiryStatus.PARTNERED,
        ["cpd", "itt"],
        40,
    ),
    (
        "EOI-DEMO05",
        "Demo Harbour Learning Centre",
        "999005",
        "pru",
        "secondary",
        "cornwall",
        "good",
        45,
        "Chris Demo",
        "Executive headteacher",
        EnquiryStatus.NOT_PROCEEDING,
        ["curriculum"],
        70,
    ),
]


def load(context):
    page = ensure_page(context, context.home, ExpressionOfInterestPage, SLUG, **PAGE_FIELDS)
    if page.privacy_notice_id is None and context.pages.get("privacy-notice"):
        page.privacy_notice = context.pages["privacy-notice"]
        page.save_revision().publish()
    context.pages["expression-of-interest"] = page

    partner = context.pages.get("partner-with-us")
    if partner is not None:
        partner = partner.specific
        if hasattr(partner, "interest_link"):
            # The partner page has a section made for this link: fill it once, if empty.
            if not partner.interest_link:
                partner.interest_link = [
                    {
                        "type": "link",
                        "value": {
                            "label": "Send an expression of interest",
                            "page": page.pk,
                            "external_url": "",
                        },
                    }
                ]
                partner.save_revision().publish()
                context.note("link to the expression of interest form from the partner page")
        else:
            add_link(
                context,
                partner,
                "body",
                cta(
                    page,
                    "Send an expression of interest",
                    "Tell us about your school and the improvement work you would like a "
                    "Difference Leader to lead. It takes about five minutes.",
                    "Send an expression of interest",
                ),
                "the partner page",
                page,
            )
    home = context.home.specific
    add_link(
        context,
        home,
        "calls_to_action",
        cta(
            page,
            "Schools: tell us you are interested",
            "Lead a school for excluded pupils? Send an expression of interest and our "
            "partnerships team will be in touch.",
            "Send an expression of interest",
            style="secondary",
        ),
        "the home page",
        page,
    )

    made = 0
    start = start_term_choices()[1][0]
    now = timezone.now()
    for (
        reference,
        school,
        urn,
        setting,
        phase,
        authority,
        ofsted,
        pupils,
        name,
        role,
        status,
        areas,
        days_ago,
    ) in EXAMPLES:
        if PartnershipEnquiry.objects.filter(reference=reference).exists():
            continue
        when = now - timedelta(days=days_ago)
        PartnershipEnquiry.objects.create(
            reference=reference,
            form_token=f"demo-{reference}",
            school_name=school,
            urn=urn,
            setting_type=setting,
            phase=phase,
            local_authority=authority,
            ofsted_judgement=ofsted,
            pupils_on_roll=pupils,
            contact_name=name,
            contact_role=role,
            email=f"{reference.lower()}@example.com",
            telephone="01632 960 000",
            improvement_areas=areas,
            start_term=start,
            heard_about="colleague",
            privacy_acknowledged=True,
            status=status,
            created_at=when,
            confirmation_sent_at=when,
            notification_sent_at=when,
        )
        made += 1
    if made:
        context.note(f"{made} example partnership enquiries")
