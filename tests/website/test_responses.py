"""Error pages, robots.txt, the sitemap, redirects and odd requests."""

from django.test import RequestFactory

from wagtail.contrib.redirects.models import Redirect

import pytest

from home.factories import StandardPageFactory
from website.views import server_error

pytestmark = pytest.mark.django_db


def test_unknown_url_gets_the_site_404_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html and "Skip to main content" in html


def test_500_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def test_robots_txt_points_at_the_sitemap_and_keeps_out_of_the_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_live_pages_only(client, home_page):
    StandardPageFactory(parent=home_page, slug="about")
    draft = StandardPageFactory(parent=home_page, slug="draft", live=False)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<loc>http://testserver/about/</loc>" in body
    assert "<loc>http://testserver/</loc>" in body
    assert draft.slug not in body


def test_editor_managed_redirect(client, home_page):
    about = StandardPageFactory(parent=home_page, slug="about")
    Redirect.objects.create(old_path="/who-we-are", redirect_page=about, is_permanent=True)
    response = client.get("/who-we-are/")
    assert response.status_code == 301
    assert response["Location"].endswith("/about/")


def test_renaming_a_page_creates_a_redirect_from_its_old_url(
    client, home_page, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=home_page, slug="old-name")
    page.slug = "new-name"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert client.get("/new-name/").status_code == 200
    response = client.get("/old-name/")
    assert response.status_code == 301 and response["Location"].endswith("/new-name/")


def test_favicon_redirects_to_the_static_file(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("images/favicon.ico")


@pytest.mark.parametrize(
    "path",
    [
        "/?q=%00%ff&page=-1&utm_source=<script>",
        "/?" + "a=1&" * 500,
        "/about/?x=' OR 1=1 --",
        "/%E2%80%8B/",
        "/" + "a" * 5000 + "/",
        "/" + "/".join(["deep"] * 200) + "/",
        "/..%2f..%2fetc/passwd",
    ],
)
def test_odd_requests_never_cause_a_server_error(client, home_page, path):
    StandardPageFactory(parent=home_page, slug="about")
    response = client.get(path)
    assert response.status_code in {200, 301, 400, 404}, response.status_code


def test_bad_host_header_is_refused_with_400(client, home_page):
    response = client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
