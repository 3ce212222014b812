"""Posts' images in the private media bucket: uploads, the clean copies under each post, and links.

The browser uploads straight to S3 with a presigned POST whose policy binds the key (under the
uploader's own prefix), the Content-Type and the size. Nothing uploaded is trusted: on submit each
upload is read, checked from its bytes and re-encoded without metadata (understudy.images), and the
clean copy is stored under ``posts/<post id>/``; the upload is deleted once the post is saved.
Keys: ``uploads/<hash of the uploader's email>/<random>`` (a lifecycle rule deletes them after a
day) and ``posts/<post id>/<random>.<ext>`` (deleted 30 days after the post ends unpublished, or
once published for the images only earlier revisions had: ``mark_unpublished`` tags them and a
lifecycle rule acts on the tag).

People see images only through presigned GET links that expire in minutes; the bucket stays private.
The S3 clients are made on first use, so requests without images never pay for it.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from understudy import aws
from understudy.cold_start import lazy
from understudy.config import config
from understudy.errors import Forbidden, Unprocessable
from understudy.model import Image, Post
from understudy.observability import logger

images = lazy("understudy.images")  # its checks are for uploads; reading and tagging images need none

MAX_IMAGES = 4
ALT_LIMIT = 1000
UPLOAD_SECONDS = 10 * 60  # how long a presigned POST may be used
VIEW_SECONDS = 15 * 60  # how long a link to see an image works
UPLOADS = "uploads/"
POSTS = "posts/"
# The tag the lifecycle rule (infra/stack/media.py) deletes by, 30 days after it is set.
UNPUBLISHED_TAG = ("outcome", "unpublished")


@dataclass(frozen=True)
class Wanted:
    """One image a post body asks for: an upload of the author's, or an image the post already has."""

    key: str
    alt: str


@cache
def _s3():
    return aws.client("s3")


