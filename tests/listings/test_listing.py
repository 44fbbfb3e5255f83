"""The shared listing helpers: query cleaning, highlighting and page numbers."""

from django.http import Http404, QueryDict

import pytest

from listings.pagination import page_number
from listings.search import MAX_QUERY_LENGTH, MAX_TERMS, clean_query, highlight


def test_a_query_is_cut_short_and_reduced_to_words():
    query, terms = clean_query('"reintegration" AND (PRU OR -mainstream) NEAR/2 pupil* ' * 400)
    assert len(query) <= MAX_QUERY_LENGTH
    # Only distinct words remain, lower case: no quotes, brackets, operators or wildcards.
    assert terms[:8] == ["reintegration", "and", "pru", "or", "mainstream", "near", "2", "pupil"]
    assert len(terms) == len(set(terms))
    assert len(clean_query(" ".join(f"w{n}" for n in range(50)))[1]) == MAX_TERMS
    assert clean_query(None) == ("", [])
    assert clean_query("   !!! ''' ") == ("!!! '''", [])


def test_highlight_escapes_everything_and_marks_terms():
    html = highlight(
        '<script>alert("x")</script> Reintegration & reintegrating pupils', ["reintegration"]
    )
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>Reintegration</mark> &amp; <mark>reintegrating</mark>" in html


def test_highlight_never_marks_inside_an_entity():
    assert highlight("fish & chips", ["amp"]) == "fish &amp; chips"


def test_highlight_cuts_an_excerpt_around_the_first_match():
    text = "word " * 100 + "science matters here " + "filler " * 100
    excerpt = highlight(text, ["science"], 120)
    assert excerpt.startswith("… ") and excerpt.endswith(" …")
    assert "<mark>science</mark>" in excerpt
    assert len(excerpt) < 200


@pytest.mark.parametrize("raw", ["0", "-1", "abc", "1.5", "2e3", "9999999", " "])
def test_page_numbers_that_are_not_whole_numbers_from_one_are_404(raw):
    if raw.strip():
        with pytest.raises(Http404):
            page_number(QueryDict(f"page={raw}"))
    else:
        assert page_number(QueryDict(f"page={raw}")) == 1


def test_page_number_defaults_to_one():
    assert page_number(QueryDict("")) == 1
    assert page_number(QueryDict("page=3")) == 3
