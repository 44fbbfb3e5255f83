"""No empty frames: a case study without a picture keeps its card's shape with a panel naming
its setting; an image block whose image has gone leaves no empty box behind."""

import pytest
from bs4 import BeautifulSoup

from casestudies.factories import CaseStudyPageFactory
from home.blocks import StoryBlock
from home.factories import ImageFactory
from hub.blocks import FigureBlock

pytestmark = pytest.mark.django_db


def cards(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select(".card")


def test_a_card_without_a_picture_names_the_setting_instead_of_framing_nothing(
    client, index, setting_types
):
    CaseStudyPageFactory(
        parent=index,
        title="With a picture",
        image=ImageFactory(description="Shapes"),
        setting_types=[setting_types["pru"]],
    )
    CaseStudyPageFactory(
        parent=index,
        title="Without a picture",
        setting_types=[setting_types["special-school"], setting_types["pru"]],
    )
    CaseStudyPageFactory(parent=index, title="Without a picture or a setting", subject="area")

    for url in ("/case-studies/", "/"):  # the index, and the home page's featured case studies
        by_title = {card.select_one(".card__link").text: card for card in cards(client, url)}
        pictured = by_title["With a picture"].select_one(".card__media")
        assert pictured.find("img") and "card__media--placeholder" not in pictured["class"]
        for title, label in [
            ("Without a picture", "Pupil referral unit"),  # the first, in the taxonomy's order
            ("Without a picture or a setting", "A local area"),
        ]:
            media = by_title[title].select_one(".card__media")
            assert "card__media--placeholder" in media["class"], (url, title)
            assert media.find("img") is None
            assert media.get_text(strip=True) == label, (url, title)


def test_an_image_block_whose_image_has_gone_leaves_no_frame():
    block = StoryBlock().child_blocks["image"]
    assert block.render(block.to_python({"image": None, "caption": "", "credit": ""})).strip() == ""
    with_caption = block.render(block.to_python({"image": None, "caption": "At the residential"}))
    assert "At the residential" in with_caption
    assert "<img" not in with_caption and "placeholder" not in with_caption


def test_a_figure_whose_image_has_gone_keeps_its_number_and_caption_but_no_frame():
    block = FigureBlock()
    html = block.render(
        block.to_python(
            {"image": None, "caption": "Attendance", "source": "", "long_description": ""}
        ),
        context={"figure_number": 2},
    )
    assert "Figure 2:" in html and "Attendance" in html
    assert "<img" not in html and "placeholder" not in html
