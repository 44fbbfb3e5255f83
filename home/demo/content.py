"""The words of the demo site. Facts and figures come from The Difference's own published pages;
the sentences are ours.

Stream values are written in Wagtail's JSON form ({"type": ..., "value": ...}), the same shape
the admin saves, so they need no special handling when the block definitions change.
"""

IPPR_REPORT = (
    "Making the Difference: Breaking the link between school exclusion and social exclusion (IPPR)"
)
IPPR_URL = "https://www.ippr.org/research/publications/making-the-difference"


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution="", role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def link_to(page, label=""):
    return {"label": label, "page": page.pk, "external_url": ""}


def cta(heading_text, text, page, label, style="primary"):
    return {
        "type": "call_to_action",
        "value": {
            "heading": heading_text,
            "text": text,
            "link": link_to(page, label),
            "style": style,
        },
    }


IMAGES = {
    # key: (title, alt text, palette)
    "hero": (
        "Demo: hero illustration",
        "Abstract shapes in the charity's indigo and magenta",
        "indigo",
    ),
    "about": ("Demo: about illustration", "Abstract overlapping circles in warm colours", "dawn"),
    "story": ("Demo: story illustration", "Abstract shapes in greens and indigo", "meadow"),
    "programme": ("Demo: programme illustration", "Abstract shapes in blues", "sky"),
    "partner": ("Demo: partner illustration", "Abstract shapes in indigo and pink", "dawn"),
    "research": ("Demo: research illustration", "Abstract shapes in greens and blues", "meadow"),
}

HOME_FIELDS = {
    "title": "Home",
    "hero_heading": "Exceptional teachers, leading where it matters most",
    "hero_intro": (
        "The Difference places great mainstream teachers in their first senior leadership role "
        "in a school for excluded children, trains them for two years, then supports them back "
        "into mainstream schools as leaders of inclusion."
    ),
    "mission_heading": "Why we exist",
    "mission": (
        "<p>Children who are excluded from school are among the most vulnerable in the country, "
        "yet the schools that teach them have had the least investment in their leaders. We "
        "believe teaching excluded pupils should be <b>the pinnacle of the profession</b>, and we "
        "train the leaders to make it so.</p>"
    ),
    "search_description": (
        "The Difference is an education charity that trains exceptional teachers to lead in "
        "alternative provision and to reduce exclusion in mainstream schools."
    ),
}

# The statistics the home page shows, in order, by their key in home/demo/evidence.py.
HOME_KEY_FIGURES = ["excluded-per-day", "neet", "special-needs", "cost"]


def home_key_figures(statistics):
    return [{"type": "statistic", "value": statistics[key].pk} for key in HOME_KEY_FIGURES]


def home_hero_links(pages):
    return [
        {"type": "link", "value": link_to(pages["the-programme"], "Lead with us")},
        {"type": "link", "value": link_to(pages["partner-with-us"], "Partner with us")},
    ]


def home_calls_to_action(pages):
    return [
        cta(
            "Teachers: lead in alternative provision",
            "Spend two years on the senior team of a school for excluded pupils, with specialist "
            "training in inclusion, safeguarding and mental health.",
            pages["the-programme"],
            "How the programme works",
        ),
        cta(
            "Schools: host a Difference Leader",
            "Bring an exceptional mainstream teacher onto your leadership team to lead an "
            "improvement project shaped around your development plan.",
            pages["partner-with-us"],
            "Partner with us",
            style="secondary",
        ),
    ]


