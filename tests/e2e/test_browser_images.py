"""Images in Chromium against the sandbox: a trainee attaches an image, is stopped until it has alt
text, and submits (the browser uploads straight to the media bucket with the presigned POST, through
the sandbox's /_aws/s3/); the reviewer opens the emailed link and sees the image with its alt text.
Each page is checked with axe-core along the way."""

from __future__ import annotations

import io
import re
import uuid

import browser_support
import pytest
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
    assert shown.evaluate("img => img.complete && img.naturalWidth") == 120, "the image loads from its link"
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
    assert seen.evaluate("img => img.complete && img.naturalWidth") == 120
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
    assert on_timeline.evaluate("img => img.complete && img.naturalWidth") == 120
    watch.assert_quiet()
