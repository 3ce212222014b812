"""Image bytes: what an upload really is, a clean re-encoded copy, and small thumbnails for emails.

Pure functions over bytes (no AWS). Pillow is imported inside them: only functions that handle an
image pay for it at cold start. The type is read from the bytes (Pillow's own format detection,
limited to the four formats X takes), never from a file name or a declared Content-Type.
Re-encoding writes only pixels, plus the ICC colour profile so colours stay right; EXIF (with GPS
location, camera serials, timestamps), XMP, IPTC, comments and text chunks are all left behind. A
JPEG's EXIF orientation is applied to the pixels first, so the clean copy is not shown sideways.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from understudy.errors import Unprocessable

# Pillow's format name -> the content type we store and serve.
FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif", "WEBP": "image/webp"}
CONTENT_TYPES = frozenset(FORMATS.values())
MAX_BYTES = 5 * 1024 * 1024  # X's limit for images
MAX_PIXELS = 8192 * 8192  # X's largest accepted image; also keeps decompression bombs out
THUMBNAIL_SIZE = (320, 320)
# Tried in turn by ``within``: each scale of the pixels' sides at each quality, until the copy fits.
FIT_SCALES = (1, 0.75, 0.5, 0.35, 0.25, 0.15, 0.1)
FIT_QUALITIES = (85, 70)
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif", "image/webp": "webp"}
KINDS = "JPEG, PNG, GIF or WebP"


@dataclass(frozen=True)
class Clean:
    data: bytes
    content_type: str
    width: int
    height: int

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.content_type]


def _open(data: bytes, label: str):
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():  # a size just over the limit is refused below, by name
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=list(FORMATS))
        if image.width * image.height > MAX_PIXELS:
            raise Unprocessable(f"{label} is {image.width}×{image.height} pixels; the most is 8192×8192.")
        image.load()
    except Unprocessable:
        raise
    except Image.DecompressionBombError as exc:
        raise Unprocessable(f"{label} has far more pixels than X takes (8192×8192 at most).") from exc
    except (Image.UnidentifiedImageError, OSError, SyntaxError, ValueError,
            EOFError) as exc:
        raise Unprocessable(f"{label} is not a {KINDS} image (whatever its name or declared type says); "
                            "it was not kept.") from exc
    return image


def clean(data: bytes, label: str = "The image") -> Clean:
    """The image re-encoded in its own format with no metadata; Unprocessable if it is not one we take."""
    if len(data) > MAX_BYTES:
        raise Unprocessable(f"{label} is larger than 5 MB; it was not kept.")
    from PIL import ImageOps

    image = _open(data, label)
    fmt = image.format
    out = io.BytesIO()
    icc = image.info.get("icc_profile")
    animated = getattr(image, "is_animated", False) and fmt in ("GIF", "WEBP")
    if fmt == "JPEG":
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L", "CMYK"):
            image = image.convert("RGB")
        image.save(out, "JPEG", quality=90, optimize=True, icc_profile=icc)
    elif fmt == "PNG":
        image.save(out, "PNG", optimize=True, icc_profile=icc)
    elif fmt == "GIF":
        image.info.pop("comment", None)  # GIF comments are copied from info otherwise
        image.save(out, "GIF", save_all=animated, comment=b"")
    else:
        image.save(out, "WEBP", quality=90, save_all=animated, icc_profile=icc, exif=b"", xmp=b"")
    return Clean(data=out.getvalue(), content_type=FORMATS[fmt], width=image.width, height=image.height)


def within(data: bytes, max_bytes: int, label: str = "The image") -> Clean:
    """The image as it is if it has at most ``max_bytes``, else a smaller re-encoding that fits: the first
    frame as JPEG (WebP where it has transparency), at a lower quality and then fewer pixels, as a network
    with a tighter size limit than ours needs. The sizes are those of the copy returned."""
    from PIL import Image

    image = _open(data, label)
    if len(data) <= max_bytes:
        return Clean(data=data, content_type=FORMATS[image.format], width=image.width, height=image.height)
    image.seek(0)
    transparent = image.has_transparency_data
    still = image.convert("RGBA" if transparent else "RGB")
    fmt = "WEBP" if transparent else "JPEG"
    for scale in FIT_SCALES:
        size = (max(1, round(still.width * scale)), max(1, round(still.height * scale)))
        frame = still if scale == 1 else still.resize(size, Image.Resampling.LANCZOS)
        for quality in FIT_QUALITIES:
            out = io.BytesIO()
            frame.save(out, fmt, quality=quality)
            if out.tell() <= max_bytes:
                return Clean(data=out.getvalue(), content_type=FORMATS[fmt], width=size[0], height=size[1])
    raise Unprocessable(f"{label} could not be made smaller than {max_bytes:,} bytes.")


def thumbnail(data: bytes) -> tuple[bytes, str]:
    """A small still copy (first frame) for an email: (bytes, image subtype), JPEG unless it has transparency."""
    image = _open(data, "The image")
    image.seek(0)
    still = image.convert("RGBA")
    still.thumbnail(THUMBNAIL_SIZE)
    out = io.BytesIO()
    if still.getextrema()[3][0] < 255:  # some transparency: PNG keeps it
        still.save(out, "PNG", optimize=True)
        return out.getvalue(), "png"
    still.convert("RGB").save(out, "JPEG", quality=80)
    return out.getvalue(), "jpeg"
