"""Abstract illustrations drawn in code, so the demo ships no third-party images.

Each image is deterministic (seeded by its key), so the loader can run on any machine and
produce the same files.
"""

import io
import random

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

from PIL import Image, ImageDraw, ImageFilter

PALETTES = {
    "indigo": ["#24205a", "#3b3585", "#b0175a", "#f4f2fb", "#e6e2f6"],
    "dawn": ["#f9d9c7", "#e98a6b", "#b0175a", "#24205a", "#fff6ef"],
    "meadow": ["#dfeee2", "#7fb48a", "#2f6b4f", "#24205a", "#f7fbf7"],
    "sky": ["#d9e8f6", "#6e9fd1", "#2a3bb0", "#24205a", "#f5f9fd"],
}


def draw(key: str, palette: str, width: int = 1600, height: int = 1067) -> bytes:
    """Overlapping soft shapes in the brand palette, rendered as a JPEG."""
    rng = random.Random(key)  # noqa: S311 - decoration, not security
    colours = PALETTES[palette]
    image = Image.new("RGB", (width, height), colours[-1])
    layer = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    pen = ImageDraw.Draw(layer)
    for _ in range(14):
        colour = rng.choice(colours[:-1])
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(-radius, width), rng.randint(-radius, height)
        alpha = rng.randint(90, 200)
        rgba = (*(int(colour[i : i + 2], 16) for i in (1, 3, 5)), alpha)
        if rng.random() < 0.6:
            pen.ellipse([x, y, x + radius * 2, y + radius * 2], fill=rgba)
        else:
            pen.rounded_rectangle([x, y, x + radius * 2, y + radius], radius=radius // 3, fill=rgba)
    layer = layer.filter(ImageFilter.GaussianBlur(radius=6))
    image.paste(layer, (0, 0), layer)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
    return buffer.getvalue()


def get_or_create_image(key: str, title: str, description: str, palette: str = "indigo"):
    """The image with this title, drawn and saved the first time it is asked for."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing, False
    data = draw(key, palette)
    image = Image(title=title, description=description)
    image.file = ImageFile(io.BytesIO(data), name=f"{key}.jpg")
    image.save()
    return image, True
