"""Image uploads in the admin that fail politely: a field error, never a server error.

Wagtail's `WagtailImageField` reads an upload's size through Willow, which decodes the whole
image first (Pillow's `load()`): a truncated or corrupt file then raises an error Wagtail does
not catch (a 500), a decompression bomb is decoded before anything counts its pixels unless it
is more than twice Pillow's limit, and Willow's Pillow plugin counts one frame whatever the
file holds, so a 40-frame GIF passes `WAGTAILIMAGES_MAX_IMAGE_PIXELS` as one frame.

`CheckedImageField` reads the header first, with Pillow and without decoding the pixels: the
size, and the number of frames (GIF, APNG, WebP and the rest report it from their headers, or
by skipping over each frame's data undecoded). Width x height x frames over
`WAGTAILIMAGES_MAX_IMAGE_PIXELS`, or a header Pillow calls a decompression bomb, is refused
there. Only an image within the limit is then handed to Wagtail's own checks, which decode it;
any error decoding it becomes a field error too. Every image form of the admin uses it
(`WAGTAILIMAGES_IMAGE_FORM_BASE`): add, multiple add, edit, and uploads in the chooser.
"""

import logging
import struct
import warnings
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from PIL import Image, UnidentifiedImageError

logger = logging.getLogger(__name__)

# What Pillow raises on a file that is cut short or corrupt, while reading or decoding it.
DAMAGED = (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error, zlib.error)


def _file_of(data):
    """A seekable file for an upload: the uploaded file itself, or its `file` attribute."""
    return getattr(data, "file", data)


class CheckedImageField(WagtailImageField):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["damaged_image"] = _(
            "This image file is damaged or incomplete, so it cannot be used. Save the image "
            "again from the program that made it, then upload the new file."
        )

    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        self.check_image_header(data)
        try:
            return super().to_python(data)
        except DAMAGED as error:
            logger.info("Image upload refused: %s", type(error).__name__)
            raise ValidationError(
                self.error_messages["damaged_image"], code="damaged_image"
            ) from None

    def check_image_header(self, data) -> None:
        """Refuse an image over the pixel limit, counting every frame, before decoding it."""
        file = _file_of(data)
        file.seek(0)
        try:
            with warnings.catch_warnings():
                # Pillow warns above Image.MAX_IMAGE_PIXELS and raises above twice that.
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(file) as image:  # reads the header, not the pixels
                    width, height = image.size
                    frames = getattr(image, "n_frames", 1)
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            self.too_many_pixels(None)
        except UnidentifiedImageError:
            return  # not an image Pillow knows (an SVG...): Wagtail's own checks decide
        except DAMAGED:
            raise ValidationError(
                self.error_messages["damaged_image"], code="damaged_image"
            ) from None
        finally:
            file.seek(0)
        pixels = width * height * frames
        if self.max_image_pixels is not None and pixels > self.max_image_pixels:
            self.too_many_pixels(pixels)

    def too_many_pixels(self, pixels: int | None):
        raise ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {
                "num_pixels": f"{pixels:,}" if pixels is not None else _("unknown number"),
                "max_pixels_count": f"{self.max_image_pixels:,}",
            },
            code="file_too_many_pixels",
        )


class ImageForm(BaseImageForm):
    """Wagtail's image form, with the upload checked by `CheckedImageField`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None and not isinstance(field, CheckedImageField):
            self.fields["file"] = CheckedImageField(
                label=field.label, required=field.required, widget=field.widget
            )
