"""Feedback that teaches, in a real browser against the sandbox.

The reviewer opens the emailed "Ask for changes" link, ticks a guideline item and suggests a corrected
text with HTML in it; the trainee sees the suggestion as a word-level diff (as text), uses it with one
click and resubmits: the post is at revision 2 with the suggested text. Also a unit check of the diff.
"""

from __future__ import annotations

import re
import uuid

import browser_support
import pytest
from browser_support import REVIEWER, TRAINEE, assert_accessible, screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
# The shared browser fixtures, used here by name.
browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
SLOW = 30_000


def test_the_diff_marks_inserted_and_deleted_words_and_joins_back_to_both_texts(sandbox, open_page, watch):
    page = open_page()
    page.goto(f"{sandbox.url.rstrip('/')}/review.html")
    runs = page.evaluate("""async () => {
        const { diffWords } = await import('/js/diff.js');
        return diffWords('Launch tomorrow for our members', 'Launch today for everyone');
    }""")

    assert runs == [{"op": "same", "text": "Launch "}, {"op": "del", "text": "tomorrow"},
                    {"op": "ins", "text": "today"}, {"op": "same", "text": " for "},
                    {"op": "del", "text": "our members"}, {"op": "ins", "text": "everyone"}]
    assert page.evaluate("""async () => {
        const { diffWords } = await import('/js/diff.js');
        const runs = diffWords('a  b\\nc', 'a b c d');
        const join = (ops) => runs.filter((r) => ops.includes(r.op)).map((r) => r.text).join('');
        return [join(['same', 'del']), join(['same', 'ins']), diffWords('', '').length];
    }""") == ["a  b\nc", "a b c d", 0]
    watch.assert_quiet()


def test_reviewer_ticks_a_guideline_and_suggests_a_text_and_the_trainee_uses_it(sandbox, open_page, watch):
    base = sandbox.url.rstrip("/")
    marker = uuid.uuid4().hex[:8]
    first = f"Launch tomorrow {marker} for our members"
    suggestion = f"Launch <b>today</b> {marker} for everyone"
    trainee_api = sandbox.api(sandbox.sign_in(TRAINEE))
    created = trainee_api.post("/posts", json={"channel": "demo", "text": first})
    assert created.status_code == 201, created.text
    post_id = created.json()["id"]
    try:
        # Given the trainee's page shows the post waiting for review.
        trainee = open_page(sandbox.sign_in(TRAINEE))
        trainee.goto(f"{base}/index.html")
        post = trainee.get_by_role("region", name="My posts").get_by_role("listitem").filter(has_text=marker).first
        expect(post.get_by_role("heading")).to_contain_text("Waiting for review", timeout=SLOW)

        # When the reviewer follows the "Ask for changes" link in their email.
        reviewer = open_page()
        reviewer.goto(f"{base}/outbox.html")
        email = (reviewer.get_by_role("article").filter(has_text=REVIEWER).filter(has_text=marker)
                 .filter(has_text="Review requested"))
        expect(email).to_have_count(1, timeout=SLOW)
        email.frame_locator("iframe").get_by_role("link", name="Ask for changes").click()
        reviewer.wait_for_url(re.compile(r"/review\.html#token=[^&]+&decision=request_changes$"))

        # Then the guideline items are labelled checkboxes and the suggestion field is there.
        items = reviewer.get_by_role("group", name=re.compile(r"^Which guidelines"))
        box = items.get_by_role("checkbox").first
        expect(box).to_be_visible()
        box.focus()
        reviewer.keyboard.press("Space")  # keyboard reachable
        expect(box).to_be_checked()
        item = box.get_attribute("value")
        reviewer.get_by_label("Feedback for the author").fill(f"Say when, and to everyone ({marker}).")
        # The suggestion is counted as the post's channel counts (the demo timeline counts as X), and one
        # over the limit is refused before anything is sent.
        suggested = reviewer.get_by_label("Suggest a corrected text")
        suggested.fill("x" * 281)
        expect(reviewer.get_by_text("1 character over the limit of 280 on X")).to_be_visible()
        reviewer.get_by_role("button", name="Ask for changes").click()
        expect(reviewer.get_by_role("alert")).to_contain_text("The suggested text cannot be posted as it is")
        expect(suggested).to_be_focused()
        suggested.fill(suggestion)
        expect(reviewer.get_by_text(f"{280 - len(suggestion)} characters left")).to_be_visible()
        screenshot(reviewer, "feedback-01-review-page-items-and-suggestion")
        assert_accessible(reviewer)
        # A suggestion does not go with a rejection: the page says so and sends nothing.
        reviewer.get_by_role("button", name="Reject").click()
        expect(reviewer.get_by_role("alert")).to_contain_text("clear it to reject")
        expect(reviewer.get_by_label("Suggest a corrected text")).to_be_focused()
        reviewer.get_by_role("button", name="Ask for changes").click()
        done = reviewer.get_by_role("region", name="Done: Changes requested")
        expect(done).to_be_visible()
        expect(done.get_by_text(item, exact=True)).to_be_visible()
        expect(done.get_by_text(suggestion, exact=True)).to_be_visible()
        screenshot(reviewer, "feedback-02-review-confirmation")

        # Then the trainee sees the suggestion as a word-level diff, as text.
        expect(post.get_by_role("heading")).to_contain_text("Changes requested", timeout=SLOW)
        diff = post.locator(".diff")
        expect(diff.locator("ins").first).to_be_visible()
        expect(diff.locator("del").first).to_be_visible()
        assert "&lt;b&gt;today&lt;/b&gt;" in diff.inner_html() and "<b>" not in diff.inner_html()
        expect(post.get_by_text(item, exact=True)).to_be_visible()
        screenshot(trainee, "feedback-03-trainee-sees-the-diff")
        assert_accessible(trainee)

        # When they use the suggestion with one click and resubmit.
        post.get_by_role("button", name="Use this suggestion").click()
        revised = post.get_by_label("Revised post")
        expect(revised).to_have_value(suggestion)
        expect(revised).to_be_focused()
        screenshot(trainee, "feedback-04-suggestion-in-the-edit-form")
        post.get_by_role("button", name="Resubmit for review").click()

        # Then the post is at revision 2 with the suggested text, waiting for review again.
        expect(post.get_by_role("heading")).to_contain_text("Waiting for review", timeout=SLOW)
        stored = trainee_api.get(f"/posts/{post_id}").json()
        assert stored["revision"] == 2 and stored["text"] == suggestion
        assert stored["revisions"][0]["feedback"]["guidelines"] == [item]
        assert stored["revisions"][0]["feedback"]["suggestion"] == suggestion
        watch.assert_quiet()
    finally:
        trainee_api.post(f"/posts/{post_id}/withdraw")  # leave nothing waiting for the next test
