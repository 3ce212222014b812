"""A time to go live in Chromium: an author in another timezone picks a time in the composer, sees it in
words, and it reaches the API with the browser's offset; they change it and cancel it from My posts; a
time too soon is refused beside the field. The Scheduled page lists what goes out when, soonest first,
post text as text; an admin cancels from it. axe-core finds nothing serious on either page."""

from __future__ import annotations

import re
import uuid
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import browser_support
import pytest
from browser_support import ADMIN, AUTHOR, REVIEWER, TRAINEE, assert_accessible, screenshot, sign_in
from playwright.sync_api import expect
from schedule_support import ahead, moment, people, published_on_demo, schedule_sandbox, stand_in_x, status_of

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
__all__ = ["people", "schedule_sandbox", "stand_in_x"]  # fixtures, used by name
ZONE = "America/St_Johns"  # -03:30: behind UTC, and not by whole hours


def local(hours: float) -> datetime:
    return (datetime.now(ZoneInfo(ZONE)) + timedelta(hours=hours)).replace(second=0, microsecond=0)


def words(at: datetime) -> str:
    """As the console writes it: "Tuesday 8 December at 09:00 (Asia/Kolkata)" (the year when not this one)."""
    year = f" {at.year}" if at.year != datetime.now(ZoneInfo(ZONE)).year else ""
    return f"{at:%A} {at.day} {at:%B}{year} at {at:%H:%M} ({ZONE})"


def test_an_author_picks_a_time_in_their_own_zone_changes_it_and_cancels(schedule_sandbox, people, browser, watch):
    sandbox = schedule_sandbox
    marker = uuid.uuid4().hex[:8]
    context = browser.new_context(timezone_id=ZONE, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    watch.attach(context)
    page = context.new_page()
    sign_in(page, sandbox.url, AUTHOR)

    page.get_by_label("Post", exact=True).fill(f"{marker} <b>launch</b> note")
    when = page.get_by_label("Go live at (optional)")
    expect(page.get_by_text(f"In your timezone, {ZONE}", exact=False)).to_be_visible()
    too_soon = local(-1)
    when.fill(f"{too_soon:%Y-%m-%dT%H:%M}")
    page.get_by_role("button", name="Publish").click()
    expect(page.locator("#compose-publish-at-error")).to_contain_text("at least")  # beside the field
    expect(when).to_have_attribute("aria-invalid", "true")

    at = local(2)
    when.fill(f"{at:%Y-%m-%dT%H:%M}")
    expect(page.get_by_text(f"Goes live {words(at)}", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "70-composer-time")
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_role("status").filter(has_text="Scheduled: it goes live")).to_contain_text(words(at))

    mine = people[AUTHOR].get("/posts", params={"mine": "true"}).json()["items"]
    post = next(p for p in mine if marker in p["text"])
    assert post["status"] == "scheduled"
    assert moment(post["publishAt"]) == at  # the browser's offset went with it: the same moment

    item = page.locator(f"#post-{post['id']}")
    expect(item.get_by_text("Scheduled", exact=True)).to_be_visible()
    expect(item.get_by_text(f"Goes live {words(at)}")).to_be_visible()
    item.get_by_role("button", name="Change the time").click()
    later = local(5)
    item.get_by_label("New time to go live").fill(f"{later:%Y-%m-%dT%H:%M}")
    assert_accessible(page)
    item.get_by_role("button", name="Save the new time").click()
    expect(item.get_by_text(f"Goes live {words(later)}")).to_be_visible()
    assert moment(status_of(people[AUTHOR], post["id"])["publishAt"]) == later

    item.get_by_role("button", name="Cancel it").click()
    expect(item.get_by_text("Cancel this scheduled post?", exact=False)).to_be_visible()
    item.get_by_role("button", name="Yes, cancel it").click()
    expect(page.locator(f"#post-{post['id']} .badge")).to_have_text("Withdrawn")
    assert status_of(people[AUTHOR], post["id"])["status"] == "withdrawn"
    watch.assert_quiet()
    context.close()


def test_the_scheduled_page_lists_what_goes_out_when_and_an_admin_cancels_from_it(schedule_sandbox, people,
                                                                                 open_page, watch):
    sandbox = schedule_sandbox
    marker = uuid.uuid4().hex[:8]
    hostile = '<img src=x onerror="alert(1)">'
    made = []
    for hours, label in ((3, "second"), (1, "first")):
        created = people[AUTHOR].post("/posts", json={"channel": "demo", "text": f"{marker} {label} {hostile}",
                                                      "publishAt": ahead(hours * 3600)})
        assert created.status_code == 201, created.text
        made.append(created.json())
    second, first = made

    page = open_page(sandbox.sign_in(REVIEWER))
    page.goto(f"{sandbox.url}/scheduled.html")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Scheduled")).to_be_visible()
    ours = page.locator(".queue-item").filter(has_text=marker)
    expect(ours).to_have_count(2)
    expect(ours.nth(0)).to_contain_text(f"{marker} first {hostile}")  # soonest first, shown as text
    expect(ours.nth(1)).to_contain_text(f"{marker} second {hostile}")
    in_words = re.compile(r"^\w+day \d{1,2} \w+( \d{4})? at \d\d:\d\d \(.+\)$")
    expect(ours.nth(0).get_by_role("heading")).to_have_text(in_words)
    expect(ours.get_by_role("button", name="Cancel it")).to_have_count(0)  # a reviewer only sees
    assert_accessible(page)
    screenshot(page, "71-scheduled")

    admin = open_page(sandbox.sign_in(ADMIN))
    admin.goto(f"{sandbox.url}/scheduled.html")
    row = admin.locator(".queue-item").filter(has_text=f"{marker} second")
    row.get_by_role("button", name="Cancel it").click()
    expect(row.get_by_text("It will not go live", exact=False)).to_be_visible()
    assert_accessible(admin)
    row.get_by_role("button", name="Yes, cancel it").click()
    expect(admin.locator(".queue-item").filter(has_text=marker)).to_have_count(1)
    assert status_of(people[AUTHOR], second["id"])["status"] == "withdrawn"
    assert status_of(people[AUTHOR], first["id"])["status"] == "scheduled"
    watch.assert_quiet()


def test_the_review_link_page_shows_what_a_reply_answers_and_the_reviewer_changes_the_time_on_approval(
        schedule_sandbox, people, browser, watch):
    sandbox = schedule_sandbox
    marker = uuid.uuid4().hex[:8]
    answered = published_on_demo(sandbox, people[AUTHOR], f"{marker} bins <script>late</script>")
    reply = people[TRAINEE].post("/posts", json={"channel": "demo", "text": f"{marker} sorry, on the way",
                                                 "replyTo": answered["url"], "publishAt": ahead(2 * 3600)})
    assert reply.status_code == 201, reply.text
    mail = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if REVIEWER in m["to"]
                                     and f"{marker} sorry" in m["text"]], timeout=30)[0]
    link = re.search(r"review\.html#token=[\w.-]+&decision=approve", mail["text"])[0]

    context = browser.new_context(timezone_id=ZONE, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    watch.attach(context)
    page = context.new_page()
    page.goto(f"{sandbox.url}/{link}")
    answers = page.locator("#post-answers")
    expect(answers.get_by_role("link", name=answered["url"])).to_be_visible()
    expect(answers.get_by_text(answered["text"], exact=True)).to_be_visible()  # the answered text, as text
    wanted = moment(reply.json()["publishAt"]).astimezone(ZoneInfo(ZONE))
    expect(page.get_by_text(f"The author wants it to go live {words(wanted)}", exact=False)).to_be_visible()

    later = local(3)
    page.get_by_label("Go live at (when you approve; optional)").fill(f"{later:%Y-%m-%dT%H:%M}")
    expect(page.get_by_text(f"Goes live {words(later)}", exact=True)).to_be_visible()
    assert_accessible(page)
    screenshot(page, "72-review-reply-and-time")
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("approved and scheduled", exact=False)).to_be_visible()
    decided = status_of(people[TRAINEE], reply.json()["id"])
    assert decided["status"] == "scheduled" and moment(decided["publishAt"]) == later
    watch.assert_quiet()
    context.close()


