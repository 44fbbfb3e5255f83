"""The journey through /apply/, route by route: what each address shows and where it leads.

`ApplicationPage` (`submissions.applications.page`) declares the routes and hands each request
here with the page. In order:

- `""`: open or closed; while closed, the request to be told when applications open (`notify/`,
  then `notify/done/`);
- `eligibility/`: the published criteria as yes/no questions (nothing stored);
- `start/` (a POST from the eligibility result): makes a draft and keeps its id in the session;
- `step/<slug>/`: each step saves its answers in the draft, then leads to the next step (the
  check page once every step is answered); "Back" keeps what is on the page;
- `saved/` and `resume/?token=`: save and return, through an emailed, single-use link
  (`submissions.applications.resume`);
- `check/`: check your answers, then send (`service.submit` stores the application once);
- `confirmation/<reference>/`, then the optional `monitoring/` questions.

Every post is rate-limited (`submissions.protection`; the scopes are in
`SUBMISSIONS_RATE_LIMITS`): per client address, and per email address where one is given. The
first step carries the honeypot and the minimum fill time. `ApplicationPage` sends every route
that shows or takes answers with `Cache-Control: private, no-store`.
"""

import logging
from datetime import datetime

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from wagtail.models import Site

from home.models import get_programme_requirements
from submissions.forms import AbuseProtection
from submissions.protection import (
    STATE_FIELD,
    FormState,
    check_email_rate_limit,
    check_rate_limit,
    hit,
    spam_reasons,
)
from submissions.responses import may_see_confirmation, rate_limited, remember_reference
from submissions.service import find_submitted, submit

from .forms import EligibilityForm, MonitoringForm, OpeningNotificationForm, ResumeForm
from .models import ApplicationDraft, Cohort, OpeningNotification, TeacherApplication
from .resume import LinkSent, draft_for_token, send_link, spend
from .steps import FinalApplicationForm, build_steps, competencies_for, summary_rows

DRAFT_SESSION_KEY = "submissions:application-draft"
# A save-and-return link opened in this browser and not yet confirmed with its email address.
RESUME_SESSION_KEY = "submissions:resume-link"
# What the saved page says once "Save and come back later" has closed the draft here.
SAVED_SESSION_KEY = "submissions:application-saved"
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
    retry_after = check_rate_limit(request, "notify")
    if retry_after is not None:
        return rate_limited(request, page, retry_after)
    context = page.windows()
    if context["open_cohort"] is not None:
        return HttpResponseRedirect(page.url)
    form = OpeningNotificationForm(request.POST)
    if not form.is_valid():
        context["notify_form"] = form
        return page.render(request, context_overrides=context)
    retry_after = check_email_rate_limit("notify-email", form.cleaned_data["email"])
    if retry_after is not None:
        return rate_limited(request, page, retry_after)
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
        retry_after = check_rate_limit(request, "eligibility")
        if retry_after is not None:
            return rate_limited(request, page, retry_after)
        form = EligibilityForm(criteria, request.POST)
        if form.is_valid():
            context["unmet"] = form.unmet()
            response = page.render(
                request,
                template="submissions/application/eligibility_result.html",
                context_overrides=context,
            )
            # The answers show in what the result says: for this browser only, never kept.
            add_never_cache_headers(response)
            return response
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
    if request.method == "POST":
        retry_after = check_rate_limit(request, "apply-start")
        if retry_after is not None:
            return rate_limited(request, page, retry_after)
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
        retry_after = check_rate_limit(request, "apply-step")
        if retry_after is not None:
            return rate_limited(request, page, retry_after)
        form = this_step.form(request.POST)
        if request.POST.get("action") == "back":
            keep_for_back(request, draft, this_step, form)
            return HttpResponseRedirect(back_url)
        if form.is_valid():
            if "email" in form.cleaned_data:
                retry_after = check_email_rate_limit("apply-step-email", form.cleaned_data["email"])
                if retry_after is not None:
                    return rate_limited(request, page, retry_after)
            save_step(request, draft, this_step, form)
            if "save_and_return" in request.POST:
                return save_and_return(page, request, draft)
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
        protected = issubclass(this_step.form_class, AbuseProtection)
        form = this_step.form(
            initial=initial, **({"state": FormState.issue()} if protected else {})
        )
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


