"""The journey through /apply/, route by route: what each address shows and where it leads.

`ApplicationPage` (`submissions.applications.page`) declares the routes and hands each request
here with the page. In order:

- `""`: open or closed; while closed, the request to be told when applications open (`notify/`,
  then `notify/done/`);
- `eligibility/`: the published criteria as yes/no questions (nothing stored);
- `start/` (a POST from the eligibility result): makes a draft and keeps its id in the session;
- `step/<slug>/`: each step saves its answers in the draft, then leads to the next step (the
  check page once every step is answered); "Back" keeps what is on the page;
- `saved/` and `resume/?token=`: save and return, through an emailed link;
- `check/`: check your answers, then send (`service.submit` stores the application once);
- `confirmation/<reference>/`, then the optional `monitoring/` questions.
"""

import logging

from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone

from wagtail.models import Site

from home.models import get_programme_requirements
from submissions.protection import STATE_FIELD, FormState, check_rate_limit, spam_reasons
from submissions.responses import may_see_confirmation, rate_limited, remember_reference
from submissions.service import submit

from .forms import EligibilityForm, MonitoringForm, OpeningNotificationForm
from .models import ApplicationDraft, Cohort, OpeningNotification, TeacherApplication
from .resume import enqueue_resume_email, read_token
from .steps import FinalApplicationForm, build_steps, competencies_for, summary_rows

DRAFT_SESSION_KEY = "submissions:application-draft"
# Set when an application is sent: this browser may answer the monitoring questions once.
MONITORING_SESSION_KEY = "submissions:monitoring-cohort"
ALLOW_GET_POST = {"Allow": "GET, HEAD, POST"}

logger = logging.getLogger(__name__)


# --- before applying ---------------------------------------------------------------------


def index(page, request):
    context = page.windows()
    if context["open_cohort"] is None:
        context["notify_form"] = OpeningNotificationForm(state=FormState.issue())
    return page.render(request, context_overrides=context)


def notify(page, request):
    """Store a request to be emailed when the next window opens (with consent)."""
    if request.method != "POST":
        return HttpResponseRedirect(page.url)
    retry_after = check_rate_limit(request, "apply-notify")
    if retry_after is not None:
        return rate_limited(request, page, retry_after)
    context = page.windows()
    if context["open_cohort"] is not None:
        return HttpResponseRedirect(page.url)
    form = OpeningNotificationForm(request.POST)
    if not form.is_valid():
        context["notify_form"] = form
        return page.render(request, context_overrides=context)
    reasons = spam_reasons(request.POST, FormState.read(request.POST.get(STATE_FIELD)))
    if reasons:
        logger.info("Opening notification not stored: %s", ", ".join(reasons))
    else:
        OpeningNotification.objects.get_or_create(
            email=form.cleaned_data["email"].strip().lower(), cohort=context["next_cohort"]
        )
    return HttpResponseRedirect(page.route_url("notify_done"))


def notify_done(page, request):
    return page.render(
        request,
        template="submissions/application/notify_done.html",
        context_overrides=page.windows(),
    )


def eligibility(page, request):
    """The criteria as yes/no questions. Nothing is stored, whatever the answers."""
    requirements = get_programme_requirements(Site.find_for_request(request))
    criteria = requirements.criteria if requirements else ()
    context = {"criteria": criteria, **page.windows()}
    if request.method == "POST":
        form = EligibilityForm(criteria, request.POST)
        if form.is_valid():
            context["unmet"] = form.unmet()
            return page.render(
                request,
                template="submissions/application/eligibility_result.html",
                context_overrides=context,
            )
    elif request.method in ("GET", "HEAD"):
        form = EligibilityForm(criteria)
    else:
        return HttpResponse(status=405, headers=ALLOW_GET_POST)
    context["form"] = form
    return page.render(
        request,
        template="submissions/application/eligibility.html",
        context_overrides=context,
    )


# --- the draft and its steps ---------------------------------------------------------------


def current_draft(request) -> ApplicationDraft | None:
    """This browser's unfinished application, unless it has expired."""
    draft_id = request.session.get(DRAFT_SESSION_KEY)
    if not draft_id:
        return None
    return _live_drafts().filter(pk=draft_id).first()


