"""The schools' Expression of Interest page: the form, and its confirmation."""

from django.db import models
from django.http import Http404, HttpResponse, HttpResponseRedirect

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from home.models import BasePage
from submissions.protection import STATE_FIELD, FormState, check_rate_limit, spam_reasons
from submissions.responses import may_see_confirmation, rate_limited, remember_reference
from submissions.service import submit

from .forms import ExpressionOfInterestForm


class ExpressionOfInterestPage(RoutablePageMixin, BasePage):
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
        help_text="A few sentences on how the answers are used and kept, shown before the "
        "first question. Leave empty for the standard wording.",
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

    # --- routes --------------------------------------------------------------------------

    @path("")
    def form_view(self, request):
        if request.method == "POST":
            retry_after = check_rate_limit(request, "eoi")
            if retry_after is not None:
                return rate_limited(request, self, retry_after)
            form = ExpressionOfInterestForm(request.POST)
            if form.is_valid():
                state = FormState.read(request.POST.get(STATE_FIELD))
                enquiry = submit(
                    form, token=state.token, spam_reasons=spam_reasons(request.POST, state)
                )
                remember_reference(request, enquiry.reference)
                return HttpResponseRedirect(
                    self.url + self.reverse_subpage("confirmation", args=[enquiry.reference])
                )
        elif request.method in ("GET", "HEAD"):
            form = ExpressionOfInterestForm(state=FormState.issue())
        else:
            return HttpResponse(status=405, headers={"Allow": "GET, HEAD, POST"})
        return self.render(request, context_overrides={"form": form})

    @path("confirmation/<str:reference>/", name="confirmation")
    def confirmation_view(self, request, reference):
        if not may_see_confirmation(request, reference):
            raise Http404("No confirmation for this browser")
        return self.render(
            request,
            template="submissions/confirmation.html",
            context_overrides={"reference": reference},
        )
