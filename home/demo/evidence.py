"""Demo statistics, testimonials and questions: each kept once, with its source and date.

Figures come from The Difference's own published pages and fact sheet. Where those pages
disagree with each other, one record holds one figure and its notes say what else was published.
Testimonials quote the published endorsements word for word (a quotation must be the person's
own words); everything else is written for this site.
"""

import datetime

from home.models import FAQ, Statistic, Testimonial

from .content import IPPR_REPORT, IPPR_URL

IPPR = "Making the Difference (IPPR)"
REPORT_DATE = datetime.date(2017, 10, 1)
THE_DIFFERENCE = "The Difference"
COMPARED = "Excluded pupils, compared with all pupils in England"

# key: fields. The key is how pages below refer to a statistic; it is not stored.
STATISTICS = {
    "excluded-per-day": {
        "value": 41,
        "form": "count",
        "label": "pupils are permanently excluded from school in England every school day",
        "notes": "Another of the organisation's pages said 'more than 35'. This record follows "
        f"the report: {IPPR_REPORT}.",
    },
    "excluded-per-year": {
        "value": 7000,
        "form": "count",
        "qualifier": "almost",
        "label": "pupils are permanently excluded from school in England each year",
    },
    "exclusions-rise": {
        "value": 40,
        "form": "percentage",
        "label": "more permanent exclusions than three years before",
    },
    "poverty": {
        "value": 4,
        "form": "times",
        "label": "more likely to have grown up in poverty",
        "population": COMPARED,
        "notes": "A newer page of the organisation's site said 5 times. Check the latest "
        "national data before changing this record: every page shows the same figure.",
    },
    "mental-health": {
        "value": 10,
        "form": "times",
        "label": "more likely to have mental health problems",
        "population": COMPARED,
        "notes": "Another page of the organisation's site said 20 times.",
    },
    "in-care": {
        "value": 2,
        "form": "times",
        "label": "more likely to be in the care of their local authority",
        "population": COMPARED,
    },
    "special-needs": {
        "value": 7,
        "form": "times",
        "label": "more likely to have special educational needs",
        "population": COMPARED,
    },
    "gcse": {
        "value": 1,
        "form": "percentage",
        "label": "of pupils in alternative provision leave school with five good GCSEs "
        "including English and maths",
        "notes": "The organisation's pages gave 1%, 1.5% and 2% for this figure over the "
        "years. This is now the one record every page uses.",
    },
    "neet": {
        "value": 2,
        "form": "one_in",
        "label": "pupils leaving alternative provision are not in education, employment or "
        "training after 16",
    },
    "ap-pupils": {
        "value": 50000,
        "form": "count",
        "label": "young people are taught in provision for excluded pupils in England",
    },
    "vacancies": {
        "value": 2,
        "form": "times",
        "label": "as many senior leadership vacancies in alternative provision in 2016 as in 2011",
    },
    "ap-good": {
        "value": 82,
        "form": "percentage",
        "label": "of pupil referral units and alternative provision academies are rated Good "
        "or better by Ofsted",
    },
    "leaders-mental-health": {
        "value": 2,
        "form": "one_in",
        "label": "school leaders say their teachers cannot recognise behaviour linked to "
        "mental health problems",
    },
    "prison": {
        "value": 2,
        "form": "one_in",
        "label": "adults in prison were excluded from school, against 1 in 200 of all pupils",
    },
    "cost": {
        "value": 2_100_000_000,
        "form": "money",
        "qualifier": "about",
        "label": "is what each year's permanently excluded pupils cost the state over their "
        "lives, in education, health, benefits and criminal justice",
    },
    "pioneer-cohort": {
        "value": 10,
        "form": "count",
        "label": "teachers joined the pioneer cohort of Difference Leaders",
        "source_title": THE_DIFFERENCE,
        "source_url": "",
        "as_of": datetime.date(2019, 4, 1),
        "as_of_precision": "year",
    },
    "first-applications": {
        "value": 250,
        "form": "count",
        "qualifier": "more_than",
        "label": "teachers applied to join the first cohort",
        "source_title": THE_DIFFERENCE,
        "source_url": "",
        "as_of": datetime.date(2019, 1, 1),
        "as_of_precision": "month",
    },
}
# Not published: the organisation's page gives the count but not when it was made.
DRAFT_STATISTICS = {
    "leaders-so-far": {
        "value": 70,
        "form": "count",
        "qualifier": "more_than",
        "label": "aspiring leaders have joined the programme since it began",
        "source_title": THE_DIFFERENCE,
        "source_url": "",
        "as_of": datetime.date(2024, 1, 1),
        "notes": "Demo draft: the public page gives no date for this count. Confirm the figure "
        "and its date, then publish.",
    },
}

