"""Editorial workflow: Difference Leaders draft and submit, editors approve; scheduling works."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from hub.editorial import ensure_editorial_workflow
from hub.models import ArticlePage

pytestmark = pytest.mark.django_db


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def article_form(people, **extra):
    data = nested_form_data(
        {
            "title": "Reading with teenagers",
            "slug": "reading-with-teenagers",
            "standfirst": "Twenty minutes a day for a term.",
            "authors": inline_formset([{"person": people["mike"].pk}]),
            "article_type": "enquiry",
            "body": streamfield([("paragraph", rich_text("<p>We read every day.</p>"))]),
            "first_published": "2025-01-10",
            **extra,
        }
    )
    return data


def test_the_hub_gets_the_workflow_and_leaders_group_and_setting_up_again_changes_nothing(hub):
    assert hub.get_workflow().name == "Knowledge hub review"
    assert [t.specific.name for t in hub.get_workflow().tasks] == ["Hub editorial review"]
    approvers = {g.name for g in hub.get_workflow().tasks[0].specific.groups.all()}
    assert approvers == {"Editors", "Moderators"}
    assert ensure_editorial_workflow() == []


def test_a_leader_drafts_and_submits_but_can_not_publish(client, hub, people):
    leader = user_in("Difference Leaders", "leader")
    client.force_login(leader)
    add_url = reverse("wagtailadmin_pages:add", args=["hub", "articlepage", hub.pk])
    assert client.get(add_url).status_code == 200

    # "Publish" is not theirs to press: the article is saved, not published.
    client.post(add_url, article_form(people, **{"action-publish": "publish"}))
    article = ArticlePage.objects.get(slug="reading-with-teenagers")
    assert not article.live
    assert client.get("/hub/reading-with-teenagers/").status_code == 404

    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    author = article.authors.get()
    data = article_form(people, **{"action-submit": "submit"})
    data |= {"authors-0-id": author.pk, "authors-INITIAL_FORMS": "1"}
    response = client.post(edit_url, data)
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(article.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Hub editorial review"
    article.refresh_from_db()
    assert not article.live

    # A leader can not approve their own work either.
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    refused = client.post(approve, {"comment": ""})
    assert refused.status_code == 302 and refused["Location"] == reverse("wagtailadmin_home")
    article.refresh_from_db()
    assert not article.live


def test_an_editor_approves_and_the_article_goes_live(client, hub, people):
    leader = user_in("Difference Leaders", "leader")
    client.force_login(leader)
    add_url = reverse("wagtailadmin_pages:add", args=["hub", "articlepage", hub.pk])
    client.post(add_url, article_form(people, **{"action-submit": "submit"}))
    article = ArticlePage.objects.get(slug="reading-with-teenagers")
    state = article.current_workflow_state
    assert state is not None and not article.live

    editor = user_in("Editors", "editor")
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert b"Reading with teenagers" in dashboard.content  # waiting for their review
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    response = client.post(approve, {"comment": "Good to go"})
    assert response.status_code in (200, 302)

    article.refresh_from_db()
    assert article.live
    assert client.get("/hub/reading-with-teenagers/").status_code == 200
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_an_author_listed_twice_is_a_form_error_not_a_crash(admin_client, hub, people):
    add_url = reverse("wagtailadmin_pages:add", args=["hub", "articlepage", hub.pk])
    data = article_form(people)
    data |= {
        "authors-1-person": people["mike"].pk,
        "authors-1-ORDER": "1",
        "authors-1-DELETE": "",
        "authors-TOTAL_FORMS": "2",
    }
    response = admin_client.post(add_url, data)
    assert response.status_code == 200
    assert b"An author is listed twice" in response.content
    assert not ArticlePage.objects.filter(slug="reading-with-teenagers").exists()


def test_leaders_can_not_edit_each_others_articles(client, hub, people):
    author = user_in("Difference Leaders", "author")
    other = user_in("Difference Leaders", "other")
    client.force_login(author)
    add_url = reverse("wagtailadmin_pages:add", args=["hub", "articlepage", hub.pk])
    client.post(add_url, article_form(people))
    article = ArticlePage.objects.get(slug="reading-with-teenagers")
    client.force_login(other)
    assert client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).status_code in (
        302,
        403,
    )


def test_scheduled_articles_go_live_with_publish_scheduled(client, hub, people):
    from hub.factories import ArticlePageFactory

    article = ArticlePageFactory(parent=hub, slug="scheduled", authors=[people["mike"]])
    article.unpublish()
    article.go_live_at = timezone.now() + datetime.timedelta(days=1)
    article.save_revision().publish()
    article.refresh_from_db()
    assert not article.live
    assert client.get("/hub/scheduled/").status_code == 404
    assert "scheduled" not in client.get("/hub/").content.decode()

    # The date arrives: move the schedule into the past, as the clock would.
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.page_revisions.get(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    )
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled")
    article.refresh_from_db()
    assert article.live
    assert client.get("/hub/scheduled/").status_code == 200
    assert "/hub/scheduled/" in client.get("/hub/").content.decode()
