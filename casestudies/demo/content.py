"""The words of the case studies' demo content.

Three stories are real, retold in our own words from The Difference's own published pages:
Lincolnshire's pupil referral unit, Shaun Brown at Thomas Tallis School, and Ada's
route from alternative provision back into mainstream leadership. They use only the facts, names,
dates and figures those pages give; where the pages are silent, the stories say less. The only
quotation from a real person is the published Dave Whitaker testimonial (home/demo/evidence.py).

Every other story is invented for the demonstration site: the schools, the partnership and their
figures are fictional, each says so in its first paragraph and summary, and its figures are
attributed to the school's own (invented) records, never to Ofsted or the Department for
Education. Hannah Whitlock, Priya Nandakumar and Leah Morgan are the invented demo profiles of
hub/demo/content.py.

No pupil is named or described in a way that could identify them.
"""

ILLUSTRATIVE = "An illustrative case study written for this demonstration site."
RETOLD = (
    "<p><i>A true story, retold for this demonstration site from The Difference's public pages. "
    "It gives only the facts those pages give.</i></p>"
)
DIFFERENCE_PAGES = "The Difference, published case study"


def _illustrative(detail):
    return f"<p><i>{ILLUSTRATIVE} {detail}</i></p>"


# --- StreamField helpers ---


def paragraph(html):
    return {"type": "paragraph", "value": html}


def quote(text, attribution="", role=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution, "role": role}}


def testimonial(key):
    """A record from home/demo/evidence.py TESTIMONIALS; the loader swaps in its id."""
    return {"type": "testimonial", "value": {"$testimonial": key}}


def stat(key):
    """A statistic in the body: a record from home/demo/evidence.py STATISTICS."""
    return {"type": "statistic", "value": {"$statistic": key}}


def statistic(key):
    """A statistic in the key-facts panel."""
    return {"type": "statistic", "value": {"$statistic": key}}


def fact(
    label, after_value, after_date="", before_value="", before_date="", source="", source_url=""
):
    return {
        "type": "fact",
        "value": {
            "label": label,
            "before": {"value": before_value, "date": before_date},
            "after": {"value": after_value, "date": after_date},
            "source": source,
            "source_url": source_url,
        },
    }


def people(heading, named=(), persons=()):
    """Named adults as (name, role), then hub.Person profiles by slug."""
    return {
        "type": "people",
        "value": {
            "heading": heading,
            "people": [{"person": None, "name": name, "role": role} for name, role in named]
            + [{"person": {"$person": slug}, "name": "", "role": ""} for slug in persons],
        },
    }


def tiered_approach(heading, introduction, tiers):
    """tiers: (tier, title, what_happens as rich text, [partners])."""
    return {
        "type": "tiered_approach",
        "value": {
            "heading": heading,
            "introduction": introduction,
            "tiers": [
                {"tier": tier, "title": title, "what_happens": html, "partners": list(partners)}
                for tier, title, html, partners in tiers
            ],
        },
    }


# --- The index ---

INDEX = {
    "slug": "case-studies",
    "title": "Case studies",
    "introduction": "How schools, leaders and local areas have improved education for children "
    "who are excluded or at risk of exclusion: where each one started, what they changed and "
    "what came of it. Some are true stories retold from The Difference's public pages; the "
    "others are illustrative examples written for this demonstration site, and say so.",
    "search_description": "Case studies of alternative provision, special schools and "
    "mainstream inclusion: the starting point, what changed and the impact.",
}


# --- The case studies ---

