"""Cache-Control as the front cache reads it: public pages shared, anything personal never."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.test import RequestFactory
from django.views.decorators.cache import never_cache

import pytest

from caching.middleware import CacheControlMiddleware
from home.factories import StandardPageFactory
from hub.factories import ArticlePageFactory, HubIndexPageFactory
from submissions.models import ExpressionOfInterestPage


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About us", slug="about")


@pytest.mark.django_db
def test_a_public_page_may_be_kept_by_the_front_cache_not_by_browsers(client, about):
    response = client.get("/about/")
    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=0", "s-maxage=600"}
    # The page looked at the (anonymous) user, yet it is the same for every visitor without a
    # session: no Vary: Cookie to split the cache per cookie header.
    assert "cookie" not in response.get("Vary", "").lower()
    assert not response.cookies


@pytest.mark.django_db
def test_the_lifetimes_come_from_settings(client, about, settings):
    settings.PUBLIC_CACHE_SECONDS = 3600
    settings.BROWSER_CACHE_SECONDS = 30
    assert directives(client.get("/about/")) == {"public", "max-age=30", "s-maxage=3600"}


@pytest.mark.django_db
def test_a_missing_page_is_kept_for_a_minute_at_most(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert directives(response) == {"public", "max-age=0", "s-maxage=60"}


@pytest.mark.django_db
def test_listings_feeds_sitemap_and_search_may_be_kept(client, home_page):
    hub = HubIndexPageFactory(parent=home_page, slug="hub")
    ArticlePageFactory(parent=hub, slug="an-article")
    for url in ["/hub/", "/hub/?type=research", "/hub/feed/rss/", "/sitemap.xml", "/search/?q=x"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "s-maxage=600" in directives(response), url
        assert "public" in directives(response), url


@pytest.mark.django_db
def test_a_page_with_a_form_is_never_kept(client, home_page):
    page = ExpressionOfInterestPage(title="Expression of interest", slug="expression-of-interest")
    home_page.add_child(instance=page)
    first = client.get("/expression-of-interest/")
    assert first.status_code == 200
    assert b"csrfmiddlewaretoken" in first.content
    # The form's own page says so too (never_cache adds no-cache, max-age=0, must-revalidate).
    assert {"private", "no-store"} <= directives(first)
    assert "public" not in directives(first) and "s-maxage" not in str(first["Cache-Control"])
    assert "csrftoken" in first.cookies


@pytest.mark.django_db
def test_a_logged_in_editor_gets_nothing_shareable(client, about):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    for url in ["/about/", "/admin/", "/no-such-page/"]:
        response = client.get(url)
        assert directives(response) >= {"private", "no-store"}, url
        assert "public" not in directives(response), url
        assert not any(d.startswith("s-maxage") for d in directives(response)), url


@pytest.mark.django_db
def test_the_admin_login_page_is_never_kept(client, db):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert "no-store" in directives(response)
    assert "public" not in directives(response)


@pytest.mark.django_db
def test_a_post_is_never_made_shareable(client, about):
    response = client.post("/about/", {})
    assert "public" not in directives(response)


def _through_middleware(view, request):
    return CacheControlMiddleware(view)(request)


def test_a_view_that_says_no_store_keeps_it(settings):
    request = RequestFactory().get("/a-form/")
    response = _through_middleware(never_cache(lambda r: HttpResponse("form")), request)
    assert "no-store" in directives(response)
    assert "public" not in directives(response)


def test_a_view_that_sets_a_cookie_is_made_private_whatever_it_said():
    def view(request):
        response = HttpResponse("hello")
        response["Cache-Control"] = "public, max-age=600"
        response.set_cookie("seen", "1")
        return response

    response = _through_middleware(view, RequestFactory().get("/"))
    assert directives(response) == {"private", "no-store"}


def test_a_request_with_a_session_cookie_is_private():
    request = RequestFactory().get("/", HTTP_COOKIE="sessionid=abc")
    response = _through_middleware(lambda r: HttpResponse("page"), request)
    assert directives(response) == {"private", "no-store"}


def test_a_redirect_for_a_moment_is_not_made_shareable():
    request = RequestFactory().get("/old/")
    response = _through_middleware(
        lambda r: HttpResponse(status=302, headers={"Location": "/new/"}), request
    )
    assert "Cache-Control" not in response
