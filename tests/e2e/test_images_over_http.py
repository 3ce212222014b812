"""Images on posts over HTTP against the sandbox: presigned uploads to the media bucket (moto, through
the sandbox's /_aws/s3/), the server's check of the real type, re-encoding without metadata, alt text,
images across a revision, the review link and email, and the local timeline's copy."""

from __future__ import annotations

import io
import re
import uuid

import pytest
import requests
from PIL import Image

TRAINEE, AUTHOR, REVIEWER = "trainee@example.org", "author@example.org", "reviewer@example.org"
GPS = 0x8825  # the EXIF tag that points at the GPS block
LINK = re.compile(r"review\.html#token=([\w.-]+)&decision=approve")


def photo(*, gps: bool = False, fmt: str = "JPEG", size=(64, 48), colour=(200, 40, 40)) -> bytes:
    image = Image.new("RGB", size, colour)
    out = io.BytesIO()
    if gps:
        exif = Image.Exif()
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0131] = "Camera app 1.0"  # Software
        exif[GPS] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}
        image.save(out, fmt, exif=exif)
    else:
        image.save(out, fmt)
    return out.getvalue()


@pytest.fixture(scope="module")
def people(sandbox):
    return {who: sandbox.api(sandbox.sign_in(who)) for who in (TRAINEE, AUTHOR, REVIEWER)}


def upload(api, data: bytes, content_type: str, *, declared_size: int | None = None) -> str:
    """Ask for a presigned POST and send the file to it as the browser does; the upload's key."""
    answer = api.post("/uploads", json={"contentType": content_type, "size": declared_size or len(data)})
    assert answer.status_code == 201, answer.text
    form = answer.json()
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("picture", data, content_type)},
                         timeout=30)
    assert sent.status_code == 204, sent.text
    return form["key"]


def submit(api, text: str, media: list[dict], channel: str = "demo") -> requests.Response:
    return api.post("/posts", json={"channel": channel, "text": text, "media": media})


def fetch(url: str) -> bytes:
    got = requests.get(url, timeout=30)
    assert got.status_code == 200, got.text
    return got.content


def test_a_photo_goes_in_with_gps_and_comes_out_clean_with_its_alt_text(sandbox, people, unique_text):
    original = photo(gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS)  # the test photo does carry a location
    key = upload(people[TRAINEE], original, "image/jpeg")

    answer = submit(people[TRAINEE], unique_text, [{"key": key, "alt": "Our stand at the fair"}])
    assert answer.status_code == 201, answer.text
    post = answer.json()
    [image] = post["media"]
    assert image["alt"] == "Our stand at the fair" and image["contentType"] == "image/jpeg"
    assert (image["width"], image["height"]) == (64, 48)
    assert image["key"].startswith(f"posts/{post['id']}/")

    clean = Image.open(io.BytesIO(fetch(image["url"])))
    assert clean.format == "JPEG" and clean.size == (64, 48)
    assert not clean.getexif(), "no EXIF at all may survive: no GPS, no camera, no software"
    assert "exif" not in clean.info and "xmp" not in clean.info
    # The upload itself is gone once the post is saved; only the clean copy is kept.
    assert people[TRAINEE].post("/posts", json={"channel": "demo", "text": unique_text,
                                                "media": [{"key": key, "alt": "again"}]}).status_code == 422
    audit_ok = people[TRAINEE].get(f"/posts/{post['id']}").json()["revisions"][0]["media"][0]["alt"]
    assert audit_ok == "Our stand at the fair"


def test_the_reviewer_sees_the_image_on_the_review_link_and_in_the_email(sandbox, people, unique_text):
    key = upload(people[TRAINEE], photo(fmt="PNG"), "image/png")
    post = submit(people[TRAINEE], unique_text, [{"key": key, "alt": "A chart of visitors per day"}]).json()

    def review_email():
        found = [m for m in sandbox.outbox() if REVIEWER in m["to"] and unique_text in m["text"]]
        return found[0] if found else None

    mail = sandbox.wait_for(review_email, timeout=30)
    assert "A chart of visitors per day" in mail["text"]
    assert 'alt="A chart of visitors per day"' in mail["html"]
    assert "data:image/" in mail["html"], "the thumbnail travels inside the email (cid:), shown inline"
    token = LINK.search(mail["text"])[1]
    view = requests.post(f"{sandbox.url}/api/review-links/view", json={"token": token}, timeout=30).json()
    [image] = view["post"]["media"]
    assert image["alt"] == "A chart of visitors per day"
    assert Image.open(io.BytesIO(fetch(image["url"]))).format == "PNG"
    assert post["status"] == "pending_review"


def test_a_text_file_that_calls_itself_a_png_is_refused_and_not_kept(sandbox, people, unique_text):
    key = upload(people[TRAINEE], b"#!/bin/sh\necho this is not a picture\n", "image/png")
    answer = submit(people[TRAINEE], unique_text, [{"key": key, "alt": "A picture"}])
    assert answer.status_code == 422, answer.text
    assert "is not a JPEG, PNG, GIF or WebP image" in answer.json()["message"]
    mine = people[TRAINEE].get("/posts?mine=true").json()["items"]
    assert not any(p["text"] == unique_text for p in mine), "no post was made"
    again = submit(people[TRAINEE], unique_text, [{"key": key, "alt": "A picture"}])
    assert again.status_code == 422 and "never uploaded" in again.json()["message"], "the upload was deleted"