LINCOLNSHIRE = {
    "slug": "lincolnshire-pru-turnaround",
    "title": "Rebuilding Lincolnshire's pupil referral unit with leaders from mainstream schools",
    "subject": "school",
    "organisation": "Springwell, Lincoln City Academy",
    "summary": "Ofsted put Lincolnshire's pupil referral unit in special measures in 2015. The "
    "county council asked Wellspring Academy Trust to lead its recovery, and the trust brought in "
    "senior leaders from mainstream schools. The unit reopened as Springwell, Lincoln City "
    "Academy on 1 April 2017, and work began on four purpose-built sites.",
    "trust": "Wellspring Academy Trust",
    "region": "east-midlands",
    "local_authority": "lincolnshire",
    "period_start": 2015,
    "period_end": 2017,
    "setting_types": ["pru", "ap-academy", "ap-free-school"],
    "phase": None,
    "themes": ["leadership", "safeguarding", "send"],
    "image": (
        "Demo: Lincolnshire case study illustration",
        "Abstract illustration: soft overlapping rounded shapes in deep indigo and violet, "
        "like several separate places joined into one. No people are shown.",
        "indigo",
    ),
    "key_facts": [
        fact(
            "Ofsted judgement",
            "Special measures",
            "2015",
            source="Ofsted inspection report, 2015",
        ),
        fact(
            "Status",
            "Academy: Springwell, Lincoln City Academy",
            "1 April 2017",
            before_value="Pupil referral unit",
            before_date="2015",
            source=DIFFERENCE_PAGES,
        ),
        fact(
            "Purpose-built free-school sites",
            "4: Lincoln, Grantham, Mablethorpe and Spalding",
            source=DIFFERENCE_PAGES,
        ),
        statistic("vacancies"),
    ],
    "starting_point": [
        paragraph(
            "<p>When Ofsted inspected Lincolnshire's pupil referral unit in 2015, then known as "
            "Lincolnshire Teaching &amp; Learning Centre, it put the unit in special measures. "
            "The most basic safety arrangements were missing. Fire risk assessments had lapsed, "
            "and at one site staff had taken the fire extinguishers off the walls for fear of "
            "how pupils might use them. Leaders could not show that every adult working with "
            "these vulnerable children had been through the criminal record checks that the "
            "law requires.</p>"
        ),
        paragraph(
            "<p>Teaching was weak as well. Many lessons were covered by temporary and supply "
            "staff, not all of them able to manage behaviour well, and leaders had no policies "
            "for checking or improving teaching. Expectations of pupils were too often low, and "
            "even strong teachers were held back by a lack of direction, resources and "
            "staff.</p>"
        ),
        paragraph(
            "<p>The unit's sites were spread across a large, rural and coastal county, a long "
            "way from the cities where most experienced school leaders live. Like much of "
            "alternative provision in England, it found senior posts hard to fill.</p>"
        ),
        paragraph(RETOLD),
    ],
    "what_changed": [
        paragraph(
            "<p>Lincolnshire County Council went into partnership with Wellspring Academy "
            "Trust, which runs schools for pupils with social, emotional and mental health "
            "needs, for excluded pupils and for children of primary age. Three people led the "
            "work from the trust: Mark Wilson, its chief executive; Josh Greaves, its chief "
            "operating officer; and Dave Whitaker, executive principal of Springwell Learning "
            "Community in Barnsley.</p>"
        ),
        testimonial("dave-whitaker"),
        paragraph(
            "<p>Gill Kelly, as interim executive principal, started building a new leadership "
            "team straight away. It was not easy: few teachers know much about pupil referral "
            "units, and most would never think of applying to one. So as well as advertising to "
            "mainstream teachers, Dave and trust colleagues asked people they knew and used "
            "their presence online, through the Headteachers' Roundtable, to reach leaders "
            "beyond the usual pool.</p>"
        ),
        paragraph(
            "<p>Three senior leaders came from mainstream schools, travelling in from nearby "
            "cities:</p><ul><li>Phil had been an assistant head in Nottingham, and brought the "
            "rigour, systems and standards the unit had been missing.</li><li>Lisa had been a "
            "special educational needs coordinator (SENCO) in a secondary school. In her first "
            "week she found that pupils' education, health and care (EHC) plans had not been "
            "updated, some of them for years. She led a team to bring every plan up to date, "
            "then set up tracking of SEND and Pupil Premium interventions, admissions and "
            "reintegration, so that staff could set each pupil meaningful targets.</li><li>Amy "
            "had led in a mainstream primary school and in another PRU. She built the quality "
            "assurance: systems to develop teaching, professional development that staff could "
            "use, and higher expectations across the school.</li></ul>"
        ),
        people(
            "The people involved",
            [
                ("Mark Wilson", "Chief executive, Wellspring Academy Trust"),
                ("Josh Greaves", "Chief operating officer, Wellspring Academy Trust"),
                ("Dave Whitaker", "Executive principal, Springwell Learning Community, Barnsley"),
                ("Gill Kelly", "Interim executive principal"),
                ("Phil", "Executive vice principal; previously an assistant head in Nottingham"),
                ("Lisa", "Executive vice principal; previously a secondary SENCO"),
                (
                    "Amy",
                    "Executive vice principal; previously a leader in mainstream primary and "
                    "in another PRU",
                ),
            ],
        ),
    ],
    "impact": [
        paragraph(
            "<p>On 1 April 2017 the unit reopened as an academy in the Wellspring trust: "
            "Springwell, Lincoln City Academy. Its new purpose is to unlock the potential of the "
            "county's most vulnerable young people. Work had also started on four purpose-built "
            "free-school sites, in Lincoln, Grantham, Mablethorpe and Spalding.</p>"
        ),
        paragraph(
            "<p>The training, oversight, systems and support that the 2015 inspection found "
            "missing were now in place. The account published by The Difference describes "
            "staff who are learning and developing in their work, and pupils who are doing the "
            "same.</p>"
        ),
        paragraph(
            "<p>This happened before The Difference Leadership Programme began, but it shows the "
            "idea behind it: mainstream teachers in senior roles in alternative provision can "
            "help change what a school offers excluded children.</p>"
        ),
    ],
}

