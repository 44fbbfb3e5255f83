import pytest

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory, paragraph


@pytest.fixture
def index(home_page):
    return CaseStudyIndexPageFactory(parent=home_page)


@pytest.fixture
def case_studies(index, topics, setting_types, secondary):
    """Four case studies across settings, regions and themes (topics): enough to filter and
    count."""
    return {
        "lincolnshire": CaseStudyPageFactory(
            parent=index,
            title="From special measures to a new academy",
            slug="lincolnshire",
            organisation="Springwell, Lincoln City Academy",
            region="east-midlands",
            local_authority="lincolnshire",
            period_start=2015,
            period_end=2019,
            phase=secondary,
            setting_types=[setting_types["pru"]],
            themes=[topics["leadership"], topics["send"]],
            starting_point=[paragraph("The county's pupil referral unit was failing.")],
        ),
        "tallis": CaseStudyPageFactory(
            parent=index,
            title="Three tiers of inclusion",
            slug="three-tiers",
            subject="leader",
            organisation="Thomas Tallis School",
            region="london",
            local_authority="greenwich",
            period_start=2019,
            setting_types=[setting_types["mainstream"]],
            themes=[topics["safeguarding"], topics["leadership"]],
        ),
        "special": CaseStudyPageFactory(
            parent=index,
            title="A special school's attendance plan",
            slug="special-attendance",
            organisation="Harbourside School",
            region="north-east",
            local_authority="sunderland",
            period_start=2021,
            period_end=2023,
            setting_types=[setting_types["special-school"]],
            themes=[topics["attendance"]],
        ),
        "hackney": CaseStudyPageFactory(
            parent=index,
            title="A PRU and its families",
            slug="pru-families",
            organisation="Riverside Centre",
            region="london",
            local_authority="hackney",
            period_start=2020,
            period_end=2022,
            setting_types=[setting_types["pru"]],
            themes=[topics["attendance"], topics["send"]],
        ),
    }
