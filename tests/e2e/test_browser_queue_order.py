"""The review queue in a real browser lists posts in the order they started waiting, straight from the
API's oldest-first query: a post sent back for changes and revised waits behind one that was already
waiting. The page asks the API for one page, oldest first, and never walks the whole list."""

from __future__ import annotations

import uuid

import browser_support
import pytest
from browser_support import REVIEWER, TRAINEE, assert_accessible
from playwright.sync_api import expect
from test_browser_console import show_more_until

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch


def test_a_revised_post_waits_behind_one_already_waiting_and_one_page_is_asked_for(sandbox, open_page, watch):
    marker = uuid.uuid4().hex[:8]
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    reviewer = sandbox.api(sandbox.sign_in(REVIEWER))
    revised = trainee.post("/posts", json={"channel": "demo", "text": f"Order {marker} revised"}).json()
    waiting = trainee.post("/posts", json={"channel": "demo", "text": f"Order {marker} waiting"}).json()
    sandbox.wait_for(lambda: reviewer.post(f"/posts/{revised['id']}/decision", json={
        "decision": "request_changes", "feedback": "Shorter"}).status_code == 200 or None, timeout=30)
    sandbox.wait_for(lambda: trainee.put(f"/posts/{revised['id']}", json={
        "text": f"Order {marker} revised, shorter"}).status_code == 200 or None, timeout=30)

    page = open_page(sandbox.sign_in(REVIEWER))
    asked = []
    page.on("request", lambda r: asked.append(r.url) if "/posts?" in r.url else None)
    page.goto(f"{sandbox.url}/queue.html")
    mine = page.locator(".queue-item").filter(has_text=f"Order {marker}")
    show_more_until(page, mine.filter(has_text="revised"))

    expect(mine).to_have_count(2)
    assert "waiting" in mine.nth(0).inner_text() and "revised, shorter" in mine.nth(1).inner_text()
    assert all("status=pending_review" in url and "order=oldest" in url for url in asked)
    assert asked and waiting["status"] == "pending_review"
    assert_accessible(page)
    watch.assert_quiet()
