"""Sharing images drawn for pages without a picture of their own: hub articles, case studies.

A link shared on LinkedIn, Bluesky or in a message shows a large image. A page with an image
(its own, or one chosen under Promote) shares that; an article or a case study without one
shares a card drawn here, in the brand's colours, with what kind of piece it is and its title,
so each piece is recognisable rather than every one showing the site's default image.

The card's address carries a fingerprint of its words (`/sharing/<page id>/<fingerprint>.png`):
when a title changes, so does the address, and social networks fetch the new card; the old
address redirects to the new one. A card is drawn once and kept in the cache, and is sent
with far-future cache headers, since what is at an address never changes. Only live pages
that anyone may view have a card. The font is the one Pillow ships, so no system font is needed.
"""

import hashlib
import io

from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.urls import reverse

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from PIL import Image, ImageDraw, ImageFont

from home.models.base import SHARING_IMAGE_SPEC
from home.structured_data import absolute_url

WIDTH, HEIGHT = 1200, 630
MARGIN = 80
TEXT_WIDTH = WIDTH - 2 * MARGIN - 80  # clear of the shapes at the bottom right
DESIGN = "1"  # change to draw every card again (a new fingerprint for each)
CACHE_SECONDS = 60 * 60 * 24 * 30
BRAND, BRAND_LIGHT, ACCENT, TINT = "#24205a", "#3b3585", "#b0175a", "#e6e2f6"


def card_words(page) -> tuple[str, str]:
    """What the card says: the kind of piece ("Practitioner enquiry", "Case study") and the title."""
    kind = getattr(page, "type_label", "") or page._meta.verbose_name.capitalize()
    return kind, page.title


def fingerprint(page) -> str:
    kind, title = card_words(page)
    return hashlib.sha256(f"{DESIGN}\n{kind}\n{title}".encode()).hexdigest()[:12]


def card_url(page) -> str:
    """The address of the page's card, from the site's root."""
    return reverse("sharing_card", kwargs={"page_id": page.pk, "version": fingerprint(page)})


def _wrap(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if font.getlength(candidate) <= width or not line:
            line = candidate
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    return lines


def _fit_title(title: str, max_lines: int = 4):
    """The largest size at which the title takes at most `max_lines` lines (cut short below)."""
    for size in (68, 60, 52, 46):
        font = ImageFont.load_default(size)
        lines = _wrap(title, font, TEXT_WIDTH)
        if len(lines) <= max_lines:
            return font, size, lines
    lines[max_lines - 1] = " ".join(lines[max_lines - 1 :])
    while font.getlength(lines[max_lines - 1] + " …") > TEXT_WIDTH:
        lines[max_lines - 1] = lines[max_lines - 1].rsplit(" ", 1)[0]
    lines[max_lines - 1] += " …"
    return font, size, lines[:max_lines]


def draw_card(kind: str, title: str) -> bytes:
    """A 1200 x 630 PNG: the kind of piece, the title, the organisation's name."""
    image = Image.new("RGB", (WIDTH, HEIGHT), BRAND)
    pen = ImageDraw.Draw(image)
    # The shapes of the site's illustrations, at the edge, behind nothing that must be read.
    pen.ellipse([WIDTH - 280, HEIGHT - 190, WIDTH + 180, HEIGHT + 270], fill=BRAND_LIGHT)
    pen.ellipse([WIDTH - 170, HEIGHT - 150, WIDTH - 50, HEIGHT - 30], fill=ACCENT)
    pen.rectangle([0, 0, 16, HEIGHT], fill=ACCENT)

    small = ImageFont.load_default(30)
    pen.text(
        (MARGIN, MARGIN), kind.upper(), font=small, fill=TINT, stroke_width=1, stroke_fill=TINT
    )
    font, size, lines = _fit_title(title)
    y = MARGIN + 70
    for line in lines:
        pen.text((MARGIN, y), line, font=font, fill="white", stroke_width=1, stroke_fill="white")
        y += int(size * 1.2)
    pen.text(
        (MARGIN, HEIGHT - MARGIN - 30),
        "The Difference",
        font=ImageFont.load_default(34),
        fill="white",
        stroke_width=1,
        stroke_fill="white",
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=6)
    return buffer.getvalue()


def sharing_card(request, page_id: int, version: str):
    """The card of a live, public page; an old fingerprint redirects to the current card."""
    page = Page.objects.live().public().filter(pk=page_id).first()
    if page is None:
        raise Http404("No such page")
    page = page.specific
    current = fingerprint(page)
    if version != current:
        return HttpResponsePermanentRedirect(card_url(page))
    key = f"sharing-card:{page.pk}:{current}"
    png = cache.get(key)
    if png is None:
        png = draw_card(*card_words(page))
        cache.set(key, png, CACHE_SECONDS)
    response = HttpResponse(png, content_type="image/png")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def card_full_url(page, request) -> str:
    return absolute_url(request, card_url(page))


def sharing_image_url(page, request) -> str:
    """The image a page is shared with, as an absolute address: its own (chosen under Promote,
    else its main image) at 1200 x 630, else its card."""
    image = page.sharing_image
    if image is not None:
        try:
            return image.get_rendition(SHARING_IMAGE_SPEC).full_url
        except SourceImageIOError:
            pass  # the file is missing: share the card instead
    return card_full_url(page, request)
