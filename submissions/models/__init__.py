from .application import (
    ApplicationDraft,
    Cohort,
    MonitoringResponse,
    OpeningNotification,
    TeacherApplication,
)
from .application_page import ApplicationPage
from .enquiry import PartnershipEnquiry
from .pages import ExpressionOfInterestPage

__all__ = [
    "ApplicationDraft",
    "ApplicationPage",
    "Cohort",
    "ExpressionOfInterestPage",
    "MonitoringResponse",
    "OpeningNotification",
    "PartnershipEnquiry",
    "TeacherApplication",
]
