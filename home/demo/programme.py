"""The programme, partner and research pages of the demo site.

Facts come from The Difference's own published pages; the words are ours. Statistics, testimonials and questions are
the shared records built by home/demo/evidence.py, chosen by reference.
"""

from .content import IPPR_URL, heading, paragraph

APPLY_EMAIL = "apply@example.org"
PARTNER_EMAIL = "partnerships@example.org"


def statistics_band(title, statistics):
    return {
        "type": "statistics",
        "value": {"heading": title, "statistics": [statistic.pk for statistic in statistics]},
    }


def chart(title, items):
    return {
        "type": "comparison_chart",
        "value": {
            "title": title,
            "items": [
                {"statistic": statistic.pk, "short_label": short_label}
                for statistic, short_label in items
            ],
        },
    }


def testimonial(record):
    return {"type": "testimonial", "value": record.pk}


def faqs(title, audience):
    return {"type": "faqs", "value": {"heading": title, "audience": audience, "questions": []}}


def steps(title, items):
    return {
        "type": "steps",
        "value": {
            "heading": title,
            "steps": [{"title": step, "text": text} for step, text in items],
        },
    }


def timeline(title, events):
    return {
        "type": "timeline",
        "value": {
            "heading": title,
            "events": [
                {"date_label": when, "title": what, "text": text} for when, what, text in events
            ],
        },
    }


def likelihood_chart(stats):
    return chart(
        "How much more likely excluded pupils are than other pupils",
        [
            (stats["poverty"], "to have grown up in poverty"),
            (stats["mental-health"], "to have mental health problems"),
            (stats["in-care"], "to be in care"),
            (stats["special-needs"], "to have special educational needs"),
        ],
    )


# ---------- The programme ----------

CRITERIA = [
    (
        "right-to-work",
        "Right to work in the UK",
        "You have the right to work in the UK for the whole two years of the programme.",
        "If your right to work ends sooner, email us before you apply and we will talk it through.",
    ),
    (
        "qts",
        "Qualified teacher status",
        "You hold qualified teacher status (QTS).",
        "Apply once you have been awarded QTS. Recruitment is rolling, so there is no "
        "deadline to miss.",
    ),
    (
        "mainstream-experience",
        "Three years in mainstream schools",
        "You have taught for at least three years in mainstream schools, primary or secondary.",
        "Apply when you reach three years: we would be glad to hear from you then.",
    ),
    (
        "not-in-ap-now",
        "Not working in alternative provision now",
        "You do not work in alternative provision, a pupil referral unit or a special school "
        "at the moment: the programme brings mainstream expertise into these schools.",
        "If you already lead in alternative provision, your school could host a Difference "
        "Leader instead: see Partner with us.",
    ),
]

COMPETENCIES = [
    (
        "motivation",
        "Motivation",
        "Why you want to lead in a school for excluded pupils, and what keeps you going when "
        "the work is hard.",
    ),
    (
        "outstanding-teaching",
        "Outstanding teaching",
        "Expert classroom practice that you can show, explain and help others learn.",
    ),
    (
        "leadership-and-collaboration",
        "Leadership and collaboration",
        "Bringing colleagues with you, and working with families, social care and health "
        "services as well as with teachers.",
    ),
    (
        "relationships-and-empathy",
        "Relationship-building and empathy",
        "Building trust with young people whose experience of school has often been of "
        "being let down.",
    ),
    (
        "self-reflection",
        "Self-reflection",
        "Learning from what goes wrong as well as what goes right, and seeking feedback.",
    ),
]


