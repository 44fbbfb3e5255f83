"""The teacher application page: open or closed state, the eligibility check and the
"tell me when applications open" request. One per site, directly under the home page."""

import logging

from django.db import models
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Site

from home.models import BasePage

from .application import ApplicationDraft, Cohort, OpeningNotification, TeacherApplication
from .pages import rate_limited, remember_reference

DRAFT_SESSION_KEY = "submissions:application-draft"
# Set when an application is sent: this browser may answer the monitoring questions once.
MONITORING_SESSION_KEY = "submissions:monitoring-cohort"

logger = logging.getLogger(__name__)


class ApplicationPage(RoutablePageMixin, BasePage):
    """/apply/: whether applications are open, the eligibility check, and (later) the form."""

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

    # --- routes --------------------------------------------------------------------------

    @path("")
    def index_view(self, request):
        from submissions.application_forms import OpeningNotificationForm
        from submissions.protection import FormState

        context = self.windows()
        if context["open_cohort"] is None:
            context["notify_form"] = OpeningNotificationForm(state=FormState.issue())
        return self.render(request, context_overrides=context)

    @path("notify/", name="notify")
    def notify_view(self, request):
        from submissions.application_forms import OpeningNotificationForm
        from submissions.protection import STATE_FIELD, FormState, check_rate_limit, spam_reasons

        if request.method != "POST":
            return HttpResponseRedirect(self.url)
        retry_after = check_rate_limit(request, "apply-notify")
        if retry_after is not None:
            return rate_limited(request, self, retry_after)
        context = self.windows()
        if context["open_cohort"] is not None:
            return HttpResponseRedirect(self.url)
        form = OpeningNotificationForm(request.POST)
        if not form.is_valid():
            context["notify_form"] = form
            return self.render(request, context_overrides=context)
        reasons = spam_reasons(request.POST, FormState.read(request.POST.get(STATE_FIELD)))
        if reasons:
            logger.info("Opening notification not stored: %s", ", ".join(reasons))
        else:
            OpeningNotification.objects.get_or_create(
                email=form.cleaned_data["email"].strip().lower(), cohort=context["next_cohort"]
            )
        return HttpResponseRedirect(self.route_url("notify_done"))

    @path("notify/done/", name="notify_done")
    def notify_done_view(self, request):
        return self.render(
            request,
            template="submissions/application/notify_done.html",
            context_overrides=self.windows(),
        )

    @path("eligibility/", name="eligibility")
    def eligibility_view(self, request):
        """The criteria as yes/no questions. Nothing is stored, whatever the answers."""
        from home.models import get_programme_requirements
        from submissions.application_forms import EligibilityForm

        requirements = get_programme_requirements(Site.find_for_request(request))
        criteria = requirements.criteria if requirements else ()
        context = {"criteria": criteria, **self.windows()}
        if request.method == "POST":
            form = EligibilityForm(criteria, request.POST)
            if form.is_valid():
                context["unmet"] = form.unmet()
                return self.render(
                    request,
                    template="submissions/application/eligibility_result.html",
                    context_overrides=context,
                )
        elif request.method in ("GET", "HEAD"):
            form = EligibilityForm(criteria)
        else:
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
        context["form"] = form
        return self.render(
            request,
            template="submissions/application/eligibility.html",
            context_overrides=context,
        )

    # --- the application ---------------------------------------------------------------

    def application_steps(self, request, cohorts=None):
        from submissions.application_steps import build_steps, competencies_for

        if cohorts is None:
            cohorts = list(Cohort.objects.open())
        return build_steps(competencies_for(Site.find_for_request(request)), cohorts)

    def current_draft(self, request):
        draft_id = request.session.get(DRAFT_SESSION_KEY)
        if not draft_id:
            return None
        cutoff = timezone.now() - ApplicationDraft.lifetime()
        return ApplicationDraft.objects.filter(pk=draft_id, updated_at__gte=cutoff).first()

    @staticmethod
    def first_incomplete(steps, draft):
        return next((step for step in steps if step.slug not in draft.answers), None)

    def step_url(self, step, change=False) -> str:
        return self.route_url("step", step.slug) + ("?change=1" if change else "")

    @path("start/", name="start")
    def start_view(self, request):
        """Begin (or carry on with) this browser's application, then go to the first gap."""
        open_cohort = Cohort.objects.open().first()
        if open_cohort is None:
            return HttpResponseRedirect(self.url)
        draft = self.current_draft(request)
        if draft is None:
            if request.method != "POST":
                return HttpResponseRedirect(self.route_url("eligibility"))
            draft = ApplicationDraft.objects.create(cohort=open_cohort)
            request.session[DRAFT_SESSION_KEY] = str(draft.pk)
        steps = self.application_steps(request)
        gap = self.first_incomplete(steps, draft)
        return HttpResponseRedirect(self.step_url(gap) if gap else self.route_url("check"))

    @path("step/<slug:slug>/", name="step")
    def step_view(self, request, slug):
        draft = self.current_draft(request)
        if draft is None:
            return HttpResponseRedirect(self.url)
        cohorts = list(Cohort.objects.open())
        steps = self.application_steps(request, cohorts)
        index = next((i for i, step in enumerate(steps) if step.slug == slug), None)
        if index is None:
            raise Http404("No such step")
        step = steps[index]
        gap = self.first_incomplete(steps, draft)
        if gap is not None and index > steps.index(gap):
            # Skipping ahead by URL: back to the first unanswered step.
            return HttpResponseRedirect(self.step_url(gap))
        changing = request.GET.get("change") == "1"
        if changing:
            back_url = self.route_url("check")
        elif index:
            back_url = self.step_url(steps[index - 1])
        else:
            back_url = self.url
        if request.method == "POST":
            form = step.form(request.POST)
            if request.POST.get("action") == "back":
                self.keep_for_back(draft, step, form)
                return HttpResponseRedirect(back_url)
            if form.is_valid():
                self.save_step(draft, step, form)
                if "save_and_return" in request.POST:
                    from submissions.application_resume import enqueue_resume_email

                    if draft.email:
                        enqueue_resume_email(draft, self.full_url)
                    return HttpResponseRedirect(self.route_url("saved"))
                gap = self.first_incomplete(steps, draft)
                if changing or gap is None:
                    return HttpResponseRedirect(
                        self.route_url("check") if gap is None else self.step_url(gap)
                    )
                # The next step in order, even one answered before: after "Back", continuing
                # shows again the step the applicant went back from. (Never beyond the gap: this
                # step was at or before it, and is answered now.)
                return HttpResponseRedirect(self.step_url(steps[index + 1]))
        elif request.method in ("GET", "HEAD"):
            # Answers kept by "Back" are newer than the saved ones: show those.
            initial = draft.unchecked_answers.get(step.slug) or draft.answers.get(step.slug)
            form = step.form(initial=initial)
        else:
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
        return self.render(
            request,
            template="submissions/application/step.html",
            context_overrides={
                "step": step,
                "form": form,
                "draft": draft,
                "step_number": index + 1,
                "step_count": len(steps),
                "action_url": self.step_url(step, change=changing),
            },
        )

    @staticmethod
    def save_step(draft, step, form) -> None:
        """A valid step: its answers count, and anything kept unchecked for it goes."""
        draft.answers[step.slug] = form.answers()
        draft.unchecked_answers.pop(step.slug, None)
        if "email" in form.cleaned_data:
            draft.email = form.cleaned_data["email"]
        draft.save()

    @classmethod
    def keep_for_back(cls, draft, step, form) -> None:
        """The "Back" button: it never loses what is on the page, nor shows errors for it.

        Valid answers are saved as "Save and continue" would. Anything else is kept as typed,
        apart from the checked answers: the step shows it again, while "first unanswered step"
        and the check page go on reading only checked answers (a step answered before keeps
        its earlier answers until it is saved again).
        """
        if form.is_valid():
            cls.save_step(draft, step, form)
            return
        typed = form.typed_answers()
        if step.slug in draft.answers or any(value not in ("", False) for value in typed.values()):
            draft.unchecked_answers[step.slug] = typed
        else:
            draft.unchecked_answers.pop(step.slug, None)
        draft.save()

    @path("check/", name="check")
    def check_view(self, request):
        from submissions.application_steps import FinalApplicationForm, summary_rows
        from submissions.service import submit

        draft_id = request.session.get(DRAFT_SESSION_KEY)
        draft = self.current_draft(request)
        if draft is None:
            if request.method == "POST" and draft_id:
                # A second press of "Send": the first already made the application.
                sent = TeacherApplication.objects.filter(form_token=f"draft-{draft_id}").first()
                if sent is not None:
                    return HttpResponseRedirect(self.route_url("confirmation", sent.reference))
            return HttpResponseRedirect(self.url)
        cohorts = list(Cohort.objects.open())
        steps = self.application_steps(request, cohorts)
        gap = self.first_incomplete(steps, draft)
        if gap is not None:
            return HttpResponseRedirect(self.step_url(gap))
        form = None
        if request.method == "POST":
            form = FinalApplicationForm(draft.answers, steps, cohorts)
            if form.is_valid():
                application = submit(form, token=draft.token)
                draft.delete()
                remember_reference(request, application.reference)
                request.session[MONITORING_SESSION_KEY] = application.cohort_id
                return HttpResponseRedirect(self.route_url("confirmation", application.reference))
        elif request.method not in ("GET", "HEAD"):
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
        sections = [
            {
                "title": step.title,
                "rows": summary_rows(step, draft.answers.get(step.slug, {})),
                "change_url": self.step_url(step, change=True),
                "unchecked": step.slug in draft.unchecked_answers,
            }
            for step in steps
        ]
        return self.render(
            request,
            template="submissions/application/check.html",
            context_overrides={"sections": sections, "final_form": form, "draft": draft},
        )

    @path("confirmation/<str:reference>/", name="confirmation")
    def confirmation_view(self, request, reference):
        from .pages import SESSION_KEY

        if reference not in request.session.get(SESSION_KEY, []):
            raise Http404("No confirmation for this browser")
        return self.render(
            request,
            template="submissions/application/confirmation.html",
            context_overrides={
                "reference": reference,
                "monitoring_url": self.route_url("monitoring")
                if request.session.get(MONITORING_SESSION_KEY)
                else "",
            },
        )

    @path("saved/", name="saved")
    def saved_view(self, request):
        draft = self.current_draft(request)
        if draft is None:
            return HttpResponseRedirect(self.url)
        return self.render(
            request,
            template="submissions/application/saved.html",
            context_overrides={"draft": draft},
        )

    @path("resume/", name="resume")
    def resume_view(self, request):
        """A link from the save-and-return email: this browser carries on with that draft.

        The token is a query parameter: Wagtail's page URLs allow only word characters and
        hyphens in a path, and a signed value contains colons.
        """
        from submissions.application_resume import read_token

        draft_id = read_token(request.GET.get("token", "")[:300])
        draft = None
        if draft_id:
            cutoff = timezone.now() - ApplicationDraft.lifetime()
            draft = ApplicationDraft.objects.filter(pk=draft_id, updated_at__gte=cutoff).first()
        if draft is None:
            return self._invalid_link(request)
        request.session.cycle_key()
        request.session[DRAFT_SESSION_KEY] = str(draft.pk)
        return HttpResponseRedirect(self.route_url("start"))

    def _invalid_link(self, request):
        response = self.render(
            request, template="submissions/application/resume_invalid.html", context_overrides={}
        )
        response.status_code = 404
        return response

    @path("monitoring/", name="monitoring")
    def monitoring_view(self, request):
        """Optional equal-opportunities questions, once, after sending an application.

        The answers are stored with the cohort only: no reference, no time, nothing that
        leads back to the application or the person.
        """
        from submissions.application_forms import MonitoringForm

        cohort_id = request.session.get(MONITORING_SESSION_KEY)
        if not cohort_id:
            return HttpResponseRedirect(self.url)
        if request.method == "POST":
            form = MonitoringForm(request.POST)
            if form.is_valid():
                if "skip" not in request.POST:
                    response = form.save(commit=False)
                    response.cohort_id = cohort_id
                    response.save()
                del request.session[MONITORING_SESSION_KEY]
                return self.render(
                    request,
                    template="submissions/application/monitoring_done.html",
                    context_overrides={"skipped": "skip" in request.POST},
                )
        else:
            form = MonitoringForm()
        return self.render(
            request,
            template="submissions/application/monitoring.html",
            context_overrides={"form": form},
        )
