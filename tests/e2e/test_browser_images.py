"""Images in Chromium against the sandbox: a trainee attaches an image, is stopped until it has alt
text, and submits (the browser uploads straight to the media bucket with the presigned POST, through
the sandbox's /_aws/s3/); the reviewer opens the emailed link and sees the image with its alt text, and
the approved image reaches the Outbox page's timeline; an author swaps an image in a revision. Each
page is checked with axe-core along the way."""

from __future__ import annotations

import io
import re
import uuid
from pathlib import Path

import browser_support
import pytest
import requests
from browser_support import TRAINEE, assert_accessible, screenshot, sign_in
from PIL import Image
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
SLOW = 30_000
LINK = re.compile(r"(review\.html#token=[\w.-]+&decision=approve)")


def png(tmp_path, colour=(30, 110, 200)) -> str:
    path = tmp_path / "stand.png"
    out = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(out, "PNG")
    path.write_bytes(out.getvalue())
    return str(path)


def loads(image) -> None:
    """Wait until the image has loaded from its link, whole (120 pixels wide): shown is not yet loaded."""
    image.page.wait_for_function("img => img.complete && img.naturalWidth === 120", arg=image.element_handle(),
                                 timeout=SLOW)


def test_a_trainee_attaches_an_image_needs_alt_text_and_the_reviewer_sees_both(sandbox, open_page, watch, tmp_path):
    base = sandbox.url.rstrip("/")
    marker = uuid.uuid4().hex[:8]
    alt = f"Our stand at the spring fair, three volunteers smiling ({marker})"

    trainee = open_page()
    sign_in(trainee, base, TRAINEE)
    composer = trainee.get_by_role("region", name="Write a post")
    composer.get_by_label("Post", exact=True).fill(f"See you at the fair {marker}")
    composer.get_by_label("Add images").set_input_files(png(tmp_path))
    expect(composer.get_by_role("img", name="Preview of image 1")).to_be_visible()
    assert_accessible(trainee)

    # Without alt text the post is not sent, and the person is told why and taken to the field.
    composer.get_by_role("button", name="Submit for review").click()
    expect(composer.get_by_role("alert")).to_have_text(
        "Image 1 needs alt text: describe it for people who cannot see it.")
    alt_field = composer.get_by_label("Alt text for image 1")
    expect(alt_field).to_be_focused()
    expect(alt_field).to_have_attribute("aria-invalid", "true")
    assert not [p for p in sandbox.api(sandbox.sign_in(TRAINEE)).get("/posts?mine=true").json()["items"]
                if marker in p["text"]]

    alt_field.fill(alt)
    composer.get_by_role("button", name="Submit for review").click()
    post = trainee.get_by_role("region", name="My posts").get_by_role("listitem").filter(has_text=marker).first
    expect(post.get_by_role("heading")).to_contain_text("Waiting for review", timeout=SLOW)
    shown = post.get_by_role("img", name=alt)
    expect(shown).to_be_visible()
    loads(shown)
    expect(composer.get_by_role("img", name="Preview of image 1")).to_have_count(0)  # the form is empty again
    assert_accessible(trainee)
    screenshot(trainee, "images-composer")

    def review_email():
        found = [m for m in sandbox.outbox() if marker in m["text"] and "Review requested" in m["subject"]]
        return found[0] if found else None

    mail = sandbox.wait_for(review_email, timeout=30)
    reviewer = open_page()
    reviewer.goto(f"{base}/{LINK.search(mail['text'])[1]}")
    seen = reviewer.get_by_role("img", name=alt)
    expect(seen).to_be_visible(timeout=SLOW)
    loads(seen)
    expect(reviewer.get_by_text(f"Alt text: {alt}")).to_be_visible()
    assert_accessible(reviewer)
    screenshot(reviewer, "images-review")

    # Approved, the post goes to the local timeline with its image, shown on the Outbox page.
    reviewer.get_by_role("button", name="Approve").click()
    sandbox.wait_for(lambda: [e for e in sandbox.timeline() if marker in e["text"]], timeout=30)
    outbox = open_page()
    outbox.goto(f"{base}/outbox.html")
    on_timeline = outbox.locator(".timeline-entry").filter(has_text=marker).get_by_role("img", name=alt)
    expect(on_timeline).to_be_visible(timeout=SLOW)
    loads(on_timeline)
    watch.assert_quiet()


def test_the_author_changes_images_in_a_revision(sandbox, open_page, watch, tmp_path):
    base = sandbox.url.rstrip("/")
    marker = uuid.uuid4().hex[:8]
    api = sandbox.api(sandbox.sign_in(TRAINEE))
    data = Path(png(tmp_path)).read_bytes()
    form = api.post("/uploads", json={"contentType": "image/png", "size": len(data)}).json()
    assert requests.post(form["url"], data=form["fields"], files={"file": data}, timeout=30).status_code == 204
    post = api.post("/posts", json={"channel": "demo", "text": f"Fair day {marker}",
                                     "media": [{"key": form["key"], "alt": f"The old picture {marker}"}]}).json()
    reviewer = sandbox.api(sandbox.sign_in("reviewer@example.org"))
    sandbox.wait_for(lambda: api.get(f"/posts/{post['id']}").json()["status"] == "pending_review", timeout=30)
    asked = reviewer.post(f"/posts/{post['id']}/decision",
                          json={"decision": "request_changes", "feedback": "Use a photo with people in it."})
    assert asked.status_code == 200, asked.text

    trainee = open_page()
    sign_in(trainee, base, TRAINEE)
    item = trainee.get_by_role("region", name="My posts").get_by_role("listitem").filter(has_text=marker).first
    expect(item.get_by_role("heading")).to_contain_text("Changes requested", timeout=SLOW)
    item.get_by_role("button", name="Edit and resubmit").click()
    editor = item.get_by_role("form", name="Edit and resubmit")
    expect(editor.get_by_label("Alt text for image 1")).to_have_value(f"The old picture {marker}")
    editor.get_by_role("button", name="Remove image 1").click()
    editor.get_by_label("Add images").set_input_files(png(tmp_path, colour=(250, 200, 0)))
    editor.get_by_role("button", name="Resubmit for review").click()
    expect(editor.get_by_role("alert")).to_contain_text("Image 1 needs alt text")
    editor.get_by_label("Alt text for image 1").fill(f"Volunteers at the stand {marker}")
    assert_accessible(trainee)
    editor.get_by_role("button", name="Resubmit for review").click()

    expect(item.get_by_role("heading")).to_contain_text("Waiting for review", timeout=SLOW)
    expect(item.get_by_role("img", name=f"Volunteers at the stand {marker}").first).to_be_visible()
    revised = api.get(f"/posts/{post['id']}").json()
    assert [m["alt"] for m in revised["media"]] == [f"Volunteers at the stand {marker}"]
    assert [m["alt"] for m in revised["revisions"][0]["media"]] == [f"The old picture {marker}"]
    watch.assert_quiet()
