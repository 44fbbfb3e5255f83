"""Image uploads in the admin fail politely: a field error, never a server error.

Posted to the admin's own upload views, "Add an image" and "Add images" (several at once, which
answers in JSON), as an editor does: an animation over the pixel limit counting all its frames,
truncated and corrupt files, and a decompression bomb, whose header promises far more pixels
than its few bytes hold.
"""

import io
import struct
import zlib

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from PIL import Image

from website.images import CheckedImageField

pytestmark = pytest.mark.django_db

LIMIT = 1_000_000  # pixels, for these tests


def animated_gif(width: int, height: int, frames: int) -> bytes:
    images = [
        Image.new("RGB", (width, height), (n * 6 % 256, 255 - n * 6 % 256, n * 37 % 256))
        for n in range(frames)
    ]
    out = io.BytesIO()
    images[0].save(out, "GIF", save_all=True, append_images=images[1:], duration=50)
    return out.getvalue()


def png(width: int = 300, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


def jpeg(width: int = 300, height: int = 200) -> bytes:
    out = io.BytesIO()
    Image.effect_noise((width, height), 40).convert("RGB").save(out, "JPEG")
    return out.getvalue()


def png_bomb(width: int = 100_000, height: int = 100_000) -> bytes:
    """A PNG whose header claims width x height pixels, with a few bytes of data after it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    data = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def corrupt_png() -> bytes:
    data = bytearray(png())
    data[60:160] = b"\xff" * 100  # inside the image data: the header reads, the pixels do not
    return bytes(data)


BAD_UPLOADS = [
    pytest.param(
        "animation.gif", lambda: animated_gif(400, 400, 40), "too many pixels", id="40-frame-gif"
    ),
    pytest.param("cut.png", lambda: png()[:-60], "damaged or incomplete", id="truncated-png"),
    pytest.param("cut-early.png", lambda: png()[:120], "damaged or incomplete", id="cut-png"),
    pytest.param("cut.jpg", lambda: jpeg()[:-400], "damaged or incomplete", id="truncated-jpeg"),
    pytest.param("corrupt.png", corrupt_png, "damaged or incomplete", id="corrupt-png"),
    pytest.param("bomb.png", png_bomb, "too many pixels", id="decompression-bomb"),
    pytest.param("header.png", lambda: png()[:20], "", id="header-only"),
]


@pytest.fixture
def limit(settings):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = LIMIT


@pytest.mark.parametrize("name, make, message", BAD_UPLOADS)
def test_a_bad_image_gets_a_field_error_on_the_add_page(admin_client, limit, name, make, message):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "An image", "file": SimpleUploadedFile(name, make()), "collection": 1},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors
    assert message.lower() in " ".join(errors).lower()
    assert get_image_model().objects.count() == 0


@pytest.mark.parametrize("name, make, message", BAD_UPLOADS)
def test_a_bad_image_gets_an_error_message_when_adding_several(
    admin_client, limit, name, make, message
):
    response = admin_client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile(name, make())}
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert message.lower() in answer["error_message"].lower()
    assert get_image_model().objects.count() == 0


def test_the_error_says_how_many_pixels_counting_every_frame(admin_client, limit):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "x", "file": SimpleUploadedFile("a.gif", animated_gif(400, 400, 40))},
    )
    # 400 x 400 x 40 frames; as one frame it would have passed.
    assert "6,400,000" in response.context["form"].errors["file"][0]
    assert LIMIT > 400 * 400


@pytest.mark.parametrize(
    "name, make",
    [
        ("photo.png", png),
        ("photo.jpg", jpeg),
        ("short.gif", lambda: animated_gif(200, 200, 20)),  # 800,000 pixels in all
    ],
)
def test_good_images_are_still_accepted(admin_client, limit, name, make):
    response = admin_client.post(
        reverse("wagtailimages:add"), {"title": "Fine", "file": SimpleUploadedFile(name, make())}
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().title == "Fine"


def test_the_header_is_read_without_decoding_the_image(limit, monkeypatch):
    """The pixel check happens before anything decodes pixels: a bomb never reaches load()."""
    uploads = [("bomb.png", png_bomb()), ("animation.gif", animated_gif(400, 400, 40))]
    loads = []
    original = Image.Image.load

    def watching_load(self, *args, **kwargs):
        loads.append(self.size)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Image.Image, "load", watching_load)
    monkeypatch.setattr("PIL.ImageFile.ImageFile.load", watching_load)
    field = CheckedImageField()
    for name, upload in uploads:
        with pytest.raises(ValidationError, match="too many pixels"):
            field.clean(SimpleUploadedFile(name, upload))
    assert loads == []