SHAUN_BROWN = {
    "slug": "shaun-brown-whole-school-inclusion",
    "title": "Three tiers of support: how Shaun Brown joined up inclusion at Thomas Tallis School",
    "subject": "leader",
    "organisation": "Thomas Tallis School",
    "summary": "Shaun Brown came to Thomas Tallis School as deputy headteacher for inclusion "
    "with an MA in inclusion, a SENCO qualification and experience of a pupil referral unit. He "
    "brought the behaviour, SEN and pastoral teams together and organised support in three "
    "tiers, from what every pupil gets to close work with other agencies.",
    "trust": "",
    "region": "london",
    "local_authority": "greenwich",
    "period_start": 2018,
    "period_end": 2018,
    "setting_types": ["mainstream"],
    "phase": "secondary",
    "themes": ["safeguarding", "leadership", "mental-health"],
    "image": (
        "Demo: whole-school inclusion illustration",
        "Abstract illustration: three broad bands of warm pink and orange, stacked and "
        "overlapping, each a little narrower than the one below. No people are shown.",
        "dawn",
    ),
    "key_facts": [
        fact("Role", "Deputy headteacher for inclusion", source=DIFFERENCE_PAGES),
        fact(
            "Teams for behaviour, SEN and pastoral care",
            "One inclusion team, line managed by the deputy head",
            before_value="Three separate teams",
            source=DIFFERENCE_PAGES,
        ),
        fact(
            "Tiers of support",
            "3: universal, preventative and acute need",
            source=DIFFERENCE_PAGES,
        ),
        fact(
            "Outside organisations in preventative work",
            "4",
            source=DIFFERENCE_PAGES,
        ),
        statistic("leaders-mental-health"),
    ],
    "starting_point": [
        paragraph(
            "<p>Shaun Brown is deputy headteacher for inclusion at Thomas Tallis School, a "
            "mainstream secondary school in Greenwich. Three things made him an attractive "
            "appointment: a master's degree in inclusion, a qualification as a special "
            "educational needs coordinator (SENCO), and time working in a pupil referral "
            "unit.</p>"
        ),
        paragraph(
            "<p>Shaun says the PRU taught him the language of CAMHS and the language of "
            "children's social care. There he worked side by side with the other professionals "
            "supporting each family, and that experience shapes how he now leads learning, "
            "wellbeing and safeguarding.</p>"
        ),
        paragraph(
            "<p>When he arrived, behaviour, special educational needs and pastoral care were "
            "each run by a separate team, in separate parts of the school's structure, so the "
            "adults supporting one pupil could belong to three different teams.</p>"
        ),
        paragraph(
            "<p><i>A true story, retold for this demonstration site from a case study on The "
            "Difference's public pages. It gives only the facts that case study gives.</i></p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>Shaun wrote an inclusion framework that brings the three teams together, with "
            "one line management structure under his deputy headship. He then organised the "
            "school's support for learning, wellbeing and safeguarding in three tiers.</p>"
        ),
        tiered_approach(
            "A whole-school model in three tiers",
            "Each tier builds on the one before it: what every pupil gets, preventative work "
            "with whole year groups, and close work with other agencies for the few at serious "
            "risk.",
            [
                (
                    "Tier 1",
                    "Universal",
                    "<p>Goals and training for every member of staff, so that all adults can "
                    "support pupils' learning, wellbeing and safety from day to day.</p>",
                    [],
                ),
                (
                    "Tier 2",
                    "Preventative",
                    "<p>An outside organisation talks to a whole year group about one "
                    "safeguarding risk. Pupils then reflect on it in their pastoral groups, and "
                    "those who emerge as most at risk are offered targeted work.</p>",
                    [
                        "Chelsea's Choice: awareness of child sexual exploitation",
                        "The Amy Winehouse Foundation: self-esteem and substance misuse",
                        "Growing Against Gang Violence",
                        "Yinka Williams: online abuse",
                    ],
                ),
                (
                    "Tier 3",
                    "Acute need",
                    "<p>Close working relationships with the local authority's agencies, so "
                    "that referrals for the most vulnerable pupils are made well and lead to "
                    "support.</p>",
                    ["Children's social care", "Other local authority agencies"],
                ),
            ],
        ),
        paragraph(
            "<p>In tier 2 the whole year group hears about each risk, not only the pupils staff "
            "are already worried about. Nobody assumes who a risk does or does not touch: every "
            "pupil learns what it looks like and how to recognise it later, and the "
            "conversations in pastoral groups show who needs more. In one year Chelsea's Choice "
            "and the Amy Winehouse Foundation ran sessions, and Shaun arranged for Growing "
            "Against Gang Violence and Yinka Williams to follow.</p>"
        ),
    ],
    "impact": [
        paragraph(
            "<p>Shaun's relationships with the local authority's agencies have led to better "
            "referrals and better support for vulnerable children. In one case the school was "
            "seriously worried about a pupil's safety, but social care did not share the "
            "concern, because the parents came across well in meetings.</p>"
        ),
        paragraph(
            "<p>An initial child protection conference is normally called by social care. "
            "Because he had worked so much alongside other agencies, Shaun knew that a school "
            "can call one too, so he did. As a result, social care gave that young person much "
            "stronger support.</p>"
        ),
        testimonial("lucy-heller"),
        paragraph(
            "<p>His story shows what experience in alternative provision can bring back to a "
            "mainstream school: fluency in the language of other services, and the confidence "
            "to use powers that schools already have.</p>"
        ),
    ],
}

