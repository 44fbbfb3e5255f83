from home.snippets import FAQ, Audience, Statistic, Testimonial

from .base import BasePage
from .landing import LandingPage
from .pages import HomePage, StandardPage
from .partner import PartnerPage
from .programme import (
    EligibilityCriterion,
    ProgrammePage,
    ProgrammeRequirements,
    SelectionCompetency,
    get_programme_requirements,
)
from .research import ResearchPage
from .settings import SiteSettings, SocialLinkBlock

__all__ = [
    "FAQ",
    "Audience",
    "BasePage",
    "EligibilityCriterion",
    "HomePage",
    "LandingPage",
    "PartnerPage",
    "ProgrammePage",
    "ProgrammeRequirements",
    "ResearchPage",
    "SelectionCompetency",
    "SiteSettings",
    "SocialLinkBlock",
    "StandardPage",
    "Statistic",
    "Testimonial",
    "get_programme_requirements",
]
