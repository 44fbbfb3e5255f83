"""The schools' Expression of Interest page: the form, and its confirmation."""

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse, HttpResponseRedirect

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.models import BasePage
from submissions.privacy import PrivacySummary, duration
from submissions.protection import (
    STATE_FIELD,
    FormState,
    check_email_rate_limit,
    check_rate_limit,
    spam_reasons,
)
from submissions.responses import (
    FormPageMixin,
    may_see_confirmation,
    private_page,
    rate_limited,
    remember_reference,
)
from submissions.service import find_submitted, submit

from .forms import ExpressionOfInterestForm
from .models import PartnershipEnquiry


class ExpressionOfInterestPage(FormPageMixin, RoutablePageMixin, BasePage):
    """The schools' Expression of Interest form; one per site, directly under the home page.

    /expression-of-interest/ shows and takes the form; after a successful post the browser is
    redirected to /expression-of-interest/confirmation/<reference>/, which shows the reference
    only to the session that submitted it.
    """

    introduction = models.TextField(
        max_length=600,
        blank=True,
        help_text="Shown under the heading: who the form is for and what happens next.",
    )
    privacy_summary = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown before the first question instead of the standard wording: who holds "
        "the answers, why, the lawful basis, how long they are kept, people's rights and how to "
        "complain to the ICO. Leave empty for the standard wording, which says all of that.",
    )
    privacy_notice = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The full privacy notice, linked from the summary and the final checkbox.",
    )
    thank_you_heading = models.CharField(max_length=120, default="Expression of interest sent")
    thank_you_text = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        help_text="Shown with the reference once the form is sent: what happens next.",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("privacy_summary"), FieldPanel("privacy_notice")], heading="Privacy"
        ),
        MultiFieldPanel(
            [FieldPanel("thank_you_heading"), FieldPanel("thank_you_text")],
            heading="After sending",
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    template = "pages/expression_of_interest_page.html"

    class Meta:
        verbose_name = "expression of interest form"

    @property
    def meta_description(self) -> str:
        return self.search_description or self.introduction[:160]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy"] = PrivacySummary(
            purpose="We use them only to reply to your enquiry and, if your school becomes a "
            "partner, to plan the partnership. Only our partnerships team sees them.",
            lawful_basis="our legitimate interest in replying to an enquiry your school chose "
            "to send us, and in planning a partnership (UK GDPR Article 6(1)(f)).",
            kept_for=f"enquiries for {duration(settings.SUBMISSIONS_RETENTION_DAYS)}",
        )
        return context

    # --- routes --------------------------------------------------------------------------

    @path("")
    @private_page
    def form_view(self, request):
        """The form, and its posts. Private: an error re-display shows the answers, and every
        blank form carries a token of its own (a shared copy would make two schools' posts one).
        """
        if request.method == "POST":
            state = FormState.read(request.POST.get(STATE_FIELD))
            token = state.token if state.valid else None
            # A repeat of a stored post (a double click, a reload) shows its confirmation,
            # before any rate limit.
            if (enquiry := find_submitted(PartnershipEnquiry, token)) is not None:
                return self.confirmed(request, enquiry)
            retry_after = check_rate_limit(request, "enquiry", repeat_of=token)
            if retry_after is not None:
                return rate_limited(request, self, retry_after)
            form = ExpressionOfInterestForm(request.POST)
            if form.is_valid():
                retry_after = check_email_rate_limit(
                    "enquiry-email", form.cleaned_data["email"], repeat_of=token
                )
                if retry_after is not None:
                    return rate_limited(request, self, retry_after)
                enquiry = submit(
                    form, token=state.token, spam_reasons=spam_reasons(request.POST, state)
                )
                return self.confirmed(request, enquiry)
        elif request.method in ("GET", "HEAD"):
            form = ExpressionOfInterestForm(state=FormState.issue())
        else:
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
        return self.render(request, context_overrides={"form": form})

    def confirmed(self, request, enquiry):
        """Post/redirect/get to the confirmation, which only this browser may see."""
        remember_reference(request, enquiry.reference)
        return HttpResponseRedirect(
            self.url + self.reverse_subpage("confirmation", args=[enquiry.reference])
        )

    @path("confirmation/<str:reference>/", name="confirmation")
    @private_page
    def confirmation_view(self, request, reference):
        if not may_see_confirmation(request, reference):
            raise Http404("No confirmation for this browser")
        return self.render(
            request,
            template="submissions/confirmation.html",
            context_overrides={"reference": reference},
        )