def programme_fields(stats, testimonials):
    return {
        "title": "The Difference Leadership Programme",
        "introduction": (
            "Two years as a senior leader in a school for excluded pupils, with specialist "
            "training in inclusion, safeguarding and mental health, then support back into "
            "mainstream leadership."
        ),
        "search_description": (
            "How The Difference Leadership Programme works, who can apply and how to apply."
        ),
        "body": [
            heading("What the programme is"),
            paragraph(
                "<p>The Difference Leadership Programme places exceptional mainstream teachers in "
                "their first senior leadership post, in a school for excluded pupils: a pupil "
                "referral unit, an alternative provision academy, a special school or an "
                "internal alternative provision unit. You spend two years there, leading "
                "teaching and learning, while we train you as a specialist in inclusion.</p>"
                "<p>It began in spring 2019 with a pioneer cohort of ten teachers. Since then "
                "the community has grown to include assistant headteachers, deputy headteachers "
                "and headteachers.</p>"
            ),
            heading("What the programme gives you"),
            paragraph(
                "<ul>"
                "<li><b>Inclusion training</b>, in leadership, learning, wellbeing and "
                "safeguarding.</li>"
                "<li><b>Designated Safeguarding Lead certification.</b></li>"
                "<li><b>Summer residentials</b> with your cohort, at The Northern College since "
                "2021.</li>"
                "<li><b>Supervision</b> based on compassionate minds practice.</li>"
                "<li><b>Twilights</b>: evening sessions where leaders share what works.</li>"
                "<li><b>Masters-level modules</b> in mental health and child development.</li>"
                "</ul>"
            ),
            timeline(
                "Your two years",
                [
                    (
                        "Before you start",
                        "Matched to a school",
                        "We match you to a Good or Outstanding school for excluded pupils "
                        "within commuting distance of your home.",
                    ),
                    (
                        "Year one",
                        "Join the senior leadership team",
                        "You lead teaching and learning in your school, and your training in "
                        "inclusion begins, with supervision from the start.",
                    ),
                    (
                        "Each summer",
                        "Residential",
                        "Time away with your cohort to learn together and reflect.",
                    ),
                    (
                        "Year two",
                        "Lead an improvement project",
                        "You lead a project from your school's development plan and offer "
                        "reflective supervision to its staff.",
                    ),
                    (
                        "Afterwards",
                        "Back to mainstream, as a leader",
                        "We support you into senior leadership in a mainstream school.",
                    ),
                ],
            ),
            heading("After the programme"),
            paragraph(
                "<p>Difference Leaders go back to mainstream schools as senior leaders who know "
                "how to keep children in school: they lead inclusive whole-school policy, share "
                "what they learned about mental health and safeguarding, and work with social "
                "care and health services. One of the pioneer cohort, Ada, became an assistant "
                "headteacher and SENCO at Mulberry Academy Woodside, where she raised awareness "
                "of neurodivergence among girls.</p>"
            ),
            statistics_band(
                "Why this work matters",
                [stats["excluded-per-day"], stats["neet"], stats["special-needs"]],
            ),
            statistics_band(
                "The programme so far", [stats["pioneer-cohort"], stats["first-applications"]]
            ),
            testimonial(testimonials["lucy-heller"]),
            testimonial(testimonials["john-murphy"]),
        ],
        "eligibility_introduction": (
            "<p>We are looking for teachers who are ready for their first senior leadership "
            "role. You need to meet all four criteria below.</p>"
        ),
        "competencies_introduction": ("<p>We select Difference Leaders for five competencies.</p>"),
        "questions": [faqs("Questions from teachers", "applicants")],
        "apply_text": (
            "<p>Recruitment is rolling: you can apply at any time of year. Our online "
            "application form is on its way. Until it opens, apply by email.</p>"
        ),
        "apply_steps": [
            steps(
                "",
                [
                    ("Check you can apply", "Make sure you meet the four criteria above."),
                    (
                        "Email us",
                        "Send your CV and a few paragraphs on why you want to lead in "
                        "alternative provision.",
                    ),
                    (
                        "Selection",
                        "We get to know you and assess you against the five competencies.",
                    ),
                    (
                        "Matching",
                        "We match you to a school within commuting distance, rated Good or "
                        "Outstanding.",
                    ),
                ],
            )
        ],
        "apply_email": APPLY_EMAIL,
    }


# ---------- Partner with us ----------