def test_wrong_types_and_oversized_files_are_refused_before_and_at_upload(sandbox, people):
    api = people[TRAINEE]
    wrong = api.post("/uploads", json={"contentType": "image/svg+xml", "size": 100})
    assert wrong.status_code == 422 and "JPEG, PNG, GIF or WebP" in wrong.json()["message"]
    big = api.post("/uploads", json={"contentType": "image/jpeg", "size": 5 * 1024 * 1024 + 1})
    assert big.status_code == 422 and "5 MB" in big.json()["message"]

    # The presigned POST binds the size declared: S3 (here the sandbox's check of the policy) refuses more.
    form = api.post("/uploads", json={"contentType": "image/jpeg", "size": 1000}).json()
    sent = requests.post(form["url"], data=form["fields"],
                         files={"file": ("big.jpg", b"\xff" * 2000, "image/jpeg")}, timeout=30)
    assert sent.status_code == 400 and "EntityTooLarge" in sent.text
    # And the Content-Type it was signed for.
    sent = requests.post(form["url"], data={**form["fields"], "Content-Type": "text/html"},
                         files={"file": ("x.jpg", b"<p>hi</p>", "text/html")}, timeout=30)
    assert sent.status_code == 403


def test_images_need_alt_text_and_only_your_own_uploads_can_be_used(sandbox, people, unique_text):
    key = upload(people[TRAINEE], photo(), "image/jpeg")
    no_alt = submit(people[TRAINEE], unique_text, [{"key": key, "alt": "   "}])
    assert no_alt.status_code == 422 and "needs alt text" in no_alt.json()["message"]
    someone_else = submit(people[AUTHOR], unique_text, [{"key": key, "alt": "Taken"}])
    assert someone_else.status_code == 403 and "not one of your uploads" in someone_else.json()["message"]
    five = submit(people[TRAINEE], unique_text, [{"key": f"{key}{n}", "alt": "x"} for n in range(5)])
    assert five.status_code == 422 and "at most 4 images" in five.json()["message"]
    # Nothing was touched by the refusals: the upload still works with alt text.
    assert submit(people[TRAINEE], unique_text, [{"key": key, "alt": "Fixed"}]).status_code == 201


def test_a_revision_keeps_changes_and_replaces_images(sandbox, people, unique_text):
    trainee, reviewer = people[TRAINEE], people[REVIEWER]
    first = upload(trainee, photo(colour=(0, 0, 255)), "image/jpeg")
    second = upload(trainee, photo(colour=(0, 255, 0)), "image/jpeg")
    post = submit(trainee, unique_text, [{"key": first, "alt": "Blue"}, {"key": second, "alt": "Green"}]).json()
    kept_key = post["media"][0]["key"]

    def waiting():
        current = trainee.get(f"/posts/{post['id']}").json()
        return current if current["status"] == "pending_review" else None

    sandbox.wait_for(waiting, timeout=30)
    asked = reviewer.post(f"/posts/{post['id']}/decision",
                          json={"decision": "request_changes", "feedback": "Drop the green one."})
    assert asked.status_code == 200, asked.text

    def changes_requested():
        current = trainee.get(f"/posts/{post['id']}").json()
        return current if current["status"] == "changes_requested" else None

    sandbox.wait_for(changes_requested, timeout=30)
    third = upload(trainee, photo(fmt="WEBP", colour=(9, 9, 9)), "image/webp")
    revised = trainee.put(f"/posts/{post['id']}", json={
        "text": unique_text, "media": [{"key": kept_key, "alt": "Blue, our colour"}, {"key": third, "alt": "Night"}]})
    assert revised.status_code == 200, revised.text
    body = revised.json()
    assert [(m["alt"], m["contentType"]) for m in body["media"]] == [("Blue, our colour", "image/jpeg"),
                                                                       ("Night", "image/webp")]
    assert body["media"][0]["key"] == kept_key
    assert [m["alt"] for m in body["revisions"][0]["media"]] == ["Blue", "Green"], "revision 1 keeps its images"
    assert all(fetch(m["url"]) for m in body["revisions"][0]["media"] + body["media"])

    audit = sandbox.api(sandbox.sign_in("admin@example.org")).get(f"/audit?post={post['id']}").json()["items"]
    revised_entry = next(e for e in audit if e["action"] == "revised")
    assert [i["alt"] for i in revised_entry["details"]["images"]] == ["Blue, our colour", "Night"]


def test_an_author_out_of_training_publishes_images_to_the_local_timeline(sandbox, people, unique_text):
    key = upload(people[AUTHOR], photo(fmt="GIF", colour=(1, 2, 3)), "image/gif")
    post = submit(people[AUTHOR], unique_text, [{"key": key, "alt": "A tiny square"}]).json()

    def on_timeline():
        return next((e for e in sandbox.timeline() if e["postId"] == post["id"]), None)

    entry = sandbox.wait_for(on_timeline, timeout=30)
    [image] = entry["images"]
    assert image["alt"] == "A tiny square"
    shown = requests.get(sandbox.url + image["url"], timeout=30)
    assert shown.status_code == 200 and Image.open(io.BytesIO(shown.content)).format == "GIF"


def test_someone_elses_post_images_and_strangers_cannot_be_reached_through_the_proxy(sandbox, people):
    listing = requests.get(f"{sandbox.url}/_aws/s3/understudy-media", timeout=30)
    assert listing.status_code == 403
    unsigned = requests.get(f"{sandbox.url}/_aws/s3/understudy-media/posts/{uuid.uuid4().hex}/x.jpg", timeout=30)
    assert unsigned.status_code == 403
    other_bucket = requests.post(f"{sandbox.url}/_aws/s3/another-bucket", files={"file": b"x"}, timeout=30)
    assert other_bucket.status_code == 403