def save_step(request, draft, step, form) -> None:
    """A valid step: its answers count, and anything kept unchecked for it goes.

    A step with the honeypot and form state is judged the first time it is saved: a draft whose
    first step looked automated carries on like any other, sends no email, and becomes an
    application flagged as spam. (Only the first time: coming back to a step already answered
    and continuing at once is what people do.)
    """
    if form.protection_fields and step.slug not in draft.answers and not draft.spam_reasons:
        reasons = spam_reasons(request.POST, FormState.read(request.POST.get(STATE_FIELD)))
        if reasons:
            logger.info("Application draft flagged as spam (%s)", ", ".join(reasons))
            draft.spam_reasons = reasons
    draft.answers[step.slug] = form.answers()
    draft.unchecked_answers.pop(step.slug, None)
    if "email" in form.cleaned_data:
        draft.email = form.cleaned_data["email"]
    draft.save()


def keep_for_back(request, draft, step, form) -> None:
    """The "Back" button: it never loses what is on the page, nor shows errors for it.

    Valid answers are saved as "Save and continue" would. Anything else is kept as typed, apart
    from the checked answers: the step shows it again, while "first unanswered step" and the
    check page go on reading only checked answers (a step answered before keeps its earlier
    answers until it is saved again).
    """
    if form.is_valid():
        save_step(request, draft, step, form)
        return
    typed = form.typed_answers()
    if step.slug in draft.answers or any(value not in ("", False) for value in typed.values()):
        draft.unchecked_answers[step.slug] = typed
    else:
        draft.unchecked_answers.pop(step.slug, None)
    draft.save()


def save_and_return(page, request, draft):
    """ "Save and come back later": email a link and close the application in this browser.

    Once a working link is on its way (or went out a few minutes ago), this browser forgets
    the draft, so the next person at a shared computer finds nothing; the link is the way back.
    When the limits hold the email back, the draft stays open here instead, so nothing is lost.
    """
    outcome = send_link(request, draft, page.full_url) if draft.email else LinkSent.LIMITED
    request.session[SAVED_SESSION_KEY] = {
        "email": draft.email,
        "outcome": str(outcome),
        "expires_at": draft.expires_at.isoformat(),
    }
    if outcome in (LinkSent.SENT, LinkSent.RECENT):
        request.session.pop(DRAFT_SESSION_KEY, None)
        request.session.cycle_key()
    return HttpResponseRedirect(page.route_url("saved"))


# --- checking, sending and after ------------------------------------------------------------


