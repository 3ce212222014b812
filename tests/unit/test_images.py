"""What an uploaded image becomes: its real type read from its bytes, a copy with no metadata (EXIF and
GPS, XMP, PNG text, GIF comments), the right way up, and small thumbnails for emails."""

from __future__ import annotations

import io

import pytest
from PIL import Image, PngImagePlugin
from understudy import images
from understudy.errors import Unprocessable

GPS, ORIENTATION = 0x8825, 0x0112


def encoded(image: Image.Image, fmt: str, **options) -> bytes:
    out = io.BytesIO()
    image.save(out, fmt, **options)
    return out.getvalue()


def located_exif() -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}
    return exif


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_exif_with_a_location_goes_in_and_none_comes_out(fmt):
    original = encoded(Image.new("RGB", (20, 10), (9, 99, 199)), fmt, exif=located_exif())
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)

    clean = images.clean(original)

    reopened = Image.open(io.BytesIO(clean.data))
    assert reopened.format == fmt and clean.content_type == images.FORMATS[fmt]
    assert not reopened.getexif() and "exif" not in reopened.info
    assert (clean.width, clean.height) == (20, 10)


def test_png_text_chunks_and_gif_comments_are_dropped():
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe, 12 Home Street")
    png = images.clean(encoded(Image.new("RGB", (8, 8)), "PNG", pnginfo=info))
    assert "Author" not in Image.open(io.BytesIO(png.data)).info
    assert b"Home Street" not in png.data

    gif = images.clean(encoded(Image.new("P", (8, 8)), "GIF", comment=b"shot at 12 Home Street"))
    assert b"Home Street" not in gif.data and Image.open(io.BytesIO(gif.data)).format == "GIF"


def test_a_sideways_photo_is_turned_upright_before_its_orientation_tag_is_dropped():
    exif = Image.Exif()
    exif[ORIENTATION] = 6  # "rotate 90° clockwise to display"
    clean = images.clean(encoded(Image.new("RGB", (40, 10)), "JPEG", exif=exif))
    assert (clean.width, clean.height) == (10, 40)


def test_an_animated_gif_keeps_its_frames():
    frames = [Image.new("RGB", (8, 8), colour) for colour in ((255, 0, 0), (0, 255, 0), (0, 0, 255))]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    clean = Image.open(io.BytesIO(images.clean(out.getvalue()).data))
    assert clean.n_frames == 3


@pytest.mark.parametrize("data", [b"", b"GIF89a but not really", b"%PDF-1.7\n", b"<svg xmlns='http://www.w3.org/2000/svg'/>"])
def test_anything_that_is_not_one_of_the_four_formats_is_refused(data):
    with pytest.raises(Unprocessable, match="is not a JPEG, PNG, GIF or WebP image"):
        images.clean(data, "Image 2")


def test_other_real_image_formats_are_refused_too():
    with pytest.raises(Unprocessable, match="Image 1 is not a JPEG"):
        images.clean(encoded(Image.new("RGB", (4, 4)), "BMP"), "Image 1")


def test_more_than_5_mb_or_more_pixels_than_x_takes_is_refused():
    with pytest.raises(Unprocessable, match="larger than 5 MB"):
        images.clean(b"\xff" * (images.MAX_BYTES + 1))
    huge = encoded(Image.new("1", (9000, 9000)), "PNG")  # tiny file, 81 million pixels
    assert len(huge) < images.MAX_BYTES
    with pytest.raises(Unprocessable, match="9000×9000 pixels"):
        images.clean(huge)


def test_thumbnails_are_small_and_keep_transparency_only_where_there_is_some():
    data, subtype = images.thumbnail(encoded(Image.new("RGB", (1200, 600)), "JPEG"))
    thumb = Image.open(io.BytesIO(data))
    assert subtype == "jpeg" and thumb.size == (320, 160)
    data, subtype = images.thumbnail(encoded(Image.new("RGBA", (100, 100), (0, 0, 0, 0)), "PNG"))
    assert subtype == "png" and Image.open(io.BytesIO(data)).mode == "RGBA"


def test_an_image_within_a_networks_limit_is_sent_as_it_is():
    data = encoded(Image.new("RGB", (40, 30), (10, 120, 200)), "PNG")

    fitted = images.within(data, 1_000_000)

    assert (fitted.data, fitted.content_type, fitted.width, fitted.height) == (data, "image/png", 40, 30)


@pytest.mark.parametrize(("mode", "content_type"), [("RGB", "image/jpeg"), ("RGBA", "image/webp")])
def test_a_larger_image_is_made_to_fit_keeping_its_shape_and_any_transparency(mode, content_type):
    import os

    size = (900, 600)
    data = encoded(Image.frombytes(mode, size, os.urandom(size[0] * size[1] * len(mode))), "PNG")
    limit = 150_000
    assert len(data) > limit

    fitted = images.within(data, limit)

    assert len(fitted.data) <= limit and fitted.content_type == content_type
    shown = Image.open(io.BytesIO(fitted.data))
    assert shown.size == (fitted.width, fitted.height) and abs(shown.width / shown.height - 1.5) < 0.01
    assert (shown.mode == "RGBA") == (mode == "RGBA")


def test_an_image_that_cannot_be_made_small_enough_is_refused_by_name():
    data = encoded(Image.new("RGB", (40, 30), (10, 120, 200)), "PNG")

    with pytest.raises(Unprocessable, match="could not be made smaller than 10 bytes"):
        images.within(data, 10)
