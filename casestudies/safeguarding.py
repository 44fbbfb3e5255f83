"""The safeguarding guard: a case study goes live only after an editor confirms, at that moment,
that every named adult has agreed to be named and that no pupil can be identified.

Case studies tell true stories about schools for excluded children. A pupil recognisable from a
story (a first name, a photo, an incident, a year group in a small school) can be found by
someone they are being kept safe from, and carries the label of exclusion into their adult
life; an adult named without consent has lost control of their own story. So the confirmation is
asked for every time a case study is published, sent for review or approved in the editor, and
is recorded with the revision: who confirmed and when. Any other save clears it, so an edit
nobody has confirmed can never go live, whatever publishes it (the editor, a reviewer, a
scheduled go-live, a bulk action or code): `CaseStudyPage.publish()` refuses it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminPageForm

WHY = (
    "Case studies tell true stories about schools for excluded children. A pupil who can be "
    "recognised (from a first name, a photo, a described incident, a year group in a small "
    "school) may be found by someone they are being kept safe from, and carries the label of "
    "exclusion into adult life. Adults have the right to decide whether their name is used. "
    "So every time a case study is published or sent for review, the person doing it confirms "
    "both points below; the confirmation is recorded with who gave it and when."
)
CONSENT_LABEL = "Every adult named in this case study has agreed, in writing, to be named"
NO_PUPIL_LABEL = (
    "No pupil can be identified: no names, photos, or details that would point to a child"
)
REQUIRED_MESSAGE = (
    "Confirm both safeguarding statements before publishing: that every named adult has agreed "
    "to be named, and that no pupil can be identified."
)
NOT_CONFIRMED_MESSAGE = (
    "This version of the case study has no safeguarding confirmation, so it cannot be "
    "published. Open it in the editor, tick both safeguarding statements and publish (or "
    "approve) from there."
)

# The edit view's buttons that can make this version public, or hand it to someone who will.
PUBLISHING_ACTIONS = ("action-publish", "action-submit")


class SafeguardingNotConfirmed(ValidationError):
    """Raised when a revision without a safeguarding confirmation would go live."""


class CaseStudyPageForm(WagtailAdminPageForm):
    confirm_consent = forms.BooleanField(required=False, label=CONSENT_LABEL)
    confirm_no_pupil_identifiable = forms.BooleanField(required=False, label=NO_PUPIL_LABEL)

    def is_publishing(self) -> bool:
        """Publish, submit for review, or approve (in the editor): what needs the confirmation."""
        data = self.data
        if any(data.get(name) for name in PUBLISHING_ACTIONS):
            return True
        return bool(data.get("action-workflow-action")) and (
            data.get("workflow-action-name") == "approve"
        )

    def clean(self):
        cleaned_data = super().clean()
        confirmed = cleaned_data.get("confirm_consent") and cleaned_data.get(
            "confirm_no_pupil_identifiable"
        )
        if self.is_publishing() and not confirmed:
            for name in ("confirm_consent", "confirm_no_pupil_identifiable"):
                if not cleaned_data.get(name):
                    self.add_error(name, "Tick to confirm before publishing.")
            self.add_error(None, REQUIRED_MESSAGE)
        return cleaned_data

    def save(self, commit=True):
        page = self.instance
        if self.cleaned_data.get("confirm_consent") and self.cleaned_data.get(
            "confirm_no_pupil_identifiable"
        ):
            page.safeguarding_confirmed_by = self.for_user
            page.safeguarding_confirmed_at = timezone.now()
        else:
            # This version has not been confirmed by anyone: it cannot go live as it is.
            page.safeguarding_confirmed_by = None
            page.safeguarding_confirmed_at = None
        return super().save(commit=commit)


def confirmed_version(revision):
    """The revision's page, if somebody confirmed it; refused otherwise."""
    page = revision.as_object()
    if page.safeguarding_confirmed_at is None:
        raise SafeguardingNotConfirmed(NOT_CONFIRMED_MESSAGE)
    return page