PAGES = [
    {
        "slug": "about",
        "title": "About us",
        "image": "about",
        "introduction": (
            "We are an education charity working to make teaching excluded children the "
            "pinnacle of the profession, and to reduce exclusion in mainstream schools."
        ),
        "search_description": "Who we are, what we believe and how The Difference works.",
        "body": [
            heading("What we do"),
            paragraph(
                "<p>Schools for excluded pupils, from pupil referral units to alternative provision "
                "academies, teach children with some of the most complex needs in England. They "
                "have long found it hardest to recruit and develop leaders. We bring exceptional "
                "mainstream teachers into their senior teams for two years, train them as "
                "specialists, then support them back into mainstream schools, where they lead "
                "inclusive practice and help keep children in school.</p>"
            ),
            heading("Three ways we make a difference"),
            {
                "type": "accordion",
                "value": {
                    "heading": "",
                    "items": [
                        {
                            "title": "Developing expertise in the profession",
                            "content": "<p>Specialist training in inclusion, safeguarding, mental "
                            "health and child development for the leaders who need it most.</p>",
                        },
                        {
                            "title": "Connecting exceptional leaders to schools for excluded children",
                            "content": "<p>We match leaders to alternative provision schools rated "
                            "Good or Outstanding, within commuting distance of home.</p>",
                        },
                        {
                            "title": "Building a community of leaders who drive change",
                            "content": "<p>Our leaders share what they learn with each other, with "
                            "their schools and with policymakers.</p>",
                        },
                    ],
                },
            },
            heading("Our values"),
            paragraph(
                "<ul><li><b>Purpose</b>: children who are excluded deserve the best.</li>"
                "<li><b>Collaboration</b>: we work with schools, not on them.</li>"
                "<li><b>Bravery</b>: we say what needs to change.</li>"
                "<li><b>Excellence</b>: expert teaching is the heart of it.</li>"
                "<li><b>Pragmatism</b>: we do what works in real schools.</li>"
                "<li><b>Humility</b>: the sector already knows a great deal, and we learn from it.</li></ul>"
            ),
            heading("Our founder"),
            paragraph(
                "<p>Kiran Gill founded The Difference in 2016. A former inner-city teacher, she "
                "went on to policy roles at the Department for Education, the IPPR think tank and "
                "the Social Mobility Commission, and saw how rarely the system invested in the "
                "people who teach excluded children.</p>"
            ),
        ],
    },
    {
        "slug": "our-story",
        "parent": "about",
        "title": "Our story",
        "image": "story",
        "introduction": "From a year of research into school exclusion to a national community of leaders.",
        "search_description": "The history of The Difference, from the 2016 idea to today.",
        "body": [
            {
                "type": "timeline",
                "value": {
                    "heading": "Milestones",
                    "events": [
                        {
                            "date_label": "April 2016",
                            "title": "The idea",
                            "text": "Kiran Gill starts a year of research into school exclusion "
                            "and the teaching workforce.",
                        },
                        {
                            "date_label": "October 2017",
                            "title": "Making the Difference published",
                            "text": "The report, written with IPPR, sets out the link between "
                            "exclusion and social exclusion, and the leadership gap in alternative "
                            "provision.",
                        },
                        {
                            "date_label": "November 2017",
                            "title": "Evidence to Parliament",
                            "text": "The findings are presented to the Education Select Committee.",
                        },
                        {
                            "date_label": "March 2018",
                            "title": "A national review",
                            "text": "The Government asks Edward Timpson to review school exclusions.",
                        },
                        {
                            "date_label": "January 2019",
                            "title": "The programme launches",
                            "text": "More than 250 teachers apply to join the first cohort.",
                        },
                        {
                            "date_label": "Spring 2019",
                            "title": "The pioneer cohort",
                            "text": "Ten teachers join the leadership teams of alternative "
                            "provision schools.",
                        },
                        {
                            "date_label": "2021",
                            "title": "A larger community",
                            "text": "Summer residentials move from Jamie's Farm to The Northern "
                            "College to make room for bigger cohorts.",
                        },
                        {
                            "date_label": "Today",
                            "title": "More than 70 leaders",
                            "text": "Partner settings now include special schools and internal "
                            "alternative provision in mainstream schools.",
                        },
                    ],
                },
            },
            quote(
                "This is a much-needed initiative to address the complex problem of school exclusion.",
                "Lucy Heller",
                "Chief executive, Ark",
            ),
        ],
    },
    {
        "slug": "privacy-notice",
        "title": "Privacy notice",
        "introduction": "How The Difference collects, uses and protects personal information.",
        "search_description": "How we handle your personal data, and your rights.",
        "body": [
            heading("Who we are"),
            paragraph(
                "<p>The Difference, a registered charity, is the data controller for the personal "
                "information described here: we decide why and how it is used. This is demo text: "
                "the charity's own notice replaces it before launch. Each of our forms shows a "
                "short version of this notice before its first question.</p>"
            ),
            heading("What we collect and why"),
            paragraph(
                "<p><strong>Expressions of interest from schools.</strong> The school's details, "
                "and your name, role, email address and telephone number. We use them only to "
                "reply to your enquiry and, if your school becomes a partner, to plan the "
                "partnership. Only our partnerships team sees them.</p>"
                "<p><strong>Applications to the programme.</strong> Your contact details, home "
                "postcode, current role, statements and referees. We use them only to consider "
                "your application and, if we offer you a place, to arrange it. Only our "
                "recruitment team and the people who select applicants see them. We contact "
                "your referees only if we invite you to a selection day.</p>"
                "<p><strong>Equal-opportunities questions.</strong> Optional, asked after you "
                "send an application, and stored with no name, email address or reference, so "
                "nobody can link your answers to you. Staff see only totals.</p>"
                "<p><strong>Requests to be told when applications open.</strong> Your email "
                "address, used once, to tell you.</p>"
            ),
            heading("Our lawful basis"),
            paragraph(
                "<p>For expressions of interest: our legitimate interest in replying to an "
                "enquiry your school chose to send us, and in planning a partnership (UK GDPR "
                "Article 6(1)(f)). For applications: you have asked us to consider you for a "
                "place on the programme, which we cannot do without your details (Article "
                "6(1)(b)). For the equal-opportunities questions and requests to be told when "
                "applications open: your consent (Article 6(1)(a), and Article 9(2)(a) for the "
                "special category answers), which you give by answering and can withdraw.</p>"
            ),
            heading("How long we keep it"),
            paragraph(
                "<p>Expressions of interest and sent applications: 2 years, then we delete them. "
                "Unfinished applications: 60 days after your last change. Requests to be told "
                "when applications open: until that application window closes. We never sell "
                "your information or use it for marketing.</p>"
            ),
            heading("Your rights"),
            paragraph(
                "<p>You can ask to see the information we hold about you, to correct it, to "
                "delete it, to restrict how we use it, or object to our using it, and, where "
                "we rely on your consent, to withdraw it at any time. Email us at the address "
                "at the foot of this page. We reply within one month.</p>"
            ),
            heading("How to complain"),
            paragraph(
                "<p>If you are unhappy with how we handle your information, tell us first. You "
                "can also complain to the Information Commissioner's Office (ICO), the UK's "
                'data protection regulator: <a href="https://ico.org.uk/make-a-complaint/">'
                "ico.org.uk/make-a-complaint</a>, or call 0303 123 1113.</p>"
            ),
        ],
    },
    {
        "slug": "accessibility",
        "title": "Accessibility statement",
        "introduction": "We want everyone to be able to use this website.",
        "search_description": "How accessible this website is and how to report a problem.",
        "body": [
            paragraph(
                "<p>This site aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at "
                "level AA. Every page works with a keyboard, a screen reader and without "
                "JavaScript, and is tested automatically on each change.</p>"
                "<p>If something does not work for you, email us and tell us the page and what "
                "happened. We aim to reply within five working days.</p>"
            ),
        ],
    },
]


def site_settings(pages, images):
    def nav(slug, label=""):
        return {"type": "link", "value": link_to(pages[slug], label)}

    return {
        "primary_navigation": [
            nav("about", "About us"),
            nav("our-story"),
            nav("the-programme", "The programme"),
            nav("partner-with-us", "Partner with us"),
            nav("our-research", "Our research"),
        ],
        "header_action": [nav("the-programme", "Apply")],
        "contact_email": "hello@example.org",
        "contact_telephone": "020 7946 0000",
        "address": "The Difference\nExample House\nLondon",
        "charity_number": "1000000 (demo value)",
        "privacy_page": pages["privacy-notice"],
        "footer_links": [nav("accessibility"), nav("about", "About us")],
        "social_links": [
            {
                "type": "social",
                "value": {"platform": "linkedin", "url": "https://www.linkedin.com/"},
            },
            {"type": "social", "value": {"platform": "x", "url": "https://x.com/"}},
        ],
        "default_social_image": images["hero"],
        "twitter_handle": "",
    }