def partner_fields(stats, testimonials):
    return {
        "title": "Partner with us",
        "introduction": (
            "Host a Difference Leader: an exceptional mainstream teacher on your senior team, "
            "leading an improvement project built around your school's plan."
        ),
        "search_description": (
            "What alternative provision schools gain by hosting a Difference Leader, and how "
            "to send an Expression of Interest."
        ),
        "body": [
            heading("Why partner with us"),
            paragraph(
                "<p>Schools for excluded pupils have had less investment in recruitment, "
                "training and research than any other part of the school system. They find it "
                "harder to recruit than mainstream schools, the share of unqualified teachers is "
                "rising, and senior leadership posts have become harder to fill.</p>"
                "<p>Yet most of these schools are doing well, and many achieve far more than "
                "national outcomes suggest. We want more teachers to see working in them as the "
                "high-status career it is, and more of their best practice shared.</p>"
            ),
            statistics_band(
                "The case for partnering",
                [stats["ap-good"], stats["vacancies"], stats["neet"]],
            ),
            likelihood_chart(stats),
            heading("What your school gets"),
            paragraph(
                "<h3>Better outcomes for pupils</h3>"
                "<p>Expert classroom teaching from an exceptional mainstream teacher, and an "
                "improvement project shaped by your development plan, which your Difference "
                "Leader leads, puts in place and evaluates. Projects build on approaches with a "
                "track record:</p>"
                "<ul><li>curriculum planning that leads towards employment;</li>"
                "<li>family coaching to improve attendance, wellbeing and self-regulation;</li>"
                "<li>contextual safeguarding to keep pupils safer and improve referrals.</li></ul>"
                "<h3>More capacity in your team</h3>"
                "<p>Whole-staff training on assessment, GCSE specifications, wellbeing and "
                "safeguarding; reflective supervision for your staff from the second year; and "
                "support for unqualified staff training to teach, if you ask for it.</p>"
                "<h3>A higher profile for alternative provision</h3>"
                "<p>We share your school's practice across our community and at our national "
                "conference, and with policymakers, journalists and funders.</p>"
            ),
            testimonial(testimonials["dave-whitaker"]),
        ],
        "questions": [faqs("Questions from schools", "schools")],
        "interest_heading": "Send us an Expression of Interest",
        "interest_text": (
            "<p>Tell us about your school and what you would like a Difference Leader to work "
            "on. Our online form is on its way; until it opens, email us and we will get back to "
            "you.</p>"
        ),
        "interest_email": PARTNER_EMAIL,
    }


# ---------- Our research ----------


def research_fields(stats, testimonials):
    return {
        "title": "Our research",
        "introduction": (
            "The Difference began with a year of research into school exclusion and the "
            "teaching workforce. Making the Difference, written with the think tank IPPR and "
            "published in October 2017, set out the link between exclusion from school and "
            "exclusion from society."
        ),
        "search_description": (
            "Making the Difference, the IPPR report behind The Difference: key findings and "
            "the full report."
        ),
        "key_findings_heading": "Key findings",
        "key_findings": [
            {"type": "statistic", "value": stats[key].pk}
            for key in (
                "excluded-per-day",
                "excluded-per-year",
                "exclusions-rise",
                "gcse",
                "neet",
                "ap-pupils",
                "vacancies",
                "leaders-mental-health",
                "cost",
            )
        ],
        "report_description": "Demo placeholder file: the full report is on IPPR's website.",
        "report_url": IPPR_URL,
        "body": [
            heading("What the report found"),
            paragraph(
                "<p>Excluded children are among the most vulnerable in the country, and the "
                "schools that teach them had long received the least support to recruit and "
                "train their staff. Mainstream schools, too, needed more specialist leadership "
                "in inclusion and mental health.</p>"
            ),
            likelihood_chart(stats),
            heading("What happened next"),
            timeline(
                "",
                [
                    (
                        "November 2017",
                        "Evidence to Parliament",
                        "The findings were presented to the Education Select Committee.",
                    ),
                    (
                        "March 2018",
                        "A national review",
                        "The Government asked Edward Timpson to review school exclusions.",
                    ),
                    (
                        "January 2019",
                        "The programme launched",
                        "More than 250 teachers applied to join the first cohort.",
                    ),
                ],
            ),
        ],
        "endorsements_heading": "What others say",
        "endorsements": [
            {"type": "testimonial", "value": testimonials[key].pk}
            for key in ("lucy-heller", "john-murphy")
        ],
    }


REPORT_DOCUMENT = {
    "title": "Demo: Making the Difference (IPPR, 2017), placeholder",
    "filename": "making-the-difference-placeholder.pdf",
    "lines": [
        "Making the Difference: Breaking the link between school exclusion and social exclusion",
        "IPPR, October 2017",
        "",
        "This file is a placeholder made by the demo content of this website.",
        "The full report is published by IPPR:",
        IPPR_URL,
    ],
}
