"""The error pages: branded, honest about what was saved, quotable, and free of the database."""

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.website.error_urls")]


def page(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def client(client):
    client.raise_request_exception = False
    return client


def assert_branded(response, heading):
    html = page(response)
    assert html.h1.get_text(strip=True) == heading
    assert html.select_one(".site-header img[alt='The Difference: home']") is not None
    assert html.select_one(".site-footer a[href='mailto:hello@the-difference.org']")
    reference = html.select_one("[data-request-id]")
    assert reference is not None and reference.text == response["X-Request-ID"]


def test_400_is_branded_and_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/suspicious/")
    assert response.status_code == 400
    assert_branded(response, "Sorry, we could not understand that request")


def test_a_bad_host_header_gets_the_branded_400(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/fine/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert "Sorry, we could not understand that request" in response.content.decode()


def test_403_is_branded_and_needs_no_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/denied/")
    assert response.status_code == 403
    assert_branded(response, "You cannot see this page")


def test_500_says_a_form_may_not_have_been_saved(client):
    response = client.get("/broken/")
    assert response.status_code == 500
    assert_branded(response, "Sorry, there is a problem with the service")
    assert "may not have been saved" not in response.content.decode()

    response = client.post("/broken/")
    assert response.status_code == 500
    assert "What you sent may not have been saved" in response.content.decode()


def test_a_database_error_anywhere_is_a_503_that_says_nothing_was_saved(client):
    response = client.post("/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    assert_branded(response, "Sorry, the service is unavailable")
    text = page(response).main.get_text(" ", strip=True)
    assert "nothing has been saved" in text
    assert "email hello@the-difference.org" in text


def test_a_database_error_in_middleware_is_a_503_too(client, settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.website.error_urls.DatabaseGoneMiddleware",
    ]
    response = client.get("/fine/")
    assert response.status_code == 503
    assert "This page cannot be shown at the moment" in response.content.decode()
