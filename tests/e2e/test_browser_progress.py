"""Trainee progress in a real browser: an admin opens People, opens a trainee's progress and sees the
numbers, the hint and an inline SVG chart of the last eight weeks; axe-core finds nothing serious with the
panel open. The test's posts carry unique text; it changes no shared settings."""

from __future__ import annotations

import browser_support
import pytest
from browser_support import ADMIN, REVIEWER, TRAINEE, assert_accessible, screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch


def submit(api, text: str) -> dict:
    answer = api.post("/posts", json={"channel": "demo", "text": text})
    assert answer.status_code == 201, answer.text
    return answer.json()


def wait_for_review_request(sandbox, words: str) -> None:
    sandbox.wait_for(lambda: [m for m in sandbox.outbox() if REVIEWER in m["to"] and words in m["text"]
                              and "Review requested" in m["subject"]] or None, timeout=30)


def wait_for_status(sandbox, api, post_id: str, status: str) -> None:
    sandbox.wait_for(lambda: api.get(f"/posts/{post_id}").json()["status"] == status or None, timeout=30)


def test_admin_sees_a_trainees_progress_with_numbers_hint_and_an_svg_chart(sandbox, open_page, watch,
                                                                           unique_text):
    # Given a trainee with one post approved first time and one sent back for changes
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    reviewer = sandbox.api(sandbox.sign_in(REVIEWER))
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    approved = submit(trainee, f"{unique_text} approved first time")
    changes = submit(trainee, f"{unique_text} needs changes")
    wait_for_review_request(sandbox, f"{unique_text} approved")
    wait_for_review_request(sandbox, f"{unique_text} needs")
    reviewer.post(f"/posts/{approved['id']}/decision",
                  json={"decision": "approve", "feedback": "Good"}).raise_for_status()
    reviewer.post(f"/posts/{changes['id']}/decision",
                  json={"decision": "request_changes", "feedback": "Shorter, please"}).raise_for_status()
    wait_for_status(sandbox, trainee, changes["id"], "changes_requested")
    expected = admin.get(f"/users/{TRAINEE}/progress").json()
    assert expected["postsSubmitted"] >= 2 and expected["weeks"][-1]["changesAsked"] >= 1

    # When an admin opens People and the trainee's progress
    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{sandbox.url}/people.html")
    row = page.locator(f'tr[data-email="{TRAINEE}"]')
    row.get_by_role("button", name="Progress").click()

    # Then the panel shows the numbers, the hint and one pair of bars per week
    panel = page.get_by_role("region", name="Progress: ")
    expect(panel).to_be_visible()
    expect(panel.locator("#progress-hint")).to_have_text(expected["hint"])
    stats = panel.locator(".progress-stats")
    expect(stats).to_contain_text("Posts submitted")
    expect(stats.locator("dd").first).to_have_text(str(expected["postsSubmitted"]))
    chart = panel.locator("svg.progress-chart")
    expect(chart).to_be_visible()
    assert chart.get_attribute("role") == "img"
    expect(chart.locator("rect.bar")).to_have_count(2 * len(expected["weeks"]))
    expect(chart.locator("rect.bar-changes")).to_have_count(8)
    assert "changes asked" in chart.locator("desc").text_content()
    assert_accessible(page)
    screenshot(page, "40-people-progress")
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, "41-people-progress-phone")

    # Closing the panel returns focus to the button that opened it
    page.get_by_role("button", name="Close progress").click()
    expect(panel).to_be_hidden()
    expect(row.get_by_role("button", name="Progress")).to_be_focused()
    watch.assert_quiet()

    # And when the admin lowers the readiness bar on the Settings page, People shows the trainee as ready
    # (the trainee's last two decided posts are this test's: one of two approved first time)
    before = admin.get("/settings").json()
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{sandbox.url}/settings.html")
        posts_field = page.get_by_label("Posts before judging readiness")
        share_field = page.get_by_label("Approved first time to look ready (%)")
        expect(posts_field).to_have_value(str(before["readyMinPosts"]))
        share_field.fill("150")
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator("#readyFirstTimeShare-error")).to_contain_text("from 0 to 100")
        posts_field.fill("2")
        share_field.fill("50")
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator("#settings-status")).to_have_text("Saved.")
        assert admin.get("/settings").json()["readyFirstTimeShare"] == 0.5
        assert_accessible(page)
        screenshot(page, "42-settings-readiness")

        progress_requests = []
        page.on("request", lambda r: progress_requests.append(r.url) if r.url.endswith("/progress") else None)
        page.goto(f"{sandbox.url}/people.html")
        expect(row.get_by_role("button", name="Progress")).to_be_visible()
        assert progress_requests == []  # People loads no one's progress until it is opened
        row.get_by_role("button", name="Progress").click()
        expect(panel.locator("#progress-hint")).to_have_text(
            "Ready to graduate: 1 of the last 2 posts were approved first time.")
        expect(row.locator(".ready-cue")).to_be_visible()
        expect(row.locator(".ready-cue")).to_have_text("Looks ready to graduate")
        assert len(progress_requests) == 1
        screenshot(page, "43-people-progress-ready")
        watch.assert_quiet()
    finally:
        admin.put("/settings", json={"readyMinPosts": before["readyMinPosts"],
                                     "readyFirstTimeShare": before["readyFirstTimeShare"]}).raise_for_status()
        trainee.post(f"/posts/{changes['id']}/withdraw").raise_for_status()
