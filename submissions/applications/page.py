"""The teacher application page, /apply/: one per site, directly under the home page.

The page holds what editors write (introduction, the closed-window text, the privacy summary
and notice) and declares the routes of the application; `submissions.applications.flow` says
what each route does, from the eligibility check to the confirmation.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.models import BasePage
from submissions.privacy import PrivacySummary, duration
from submissions.responses import FormPageMixin, private_page

from . import flow
from .models import Cohort


class ApplicationPage(FormPageMixin, RoutablePageMixin, BasePage):
    """/apply/: whether applications are open, the eligibility check and the application."""

    introduction = models.TextField(
        max_length=600,
        blank=True,
        help_text="Shown under the heading: who can apply and how long applying takes.",
    )
    closed_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown while applications are closed, above the dates of the next window.",
    )
    privacy_summary = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown before the application's first question instead of the standard "
        "wording: who holds the answers, why, the lawful basis, how long they are kept, "
        "people's rights and how to complain to the ICO. Leave empty for the standard wording, "
        "which says all of that.",
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full privacy notice, linked wherever the page asks for personal details.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("closed_text", heading="While applications are closed"),
        MultiFieldPanel(
            [FieldPanel("privacy_summary"), FieldPanel("privacy_notice")], heading="Privacy"
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/application_page.html"

    class Meta:
        verbose_name = "teacher application page"

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction[:160]

    def route_url(self, name: str, *args) -> str:
        return self.url + self.reverse_subpage(name, args=list(args))

    def windows(self, now=None) -> dict:
        """The open cohort (or None) and the next window (or None), in one query."""
        now = now or timezone.now()
        cohorts = list(Cohort.objects.filter(closes_at__gt=now).order_by("opens_at")[:5])
        open_cohort = next((c for c in cohorts if c.is_open(now)), None)
        next_cohort = next((c for c in cohorts if c.opens_at > now), None)
        return {"open_cohort": open_cohort, "next_cohort": next_cohort}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy"] = PrivacySummary(
            purpose="We use them only to consider your application to the programme and, if "
            "we offer you a place, to arrange it. Only our recruitment team and the people who "
            "select applicants see them.",
            lawful_basis="you have asked us to consider you for a place on the programme, "
            "which we cannot do without your details (UK GDPR Article 6(1)(b)).",
            kept_for=f"sent applications for {duration(settings.APPLICATIONS_RETENTION_DAYS)} "
            f"and unfinished ones for {duration(settings.APPLICATION_DRAFT_DAYS)} after your "
            "last change",
        )
        context["urls"] = {
            name: self.route_url(name)
            for name in (
                "eligibility",
                "notify",
                "notify_done",
                "start",
                "check",
                "saved",
                "resume",
                "monitoring",
            )
        }
        return context

    # --- routes: each handled by the flow module -------------------------------------------
    # Every route that shows or takes a person's answers is `@private_page`: `Cache-Control: private,
    # no-store` (Django's never_cache), so neither a shared cache nor the browser's history
    # keeps it, and Back on a shared computer shows nothing. The index, the eligibility
    # questions and "we will email you" stay cacheable; the eligibility result is marked in
    # `flow.eligibility`.

    @path("")
    def index_view(self, request):
        return flow.index(self, request)

    @path("notify/", name="notify")
    @private_page
    def notify_view(self, request):
        return flow.notify(self, request)

    @path("notify/done/", name="notify_done")
    def notify_done_view(self, request):
        return flow.notify_done(self, request)

    @path("eligibility/", name="eligibility")
    def eligibility_view(self, request):
        return flow.eligibility(self, request)

    @path("start/", name="start")
    @private_page
    def start_view(self, request):
        return flow.start(self, request)

    @path("step/<slug:slug>/", name="step")
    @private_page
    def step_view(self, request, slug):
        return flow.step(self, request, slug)

    @path("check/", name="check")
    @private_page
    def check_view(self, request):
        return flow.check(self, request)

    @path("confirmation/<str:reference>/", name="confirmation")
    @private_page
    def confirmation_view(self, request, reference):
        return flow.confirmation(self, request, reference)

    @path("saved/", name="saved")
    @private_page
    def saved_view(self, request):
        return flow.saved(self, request)

    @path("resume/", name="resume")
    @private_page
    def resume_view(self, request):
        return flow.resume(self, request)

    @path("monitoring/", name="monitoring")
    @private_page
    def monitoring_view(self, request):
        return flow.monitoring(self, request)
