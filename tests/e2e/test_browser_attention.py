"""The Needs attention page in Chromium: an admin sees each post that needs them with what happened,
and only the safe actions; publishes a refused post again, marks a post in doubt live with its checked
address (a wrong one is refused beside the field), and closes one with a note. Post text with HTML in
it stays text: no dialog may open."""

from __future__ import annotations

import uuid

import browser_support
import pytest
from attention_support import ADMIN, AUTHOR, own_sandbox, post_that_fails, settled
from browser_support import TRAINEE, assert_accessible, screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
__all__ = ["own_sandbox"]  # the fixture, used by name
SLOW = 30_000


def test_an_admin_deals_with_each_case_from_the_needs_attention_page(own_sandbox, open_page, watch):
    sandbox = own_sandbox
    marker = uuid.uuid4().hex[:8]
    author = sandbox.api(sandbox.sign_in(AUTHOR))
    hostile = '<img src=x onerror="alert(1)">'
    again = post_that_fails(sandbox, author, "refused", f"{marker} again {hostile}")
    doubt = post_that_fails(sandbox, author, "uncertain", f"{marker} doubt")
    close = post_that_fails(sandbox, author, "refused", f"{marker} close")

    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{sandbox.url}/attention.html")
    expect(page.get_by_role("navigation", name="Main").get_by_role("link", name="Needs attention")).to_be_visible()
    items = page.locator(".attention-item")

    def item(post):
        return items.filter(has_text=post["text"])

    expect(item(again).get_by_text(again["text"], exact=True)).to_be_visible()  # shown as text
    expect(item(again).get_by_text("Not published: the channel said", exact=False)).to_be_visible()
    expect(item(again).get_by_text("demo timeline refused the post", exact=False)).to_be_visible()
    expect(item(doubt).get_by_text("In doubt", exact=False)).to_be_visible()
    expect(item(doubt).get_by_role("button", name="Publish again", exact=False)).to_have_count(0)
    assert_accessible(page)
    screenshot(page, "60-attention")

    # Publish again, after a plain confirmation.
    item(again).get_by_role("button", name="Publish again", exact=False).click()
    expect(item(again).get_by_text("Publish this post again?", exact=False)).to_be_visible()
    assert_accessible(page)
    item(again).get_by_role("button", name="Yes, publish it again").click()
    expect(item(again).get_by_role("status")).to_contain_text("Sent to be published again")
    assert settled(sandbox, author, again["id"])["status"] == "published"

    # It is live: a wrong address is refused beside the field; the right one is taken.
    item(doubt).get_by_role("button", name="It is live", exact=False).click()
    address = item(doubt).get_by_label("Address of the live post")
    address.fill("https://evil.example/status/1")
    item(doubt).get_by_role("button", name="Yes, it is live").click()
    expect(item(doubt).locator("[aria-invalid=true]")).to_have_count(1)
    expect(item(doubt).get_by_text("local timeline", exact=False).last).to_be_visible()
    address.fill(f"{sandbox.url}/outbox.html#post-{doubt['id']}")
    item(doubt).get_by_role("button", name="Yes, it is live").click()
    expect(item(doubt).get_by_role("status")).to_contain_text("Marked live")
    assert author.get(f"/posts/{doubt['id']}").json()["status"] == "published"

    # Close with a note: the note is needed.
    item(close).get_by_role("button", name="Close with a note", exact=False).click()
    item(close).get_by_role("button", name="Close it").click()
    expect(item(close).get_by_text("Say why you close it", exact=False)).to_be_visible()
    item(close).get_by_label("Note for the author (needed)").fill("Posted by hand <b>already</b>")
    item(close).get_by_role("button", name="Close it").click()
    expect(item(close).get_by_role("status")).to_contain_text("Closed")
    assert author.get(f"/posts/{close['id']}").json()["closed"]["note"] == "Posted by hand <b>already</b>"
    screenshot(page, "61-attention-dealt-with")

    page.get_by_role("button", name="Refresh").click()
    for post in (again, doubt, close):
        expect(item(post)).to_have_count(0, timeout=SLOW)
    page.set_viewport_size({"width": 375, "height": 800})
    assert_accessible(page)
    watch.assert_quiet()


def test_the_needs_attention_page_is_for_admins(own_sandbox, open_page, watch):
    page = open_page(own_sandbox.sign_in(TRAINEE))
    page.goto(f"{own_sandbox.url}/attention.html")
    expect(page.get_by_role("heading", name="This page is for admins")).to_be_visible()
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Needs attention")).to_have_count(0)
    assert_accessible(page)
    watch.assert_quiet()
