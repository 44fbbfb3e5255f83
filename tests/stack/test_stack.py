"""The production shape, tested as visitors and editors use it: through the cache, on 127.0.0.1.

One stack for the module (tests/stack/conftest.py). The last test stops both app servers, so it
comes last.
"""

import io
import time

import psycopg
import pytest
from PIL import Image

from tests.stack.client import CSRF_COOKIE, Client, form_fields

# Starting the stack (migrations, the demo content into the bucket) counts towards the first
# test's time: a couple of minutes on a quiet 2-core machine, more on a busy one.
pytestmark = [pytest.mark.stack, pytest.mark.timeout(900)]

PAGE = "/about/"
FORM = "/expression-of-interest/"


@pytest.fixture
def visitor(stack):
    """An anonymous visitor with no cookies, through the cache."""
    return Client(stack.url)


def editor_on(stack, app: int, admin_cookies: dict) -> Client:
    """The admin, signed in (both steps), talking to one app server."""
    client = Client(stack.app_url(app))
    client.cookies = dict(admin_cookies)
    return client


def cached(client: Client, path: str):
    """Ask until the cache holds the page (the first request may be a miss)."""
    client.get(path)
    response = client.get(path)
    assert response.status == 200, path
    assert response.headers["x-cache"] == "hit", (path, response.headers)
    return response


def test_a_public_page_is_served_from_the_cache(visitor):
    first = visitor.get(PAGE)
    second = visitor.get(PAGE)
    assert first.status == second.status == 200
    assert second.headers["x-cache"] == "hit"
    assert "age" in second.headers
    assert {"public", "s-maxage=600", "max-age=0"} <= second.cache_control
    assert second.body == first.body


def test_tracking_parameters_share_the_page_and_do_not_reach_the_app(visitor):
    cached(visitor, PAGE)
    tracked = visitor.get(f"{PAGE}?utm_source=newsletter&utm_campaign=report&gclid=abc")
    assert tracked.headers["x-cache"] == "hit"
    other = visitor.get(f"{PAGE}?fbclid=xyz")
    assert other.headers["x-cache"] == "hit"


def test_listings_with_filters_are_cached_and_purged_with_their_page(visitor):
    path = "/hub/?type=research"
    cached(visitor, path)
    cached(visitor, "/hub/")
    purge = visitor.request("PURGE", "/hub/")
    assert purge.status == 200
    # The filtered listing went with its page.
    assert visitor.get(path).headers["x-cache"] == "miss"


def test_two_visits_to_a_form_get_their_own_csrf_tokens_and_nothing_from_the_cache(stack):
    tokens, cookies = [], []
    for _ in range(2):
        visitor = Client(stack.url)
        response = visitor.get(FORM)
        assert response.status == 200
        assert "age" not in response.headers
        assert response.headers["x-cache"] != "hit"
        assert {"private", "no-store"} <= response.cache_control
        tokens.append(response.soup.find("input", {"name": "csrfmiddlewaretoken"})["value"])
        cookies.append(visitor.cookies[CSRF_COOKIE])
    assert tokens[0] != tokens[1]
    assert cookies[0] != cookies[1]


def test_a_logged_in_request_is_never_served_from_the_cache(stack, visitor, admin_cookies):
    editor = Client(stack.url)
    editor.cookies = dict(admin_cookies)
    # Logged in first: the page with the editor's toolbar is not stored for others.
    path = "/our-research/"
    as_editor = editor.get(path)
    assert as_editor.status == 200
    assert as_editor.headers["x-cache"] == "pass"
    assert "age" not in as_editor.headers
    assert {"private", "no-store"} <= as_editor.cache_control
    assert "wagtail-userbar" in as_editor.text
    anonymous = visitor.get(path)
    assert anonymous.headers["x-cache"] == "miss"
    assert "wagtail-userbar" not in anonymous.text
    # And once the page is cached, the editor still goes to an app server.
    cached(visitor, path)
    again = editor.get(path)
    assert again.headers["x-cache"] == "pass"
    assert "wagtail-userbar" in again.text


def _form_with(response, field: str):
    """The page's form that has this field (the admin has others: search, log out...)."""
    for form in response.soup.find_all("form"):
        if form.find(attrs={"name": field}):
            return form
    pytest.fail(f"no form with a {field!r} field")


def _statistic_on_home_page(stack, home_html: str) -> tuple[int, str]:
    with psycopg.connect(stack.database_url.replace("postgres://", "postgresql://", 1)) as conn:
        rows = conn.execute(
            "SELECT id, label FROM home_statistic WHERE live ORDER BY id"
        ).fetchall()
    for pk, label in rows:
        if label and label in home_html:
            return pk, label
    pytest.fail("no statistic of the demo content shows on the home page")