ADA = {
    "slug": "ada-from-alternative-provision-to-senco",
    "title": "From alternative provision to SENCO: Ada's route back into mainstream leadership",
    "subject": "leader",
    "organisation": "Mulberry Academy Woodside",
    "summary": "Ada joined the pioneer cohort of The Difference Leadership Programme in 2019 as "
    "an Associate Leader at WAC Arts College, where her maths teaching helped improve GCSE "
    "results. As SENCO and an assistant headteacher at Mulberry Academy Woodside, she now helps "
    "staff recognise neurodivergence in girls.",
    "trust": "",
    "region": "london",
    "local_authority": "haringey",
    "period_start": 2019,
    "period_end": None,
    "setting_types": ["ap-free-school", "mainstream"],
    "phase": "secondary",
    "themes": ["leadership", "send", "curriculum"],
    "image": (
        "Demo: leadership route illustration",
        "Abstract illustration: a winding ribbon of green and teal crossing soft circles of "
        "indigo, like a path between places. No people are shown.",
        "meadow",
    ),
    "key_facts": [
        fact(
            "Role",
            "Assistant headteacher and SENCO",
            before_value="Junior leader, mainstream school",
            source=DIFFERENCE_PAGES,
        ),
        fact(
            "Programme placement",
            "Associate Leader, WAC Arts College",
            "From spring 2019",
            source=DIFFERENCE_PAGES,
        ),
        statistic("pioneer-cohort"),
        statistic("first-applications"),
    ],
    "starting_point": [
        paragraph(
            "<p>Ada was a maths teacher in a mainstream school, where she already held a "
            "junior leadership responsibility. She was one of more than 250 teachers who applied "
            "to join the programme's first cohort.</p>"
        ),
        paragraph(
            "<p>In the spring of 2019 she became one of the ten teachers in the pioneer cohort "
            "of The Difference Leadership Programme. Nothing like it had been tried before: "
            "teachers from mainstream schools joined the leadership teams of alternative "
            "provision schools for two years of professional learning, working every day with "
            "pupils excluded from other schools.</p>"
        ),
        paragraph(
            "<p>Alongside the job, the programme gave her training in inclusion, certification "
            "as a designated safeguarding lead, summer residentials with the rest of the "
            "cohort, supervision based on compassionate minds practice, and Twilights: evening "
            "sessions where leaders share what works.</p>"
        ),
        paragraph(RETOLD),
    ],
    "what_changed": [
        paragraph(
            "<p>Ada's placement made her an Associate Leader at WAC Arts College in London. "
            "Her understanding of her pupils' special educational needs grew a great deal. In "
            "return, she brought maths teaching fresh from a mainstream classroom, and the "
            "college's GCSE results improved.</p>"
        ),
        stat("special-needs"),
        paragraph(
            "<p>Her two years overlapped with the Covid pandemic. For a while parts of the "
            "training moved online, and as schools stayed open the programme adapted to keep "
            "going.</p>"
        ),
    ],
    "impact": [
        paragraph(
            "<p>After completing the programme, Ada returned to mainstream education as an "
            "assistant headteacher and SENCO at Mulberry Academy Woodside in Haringey, north "
            "London.</p>"
        ),
        paragraph(
            "<p>There she has made school a better experience for girls by helping staff "
            "understand and notice neurodivergence. She says she gained that insight on the "
            "programme.</p>"
        ),
        paragraph(
            "<p>Hers is the route the programme was designed for: expertise from mainstream "
            "taken into alternative provision, and specialist knowledge of inclusion brought "
            "back into mainstream leadership.</p>"
        ),
        paragraph(
            "<p>The programme has grown since Ada's cohort of ten. It has now worked with more "
            "than 70 aspiring leaders, and its community includes assistant headteachers, "
            "deputies and headteachers. Its partner schools now include special schools and "
            "internal alternative provision units in mainstream schools, as well as pupil "
            "referral units and AP academies.</p>"
        ),
    ],
}