TESTIMONIALS = {
    "lucy-heller": {
        "quote": "This is a much-needed initiative to address the complex problem of school "
        "exclusion. Schools need to work closely with social care and mental health services "
        "to support our most disadvantaged pupils.",
        "person_name": "Lucy Heller",
        "role": "Chief executive",
        "organisation": "Ark",
    },
    "john-murphy": {
        "quote": "This programme is so vital because it provides teachers with the expertise "
        "and evidence base of education interventions needed to support the most vulnerable "
        "learners.",
        "person_name": "John Murphy",
        "role": "Chief executive",
        "organisation": "Oasis",
    },
    "dave-whitaker": {
        "quote": "Recruitment was key to the turnaround process, and recruiting the right "
        "senior leaders was vital.",
        "person_name": "Dave Whitaker",
        "role": "Executive principal, Springwell Learning Community",
        "organisation": "Wellspring Academy Trust",
    },
}
CONSENT_NOTE = "Demo: a published endorsement. Record where the real consent is kept."

FAQS = [
    (
        "applicants",
        "Who can apply?",
        "<p>Qualified teachers who have taught for at least three years in mainstream schools, "
        "have the right to work in the UK for the two years of the programme, and do not work "
        "in alternative provision, a pupil referral unit or a special school now.</p>",
    ),
    (
        "applicants",
        "Can primary teachers apply?",
        "<p>Yes. We place primary and secondary teachers.</p>",
    ),
    (
        "applicants",
        "Where would I work?",
        "<p>In a school for excluded pupils within commuting distance of your home. We only "
        "place leaders in alternative provision rated Good or Outstanding.</p>",
    ),
    (
        "applicants",
        "Is there a deadline?",
        "<p>No. Recruitment is rolling: you can apply at any time of year.</p>",
    ),
    (
        "applicants",
        "What training do Difference Leaders get?",
        "<p>Training in inclusion, certification as a Designated Safeguarding Lead, summer "
        "residentials with your cohort, supervision based on compassionate minds practice, "
        "Twilights where leaders share practice, and Masters-level modules in mental health and "
        "child development.</p>",
    ),
    (
        "applicants",
        "What happens after the two years?",
        "<p>We support you into a senior leadership role in a mainstream school, where you "
        "lead inclusion and help keep children in school. Our community already includes "
        "assistant headteachers, deputy headteachers and headteachers.</p>",
    ),
    (
        "schools",
        "Which schools can host a Difference Leader?",
        "<p>Pupil referral units and alternative provision academies rated Good or "
        "Outstanding, and now special schools and internal alternative provision in "
        "mainstream schools too.</p>",
    ),
    (
        "schools",
        "What would a Difference Leader do in our school?",
        "<p>Join your senior leadership team, teach, and lead an improvement project built "
        "around your development plan: curriculum planning towards employment, family coaching "
        "for attendance and wellbeing, or contextual safeguarding.</p>",
    ),
    (
        "schools",
        "Do the rest of our staff benefit?",
        "<p>Yes. Your leader runs whole-staff training on assessment, wellbeing and "
        "safeguarding, offers reflective supervision to staff from the second year, and can "
        "support unqualified staff who are training to teach, if you ask for it.</p>",
    ),
    (
        "schools",
        "How do we start?",
        "<p>Send us an Expression of Interest, and we will get in touch to talk it through.</p>",
    ),
    (
        "everyone",
        "What is alternative provision?",
        "<p>Schools for pupils who cannot attend a mainstream school, often after being "
        "excluded: pupil referral units, alternative provision academies and free schools.</p>",
    ),
]


def _ensure(context, model, lookup, fields, publish=True):
    existing = model.objects.filter(**lookup).first()
    if existing is not None:
        return existing
    record = model(**lookup, **fields)
    record.live = False
    record.save()
    revision = record.save_revision()
    if publish:
        revision.publish()
        record.refresh_from_db()
    context.note(f"{model._meta.verbose_name} {str(record)[:60]}")
    return record


def _statistic_fields(fields):
    return {
        "source_title": IPPR,
        "source_url": IPPR_URL,
        "as_of": REPORT_DATE,
        "as_of_precision": "year",
        "qualifier": "",
        "population": "",
        "notes": "",
        **fields,
    }


def load(context) -> None:
    """Statistics, testimonials and FAQs, into context.evidence by key."""
    statistics = {}
    for key, spec in STATISTICS.items():
        fields = _statistic_fields(spec)
        lookup = {"label": fields.pop("label"), "source_title": fields.pop("source_title")}
        statistics[key] = _ensure(context, Statistic, lookup, fields)
    for key, spec in DRAFT_STATISTICS.items():
        fields = _statistic_fields(spec)
        lookup = {"label": fields.pop("label"), "source_title": fields.pop("source_title")}
        statistics[key] = _ensure(context, Statistic, lookup, fields, publish=False)

    testimonials = {}
    for key, spec in TESTIMONIALS.items():
        fields = dict(spec)
        lookup = {"person_name": fields.pop("person_name"), "quote": fields.pop("quote")}
        fields.update(consent_recorded=True, consent_notes=CONSENT_NOTE)
        testimonials[key] = _ensure(context, Testimonial, lookup, fields)

    faqs = []
    for order, (audience, question, answer) in enumerate(FAQS):
        faqs.append(
            _ensure(
                context,
                FAQ,
                {"question": question},
                {"answer": answer, "audience": audience, "sort_order": order},
            )
        )

    context.evidence.update({"statistics": statistics, "testimonials": testimonials, "faqs": faqs})
