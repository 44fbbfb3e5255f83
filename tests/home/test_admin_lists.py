"""Lists an editor can work from: each snippet row opens its editor and says whether it is live,
where it is used and (statistics) whether it is stale; the hub's articles with their authors,
topics and dates, and the never-published drafts an autosave leaves behind."""

import datetime

from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from home import factories
from home.models import FAQ, Statistic
from hub.factories import ArticlePageFactory, HubIndexPageFactory, PersonFactory
from hub.models import Person
from taxonomy.factories import TopicFactory
from taxonomy.models import Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def rows(response) -> dict[str, dict[str, str]]:
    """{first cell's text: {column heading: cell text}} of the listing's table."""
    page = BeautifulSoup(response.content, "html.parser")
    headings = [th.get_text(" ", strip=True) for th in page.select("table thead th")]
    found = {}
    for row in page.select("table tbody tr"):
        cells = row.select("td")
        texts = [" ".join(cell.get_text(" ", strip=True).split()) for cell in cells]
        titled = dict(zip(headings, texts, strict=False))
        link = row.select_one("td a[href]")
        titled["link"] = link["href"] if link else ""
        found[" ".join(link.get_text(" ", strip=True).split()) if link else texts[0]] = titled
    return found


def listing(model):
    return reverse(model.snippet_viewset.get_url_name("list"))


def edit(model, pk):
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[pk])


def test_statistics_list_links_rows_and_shows_status_uses_date_and_staleness(
    admin_client, home_page
):
    old = factories.StatisticFactory(label="an old figure", as_of=datetime.date(2015, 1, 1))
    fresh = factories.StatisticFactory(
        label="a fresh figure", as_of=datetime.date.today(), live=False
    )
    home_page.key_figures = [{"type": "statistic", "value": old.pk}]
    home_page.save_revision().publish()

    found = rows(admin_client.get(listing(Statistic)))

    assert found["an old figure"]["link"] == edit(Statistic, old.pk)
    assert found["an old figure"]["Status"].lower() == "live"
    assert found["an old figure"]["Used"] == "Used 1 time"
    assert found["an old figure"]["As of"] == "2015"
    assert found["an old figure"]["Stale"] == "Yes"
    assert found["a fresh figure"]["link"] == edit(Statistic, fresh.pk)
    assert found["a fresh figure"]["Status"].lower() == "draft"
    assert found["a fresh figure"]["Used"] == "Used 0 times"
    assert found["a fresh figure"]["Stale"] == "No"

    assert set(rows(admin_client.get(listing(Statistic), {"stale": "true"}))) == {"an old figure"}
    assert set(rows(admin_client.get(listing(Statistic), {"stale": "false"}))) == {"a fresh figure"}


@pytest.mark.parametrize(
    ("model", "make", "title"),
    [
        (FAQ, lambda: factories.FAQFactory(question="Who can apply?"), "Who can apply?"),
        (
            factories.TestimonialFactory._meta.model,
            lambda: factories.TestimonialFactory(person_name="Lucy Heller"),
            "Lucy Heller",
        ),
        (Person, lambda: PersonFactory(given_names="Mike", family_name="Power"), "Mike Power"),
        (Topic, lambda: TopicFactory(name="Reintegration"), "Reintegration"),
    ],
)
def test_every_snippet_list_links_each_row_and_counts_its_uses(admin_client, model, make, title):
    record = make()
    found = rows(admin_client.get(listing(model)))
    assert found[title]["link"] == edit(model, record.pk)
    assert found[title]["Used"] == "Used 0 times"
    if hasattr(record, "live"):
        assert found[title]["Status"].lower() == "live"
    text = admin_client.get(listing(model)).content.decode()
    assert ">True<" not in text and ">False<" not in text


def queries_of(client, url):
    """The queries of one request, after a first one: the staff session is written at most once
    a minute (accounts.middleware), which must not land in only one of two measured requests."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return queries


def test_the_statistics_list_costs_the_same_queries_for_five_rows_or_fifty(admin_client):
    factories.StatisticFactory.create_batch(5)
    five = queries_of(admin_client, listing(Statistic))
    factories.StatisticFactory.create_batch(45)
    fifty = queries_of(admin_client, listing(Statistic))
    assert len(fifty) == len(five), "\n".join(q["sql"][:300] for q in fifty.captured_queries)


@pytest.fixture
def hub_articles(home_page, topics):
    hub = HubIndexPageFactory(parent=home_page)
    mike = PersonFactory(given_names="Mike", family_name="Power")
    published = ArticlePageFactory(
        parent=hub,
        title="Reading with teenagers",
        first_published=datetime.date(2024, 3, 5),
        authors=[mike],
        topics=[topics["send"]],
    )
    abandoned = ArticlePageFactory(parent=hub, title="Untitled draft", live=False)
    return hub, published, abandoned


def test_the_articles_list_shows_authors_topics_and_first_published(admin_client, hub_articles):
    _, published, _ = hub_articles
    found = rows(admin_client.get(reverse("articles:index")))
    row = found["Reading with teenagers"]
    assert row["Authors"] == "Mike Power"
    assert row["Topics"] == "SEND"
    assert row["First published"] == "5 Mar 2024"
    assert row["link"] == reverse("wagtailadmin_pages:edit", args=[published.pk])


def test_never_published_drafts_are_found_and_deleted_together(admin_client, hub_articles):
    hub, published, abandoned = hub_articles
    second = ArticlePageFactory(parent=hub, title="Another abandoned draft", live=False)

    found = rows(admin_client.get(reverse("articles:index"), {"never_published": "true"}))
    assert set(found) == {"Untitled draft", "Another abandoned draft"}

    # Select both and delete them with the listing's bulk action.
    url = (
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
        + f"?id={abandoned.pk}&id={second.pk}"
    )
    response = admin_client.post(url, {})
    assert response.status_code in (200, 302)
    remaining = rows(admin_client.get(reverse("articles:index")))
    assert set(remaining) == {"Reading with teenagers"}
    assert published.__class__.objects.filter(pk=published.pk).exists()


def test_the_articles_list_costs_the_same_queries_for_few_articles_or_many(
    admin_client, hub_articles
):
    hub, _, _ = hub_articles
    few = queries_of(admin_client, reverse("articles:index"))
    people = [PersonFactory() for _ in range(3)]
    for number in range(10):
        ArticlePageFactory(parent=hub, title=f"Article {number}", authors=people)
    many = queries_of(admin_client, reverse("articles:index"))
    assert len(many) <= len(few) + 2, [q["sql"][:120] for q in many.captured_queries]


def test_a_draft_article_cannot_take_a_slug_the_hub_uses(admin_client, hub_articles):
    hub, _, _ = hub_articles
    mike = PersonFactory(given_names="Yasmin", family_name="Omar")
    data = nested_form_data(
        {
            "title": "Authors",
            "slug": "authors",
            "standfirst": "",
            "authors": inline_formset([{"person": mike.pk}]),
            "article_type": "enquiry",
            "body": streamfield([]),
            "first_published": "",
        }
    )
    add = reverse("wagtailadmin_pages:add", args=["hub", "articlepage", hub.pk])
    response = admin_client.post(add, data)  # "Save draft"
    assert response.status_code == 200
    assert "is used by the hub&#x27;s own pages" in response.content.decode()
    assert not hub.get_children().filter(slug="authors").exists()