def test_a_change_published_through_one_app_server_shows_through_the_cache_at_once(
    stack, visitor, admin_cookies
):
    home = cached(visitor, "/")
    pk, label = _statistic_on_home_page(stack, home.text)
    editor = editor_on(stack, 1, admin_cookies)
    edit_url = f"/admin/snippets/home/statistic/edit/{pk}/"
    form = _form_with(editor.get(edit_url), "label")
    new_label = f"pupils counted in the stack test {time.time_ns()}"
    fields = [(name, new_label if name == "label" else value) for name, value in form_fields(form)]
    fields.append(("action-publish", "action-publish"))
    published = editor.post(edit_url, fields)
    assert published.status == 302, published.text[:2000]

    fresh = visitor.get("/")
    assert fresh.headers["x-cache"] == "miss"
    assert new_label in fresh.text
    assert label not in fresh.text


def test_an_image_uploaded_through_one_app_server_is_served_with_renditions_by_the_other(
    stack, visitor, admin_cookies
):
    uploader = editor_on(stack, 1, admin_cookies)
    form = _form_with(uploader.get("/admin/images/add/"), "title")
    picture = io.BytesIO()
    Image.new("RGB", (1600, 900), (200, 80, 40)).save(picture, "PNG")
    fields = [(n, v) for n, v in form_fields(form) if n not in ("title", "description")]
    fields += [("title", "Uploaded in the stack test"), ("description", "An orange rectangle")]
    uploaded = uploader.post_multipart(
        "/admin/images/add/",
        fields,
        {"file": ("stack-test.png", picture.getvalue(), "image/png")},
    )
    assert uploaded.status == 302, uploaded.text[:2000]

    # The other app server lists it and makes a rendition of it from the bucket.
    other = Client(stack.app_url(2))
    other.cookies = dict(uploader.cookies)  # the same session: sessions live in the database
    listing = other.get("/admin/images/?q=stack+test")
    edit = next(
        a["href"]
        for a in listing.soup.find_all("a", href=True)
        if a["href"].startswith("/admin/images/") and a["href"].rstrip("/").split("/")[-1].isdigit()
    )
    page = other.get(edit)
    assert page.status == 200
    sources = [img["src"] for img in page.soup.find_all("img", src=True)]
    renditions = [src for src in sources if src.startswith("/media/images/stack-test")]
    assert renditions, sources

    served = visitor.get(renditions[0])
    assert served.status == 200
    assert served.headers["content-type"].startswith("image/")
    with Image.open(io.BytesIO(served.body)) as image:
        assert image.width <= 1600 and image.height <= 900
        assert image.getpixel((10, 10))[:3] == pytest.approx((200, 80, 40), abs=8)
    # The original is in the bucket, not on either app server's disk.
    client = stack._s3()
    keys = [
        o["Key"]
        for o in client.list_objects_v2(Bucket="media", Prefix="original_images/stack-test").get(
            "Contents", []
        )
    ]
    assert keys


def test_documents_come_from_the_bucket_through_the_app_never_straight(visitor):
    research = visitor.get("/our-research/")
    links = [a["href"] for a in research.soup.find_all("a", href=True)]
    document = next(href for href in links if href.startswith("/documents/"))
    served = visitor.get(document)
    assert served.status == 200
    assert served.body.startswith(b"%PDF")
    # Wagtail's serve view streamed it (the bucket has it: no app server keeps files); the
    # file's own address in the bucket is refused.
    name = document.rstrip("/").rsplit("/", 1)[-1]
    assert visitor.get(f"/media/documents/{name}").status == 404


def test_with_both_app_servers_down_pages_answer_from_the_cache_and_forms_say_so(stack, visitor):
    cached(visitor, PAGE)
    cached(visitor, "/hub/")
    stack.stop_part("app1")
    stack.stop_part("app2")
    # The health checks notice within a few seconds: until then, a form may still be tried.
    deadline = time.monotonic() + 15
    while visitor.get(FORM).status != 503:
        assert time.monotonic() < deadline, "the cache did not notice the app servers stopping"
        time.sleep(0.5)

    page = visitor.get(PAGE)
    assert page.status == 200
    assert page.headers["x-cache"] == "hit"
    # A page purged (expired) just before the outage is still served, stale.
    assert visitor.request("PURGE", "/hub/").status == 200
    stale = visitor.get("/hub/")
    assert stale.status == 200
    assert stale.headers["x-cache"] == "hit-stale"

    form = visitor.get(FORM)
    assert form.status == 503
    assert "not</strong> been sent" in form.text or "not been sent" in form.text
    assert "no-store" in form.cache_control
    sent = visitor.post(FORM, {"organisation": "A school"})
    assert sent.status == 503
    assert "has <strong>not</strong> been sent" in sent.text
