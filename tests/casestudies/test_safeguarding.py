"""The safeguarding guard: no case study goes live unless the person publishing confirms that
every named adult agreed to be named and that no pupil can be identified, and the
confirmation is recorded with who gave it and when."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from casestudies import safeguarding
from casestudies.models import CaseStudyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


def case_study_form(topics, setting_types, **extra):
    data = nested_form_data(
        {
            "title": "A unit rebuilt",
            "slug": "a-unit-rebuilt",
            "subject": "school",
            "organisation": "Example Learning Centre",
            "summary": "A pupil referral unit rebuilt its leadership team.",
            "key_facts": streamfield([]),
            "starting_point": streamfield([("paragraph", rich_text("<p>No senior team.</p>"))]),
            "what_changed": streamfield([("paragraph", rich_text("<p>Leaders joined.</p>"))]),
            "impact": streamfield([("paragraph", rich_text("<p>Attendance rose.</p>"))]),
            "region": "east-midlands",
            "local_authority": "lincolnshire",
            "period_start": "2015",
            **extra,
        }
    )
    # Several values for one name: the test client sends each.
    data["setting_types"] = [setting_types["pru"].pk]
    data["themes"] = [topics["leadership"].pk]
    return data


CONFIRMED = {"confirm_consent": "on", "confirm_no_pupil_identifiable": "on"}


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", index.pk])


def test_the_editor_explains_why(client, index, editor):
    client.force_login(editor)

    html = client.get(add_url(index)).content.decode()

    assert "Safeguarding" in html
    assert "may be found by someone they are being kept safe from" in html
    assert safeguarding.CONSENT_LABEL in html
    assert safeguarding.NO_PUPIL_LABEL in html


def test_publishing_without_the_confirmation_fails_with_a_clear_message(
    client, index, editor, topics, setting_types
):
    client.force_login(editor)

    response = client.post(
        add_url(index), case_study_form(topics, setting_types, **{"action-publish": "publish"})
    )

    assert response.status_code == 200  # the form again, with its errors
    html = response.content.decode()
    assert "Confirm both safeguarding statements before publishing" in html
    assert "Tick to confirm before publishing." in html
    assert not CaseStudyPage.objects.filter(slug="a-unit-rebuilt").exists()
    assert client.get("/case-studies/a-unit-rebuilt/").status_code == 404


def test_one_confirmation_of_two_is_not_enough(client, index, editor, topics, setting_types):
    client.force_login(editor)

    client.post(
        add_url(index),
        case_study_form(
            topics, setting_types, confirm_consent="on", **{"action-publish": "publish"}
        ),
    )

    assert not CaseStudyPage.objects.filter(slug="a-unit-rebuilt").exists()


def test_a_draft_needs_no_confirmation_but_cannot_go_live_until_someone_gives_it(
    client, index, editor, topics, setting_types
):
    client.force_login(editor)
    client.post(add_url(index), case_study_form(topics, setting_types))
    page = CaseStudyPage.objects.get(slug="a-unit-rebuilt")
    assert not page.live

    # Whatever publishes the draft (code, a scheduled go-live, a bulk action) is refused.
    with pytest.raises(ValidationError, match="no safeguarding confirmation"):
        page.get_latest_revision().publish()
    page.refresh_from_db()
    assert not page.live


def test_publishing_with_the_confirmation_records_who_and_when(
    client, index, editor, topics, setting_types
):
    client.force_login(editor)

    response = client.post(
        add_url(index),
        case_study_form(topics, setting_types, **CONFIRMED, **{"action-publish": "publish"}),
    )

    assert response.status_code == 302
    page = CaseStudyPage.objects.get(slug="a-unit-rebuilt")
    assert page.live
    assert page.safeguarding_confirmed_by == editor
    assert page.safeguarding_confirmed_at is not None
    entry = PageLogEntry.objects.get(page=page, action="casestudies.safeguarding_confirmed")
    assert entry.user == editor
    assert client.get("/case-studies/a-unit-rebuilt/").status_code == 200
    # The history in the admin says so.
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Safeguarding confirmed" in history


def test_every_publish_asks_again_and_an_unconfirmed_edit_never_goes_live(
    client, index, editor, topics, setting_types
):
    client.force_login(editor)
    client.post(
        add_url(index),
        case_study_form(topics, setting_types, **CONFIRMED, **{"action-publish": "publish"}),
    )
    page = CaseStudyPage.objects.get(slug="a-unit-rebuilt")
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    # The boxes start unticked on the next edit.
    html = client.get(edit_url).content.decode()
    assert 'name="confirm_consent" id="id_confirm_consent" checked' not in html

    # Publishing an edit without ticking them again fails...
    response = client.post(
        edit_url,
        case_study_form(
            topics, setting_types, title="A unit renamed", **{"action-publish": "publish"}
        ),
    )
    assert "Confirm both safeguarding statements before publishing" in response.content.decode()
    page.refresh_from_db()
    assert page.title == "A unit rebuilt"

    # ...and an edit saved as a draft carries no confirmation, so nothing can publish it.
    client.post(edit_url, case_study_form(topics, setting_types, title="A unit renamed"))
    page.refresh_from_db()
    assert page.get_latest_revision().as_object().title == "A unit renamed"
    with pytest.raises(ValidationError):
        page.get_latest_revision().publish()
    page.refresh_from_db()
    assert page.title == "A unit rebuilt"


def test_review_needs_the_confirmation_at_submission(client, index, editor, topics, setting_types):
    workflow = Workflow.objects.create(name="Case study review")
    task = GroupApprovalTask.objects.create(name="Review")
    task.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=index)
    author = get_user_model().objects.create_user("author", "author@example.org", "pw")
    author.groups.add(Group.objects.get(name="Editors"))
    client.force_login(author)

    response = client.post(
        add_url(index), case_study_form(topics, setting_types, **{"action-submit": "submit"})
    )
    assert "Confirm both safeguarding statements" in response.content.decode()
    assert not WorkflowState.objects.exists()

    client.post(
        add_url(index),
        case_study_form(topics, setting_types, **CONFIRMED, **{"action-submit": "submit"}),
    )
    page = CaseStudyPage.objects.get(slug="a-unit-rebuilt")
    state = WorkflowState.objects.get(object_id=str(page.pk))

    assert not page.live

    # The reviewer approves the confirmed version: it goes live, confirmed by the author.
    client.force_login(editor)
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    client.post(approve)
    page.refresh_from_db()
    assert page.live
    assert page.safeguarding_confirmed_by == author


def test_a_reviewer_approving_an_unconfirmed_edit_is_told_why_and_nothing_changes(
    client, index, editor, topics, setting_types
):
    workflow = Workflow.objects.create(name="Case study review")
    task = GroupApprovalTask.objects.create(name="Review")
    task.groups.set([Group.objects.get(name="Moderators")])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=index)
    author = get_user_model().objects.create_user("author", "author@example.org", "pw")
    author.groups.add(Group.objects.get(name="Editors"))
    client.force_login(author)
    client.post(
        add_url(index),
        case_study_form(topics, setting_types, **CONFIRMED, **{"action-submit": "submit"}),
    )
    page = CaseStudyPage.objects.get(slug="a-unit-rebuilt")
    state = WorkflowState.objects.get(object_id=str(page.pk))
    # The reviewer edits the version in review and saves it without the confirmation...
    client.force_login(editor)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        case_study_form(topics, setting_types, title="Pupil named by mistake"),
    )

    # ...then approves it from the dashboard, outside the editor.
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "approve", state.current_task_state.pk],
        ),
        follow=True,
    )

    assert response.status_code == 200
    assert "no safeguarding confirmation, so it cannot be published" in response.content.decode()
    page.refresh_from_db()
    assert not page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