HARBOURSIDE = {
    "slug": "harbourside-family-coaching",
    "title": "Coaching families instead of chasing absence at a primary AP free school",
    "subject": "school",
    "organisation": "Harbourside Learning Centre",
    "summary": "Attendance at a small primary alternative provision free school was low, and "
    "letters home were making families feel judged. A family coaching model gave each family "
    "one named adult and one small goal at a time. Attendance rose, and more pupils settled back "
    f"into mainstream school. {ILLUSTRATIVE}",
    "trust": "",
    "region": "south-west",
    "local_authority": "",
    "period_start": 2022,
    "period_end": 2024,
    "setting_types": ["ap-free-school"],
    "phase": "primary",
    "themes": ["attendance", "family-engagement", "reintegration"],
    "image": (
        "Demo: Harbourside case study illustration",
        "Abstract illustration: pale blue and sky-blue curves layered like gentle waves, with "
        "one small bright circle above them. No people are shown.",
        "sky",
    ),
    "key_facts": [
        fact(
            "Attendance",
            "88%",
            "2023 to 2024",
            "81%",
            "2021 to 2022",
            source="School records, 2024 (illustrative)",
        ),
        fact(
            "Pupils still in mainstream a term after returning",
            "7 of 10",
            "2023 to 2024",
            "3 of 8",
            "2021 to 2022",
            source="School records, 2024 (illustrative)",
        ),
        statistic("poverty"),
    ],
    "starting_point": [
        paragraph(
            _illustrative("Harbourside Learning Centre, its staff and its figures are invented.")
        ),
        paragraph(
            "<p>Harbourside Learning Centre teaches about forty children of primary age who "
            "have been excluded from school or are at risk of it. In 2021 to 2022 attendance "
            "was 81%. The centre's response to absence was the usual one: letters home, then "
            "meetings, then warnings.</p>"
        ),
        paragraph(
            "<p>Families told staff that the letters went unopened. Many parents had "
            "unhappy memories of their own schooling, and each letter felt like another "
            "judgement. Pupils who returned to mainstream school often came back within a term, "
            "because nobody had planned the move with their family.</p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>In 2022 an assistant headteacher joined the centre through The Difference "
            "Leadership Programme and took on attendance as her school improvement project. "
            "She replaced the letters with family coaching:</p><ul><li>each family has one "
            "named member of staff for the whole year;</li><li>the first visit is for "
            "listening, not for discussing the attendance figure;</li><li>family and coach "
            "agree one small goal at a time, such as arriving on time on Monday;</li><li>the "
            "family helps write the plan for any return to mainstream, with the receiving "
            "school in the room.</li></ul>"
        ),
        quote(
            "We stopped opening with the attendance figure. We asked families what their "
            "mornings were like, and then we could help.",
            "Head of centre",
            "Harbourside Learning Centre (illustrative)",
        ),
        paragraph(
            "<p>Every member of staff had training in coaching conversations, so the approach "
            "did not depend on one person.</p>"
        ),
    ],
    "impact": [
        paragraph(
            "<p>By 2023 to 2024 attendance had risen to 88%. Of the ten pupils who returned "
            "to mainstream school that year, seven were still there a term later, compared with "
            "three of eight two years before.</p>"
        ),
        paragraph(
            "<p>Staff say the biggest change is that families now call the centre first when "
            "something goes wrong. The centre is sharing its coaching model with two local "
            "primary schools.</p>"
        ),
    ],
}

COPPERBECK = {
    "slug": "copperbeck-reflective-supervision",
    "title": "Reflective supervision for every adult: keeping staff at a pupil referral unit",
    "subject": "school",
    "organisation": "Copperbeck Pupil Referral Unit",
    "summary": "Staff at a pupil referral unit were leaving faster than they could be replaced. "
    "Its head of wellbeing introduced reflective supervision, first for volunteers and then for "
    "every adult. Two years on, fewer staff left and most say they feel supported. "
    f"{ILLUSTRATIVE}",
    "trust": "",
    "region": "north-west",
    "local_authority": "",
    "period_start": 2022,
    "period_end": 2024,
    "setting_types": ["pru"],
    "phase": "secondary",
    "themes": ["mental-health", "leadership"],
    "image": (
        "Demo: Copperbeck case study illustration",
        "Abstract illustration: overlapping circles in soft pinks and deep indigo, gathered "
        "close together. No people are shown.",
        "dawn",
    ),
    "key_facts": [
        fact(
            "Staff who left during the year",
            "4",
            "2023 to 2024",
            "9",
            "2021 to 2022",
            source="School records, 2024 (illustrative)",
        ),
        fact(
            "Staff who say they feel supported",
            "79%",
            "July 2024",
            "46%",
            "July 2022",
            source="Staff survey, July 2024 (illustrative)",
        ),
        statistic("mental-health"),
    ],
    "starting_point": [
        paragraph(_illustrative("Copperbeck Pupil Referral Unit and its figures are invented.")),
        paragraph(
            "<p>Copperbeck is a pupil referral unit for secondary-age pupils, with 31 staff. "
            "In 2021 to 2022 nine of them left, and several posts were covered by agency staff "
            "for months at a time.</p>"
        ),
        paragraph(
            "<p>The work is demanding. Staff hear about harm to children most weeks, and many "
            "said they took it home with them. There was no regular time to talk it through: "
            "support came only after a crisis, if at all.</p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>Hannah Whitlock joined the unit's senior team in 2022 as head of wellbeing, "
            "through The Difference Leadership Programme. In her first year she ran "
            "reflective supervision, based on compassionate minds practice, for a group of "
            "volunteers. Groups were small, met every three weeks and were confidential, which "
            "staff said mattered most.</p>"
        ),
        paragraph(
            "<p>From her second year, supervision was offered to every adult in the building, "
            "from teaching assistants to the office team, in protected time. Two more "
            "colleagues trained to lead groups, and the senior team took part too.</p>"
        ),
        quote(
            "It is where I find out that I am not the only one who felt that way after a hard day.",
            "Learning mentor",
            "Copperbeck Pupil Referral Unit (illustrative)",
        ),
        people("The people involved", persons=["hannah-whitlock"]),
    ],
    "impact": [
        paragraph(
            "<p>In 2023 to 2024, 24 of the 31 staff took part in supervision. Four staff left "
            "that year, against nine two years before, and the unit filled its posts without "
            "agency cover.</p>"
        ),
        paragraph(
            "<p>In the summer staff survey, 79% said they felt supported in their work, up from "
            "46% in 2022. Leaders also noticed that safeguarding concerns were being raised "
            "earlier, often after a supervision session.</p>"
        ),
    ],
}

