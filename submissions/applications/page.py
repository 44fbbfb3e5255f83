"""The teacher application page, /apply/: one per site, directly under the home page.

The page holds what editors write (introduction, the closed-window text, the privacy notice)
and declares the routes of the application; `submissions.applications.flow` says what each
route does, from the eligibility check to the confirmation.
"""

from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.models import BasePage

from . import flow
from .models import Cohort


class ApplicationPage(RoutablePageMixin, BasePage):
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
        MultiFieldPanel(
            [FieldPanel("closed_text"), FieldPanel("privacy_notice")],
            heading="While applications are closed",
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
        context["urls"] = {
            name: self.route_url(name)
            for name in (
                "eligibility",
                "notify",
                "notify_done",
                "start",
                "check",
                "saved",
                "monitoring",
            )
        }
        return context

    # --- routes: each handled by the flow module -------------------------------------------

    @path("")
    def index_view(self, request):
        return flow.index(self, request)

    @path("notify/", name="notify")
    def notify_view(self, request):
        return flow.notify(self, request)

    @path("notify/done/", name="notify_done")
    def notify_done_view(self, request):
        return flow.notify_done(self, request)

    @path("eligibility/", name="eligibility")
    def eligibility_view(self, request):
        return flow.eligibility(self, request)

    @path("start/", name="start")
    def start_view(self, request):
        return flow.start(self, request)

    @path("step/<slug:slug>/", name="step")
    def step_view(self, request, slug):
        return flow.step(self, request, slug)

    @path("check/", name="check")
    def check_view(self, request):
        return flow.check(self, request)

    @path("confirmation/<str:reference>/", name="confirmation")
    def confirmation_view(self, request, reference):
        return flow.confirmation(self, request, reference)

    @path("saved/", name="saved")
    def saved_view(self, request):
        return flow.saved(self, request)

    @path("resume/", name="resume")
    def resume_view(self, request):
        return flow.resume(self, request)

    @path("monitoring/", name="monitoring")
    def monitoring_view(self, request):
        return flow.monitoring(self, request)
