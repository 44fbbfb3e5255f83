"""Who can do what: the table in docs/editing.md, tried by logging in as each group.

Each row of the table is an action a person would take in the admin (publish a statistic, add a
redirect, approve an article, open a register). The test reads the table from the docs, logs in
as a member of each group and tries the row's action: it must succeed where the table says "yes"
and change nothing where it says "no".
"""

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site, WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from home import models as evidence
from home.factories import StandardPageFactory, StatisticFactory
from home.models import FAQ, Statistic
from hub.factories import ArticlePageFactory, HubIndexPageFactory, PersonFactory
from hub.models import ArticlePage, Person
from submissions.applications.factories import CohortFactory, TeacherApplicationFactory
from submissions.applications.models import Cohort
from submissions.enquiries.factories import PartnershipEnquiryFactory
from taxonomy.models import Phase, SettingType, Topic

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parents[2] / "docs" / "editing.md"


def permission_table() -> tuple[list[str], dict[str, dict[str, bool]]]:
    """(groups, {row: {group: allowed}}) from the "Who can do what" table of docs/editing.md."""
    text = DOCS.read_text()
    section = text.split("## Who can do what", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    groups = header[1:]
    rows = {}
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert all(cell in {"yes", "no"} for cell in cells[1:]), line
        rows[cells[0]] = {
            group: cell == "yes" for group, cell in zip(groups, cells[1:], strict=True)
        }
    return groups, rows


GROUPS, TABLE = permission_table()


@pytest.fixture
def world(home_page):
    hub = HubIndexPageFactory(parent=home_page)
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw")
    return {
        "home": home_page,
        "hub": hub,
        "about": about,
        "admin": admin,
        "person": PersonFactory(given_names="Mike", family_name="Power", slug="mike-power"),
        "stale": StatisticFactory(label="pupils in an old survey", as_of=datetime.date(2015, 1, 1)),
        "enquiry": PartnershipEnquiryFactory(),
        "application": TeacherApplicationFactory(cohort=CohortFactory()),
    }


def _published(response, model, **lookup) -> bool:
    return response.status_code in (200, 302) and model.objects.filter(live=True, **lookup).exists()


def edit_pages(client, world, user):
    page = world["about"]
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    if response.status_code != 200:
        return False
    page.specific.save_revision(user=user)
    workflow = page.get_workflow()
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {**_page_form(page), "action-submit": "submit"},
    )
    state = WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(page.pk)
    ).first()
    return workflow is not None and state is not None and state.requested_by == user


def _page_form(page):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "introduction": "What we do.",
            "body": streamfield([("paragraph", rich_text("<p>We place teachers.</p>"))]),
        }
    )


def _submitted_by_admin(page, admin):
    page.save_revision(user=admin)
    page.get_workflow().start(page, admin)
    return WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))


def approve_pages(client, world, user):
    page = world["about"]
    state = _submitted_by_admin(page, world["admin"])
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", state.current_task_state.pk],
    )
    client.post(url, {"comment": ""})
    page.refresh_from_db()
    return page.live and not page.has_unpublished_changes


def write_articles(client, world, user):
    hub = world["hub"]
    url = reverse("wagtailadmin_pages:add", args=["hub", "articlepage", hub.pk])
    data = nested_form_data(
        {
            "title": "Reading with teenagers",
            "slug": "reading-with-teenagers",
            "standfirst": "Twenty minutes a day for a term.",
            "authors": inline_formset([{"person": world["person"].pk}]),
            "article_type": "enquiry",
            "body": streamfield([("paragraph", rich_text("<p>We read every day.</p>"))]),
            "first_published": "2025-01-10",
            "action-submit": "submit",
        }
    )
    client.post(url, data)
    article = ArticlePage.objects.filter(slug="reading-with-teenagers").first()
    if article is None:
        return False
    state = article.current_workflow_state
    return state is not None and state.requested_by == user and not article.live


def approve_articles(client, world, user):
    article = ArticlePageFactory(parent=world["hub"], live=False, slug="waiting")
    state = _submitted_by_admin(article, world["admin"])
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[article.pk, "approve", state.current_task_state.pk],
    )
    client.post(url, {"comment": ""})
    article.refresh_from_db()
    return article.live


def _snippet_url(model, action="add", *args):
    return reverse(model.snippet_viewset.get_url_name(action), args=args)