FOXGLOVE_PARK = {
    "slug": "foxglove-park-reading",
    "title": "Twenty minutes a day: teaching teenagers to read at an AP academy",
    "subject": "school",
    "organisation": "Foxglove Park Academy",
    "summary": "Many pupils arriving at an alternative provision academy read years below their "
    "age and avoided reading in every lesson. A daily reading programme, with texts written "
    "for teenagers, and training for all staff helped pupils catch up. More were entered for "
    f"GCSE English. {ILLUSTRATIVE}",
    "trust": "",
    "region": "west-midlands",
    "local_authority": "",
    "period_start": 2021,
    "period_end": 2023,
    "setting_types": ["ap-academy"],
    "phase": "secondary",
    "themes": ["literacy", "curriculum"],
    "image": (
        "Demo: Foxglove Park case study illustration",
        "Abstract illustration: rows of soft green and teal rectangles, like stacked pages, "
        "with a band of indigo across them. No people are shown.",
        "meadow",
    ),
    "key_facts": [
        fact(
            "Pupils reading within two years of their age",
            "41%",
            "July 2023",
            "22%",
            "September 2021",
            source="School reading assessments, 2023 (illustrative)",
        ),
        fact(
            "Pupils entered for GCSE English language",
            "15",
            "2023",
            "9",
            "2021",
            source="School records, 2023 (illustrative)",
        ),
        statistic("gcse"),
    ],
    "starting_point": [
        paragraph(_illustrative("Foxglove Park Academy and its figures are invented.")),
        paragraph(
            "<p>Foxglove Park is an alternative provision academy for pupils aged 11 to 16. In "
            "September 2021 only 22% of pupils read within two years of their actual age. "
            "Pupils avoided reading aloud, and worksheets in most subjects were written at a "
            "level many could not manage.</p>"
        ),
        paragraph(
            "<p>The academy had no reading programme for pupils of secondary age. The "
            "materials it had tried were written for young children, and pupils refused "
            "them. Gaps in reading held pupils back in every subject, and made a return to "
            "mainstream school harder.</p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>Priya Nandakumar, an English teacher from a large comprehensive, joined the "
            "senior team in 2021 through The Difference Leadership Programme. She began with a "
            "term-long trial of daily reading sessions, then built them into the "
            "timetable.</p>"
        ),
        paragraph(
            "<ul><li>Every pupil's reading is assessed on entry, and pupils are grouped by "
            "need.</li><li>Sessions last twenty minutes and take place first thing every "
            "day.</li><li>Texts are decodable but written about subjects teenagers chose, so "
            "nobody is handed a book meant for a small child.</li><li>All staff had training "
            "in making reading manageable in their own subject.</li></ul>"
        ),
        people("The people involved", persons=["priya-nandakumar"]),
    ],
    "impact": [
        paragraph(
            "<p>By July 2023, 41% of pupils read within two years of their age. Attendance at "
            "the reading sessions was higher than at most lessons, and 15 pupils were entered "
            "for GCSE English language, against 9 two years before.</p>"
        ),
        quote(
            "Some of our pupils now offer to read aloud in science and history. Two years ago "
            "that would not have happened.",
            "Head of English",
            "Foxglove Park Academy (illustrative)",
        ),
    ],
}