def test_an_author_answers_a_post_from_the_composer_and_a_wrong_address_is_refused_beside_the_field(
        schedule_sandbox, people, open_page, watch):
    sandbox = schedule_sandbox
    marker = uuid.uuid4().hex[:8]
    answered = published_on_demo(sandbox, people[AUTHOR], f"{marker} first")

    page = open_page(sandbox.sign_in(TRAINEE))
    page.goto(f"{sandbox.url}/index.html")
    page.get_by_label("Post", exact=True).fill(f"{marker} the answer")
    reply = page.get_by_label("In reply to (optional)")
    reply.fill("https://x.com/council/status/123")  # not a post on the Demo timeline
    page.get_by_role("button", name="Submit for review").click()
    expect(page.locator("#compose-reply-error")).to_contain_text("not a post this channel can answer")
    expect(reply).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    reply.fill(answered["url"])
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("status").filter(has_text="Sent for review")).to_be_visible()
    item = page.locator(".post").filter(has_text=f"{marker} the answer")
    expect(item.get_by_role("link", name=answered["url"])).to_be_visible()
    expect(reply).to_have_value("")

    queue = open_page(sandbox.sign_in(REVIEWER))
    queue.goto(f"{sandbox.url}/queue.html")
    entry = queue.locator(".queue-item").filter(has_text=f"{marker} the answer")
    expect(entry.get_by_role("link", name=answered["url"])).to_be_visible()
    expect(entry.locator(".answered-text")).to_have_text(answered["text"])  # read from the timeline
    assert_accessible(queue)
    watch.assert_quiet()