def check(page, request):
    draft_id = request.session.get(DRAFT_SESSION_KEY)
    draft = current_draft(request)
    if draft is None:
        if request.method == "POST" and draft_id:
            # A second press of "Send": the first already made the application. Checked before
            # any rate limit, so the second press shows the confirmation too.
            sent = find_submitted(TeacherApplication, f"draft-{draft_id}")
            if sent is not None:
                remember_reference(request, sent.reference)
                return HttpResponseRedirect(page.route_url("confirmation", sent.reference))
        return HttpResponseRedirect(page.url)
    cohorts = list(Cohort.objects.open())
    steps = application_steps(request, cohorts)
    gap = first_incomplete(steps, draft)
    if gap is not None:
        return HttpResponseRedirect(step_url(page, gap))
    form = None
    if request.method == "POST":
        # A press repeating one let through (the first is still being stored) is let through.
        retry_after = check_rate_limit(request, "apply-send", repeat_of=draft.token)
        if retry_after is not None:
            return rate_limited(request, page, retry_after)
        form = FinalApplicationForm(draft.answers, steps, cohorts)
        if form.is_valid():
            retry_after = check_email_rate_limit(
                "apply-send-email", form.cleaned_data["email"], repeat_of=draft.token
            )
            if retry_after is not None:
                return rate_limited(request, page, retry_after)
            application = submit(form, token=draft.token, spam_reasons=draft.spam_reasons)
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
    """After "Save and come back later": where the link went, or why it did not."""
    # Shown once: the address stays in this browser's session no longer than it takes to say.
    saved = request.session.pop(SAVED_SESSION_KEY, None)
    draft = current_draft(request)
    if not saved and draft is None:
        return HttpResponseRedirect(page.url)
    saved = saved or {"email": draft.email, "outcome": "", "expires_at": ""}
    expires_at = (
        datetime.fromisoformat(saved["expires_at"]) if saved["expires_at"] else draft.expires_at
    )
    return page.render(
        request,
        template="submissions/application/saved.html",
        context_overrides={
            "email": saved["email"],
            "outcome": saved["outcome"],
            "expires_at": expires_at,
            "draft_open_here": draft is not None,
            "link_interval_minutes": max(1, round(settings.APPLICATION_RESUME_LINK_INTERVAL / 60)),
        },
    )


def resume(page, request):
    """A link from the save-and-return email, then the email address it was sent to.

    `?token=` lands here: a good link is kept in this browser's session and the browser is sent
    straight on to the same address without it, so the token is written to an access log once,
    in a form that needs the email address too and dies once used. Nothing of the application
    shows until the email address matches; then the link is spent and this browser carries on.
    The token is a query parameter because Wagtail's page URLs allow only word characters and
    hyphens in a path, and a signed value contains colons.
    """
    if "token" in request.GET:
        token = request.GET["token"][:300]
        if draft_for_token(token, _live_drafts()) is None:
            return resume_invalid(page, request)
        request.session[RESUME_SESSION_KEY] = token
        response = HttpResponseRedirect(page.route_url("resume"), status=303)
        response["Referrer-Policy"] = "no-referrer"
        return response
    draft = draft_for_token(request.session.get(RESUME_SESSION_KEY, ""), _live_drafts())
    if draft is None:
        request.session.pop(RESUME_SESSION_KEY, None)
        return resume_invalid(page, request)
    if request.method == "POST":
        retry_after = check_rate_limit(request, "resume-open") or hit(
            "resume-open-draft", f"draft:{draft.pk}"
        )
        if retry_after is not None:
            return rate_limited(request, page, retry_after)
        form = ResumeForm(request.POST, expected_email=draft.email)
        if form.is_valid():
            if not spend(draft):  # used a moment ago, in another browser
                request.session.pop(RESUME_SESSION_KEY, None)
                return resume_invalid(page, request)
            request.session.pop(RESUME_SESSION_KEY, None)
            request.session.cycle_key()
            request.session[DRAFT_SESSION_KEY] = str(draft.pk)
            return HttpResponseRedirect(page.route_url("start"))
    elif request.method in ("GET", "HEAD"):
        form = ResumeForm()
    else:
        return HttpResponse(status=405, headers=ALLOW_GET_POST)
    return page.render(
        request,
        template="submissions/application/resume.html",
        context_overrides={"form": form},
    )


def resume_invalid(page, request):
    response = page.render(
        request, template="submissions/application/resume_invalid.html", context_overrides={}
    )
    response.status_code = 404
    return response


def monitoring(page, request):
    """Optional equal-opportunities questions, once, after sending an application.

    The answers are stored with the cohort only: no reference, no time, nothing that leads back
    to the application or the person.
    """
    cohort_id = request.session.get(MONITORING_SESSION_KEY)
    if not cohort_id:
        return HttpResponseRedirect(page.url)
    if request.method == "POST":
        retry_after = check_rate_limit(request, "apply-step")
        if retry_after is not None:
            return rate_limited(request, page, retry_after)
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