SALLOWFIELD = {
    "slug": "sallowfield-internal-alternative-provision",
    "title": "From isolation room to classroom: rebuilding a mainstream school's internal AP",
    "subject": "school",
    "organisation": "Sallowfield Academy",
    "summary": "A secondary school's internal unit had become a room where pupils sat in "
    "silence before being excluded. A leader trained in alternative provision turned it into a "
    "taught, time-limited placement with a plan to return. Permanent exclusions fell. "
    f"{ILLUSTRATIVE}",
    "trust": "",
    "region": "east-of-england",
    "local_authority": "",
    "period_start": 2022,
    "period_end": None,
    "setting_types": ["internal-ap", "mainstream"],
    "phase": "secondary",
    "themes": ["exclusion", "reintegration", "send"],
    # No picture: its card names its setting instead, and it is shared with a drawn card.
    "image": None,
    "key_facts": [
        fact(
            "Permanent exclusions",
            "4",
            "2023 to 2024",
            "11",
            "2021 to 2022",
            source="School records, 2024 (illustrative)",
        ),
        fact(
            "Pupils back on a full timetable within a term",
            "3 in 4",
            "2023 to 2024",
            source="School records, 2024 (illustrative)",
        ),
        statistic("excluded-per-day"),
    ],
    "starting_point": [
        paragraph(_illustrative("Sallowfield Academy and its figures are invented.")),
        paragraph(
            "<p>Sallowfield Academy is a mainstream secondary school with an internal unit "
            "for pupils removed from lessons. By 2022 the unit had become an isolation room: "
            "pupils sat in silence with worksheets, nobody taught them, and the same pupils "
            "came back week after week. In 2021 to 2022 the school permanently excluded 11 "
            "pupils, most of whom had spent weeks in the room first.</p>"
        ),
        paragraph(
            "<p>Nobody had asked why these pupils kept returning. Few had been assessed for "
            "special educational needs.</p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>Leah Morgan joined as assistant headteacher for inclusion in 2022, after two "
            "years in alternative provision on The Difference Leadership Programme. She rebuilt "
            "the unit, renamed The Lantern by pupils and staff:</p><ul><li>placements last six "
            "to twelve weeks and start with a plan and a date to return;</li><li>subject "
            "specialists teach the school's own curriculum, so pupils do not fall "
            "behind;</li><li>every pupil is screened for literacy and communication needs on "
            "arrival;</li><li>each pupil has a key adult, who meets the family before the "
            "return.</li></ul>"
        ),
        people("The people involved", persons=["leah-morgan"]),
    ],
    "impact": [
        paragraph(
            "<p>In 2023 to 2024 the school permanently excluded four pupils, against eleven two "
            "years before. Three in four pupils who spent time in The Lantern were back on a "
            "full timetable within a term. Screening found unmet special educational needs for "
            "14 pupils, who now have support in their lessons.</p>"
        ),
        quote(
            "The Lantern used to be where pupils waited to leave us. Now it is where we work "
            "out how they can stay.",
            "Headteacher",
            "Sallowfield Academy (illustrative)",
        ),
    ],
}

THISTLEBANK = {
    "slug": "thistlebank-communication-and-safeguarding",
    "title": "Noticing without words: safeguarding pupils with communication needs",
    "subject": "school",
    "organisation": "Thistlebank School",
    "summary": "At a special school, pupils with little or no speech were the least likely to "
    "have a safeguarding concern recorded. Staff learned to look for signs beyond words, and "
    "every classroom now has visual ways to share a worry. Concerns about these pupils are now "
    f"noticed and recorded. {ILLUSTRATIVE}",
    "trust": "",
    "region": "yorkshire-and-the-humber",
    "local_authority": "",
    "period_start": 2023,
    "period_end": None,
    "setting_types": ["special-school"],
    "phase": "all-through",
    "themes": ["communication-needs", "safeguarding", "send"],
    "image": (
        "Demo: Thistlebank case study illustration",
        "Abstract illustration: speech-bubble shapes in indigo and violet, some open and some "
        "empty, drifting across a pale background. No people are shown.",
        "indigo",
    ),
    "key_facts": [
        fact(
            "Safeguarding concerns about pupils with little or no speech",
            "17% of concerns",
            "2023 to 2024",
            "6% of concerns",
            "2022 to 2023",
            source="School safeguarding records, 2024 (illustrative)",
        ),
        fact(
            "Staff confident to spot non-verbal signs of harm",
            "84%",
            "July 2024",
            "38%",
            "September 2023",
            source="Staff training survey, 2024 (illustrative)",
        ),
        statistic("special-needs"),
    ],
    "starting_point": [
        paragraph(_illustrative("Thistlebank School and its figures are invented.")),
        paragraph(
            "<p>Thistlebank is a special school for pupils aged 5 to 16. About a fifth of its "
            "pupils have little or no speech, yet in 2022 to 2023 only 6% of the school's "
            "safeguarding concerns were about them.</p>"
        ),
        paragraph(
            "<p>Leaders did not think these pupils were safer than others. Most concerns began "
            "with a child telling an adult something, and children who cannot easily put an "
            "experience into words were far less likely to be heard.</p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>In 2023 an assistant headteacher joined through The Difference Leadership "
            "Programme, with a remit for safeguarding. With the designated safeguarding lead "
            "and the school's speech and language therapists, she:</p><ul><li>wrote a short "
            "communication profile for every pupil, showing how each one signals distress;"
            "</li><li>put symbol boards and simple worry tools in every classroom and on "
            "school transport;</li><li>trained every adult, including lunchtime staff and "
            "drivers, to notice changes in behaviour, not only what children say;</li><li>"
            "reviewed safeguarding records by communication level every half term.</li></ul>"
        ),
        quote(
            "Safeguarding depends on noticing. We had been waiting for children to tell us in "
            "words.",
            "Designated safeguarding lead",
            "Thistlebank School (illustrative)",
        ),
    ],
    "impact": [
        paragraph(
            "<p>In 2023 to 2024, 17% of safeguarding concerns were about pupils with little or "
            "no speech, closer to their share of the school. Each concern was followed up. "
            "Staff confident about spotting non-verbal signs of harm rose from 38% to 84%.</p>"
        ),
        paragraph(
            "<p>The school now shares its communication profiles with families and with other "
            "services, so that everyone around a child knows how that child shows they are "
            "worried.</p>"
        ),
    ],
}

