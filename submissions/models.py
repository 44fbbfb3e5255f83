"""Every model of the app, for Django to find. Each form keeps its own in its sub-package:
`submissions.enquiries` (the schools' Expression of Interest) and `submissions.applications`
(the teacher application). All keep the app label `submissions`."""

from .applications.models import (
    ApplicationDraft,
    Cohort,
    MonitoringResponse,
    MonitoringSummary,
    OpeningNotification,
    TeacherApplication,
)
from .applications.page import ApplicationPage
from .enquiries.models import PartnershipEnquiry
from .enquiries.page import ExpressionOfInterestPage

__all__ = [
    "ApplicationDraft",
    "ApplicationPage",
    "Cohort",
    "ExpressionOfInterestPage",
    "MonitoringResponse",
    "MonitoringSummary",
    "OpeningNotification",
    "PartnershipEnquiry",
    "TeacherApplication",
]
