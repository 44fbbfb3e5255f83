"""The words of the knowledge hub's demo content.

Mike Power, Yasmin Omar and Coshia Belvet are Difference Leaders whose work The Difference has
published on its own website: their entries summarise the subject of that work in our own
words, and say so.
Everyone else here is an invented, plausible demo person, and their profile says that too.
"""

import datetime

DEMO_NOTE_REAL = (
    "<p><i>Demo content: a summary written for this demonstration site, not the author's own "
    "text.</i></p>"
)
INVENTED = "This is an invented profile for the demonstration site."


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def takeaways(*items, title="Key takeaways"):
    return {"type": "key_takeaways", "value": {"heading": title, "items": list(items)}}


def references(*items):
    return {
        "type": "references",
        "value": {
            "heading": "References",
            "references": [
                {"key": key, "citation": citation, "url": url} for key, citation, url in items
            ],
        },
    }


def quote(text, attribution="", role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


IPPR_2017 = (
    "gill2017",
    "<p>Gill, K. (2017). <i>Making the Difference: Breaking the link between school exclusion "
    "and social exclusion</i>. Institute for Public Policy Research.</p>",
    "https://www.ippr.org/research/publications/making-the-difference",
)
TIMPSON_2019 = (
    "timpson2019",
    "<p>Timpson, E. (2019). <i>Timpson review of school exclusion</i>. Department for "
    "Education.</p>",
    "",
)

PEOPLE = [
    {
        "slug": "mike-power",
        "given_names": "Mike",
        "family_name": "Power",
        "kind": "leader",
        "role": "Difference Leader",
        "bio": "Mike Power is a Difference Leader. He has written about what makes a pupil's "
        "return from a pupil referral unit to mainstream school succeed.",
        "show_profile_publicly": True,
    },
    {
        "slug": "yasmin-omar",
        "given_names": "Yasmin",
        "family_name": "Omar",
        "kind": "leader",
        "role": "Difference Leader",
        "bio": "Yasmin Omar is a Difference Leader. At the IncludEd conference she spoke about "
        "why pupils underachieve in science and what can be done about it.",
        "show_profile_publicly": True,
    },
    {
        "slug": "coshia-belvet",
        "given_names": "Coshia",
        "family_name": "Belvet",
        "kind": "leader",
        "role": "Difference Leader",
        "bio": "Coshia Belvet is a Difference Leader. At the Festival of Education she presented "
        "on the links between communication needs and vulnerability.",
        "show_profile_publicly": True,
    },
    {
        "slug": "priya-nandakumar",
        "given_names": "Priya",
        "family_name": "Nandakumar",
        "kind": "leader",
        "role": "Assistant headteacher (curriculum)",
        "school": "An alternative provision academy in the Midlands",
        "cohort": "2021 cohort",
        "bio": "Priya taught English in a large comprehensive before joining an AP academy's "
        f"senior team. She leads its reading programme. {INVENTED}",
        "show_profile_publicly": True,
    },
    {
        "slug": "daniel-okafor",
        "given_names": "Daniel",
        "family_name": "Okafor",
        "kind": "alumnus",
        "role": "Deputy headteacher (inclusion)",
        "school": "A mainstream secondary school in London",
        "cohort": "Pioneer cohort (2019)",
        "bio": "Daniel spent his two programme years in a pupil referral unit and now leads "
        f"inclusion in a mainstream secondary school. {INVENTED}",
        "show_profile_publicly": True,
    },
    {
        "slug": "hannah-whitlock",
        "given_names": "Hannah",
        "family_name": "Whitlock",
        "kind": "leader",
        "role": "Head of wellbeing",
        "school": "A pupil referral unit in the North West",
        "cohort": "2022 cohort",
        "bio": "Hannah leads wellbeing and reflective supervision for staff in a pupil referral "
        f"unit. {INVENTED}",
        "show_profile_publicly": True,
    },
    {
        "slug": "tom-reddy",
        "given_names": "Tom",
        "family_name": "Reddy",
        "kind": "staff",
        "role": "Programme lead",
        "school": "The Difference",
        "bio": f"Tom designs the programme's supervision and leadership sessions. {INVENTED}",
        "show_profile_publicly": True,
    },
    {
        "slug": "grace-achterberg",
        "given_names": "Grace",
        "family_name": "Achterberg",
        "kind": "leader",
        "role": "SENCO",
        "school": "A special school in the South West",
        "cohort": "2023 cohort",
        "bio": f"Grace coordinates special educational needs provision in a special school. {INVENTED}",
        "show_profile_publicly": False,
    },
    {
        "slug": "samuel-adeyemi",
        "given_names": "Samuel",
        "family_name": "Adeyemi",
        "kind": "leader",
        "role": "Head of science",
        "school": "A pupil referral unit in Yorkshire",
        "cohort": "2022 cohort",
        "bio": f"Samuel teaches science across three small sites with one shared trolley. {INVENTED}",
        "show_profile_publicly": True,
    },
    {
        "slug": "leah-morgan",
        "given_names": "Leah",
        "family_name": "Morgan",
        "kind": "alumnus",
        "role": "Assistant headteacher (inclusion)",
        "school": "A mainstream secondary school with an internal AP unit",
        "cohort": "2020 cohort",
        "bio": f"Leah runs her school's internal alternative provision unit. {INVENTED}",
        "show_profile_publicly": True,
    },
]


def _d(year, month, day):
    return datetime.date(year, month, day)


# Each article: where it sits in the taxonomy, who wrote it, and its body. "figure" and
# "document" name demo images and documents the loader draws and attaches.
ARTICLES = [
    {
        "slug": "successful-reintegration-from-pru-to-mainstream",
        "title": "What makes for a successful reintegration from PRU to mainstream school?",
        "standfirst": "Some pupils return from a pupil referral unit and settle; others are back "
        "within a term. The difference lies in factors at the level of the child, the family "
        "and the system, and in the barriers between them.",
        "article_type": "enquiry",
        "authors": ["mike-power"],
        "topics": ["reintegration", "exclusion", "family-engagement"],
        "setting_types": ["pru", "mainstream"],
        "phase": "secondary",
        "first_published": _d(2023, 3, 14),
        "last_reviewed": _d(2024, 9, 1),
        "figure": "reintegration",
        "document": "reintegration",
        "body": [
            takeaways(
                "Reintegration works when it is planned with the pupil, not done to them.",
                "Parents and carers need a voice in the plan and a named person to call.",
                "The receiving school's readiness matters as much as the pupil's.",
                "Barriers sit between organisations: information, timing and funding.",
            ),
            {"type": "figure", "value": None},  # replaced by the loader with the demo figure
            heading("Why reintegration matters"),
            paragraph(
                "<p>Every school day in England, around 41 pupils are permanently excluded "
                "[@gill2017]. For many of them a pupil referral unit is meant to be a stop on "
                "the way back to mainstream school, yet the return is often the hardest part of "
                "the journey. This enquiry asks what the successful returns have in common.</p>"
            ),
            heading("Factors at the level of the child"),
            paragraph(
                "<p>Pupils who settled back into mainstream could usually say why they had left "
                "and what would be different this time. They had rehearsed the new timetable, "
                "met key staff before the first day and knew where to go when a lesson became "
                "too much.</p>"
            ),
            heading("Factors at the level of the family"),
            paragraph(
                "<p>Families who felt listened to were more likely to back the move. Where the "
                "first contact from the new school was a phone call about a problem, trust was "
                "hard to rebuild; where it was a meeting to plan together, it held.</p>"
            ),
            heading("Factors at the level of the system"),
            paragraph(
                "<p>The national review of exclusion called for schools to stay responsible for "
                "the pupils they exclude [@timpson2019]. In practice, reintegration succeeded "
                "where the pupil referral unit and the receiving school shared information early "
                "and agreed who would check in, and how often, for the first half term.</p>"
            ),
            heading("Barriers", "h3"),
            paragraph(
                "<ul><li>Places offered at short notice, with no time to plan.</li><li>Records "
                "that arrive after the pupil does.</li><li>No one funded to follow the pupil "
                "into the new school.</li></ul>"
            ),
            paragraph(DEMO_NOTE_REAL),
            references(IPPR_2017, TIMPSON_2019),
        ],
    },
    {
        "slug": "underachievement-in-science",
        "title": "Underachievement in science: why it happens and how to overcome it",
        "standfirst": "Pupils in alternative provision often leave with no science "
        "qualification at all. A talk on the causes, from missed practical work to the language "
        "of science, and on what teachers can do.",
        "article_type": "talk",
        "event_name": "IncludEd conference",
        "authors": ["yasmin-omar"],
        "topics": ["science", "curriculum"],
        "setting_types": ["pru", "ap-academy"],
        "phase": "secondary",
        "first_published": _d(2024, 6, 20),
        "body": [
            heading("The problem"),
            paragraph(
                "<p>Science is often the first subject squeezed when a small setting plans its "
                "timetable. Pupils arrive with gaps from missed lessons, little memory of "
                "practical work and low confidence with the vocabulary that exam questions "
                "assume.</p>"
            ),
            heading("Contributing factors"),
            paragraph(
                "<p>The talk grouped the causes into three: the curriculum pupils missed, the "
                "specialist teaching a small setting struggles to staff, and the words of "
                "science itself, which are rarely taught explicitly.</p>"
            ),
            heading("What helps"),
            paragraph(
                "<p>Short, frequent practical work, even without a laboratory; teaching the "
                "key terms of each topic before the topic; and choosing qualifications that lead "
                "somewhere, so that pupils can see the point.</p>"
            ),
            takeaways(
                "Teach the vocabulary of science directly.",
                "Keep practical work, even in a classroom.",
                "Plan science into the timetable first, not last.",
            ),
            paragraph(DEMO_NOTE_REAL),
        ],
    },
    {
        "slug": "communication-needs-and-vulnerability",
        "title": "Communication needs and vulnerability",
        "standfirst": "Unidentified speech, language and communication needs are common among "
        "excluded pupils. A presentation on how they leave children vulnerable, and how schools "
        "can notice them sooner.",
        "article_type": "talk",
        "event_name": "Festival of Education",
        "authors": ["coshia-belvet"],
        "topics": ["communication-needs", "send", "safeguarding"],
        "setting_types": ["pru", "internal-ap"],
        "phase": "all-through",
        "first_published": _d(2024, 7, 5),
        "body": [
            heading("Behaviour that is communication"),
            paragraph(
                "<p>A pupil who cannot follow a long instruction may look defiant. A pupil who "
                "cannot explain what happened may look as if they are lying. The presentation "
                "asked how often such needs are read as behaviour instead.</p>"
            ),
            heading("Why it makes children vulnerable"),
            paragraph(
                "<p>Children who struggle to put experiences into words find it harder to tell "
                "an adult they are unsafe, and harder to be believed when they do. That links "
                "communication needs directly to safeguarding.</p>"
            ),
            heading("Noticing sooner"),
            paragraph(
                "<p>Screening language on entry, training every adult in simple adjustments and "
                "checking understanding rather than asking whether a pupil understood.</p>"
            ),
            paragraph(DEMO_NOTE_REAL),
        ],
    },
    {
        "slug": "teaching-reading-to-teenagers",
        "title": "Teaching reading to teenagers who missed the phonics stage",
        "standfirst": "A term-long enquiry in an AP academy: daily reading sessions for pupils "
        "aged 13 to 15 whose reading age was several years behind.",
        "article_type": "enquiry",
        "authors": ["priya-nandakumar"],
        "topics": ["literacy", "curriculum"],
        "setting_types": ["ap-academy"],
        "phase": "secondary",
        "first_published": _d(2024, 1, 22),
        "body": [
            heading("The question"),
            paragraph(
                "<p>Could twenty minutes of structured reading a day, with materials written "
                "for older pupils, close some of the gap within a term?</p>"
            ),
            heading("What we did"),
            paragraph(
                "<p>Pupils were assessed on entry and grouped by need. Sessions used decodable "
                "texts about subjects teenagers chose, so that nobody was asked to read a book "
                "meant for a seven-year-old.</p>"
            ),
            heading("What we found"),
            paragraph(
                "<p>Attendance at the sessions was better than at most lessons. Pupils said "
                "the texts did not feel babyish, and staff noticed more of them reading aloud "
                "in other subjects by the end of term.</p>"
            ),
        ],
    },
    {
        "slug": "family-coaching-and-attendance",
        "title": "Family coaching and attendance: a term of home visits",
        "standfirst": "What changed when an inclusion team swapped letters home for coaching "
        "conversations with the families of persistently absent pupils.",
        "article_type": "enquiry",
        "authors": ["daniel-okafor"],
        "topics": ["attendance", "family-engagement"],
        "setting_types": ["mainstream"],
        "phase": "secondary",
        "first_published": _d(2023, 11, 8),
        "body": [
            heading("Starting point"),
            paragraph(
                "<p>Letters about absence were going unread. Families described them as one "
                "more thing telling them they had failed.</p>"
            ),
            heading("The coaching model"),
            paragraph(
                "<p>Each family had one member of staff who visited, listened first and agreed "
                "one small goal at a time, such as the first lesson of Monday morning.</p>"
            ),
            takeaways(
                "Start with listening, not with the attendance figure.",
                "Agree one small goal at a time.",
                "Keep the same member of staff for the whole term.",
            ),
        ],
    },
    {
        "slug": "supervision-for-staff-in-a-pru",
        "title": "Reflective supervision for staff in a pupil referral unit",
        "standfirst": "Introducing supervision based on compassionate minds practice for every "
        "adult in the building, and what it asked of leaders.",
        "article_type": "reflection",
        "authors": ["hannah-whitlock"],
        "topics": ["mental-health", "leadership"],
        "setting_types": ["pru"],
        "phase": "secondary",
        "first_published": _d(2024, 3, 4),
        "body": [
            paragraph(
                "<p>Staff in alternative provision carry a great deal of what they see. "
                "Reflective supervision gives them a regular, protected hour to put some of it "
                "down.</p>"
            ),
            heading("Getting started"),
            paragraph(
                "<p>We began with volunteers, kept the groups small and made the sessions "
                "confidential, which mattered more than anything else to the people taking "
                "part.</p>"
            ),
            quote(
                "It is the first time in years anyone has asked how I am and waited for the "
                "answer.",
                "A teaching assistant",
                "Pupil referral unit",
            ),
        ],
    },
    {
        "slug": "compassionate-supervision-for-leaders",
        "title": "What compassionate supervision asks of school leaders",
        "standfirst": "A review of how supervision models from health and social care translate "
        "to schools, written for new senior leaders.",
        "article_type": "review",
        "authors": ["tom-reddy"],
        "topics": ["leadership", "mental-health"],
        "setting_types": ["pru", "ap-academy", "mainstream"],
        "phase": "all-through",
        "first_published": _d(2022, 10, 12),
        "body": [
            heading("Where supervision comes from"),
            paragraph(
                "<p>Social workers, psychologists and therapists take supervision for granted. "
                "Teachers rarely have anything like it, even though much of their work with "
                "vulnerable pupils is similar.</p>"
            ),
            heading("What changes for leaders"),
            paragraph(
                "<p>Leaders who supervise have to hold challenge and support together, and to "
                "keep the two apart from performance management.</p>"
            ),
        ],
    },
    {
        "slug": "reading-an-ehc-plan-in-the-first-week",
        "title": "Reading every EHC plan in the first week",
        "standfirst": "Why a new SENCO's first job was to read, and update, every education, "
        "health and care plan in the school.",
        "article_type": "reflection",
        "authors": ["grace-achterberg"],
        "topics": ["send"],
        "setting_types": ["special-school"],
        "phase": "all-through",
        "first_published": _d(2024, 10, 1),
        "body": [
            paragraph(
                "<p>Plans written years ago described children who had since changed. Reading "
                "them all at once showed which ones no longer matched the pupil in front of "
                "us.</p>"
            ),
            heading("What we changed"),
            paragraph(
                "<p>Each plan now has a named keeper and a review date in the school calendar, "
                "and interventions are tracked against its outcomes.</p>"
            ),
        ],
    },
    {
        "slug": "curriculum-towards-employment",
        "title": "Curriculum planning towards employment in alternative provision",
        "standfirst": "Matching an AP free school's curriculum to the local labour market, so "
        "that what pupils learn leads to work or further study.",
        "article_type": "research",
        "authors": ["priya-nandakumar"],
        "topics": ["curriculum"],
        "setting_types": ["ap-free-school"],
        "phase": "post-16",
        "first_published": _d(2023, 6, 30),
        "body": [
            paragraph(
                "<p>One in two young people leaving alternative provision is not in education, "
                "employment or training after the age of 16 [@gill2017]. A curriculum that "
                "points at real jobs is one answer.</p>"
            ),
            heading("Method"),
            paragraph(
                "<p>We mapped local employers' entry-level roles against the qualifications "
                "pupils could take, and asked pupils which roles they had heard of.</p>"
            ),
            references(IPPR_2017),
        ],
    },
    {
        "slug": "contextual-safeguarding-in-an-inclusion-team",
        "title": "Contextual safeguarding in a mainstream inclusion team",
        "standfirst": "Bringing behaviour, special needs and pastoral staff into one team, and "
        "looking at the places and peer groups where risk sits, not only the family.",
        "article_type": "enquiry",
        "authors": ["daniel-okafor"],
        "topics": ["safeguarding", "exclusion"],
        "setting_types": ["mainstream"],
        "phase": "secondary",
        "first_published": _d(2024, 4, 18),
        "body": [
            heading("One team instead of three"),
            paragraph(
                "<p>When behaviour, special needs and pastoral staff sat in separate teams, the "
                "same pupil could be discussed in three meetings with three different plans.</p>"
            ),
            heading("Universal, preventative, acute"),
            paragraph(
                "<p>We organised support in three tiers: what every pupil gets, preventative "
                "work with year groups on specific risks, and close work with other agencies "
                "for the few at acute risk.</p>"
            ),
        ],
    },
    {
        "slug": "mental-health-literacy-for-all-staff",
        "title": "Mental health literacy for every member of staff",
        "standfirst": "Training a whole staff, from the office to the senior team, to recognise "
        "behaviour linked to mental health problems.",
        "article_type": "research",
        "authors": ["hannah-whitlock", "tom-reddy"],
        "topics": ["mental-health", "exclusion"],
        "setting_types": ["internal-ap", "mainstream"],
        "phase": "secondary",
        "first_published": _d(2025, 1, 15),
        "body": [
            paragraph(
                "<p>One in two school leaders say their teachers cannot recognise behaviour "
                "linked to mental health problems [@gill2017]. This project trained every adult "
                "in two schools and asked what changed.</p>"
            ),
            heading("Findings"),
            paragraph(
                "<p>Staff became more confident in describing what they saw, and referrals to "
                "the school's mental health lead became more specific.</p>"
            ),
            references(IPPR_2017),
        ],
    },
    {
        "slug": "practical-science-without-a-laboratory",
        "title": "Practical science in a PRU without a laboratory",
        "standfirst": "Twelve practicals that work on a classroom table, and what pupils made "
        "of them.",
        "article_type": "reflection",
        "authors": ["samuel-adeyemi"],
        "topics": ["science"],
        "setting_types": ["pru"],
        "phase": "secondary",
        "first_published": _d(2025, 2, 3),
        "body": [
            paragraph(
                "<p>A laboratory is not a precondition for practical science. Most required "
                "practicals can be adapted for a classroom, with planning and a trolley.</p>"
            ),
            heading("What pupils said"),
            paragraph(
                "<p>Several said it was the first science lesson they had enjoyed, because they "
                "were doing rather than copying.</p>"
            ),
        ],
    },
    {
        "slug": "neurodivergence-in-girls",
        "title": "Neurodivergence in girls: what we missed",
        "standfirst": "A review of why autism and ADHD in girls are identified later, and what "
        "that means for girls in alternative provision.",
        "article_type": "review",
        "authors": ["grace-achterberg", "hannah-whitlock"],
        "topics": ["send", "mental-health"],
        "setting_types": ["special-school", "mainstream"],
        "phase": "all-through",
        "first_published": _d(2024, 11, 20),
        "body": [
            paragraph(
                "<p>Girls are more likely to mask their difficulties in class, so their needs "
                "are often noticed late, sometimes only after an exclusion.</p>"
            ),
            heading("Implications for schools"),
            paragraph(
                "<p>Staff training that includes how neurodivergence can look in girls, and "
                "screening that does not rely on disruptive behaviour as the trigger.</p>"
            ),
        ],
    },
    {
        "slug": "screening-language-needs-on-entry",
        "title": "Screening for language needs on entry",
        "standfirst": "Every new pupil in an internal alternative provision unit had a short "
        "language screen in their first week. Many had needs nobody had recorded.",
        "article_type": "enquiry",
        "authors": ["leah-morgan"],
        "topics": ["communication-needs", "literacy", "send"],
        "setting_types": ["internal-ap"],
        "phase": "secondary",
        "first_published": _d(2025, 3, 10),
        "body": [
            heading("Why screen"),
            paragraph(
                "<p>Needs that were never identified cannot be met. A short screen in the "
                "first week gives every teacher the same starting point.</p>"
            ),
            heading("What the screen showed"),
            paragraph(
                "<p>A large share of new pupils had language needs that were not in their "
                "records, which changed how lessons were planned from the first day.</p>"
            ),
        ],
    },
]

FEATURED = [
    "successful-reintegration-from-pru-to-mainstream",
    "underachievement-in-science",
    "communication-needs-and-vulnerability",
]
