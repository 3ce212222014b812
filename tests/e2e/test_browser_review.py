"""The training loop in a real browser (Debian's headless Chromium) against the sandbox.

A trainee signs in and submits a post with HTML in it; the reviewer follows the approve link from the
email shown on the outbox page, reads the post (as text) and the guidelines, writes feedback and approves;
the post reaches the local timeline and the trainee sees it published with the feedback. No script from
user text ever runs: no dialog may open at any point.
"""

from __future__ import annotations

import re
import uuid

import browser_support
import pytest
from browser_support import PASSWORD, REVIEWER, TRAINEE, screenshot, sign_in
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
# Workflow steps (publish, notify) run in the background: allow them a while in a loaded CI machine.
SLOW = 30_000


def my_post(page: Page, marker: str):
    return page.get_by_role("region", name="My posts").get_by_role("listitem").filter(has_text=marker).first


def test_trainee_post_with_html_is_approved_from_the_emailed_link_and_shown_as_text_throughout(
        sandbox, open_page, watch):
    base = sandbox.url.rstrip("/")
    marker = uuid.uuid4().hex[:8]
    text = f"Launch day {marker}! <script>alert(1)</script> <b>bold?</b> & \"quotes\""
    note = f"Is the tone right for launch {marker}?"
    feedback = f"Lovely, approved ({marker}). <i>Keep</i> it up."

    # Given the trainee is signed in: they are told they are in training mode.
    trainee = open_page()
    sign_in(trainee, base, TRAINEE)
    expect(trainee.get_by_text("You are in training mode: your posts wait for a reviewer before they go live.")) \
        .to_be_visible()
    expect(trainee.get_by_role("complementary", name="Guidelines").get_by_role("listitem").first).to_be_visible()

    # When they write a post with HTML in it and a note, the count follows the text.
    composer = trainee.get_by_role("region", name="Write a post")
    submit = composer.get_by_role("button", name="Submit for review")
    expect(submit).to_be_disabled()
    composer.get_by_label("Post", exact=True).fill(text)
    expect(composer.get_by_text(f"{280 - len(text)} characters left")).to_be_visible()
    composer.get_by_label("Note or question for the reviewer").fill(note)
    submit.click()

    # Then it waits for review, shown as the literal text.
    post = my_post(trainee, marker)
    expect(post.get_by_role("heading")).to_contain_text("Waiting for review")
    expect(post.get_by_text(text, exact=True)).to_be_visible()
    expect(post.get_by_text(note, exact=True)).to_be_visible()
    screenshot(trainee, "01-trainee-waiting-for-review")

    # When the reviewer opens the outbox page and follows the approve link in their email.
    reviewer = open_page()
    reviewer.goto(f"{base}/outbox.html")
    email = (reviewer.get_by_role("article").filter(has_text=REVIEWER).filter(has_text=marker)
             .filter(has_text="Review requested"))
    expect(email).to_have_count(1, timeout=SLOW)
    letter = email.frame_locator("iframe")
    expect(letter.get_by_text(text, exact=True)).to_be_visible()
    screenshot(reviewer, "02-outbox-review-request")
    letter.get_by_role("link", name="Approve").click()

    # Then the review page shows the post as text, the note and the guidelines, and has decided nothing.
    reviewer.wait_for_url(re.compile(r"/review\.html#token=[^&]+&decision=approve$"))
    expect(reviewer.get_by_role("heading", name=re.compile(r"^Review a post by"))).to_be_visible()
    shown = reviewer.get_by_role("region", name="The post")
    expect(shown.get_by_text(text, exact=True)).to_be_visible()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in shown.locator("blockquote").inner_html()
    expect(shown.get_by_text(note, exact=True)).to_be_visible()
    expect(shown.get_by_text("Waiting for review")).to_be_visible()
    expect(reviewer.get_by_role("complementary", name="Guidelines").get_by_role("listitem").first).to_be_visible()
    expect(reviewer.get_by_text("You chose “Approve” in the email")).to_be_visible()
    screenshot(reviewer, "03-review-page")

    # When they write feedback and press Approve, they see a confirmation.
    reviewer.get_by_label("Feedback for the author").fill(feedback)
    reviewer.get_by_role("button", name="Approve").click()
    confirmation = reviewer.get_by_role("region", name="Done: Approved")
    expect(confirmation).to_be_visible()
    expect(confirmation.get_by_text(feedback, exact=True)).to_be_visible()
    screenshot(reviewer, "04-review-confirmation")

    # Then the post reaches the local timeline, as text.
    reviewer.goto(f"{base}/outbox.html")
    timeline = reviewer.get_by_role("region", name=re.compile(r"^Local timeline"))
    expect(timeline.get_by_text(text, exact=True)).to_be_visible(timeout=SLOW)
    screenshot(reviewer, "05-outbox-local-timeline")

    # And the trainee's page (polling) shows it published, with the reviewer's feedback and a live link.
    expect(post.get_by_role("heading")).to_contain_text("Published", timeout=SLOW)
    expect(post.get_by_text(feedback, exact=True)).to_be_visible()
    expect(post.get_by_role("link", name="See the live post")).to_be_visible()
    screenshot(trainee, "06-trainee-published")

    # And nothing the people wrote ever ran as script.
    assert watch.dialogs == []
    assert watch.errors == []


