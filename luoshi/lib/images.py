"""Photos from the public: decoded and re-encoded, so no metadata (EXIF position, device) survives.

The phone already shrinks the photo before upload (``cases/intake.js``); the server does not trust
that and re-encodes whatever arrives: any bytes that are not an image Pillow can decode are refused
with a clear message, very large canvases (decompression bombs) too. Rotation from the EXIF
orientation tag is applied to the pixels first, so dropping the tag does not turn the photo.
"""

from __future__ import annotations

import io
import warnings

from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Long side of the stored photo (the phone resizes to the same bound).
MAX_SIDE = 1600
# Refuse anything that would decode to more pixels than a 50-megapixel camera gives.
MAX_PIXELS = 50_000_000
JPEG_QUALITY = 82


class BadImage(ValueError):
    """The upload is not a usable photo; ``str()`` is the message for the resident."""


def clean_photo(data: bytes) -> bytes:
    """A JPEG of the photo in ``data``, long side at most ``MAX_SIDE``, without any metadata."""
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(io.BytesIO(data)) as probe:
                width, height = probe.size
                if probe.format not in ("JPEG", "PNG", "WEBP", "MPO"):
                    raise BadImage(_("仅支持 JPG、PNG 或 WebP 格式的照片。"))
            if width * height > MAX_PIXELS:
                raise BadImage(_("照片像素过多，请换一张。"))
            with Image.open(io.BytesIO(data)) as opened:
                opened.load()
                img: Image.Image = ImageOps.exif_transpose(opened).convert("RGB")
        except BadImage:
            raise
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombWarning):
            raise BadImage(_("无法识别该照片，请重新拍摄或换一张。")) from None
    img.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    # A fresh image written without exif=, icc_profile= or comment= carries no metadata at all.
    img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return out.getvalue()