def publish_evidence(client, world, user):
    statistic = client.post(
        _snippet_url(Statistic),
        {
            "qualifier": "",
            "value": "7",
            "form": "times",
            "label": "more likely to be excluded",
            "population": "",
            "source_title": "Making the Difference (IPPR)",
            "source_url": "",
            "as_of": "2024-01-01",
            "as_of_precision": "year",
            "notes": "",
            "action-publish": "publish",
        },
    )
    testimonial = client.post(
        _snippet_url(evidence.Testimonial),
        {
            "quote": "It changed how our school includes every pupil.",
            "person_name": "Sam Head",
            "role": "Headteacher",
            "organisation": "A school",
            "date": "",
            "consent_recorded": "on",
            "consent_notes": "Signed form in the shared drive",
            "action-publish": "publish",
        },
    )
    question = client.post(
        _snippet_url(FAQ),
        {
            "question": "Who can apply?",
            "answer": rich_text("<p>Teachers with three years' experience.</p>"),
            "audience": "applicants",
            "action-publish": "publish",
        },
    )
    return (
        _published(statistic, Statistic, label="more likely to be excluded")
        and _published(testimonial, evidence.Testimonial, person_name="Sam Head")
        and _published(question, FAQ, question="Who can apply?")
    )


def publish_people(client, world, user):
    response = client.post(
        _snippet_url(Person),
        nested_form_data(
            {
                "given_names": "Yasmin",
                "family_name": "Omar",
                "slug": "yasmin-omar",
                "kind": "leader",
                "role": "",
                "school": "",
                "cohort": "",
                "bio": "",
                "links": streamfield([]),
                "action-publish": "publish",
            }
        ),
    )
    return _published(response, Person, slug="yasmin-omar")


def edit_taxonomy(client, world, user):
    for model in (Topic, SettingType, Phase):
        client.post(
            _snippet_url(model), {"name": f"New {model.__name__}", "slug": "new", "description": ""}
        )
    return all(
        model.objects.filter(name=f"New {model.__name__}").exists()
        for model in (Topic, SettingType, Phase)
    )


def add_redirects(client, world, user):
    client.post(
        reverse("wagtailredirects:add"),
        {
            "old_path": "/old-about/",
            "site": Site.objects.get(is_default_site=True).pk,
            "is_permanent": "on",
            "redirect_page": world["about"].pk,
            "redirect_link": "",
        },
    )
    return Redirect.objects.filter(old_path="/old-about").exists()


def read_stale_report(client, world, user):
    response = client.get(reverse("home_stale_statistics"))
    return response.status_code == 200 and b"pupils in an old survey" in response.content


def edit_site_settings(client, world, user):
    site = Site.objects.get(is_default_site=True)
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    response = client.get(url)
    return response.status_code == 200 and b"Footer" in response.content


def read_enquiries(client, world, user):
    response = client.get(reverse("submissions_partnershipenquiry_modeladmin_index"))
    return response.status_code == 200 and world["enquiry"].reference.encode() in response.content


def read_applications(client, world, user):
    response = client.get(reverse("submissions_teacherapplication_modeladmin_index"))
    cohorts = client.get(_snippet_url(Cohort, "list"))
    return (
        response.status_code == 200
        and world["application"].reference.encode() in response.content
        and cohorts.status_code == 200
    )


def read_equal_opportunities_report(client, world, user):
    response = client.get(reverse("submissions_monitoring_report"))
    return response.status_code == 200 and b"Equal opportunities" in response.content


ACTIONS = {
    "Edit pages and submit them for approval": edit_pages,
    "Approve and publish pages": approve_pages,
    "Write hub articles and submit them for review": write_articles,
    "Approve and publish hub articles": approve_articles,
    "Edit and publish statistics, testimonials and questions (Evidence)": publish_evidence,
    "Edit and publish people": publish_people,
    "Edit topics, setting types and phases (Taxonomy)": edit_taxonomy,
    "Add and change redirects": add_redirects,
    "Read Reports > Stale statistics": read_stale_report,
    "Edit the navigation and footer (Settings > Site settings)": edit_site_settings,
    "Read and update partnership enquiries": read_enquiries,
    "Read and update teacher applications, and manage cohorts": read_applications,
    "Read Reports > Equal opportunities (counts only, small numbers hidden)": (
        read_equal_opportunities_report
    ),
}


def test_the_table_has_a_row_for_each_action_and_a_column_for_each_group(world):
    assert list(TABLE) == list(ACTIONS)
    assert set(GROUPS) == set(Group.objects.values_list("name", flat=True))


def _cells():
    for group in GROUPS:
        for row in ACTIONS:
            yield pytest.param(group, row, id=f"{group}-{row}")


@pytest.mark.parametrize(("group", "row"), list(_cells()))
def test_each_group_can_do_what_the_table_says_and_nothing_else(client, world, group, row):
    user = get_user_model().objects.create_user(f"member-{group}", "member@example.org", "pw")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)

    done = ACTIONS[row](client, world, user)

    expected = TABLE[row][group]
    assert done is expected, (
        f"{group} {'could not' if expected else 'could'} {row.lower()}, "
        f"but docs/editing.md says {'yes' if expected else 'no'}"
    )


@pytest.mark.parametrize("row", list(ACTIONS))
def test_a_superuser_can_do_every_row(client, world, row):
    client.force_login(world["admin"])
    assert ACTIONS[row](client, world, world["admin"]), row