def _live_drafts():
    return ApplicationDraft.objects.filter(
        updated_at__gte=timezone.now() - ApplicationDraft.lifetime()
    )


def application_steps(request, cohorts=None):
    if cohorts is None:
        cohorts = list(Cohort.objects.open())
    return build_steps(competencies_for(Site.find_for_request(request)), cohorts)


def first_incomplete(steps, draft):
    return next((step for step in steps if step.slug not in draft.answers), None)


def step_url(page, step, change=False) -> str:
    return page.route_url("step", step.slug) + ("?change=1" if change else "")


def start(page, request):
    """Begin (or carry on with) this browser's application, then go to the first gap."""
    open_cohort = Cohort.objects.open().first()
    if open_cohort is None:
        return HttpResponseRedirect(page.url)
    draft = current_draft(request)
    if draft is None:
        if request.method != "POST":
            return HttpResponseRedirect(page.route_url("eligibility"))
        draft = ApplicationDraft.objects.create(cohort=open_cohort)
        request.session[DRAFT_SESSION_KEY] = str(draft.pk)
    gap = first_incomplete(application_steps(request), draft)
    return HttpResponseRedirect(step_url(page, gap) if gap else page.route_url("check"))


def step(page, request, slug):
    draft = current_draft(request)
    if draft is None:
        return HttpResponseRedirect(page.url)
    steps = application_steps(request)
    index = next((i for i, s in enumerate(steps) if s.slug == slug), None)
    if index is None:
        raise Http404("No such step")
    this_step = steps[index]
    gap = first_incomplete(steps, draft)
    if gap is not None and index > steps.index(gap):
        # Skipping ahead by URL: back to the first unanswered step.
        return HttpResponseRedirect(step_url(page, gap))
    changing = request.GET.get("change") == "1"
    if changing:
        back_url = page.route_url("check")
    elif index:
        back_url = step_url(page, steps[index - 1])
    else:
        back_url = page.url
    if request.method == "POST":
        form = this_step.form(request.POST)
        if request.POST.get("action") == "back":
            keep_for_back(draft, this_step, form)
            return HttpResponseRedirect(back_url)
        if form.is_valid():
            save_step(draft, this_step, form)
            if "save_and_return" in request.POST:
                if draft.email:
                    enqueue_resume_email(draft, page.full_url)
                return HttpResponseRedirect(page.route_url("saved"))
            gap = first_incomplete(steps, draft)
            if changing or gap is None:
                return HttpResponseRedirect(
                    page.route_url("check") if gap is None else step_url(page, gap)
                )
            # The next step in order, even one answered before: after "Back", continuing shows
            # again the step the applicant went back from. (Never beyond the gap: this step was
            # at or before it, and is answered now.)
            return HttpResponseRedirect(step_url(page, steps[index + 1]))
    elif request.method in ("GET", "HEAD"):
        # Answers kept by "Back" are newer than the saved ones: show those.
        initial = draft.unchecked_answers.get(this_step.slug) or draft.answers.get(this_step.slug)
        form = this_step.form(initial=initial)
    else:
        return HttpResponse(status=405, headers=ALLOW_GET_POST)
    return page.render(
        request,
        template="submissions/application/step.html",
        context_overrides={
            "step": this_step,
            "form": form,
            "draft": draft,
            "step_number": index + 1,
            "step_count": len(steps),
            "action_url": step_url(page, this_step, change=changing),
        },
    )


def save_step(draft, step, form) -> None:
    """A valid step: its answers count, and anything kept unchecked for it goes."""
    draft.answers[step.slug] = form.answers()
    draft.unchecked_answers.pop(step.slug, None)
    if "email" in form.cleaned_data:
        draft.email = form.cleaned_data["email"]
    draft.save()