LINK = re.compile(r"review\.html#token=([\w.~-]+)&decision=(\w+)")


def decide_by_link(sandbox, marker: str, revision: int, decision: str, feedback: str) -> None:
    """The reviewer decides from the emailed link, over HTTP (the browser part is tested above)."""
    def email():
        return next((m for m in sandbox.outbox() if REVIEWER in m["to"] and marker in m["text"]
                     and f"revision {revision}" in m["text"]), None)
    tokens = {d: t for t, d in LINK.findall(sandbox.wait_for(email, timeout=30)["text"])}
    answer = sandbox.api().post("/review-links/decide",
                                json={"token": tokens[decision], "decision": decision, "feedback": feedback})
    assert answer.status_code == 200, answer.text


def test_trainee_edits_and_resubmits_when_changes_are_asked_for_then_withdraws(sandbox, open_page, watch):
    base = sandbox.url.rstrip("/")
    marker = uuid.uuid4().hex[:8]
    first, second = f"Fair on Saturday {marker}", f"Fair on Saturday 10am, town hall {marker}"

    trainee = open_page(390, 844)  # a phone
    sign_in(trainee, base, TRAINEE)
    trainee.get_by_label("Post", exact=True).fill(first)
    trainee.get_by_role("button", name="Submit for review").click()
    post = my_post(trainee, marker)
    expect(post.get_by_role("heading")).to_contain_text("Waiting for review")

    # When the reviewer asks for changes, the trainee sees the feedback and can edit the post in place.
    decide_by_link(sandbox, marker, 1, "request_changes", "Please add the time & place.")
    expect(post.get_by_role("heading")).to_contain_text("Changes requested", timeout=SLOW)
    expect(post.get_by_text("Please add the time & place.", exact=True)).to_be_visible()
    post.get_by_role("button", name="Edit and resubmit").click()
    editor = post.get_by_label("Revised post")
    expect(editor).to_have_value(first)
    expect(editor).to_be_focused()
    editor.fill(second)
    screenshot(trainee, "07-trainee-edit-and-resubmit-phone")
    post.get_by_role("button", name="Resubmit for review").click()

    # Then revision 2 waits for review, and the reviewer gets a new email for it.
    expect(post.get_by_role("heading")).to_contain_text("Waiting for review")
    expect(post).to_contain_text("revision 2")
    expect(post.get_by_text(second, exact=True).first).to_be_visible()  # the history repeats it, folded

    # When the trainee withdraws it (after confirming), it is withdrawn and nothing is published.
    post.get_by_role("button", name="Withdraw").click()
    post.get_by_role("button", name="Yes, withdraw it").click()
    expect(post.get_by_role("heading")).to_contain_text("Withdrawn")
    expect(post.get_by_role("button", name="Withdraw")).to_have_count(0)
    screenshot(trainee, "08-trainee-withdrawn-phone")
    assert not [entry for entry in sandbox.timeline() if marker in entry["text"]]
    assert watch.dialogs == []
    assert watch.errors == []


def test_admin_switches_training_mode_with_a_confirmation_that_says_what_changes(sandbox, open_page, watch):
    base = sandbox.url.rstrip("/")
    admin = open_page()
    admin.goto(f"{base}/people.html")
    # Signed out: sent to sign in, then back to the people page.
    admin.get_by_label("Email", exact=True).fill("admin@example.org")
    admin.get_by_label("Password", exact=True).fill(PASSWORD)
    admin.get_by_role("button", name="Sign in").click()
    admin.wait_for_url(re.compile(r"/people\.html$"))

    switch = admin.get_by_role("switch", name="Training mode for Alex Author")
    expect(switch).not_to_be_checked()
    switch.click()
    expect(admin.get_by_text("Posts by Alex Author will wait for a reviewer before they go live.")).to_be_visible()
    screenshot(admin, "09-people-confirm")
    try:
        admin.get_by_role("button", name="Turn training mode on").click()
        expect(switch).to_be_checked()
        expect(switch).to_be_enabled()
        me = sandbox.api(sandbox.sign_in("author@example.org")).get("/me").json()
        assert me["trainingMode"] is True

        # Cancelling changes nothing.
        switch.click()
        expect(admin.get_by_text("Posts by Alex Author will go live without review.")).to_be_visible()
        admin.get_by_role("button", name="Cancel").click()
        expect(switch).to_be_checked()
    finally:
        sandbox.api(sandbox.sign_in("admin@example.org")).patch(
            "/users/author%40example.org", json={"trainingMode": False}).raise_for_status()

    # A non-admin gets a polite answer, not a table.
    trainee = open_page()
    sign_in(trainee, base, TRAINEE)
    trainee.goto(f"{base}/people.html")
    expect(trainee.get_by_role("heading", name="This page is for admins")).to_be_visible()
    expect(trainee.get_by_role("table")).to_have_count(0)
    assert watch.dialogs == []
    assert watch.errors == []