@cache
def _signer():
    """Signs links people's browsers use: S3's public address on AWS, the sandbox's proxy there."""
    from botocore.config import Config

    public = config().media_public_url
    return aws.session().create_client(
        "s3", region_name=config().region,
        endpoint_url=public or f"https://s3.{config().region}.amazonaws.com",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path" if public else "virtual"}))


def upload_prefix(email: str) -> str:
    """The uploader's own prefix; a hash, so no address is written into object keys."""
    return f"{UPLOADS}{hashlib.sha256(email.strip().lower().encode()).hexdigest()[:32]}/"


def new_upload(email: str, content_type: str, size: int) -> dict:
    """A presigned POST for one image: ``{url, fields, key, expiresIn}``."""
    if content_type not in images.CONTENT_TYPES:
        raise Unprocessable(f"Images must be {images.KINDS} (got {content_type!r}).")
    if not 0 < size <= images.MAX_BYTES:
        raise Unprocessable("An image must be larger than 0 bytes and at most 5 MB.")
    key = f"{upload_prefix(email)}{uuid.uuid4().hex}"
    signed = _signer().generate_presigned_post(
        config().media_bucket, key, Fields={"Content-Type": content_type},
        Conditions=[{"Content-Type": content_type}, ["content-length-range", 1, size]],
        ExpiresIn=UPLOAD_SECONDS)
    return {"url": signed["url"], "fields": signed["fields"], "key": key, "expiresIn": UPLOAD_SECONDS}


def view_url(key: str) -> str:
    return _signer().generate_presigned_url("get_object", Params={"Bucket": config().media_bucket, "Key": key},
                                            ExpiresIn=VIEW_SECONDS)


def shown(media: Iterable[dict]) -> list[dict]:
    """Images as the API shows them: each with a short-lived link."""
    return [{**image, "url": view_url(image["key"])} for image in media]


def with_links(post_json: dict) -> dict:
    """A post's JSON with a link on every image (current and earlier revisions)."""
    post_json["media"] = shown(post_json.get("media") or ())
    for revision in post_json.get("revisions") or ():
        revision["media"] = shown(revision.get("media") or ())
    return post_json


# --- attaching images to a revision -------------------------------------------------------------

def wanted(items: Sequence[dict] | None) -> list[Wanted]:
    """Check the body's ``media`` list before anything is touched: bad input changes nothing."""
    items = list(items or ())
    if len(items) > MAX_IMAGES:
        raise Unprocessable(f"A post can have at most {MAX_IMAGES} images.")
    chosen: list[Wanted] = []
    for number, item in enumerate(items, start=1):
        key, alt = str(item.get("key") or ""), str(item.get("alt") or "").strip()
        if not alt:
            raise Unprocessable(f"Image {number} needs alt text: describe it for people who cannot see it.")
        if len(alt) > ALT_LIMIT:
            raise Unprocessable(f"Image {number}'s alt text is {len(alt)} characters; the most is {ALT_LIMIT}.")
        if any(key == other.key for other in chosen):
            raise Unprocessable(f"Image {number} is attached twice.")
        chosen.append(Wanted(key=key, alt=alt))
    return chosen


def attach(email: str, post_id: str, items: Sequence[Wanted], current: Sequence[Image] = ()) -> tuple[
        list[Image], list[str]]:
    """The revision's images and the uploads to delete once the post is saved.

    An item naming one of ``current`` keeps that clean image (its alt text may change); any other key
    must be an upload under the caller's own prefix, which is checked, cleaned and copied under the
    post. If an image is refused, the refused upload and every clean copy made here are deleted.
    """
    kept = {image.key: image for image in current}
    own = upload_prefix(email)
    for number, item in enumerate(items, start=1):
        if item.key not in kept and not (item.key.startswith(own) and "/" not in item.key[len(own):]):
            raise Forbidden(f"Image {number} is not one of your uploads.")
    result: list[Image] = []
    made: list[str] = []
    uploads: list[str] = []
    try:
        for number, item in enumerate(items, start=1):
            if item.key in kept:
                result.append(replace(kept[item.key], alt=item.alt))
                continue
            image = _clean_copy(item, post_id, f"Image {number}")
            made.append(image.key)
            uploads.append(item.key)
            result.append(image)
    except Exception:
        delete(made)
        raise
    return result, uploads


def _clean_copy(item: Wanted, post_id: str, label: str) -> Image:
    s3 = _s3()
    bucket = config().media_bucket
    try:
        found = s3.get_object(Bucket=bucket, Key=item.key)
    except s3.exceptions.NoSuchKey as exc:
        raise Unprocessable(f"{label} was never uploaded, or its upload has expired (uploads are kept for a "
                            "day); attach it again.") from exc
    with found["Body"] as body:
        data = body.read(images.MAX_BYTES + 1) if found["ContentLength"] <= images.MAX_BYTES else b""
    try:
        if not data:
            raise Unprocessable(f"{label} is larger than 5 MB; it was not kept.")
        clean = images.clean(data, label)
    except Unprocessable:
        delete([item.key])
        raise
    key = f"{POSTS}{post_id}/{uuid.uuid4().hex}.{clean.extension}"
    s3.put_object(Bucket=bucket, Key=key, Body=clean.data, ContentType=clean.content_type)
    return Image(key=key, alt=item.alt, content_type=clean.content_type, width=clean.width, height=clean.height)


def delete(keys: Sequence[str]) -> None:
    """Best effort: what is left is removed by the bucket's lifecycle rules."""
    if not keys:
        return
    try:
        _s3().delete_objects(Bucket=config().media_bucket,
                             Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True})
    except Exception:
        logger.exception("Could not delete images; the lifecycle rules will", extra={"keys": list(keys)})


def read(key: str) -> bytes:
    found = _s3().get_object(Bucket=config().media_bucket, Key=key)
    with found["Body"] as body:
        return body.read()


def all_images(post: Post) -> list[Image]:
    """Every image of every revision, each once."""
    seen: dict[str, Image] = {}
    for revision in post.revisions:
        for image in revision.media:
            seen.setdefault(image.key, image)
    return list(seen.values())


def mark_unpublished(unshown: Sequence[Image]) -> None:
    """Tag images no published post shows so the lifecycle rule deletes them 30 days from now.

    Copying each object onto itself sets the tag and restarts its age, which is what lifecycle
    expiry counts from; so the 30 days run from the post's end, not from the upload."""
    s3, bucket = _s3(), config().media_bucket
    key, value = UNPUBLISHED_TAG
    for image in unshown:
        s3.copy_object(Bucket=bucket, Key=image.key, CopySource={"Bucket": bucket, "Key": image.key},
                       MetadataDirective="REPLACE", ContentType=image.content_type,
                       TaggingDirective="REPLACE", Tagging=f"{key}={value}")


def keep(keys: Sequence[str]) -> None:
    """Remove the tag from images a published post shows, so no lifecycle rule ever deletes them."""
    s3, bucket = _s3(), config().media_bucket
    for key in keys:
        s3.delete_object_tagging(Bucket=bucket, Key=key)