BRACKENMOOR = {
    "slug": "brackenmoor-inclusion-partnership",
    "title": "One town's exclusions, shared: how a local inclusion partnership halved them",
    "subject": "area",
    "organisation": "Brackenmoor Inclusion Partnership",
    "summary": "Permanent exclusions in a northern town were rising and its pupil referral unit "
    "was full. Nine secondary schools, the PRU and an AP free school agreed to decide together, "
    "with a panel, outreach and a shared plan for every return to mainstream. Exclusions fell "
    f"by more than half in four years. {ILLUSTRATIVE}",
    "trust": "",
    "region": "north-east",
    "local_authority": "",
    "period_start": 2020,
    "period_end": 2024,
    "setting_types": ["mainstream", "pru", "ap-free-school"],
    "phase": "secondary",
    "themes": ["exclusion", "reintegration", "family-engagement"],
    "image": (
        "Demo: Brackenmoor case study illustration",
        "Abstract illustration: eleven small circles in greens and blues joined by soft "
        "lines, like a map of connected places. No people are shown.",
        "meadow",
    ),
    "key_facts": [
        fact(
            "Permanent exclusions across the partnership",
            "12",
            "2023 to 2024",
            "26",
            "2019 to 2020",
            source="Partnership records, 2024 (illustrative)",
        ),
        fact(
            "Pupils returning from AP to mainstream",
            "14 a year",
            "2023 to 2024",
            "5 a year",
            "2019 to 2020",
            source="Partnership records, 2024 (illustrative)",
        ),
        statistic("cost"),
    ],
    "starting_point": [
        paragraph(_illustrative("Brackenmoor, its schools and their figures are invented.")),
        paragraph(
            "<p>Brackenmoor is a town with nine secondary schools, one pupil referral unit and "
            "one alternative provision free school. In 2019 to 2020 its secondary schools "
            "permanently excluded 26 pupils. The PRU was full, so some excluded pupils spent "
            "weeks at home waiting for a place.</p>"
        ),
        paragraph(
            "<p>Each school made its own decisions, and information about pupils rarely moved "
            "with them. Only five pupils a year went back from alternative provision to a "
            "mainstream school.</p>"
        ),
    ],
    "what_changed": [
        paragraph(
            "<p>In 2020 the headteachers agreed that no school would permanently exclude a "
            "pupil before the partnership had looked together at the alternatives. A panel of "
            "heads, with the PRU, the free school and the local authority, meets every "
            "fortnight. Over the four years, three Difference Leaders joined the senior teams of "
            "the two alternative provision schools and led much of the outreach and "
            "reintegration work.</p>"
        ),
        tiered_approach(
            "Support in three tiers across the town",
            "Schools agreed what each tier offers and who takes part, so that a pupil gets the "
            "same chance wherever they go to school.",
            [
                (
                    "Tier 1",
                    "In every school",
                    "<p>Shared training for staff on behaviour, communication needs and "
                    "mental health, and one named inclusion lead in each school.</p>",
                    [],
                ),
                (
                    "Tier 2",
                    "Outreach",
                    "<p>Staff from the PRU and the free school work with pupils and teachers "
                    "in the mainstream school, before a crisis. Families get a coach.</p>",
                    ["Local authority early help team", "Youth service"],
                ),
                (
                    "Tier 3",
                    "A place in alternative provision, with a way back",
                    "<p>A time-limited place with a date to review, a named adult in the "
                    "receiving school and weekly check-ins for the first half term back.</p>",
                    ["Children's social care", "CAMHS"],
                ),
            ],
        ),
    ],
    "impact": [
        paragraph(
            "<p>Permanent exclusions fell from 26 in 2019 to 2020 to 12 in 2023 to 2024. The "
            "PRU now has places free, so no excluded pupil waits at home for one. Fourteen "
            "pupils returned to mainstream school in 2023 to 2024, against five four years "
            "before.</p>"
        ),
        quote(
            "We stopped treating an exclusion as one school's decision and started treating "
            "it as the whole town's problem.",
            "Chair of the inclusion panel",
            "Brackenmoor Inclusion Partnership (illustrative)",
        ),
        stat("excluded-per-day"),
    ],
}

CASE_STUDIES = [
    LINCOLNSHIRE,
    SHAUN_BROWN,
    ADA,
    HARBOURSIDE,
    COPPERBECK,
    FOXGLOVE_PARK,
    SALLOWFIELD,
    THISTLEBANK,
    BRACKENMOOR,
]

FEATURED = [LINCOLNSHIRE["slug"], SHAUN_BROWN["slug"], ADA["slug"]]