def keep_for_back(draft, step, form) -> None:
    """The "Back" button: it never loses what is on the page, nor shows errors for it.

    Valid answers are saved as "Save and continue" would. Anything else is kept as typed, apart
    from the checked answers: the step shows it again, while "first unanswered step" and the
    check page go on reading only checked answers (a step answered before keeps its earlier
    answers until it is saved again).
    """
    if form.is_valid():
        save_step(draft, step, form)
        return
    typed = form.typed_answers()
    if step.slug in draft.answers or any(value not in ("", False) for value in typed.values()):
        draft.unchecked_answers[step.slug] = typed
    else:
        draft.unchecked_answers.pop(step.slug, None)
    draft.save()


# --- checking, sending and after ------------------------------------------------------------


def check(page, request):
    draft_id = request.session.get(DRAFT_SESSION_KEY)
    draft = current_draft(request)
    if draft is None:
        if request.method == "POST" and draft_id:
            # A second press of "Send": the first already made the application.
            sent = TeacherApplication.objects.filter(form_token=f"draft-{draft_id}").first()
            if sent is not None:
                return HttpResponseRedirect(page.route_url("confirmation", sent.reference))
        return HttpResponseRedirect(page.url)
    cohorts = list(Cohort.objects.open())
    steps = application_steps(request, cohorts)
    gap = first_incomplete(steps, draft)
    if gap is not None:
        return HttpResponseRedirect(step_url(page, gap))
    form = None
    if request.method == "POST":
        form = FinalApplicationForm(draft.answers, steps, cohorts)
        if form.is_valid():
            application = submit(form, token=draft.token)
            draft.delete()
            remember_reference(request, application.reference)
            request.session[MONITORING_SESSION_KEY] = application.cohort_id
            return HttpResponseRedirect(page.route_url("confirmation", application.reference))
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405, headers=ALLOW_GET_POST)
    sections = [
        {
            "title": each.title,
            "rows": summary_rows(each, draft.answers.get(each.slug, {})),
            "change_url": step_url(page, each, change=True),
            "unchecked": each.slug in draft.unchecked_answers,
        }
        for each in steps
    ]
    return page.render(
        request,
        template="submissions/application/check.html",
        context_overrides={"sections": sections, "final_form": form, "draft": draft},
    )


def confirmation(page, request, reference):
    if not may_see_confirmation(request, reference):
        raise Http404("No confirmation for this browser")
    return page.render(
        request,
        template="submissions/application/confirmation.html",
        context_overrides={
            "reference": reference,
            "monitoring_url": page.route_url("monitoring")
            if request.session.get(MONITORING_SESSION_KEY)
            else "",
        },
    )


def saved(page, request):
    draft = current_draft(request)
    if draft is None:
        return HttpResponseRedirect(page.url)
    return page.render(
        request,
        template="submissions/application/saved.html",
        context_overrides={"draft": draft},
    )


def resume(page, request):
    """A link from the save-and-return email: this browser carries on with that draft.

    The token is a query parameter: Wagtail's page URLs allow only word characters and hyphens
    in a path, and a signed value contains colons.
    """
    draft_id = read_token(request.GET.get("token", "")[:300])
    draft = _live_drafts().filter(pk=draft_id).first() if draft_id else None
    if draft is None:
        response = page.render(
            request, template="submissions/application/resume_invalid.html", context_overrides={}
        )
        response.status_code = 404
        return response
    request.session.cycle_key()
    request.session[DRAFT_SESSION_KEY] = str(draft.pk)
    return HttpResponseRedirect(page.route_url("start"))


def monitoring(page, request):
    """Optional equal-opportunities questions, once, after sending an application.

    The answers are stored with the cohort only: no reference, no time, nothing that leads back
    to the application or the person.
    """
    cohort_id = request.session.get(MONITORING_SESSION_KEY)
    if not cohort_id:
        return HttpResponseRedirect(page.url)
    if request.method == "POST":
        form = MonitoringForm(request.POST)
        if form.is_valid():
            skipped = "skip" in request.POST
            if not skipped:
                response = form.save(commit=False)
                response.cohort_id = cohort_id
                response.save()
            del request.session[MONITORING_SESSION_KEY]
            return page.render(
                request,
                template="submissions/application/monitoring_done.html",
                context_overrides={"skipped": skipped},
            )
    else:
        form = MonitoringForm()
    return page.render(
        request,
        template="submissions/application/monitoring.html",
        context_overrides={"form": form},
    )
