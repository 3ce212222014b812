"""The admin console in a real browser (Debian's headless Chromium) against the sandbox: people,
guidelines, settings, channels, the review queue, the navigation by role and a session that ends
while someone is writing. Every page is checked with axe-core; user text with script in it is shown
as text and never runs. Tests share the session's sandbox: they use unique text and put back any
shared state they change."""

from __future__ import annotations

import re
import uuid

import browser_support
import pytest
from browser_support import ADMIN, AUTHOR, PASSWORD, REVIEWER, TRAINEE, assert_accessible, screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# The shared browser fixtures, used here by name.
browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch

XSS_NAME = "<img src=x onerror=alert('name')>"
SLOW = 30_000


def everyone(api) -> list[dict]:
    people, cursor = [], None
    while True:
        answer = api.get("/users", params={"cursor": cursor} if cursor else None)
        answer.raise_for_status()
        body = answer.json()
        people += body["items"]
        cursor = body.get("cursor")
        if not cursor:
            return people


def person(api, email: str) -> dict | None:
    return next((p for p in everyone(api) if p["email"] == email), None)


def test_admin_invites_a_person_changes_their_roles_and_graduates_them_and_back(sandbox, open_page, watch):
    base = sandbox.url
    admin_api = sandbox.api(sandbox.sign_in(ADMIN))
    marker = uuid.uuid4().hex[:8]
    email, name = f"e2e-{marker}@example.org", f"{XSS_NAME} Robin {marker}"

    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{base}/people.html")
    invite = page.get_by_role("region", name="Invite a person")
    expect(invite).to_be_visible()
    assert_accessible(page)

    # A bad address and an existing member are refused, with the API's message next to the email field.
    invite.get_by_label("Email").fill("not-an-address")
    invite.get_by_role("button", name="Send invitation").click()
    expect(page.locator("#invite-email-error")).to_contain_text("is not an email address")
    expect(invite.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    invite.get_by_label("Email").fill(TRAINEE)
    invite.get_by_role("button", name="Send invitation").click()
    expect(page.locator("#invite-email-error")).to_contain_text("already a member")

    # Invite a reviewer in training mode whose name has markup in it.
    invite.get_by_label("Email").fill(email)
    invite.get_by_label("Name").fill(name)
    invite.get_by_label("Reviewer").check()
    expect(invite.get_by_label("Start in training mode")).to_be_checked()
    invite.get_by_role("button", name="Send invitation").click()
    expect(invite.get_by_role("status")).to_have_text(f"Invitation sent to {email}.")
    expect(page.locator("#invite-email-error")).to_be_hidden()
    created = person(admin_api, email)
    assert created and created["name"] == name and created["roles"] == ["reviewers"] and created["trainingMode"]
    row = page.get_by_role("row").filter(has_text=email)
    expect(row.get_by_role("rowheader")).to_have_text(name)  # the markup is text
    screenshot(page, "20-people-invited")

    # Change roles: make them an admin, then not.
    admin_box = row.get_by_role("checkbox", name=f"Admin for {name}")
    admin_box.check()
    sandbox.wait_for(lambda: sorted(person(admin_api, email)["roles"]) == ["admins", "reviewers"])
    expect(admin_box).to_be_enabled()
    admin_box.uncheck()
    sandbox.wait_for(lambda: person(admin_api, email)["roles"] == ["reviewers"])

    # Graduate them: the confirmation says what changes, then put them back the same way.
    switch = row.get_by_role("switch", name=f"Training mode for {name}")
    expect(switch).to_be_checked()
    switch.click()
    expect(row.get_by_text(f"Posts by {name} will go live without review.")).to_be_visible()
    screenshot(page, "21-people-graduate-confirm")
    row.get_by_role("button", name="Turn training mode off").click()
    expect(switch).not_to_be_checked()
    expect(switch).to_be_enabled()
    assert person(admin_api, email)["trainingMode"] is False
    switch.click()
    expect(row.get_by_text(f"Posts by {name} will wait for a reviewer before they go live.")).to_be_visible()
    row.get_by_role("button", name="Turn training mode on").click()
    expect(switch).to_be_checked()
    assert person(admin_api, email)["trainingMode"] is True
    assert_accessible(page)

    # At phone width the table becomes cards and the page is still whole.
    page.set_viewport_size({"width": 375, "height": 800})
    expect(row.get_by_role("rowheader")).to_be_visible()
    screenshot(page, "22-people-phone")
    watch.assert_quiet()


def test_admin_edits_the_guidelines_with_a_safe_live_preview_and_everyone_reads_them(sandbox, open_page, watch):
    base = sandbox.url
    admin_api = sandbox.api(sandbox.sign_in(ADMIN))
    original = admin_api.get("/guidelines").json()["markdown"]
    marker = uuid.uuid4().hex[:8]
    source = (f"# House style {marker}\n\n- Be kind <script>alert('md')</script>\n"
              f"- No <img src=x onerror=alert('img')> tricks\n- **Check** links [ours](https://example.org)\n")
    try:
        page = open_page(sandbox.sign_in(ADMIN))
        page.goto(f"{base}/guidelines.html")
        page.get_by_role("button", name="Edit the guidelines").click()
        editor = page.get_by_label("Markdown")
        expect(editor).to_be_focused()
        editor.fill(source)
        preview = page.get_by_role("region", name="Preview")
        expect(preview.get_by_role("heading", name=f"House style {marker}")).to_be_visible()
        expect(preview.get_by_text("Be kind <script>alert('md')</script>")).to_be_visible()
        assert preview.locator("script, img").count() == 0
        assert "&lt;script&gt;" in preview.inner_html()
        assert_accessible(page)
        screenshot(page, "23-guidelines-edit-preview")

        page.get_by_role("button", name="Save the guidelines").click()
        expect(page.get_by_role("heading", name=f"House style {marker}")).to_be_visible()
        expect(page.get_by_role("button", name="Edit the guidelines")).to_be_focused()
        assert admin_api.get("/guidelines").json()["markdown"] == source

        # A trainee reads them as text, with no way to edit.
        trainee = open_page(sandbox.sign_in(TRAINEE), width=375, height=800)
        trainee.goto(f"{base}/guidelines.html")
        expect(trainee.get_by_text("No <img src=x onerror=alert('img')> tricks")).to_be_visible()
        expect(trainee.get_by_role("button", name="Edit the guidelines")).to_have_count(0)
        assert_accessible(trainee)
        screenshot(trainee, "24-guidelines-trainee-phone")
    finally:
        admin_api.put("/guidelines", json={"markdown": original}).raise_for_status()
    watch.assert_quiet()


def test_admin_changes_a_timing_in_days_and_sees_validation_next_to_the_field(sandbox, open_page, watch):
    base = sandbox.url
    admin_api = sandbox.api(sandbox.sign_in(ADMIN))
    original = admin_api.get("/settings").json()
    try:
        page = open_page(sandbox.sign_in(ADMIN))
        page.goto(f"{base}/settings.html")
        # The last timing (the revision's) has no ordering rule with the others, whichever the API has.
        first = page.locator(".timing input").last
        expect(first).to_be_visible()
        field = first.get_attribute("id")
        assert field in original, f"{field} is not in {original}"
        assert_accessible(page)
        screenshot(page, "25-settings")

        # Nothing numeric: refused in the page, next to the field.
        first.fill("")
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator(f"#{field}-error")).to_have_text("Enter a number greater than zero.")

        # 2 days is sent as seconds.
        first.fill("2")
        page.locator(f"#{field}-unit").select_option("days")
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator("#settings-status")).to_have_text("Saved.")
        assert admin_api.get("/settings").json()[field] == 2 * 86400

        # A sender address the API refuses: its message next to the sender field.
        page.get_by_label("Sender address").fill("no-at-sign")
        page.get_by_role("button", name="Save settings").click()
        expect(page.locator("#senderEmail-error")).to_contain_text("is not an email address")
        expect(page.get_by_label("Sender address")).to_have_attribute("aria-invalid", "true")
        assert_accessible(page)
        screenshot(page, "26-settings-error")
    finally:
        admin_api.put("/settings", json={k: v for k, v in original.items()
                                         if not k.endswith(("At", "By"))}).raise_for_status()
    watch.assert_quiet()


def test_admin_adding_an_x_account_sees_xs_answer_and_no_secret_is_kept(sandbox, open_page, watch):
    base = sandbox.url
    marker = uuid.uuid4().hex[:8]
    secrets = {key: f"{key}-secret-{marker}" for key in ("apiKey", "apiSecret", "accessToken", "accessTokenSecret")}
    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{base}/channels.html")
    channels = page.get_by_role("region", name="Connected channels")
    expect(channels.get_by_role("listitem").first).to_be_visible()
    assert_accessible(page)

    # Removing asks first; keeping it changes nothing.
    first = channels.get_by_role("listitem").first
    first.get_by_role("button", name=re.compile("^Remove ")).click()
    expect(first.get_by_text("Authors will no longer be able to post to it.")).to_be_visible()
    first.get_by_role("button", name="Keep it").click()
    expect(first.get_by_role("button", name="Yes, remove it")).to_have_count(0)

    form = page.get_by_role("region", name="Connect an account")
    expect(form.get_by_label("Network")).to_have_value("x")
    form.get_by_role("button", name="Connect").click()
    expect(page.locator("#add-name-error")).to_have_text("Give the channel a name.")
    form.get_by_label("Name shown to authors").fill(f"X {marker}")
    for label, key in (("API key", "apiKey"), ("API key secret", "apiSecret"), ("Access token", "accessToken"),
                       ("Access token secret", "accessTokenSecret")):
        box = form.get_by_label(label, exact=True)
        assert box.get_attribute("type") == "password" and box.get_attribute("autocomplete") == "off"
        box.fill(secrets[key])
    form.get_by_role("button", name="Connect").click()

    # The sandbox cannot reach X: X's (or the API's) answer is shown by the form, and nothing secret stays.
    error = page.locator("#add-error, #add-name-error").filter(has_text=re.compile(r"\w"))
    expect(error).to_be_visible(timeout=SLOW)
    for key in secrets:
        expect(page.locator(f"#add-{key}")).to_have_value("")
    html = page.content()
    assert not any(value in html for value in secrets.values())
    assert not [c for c in sandbox.api(sandbox.sign_in(ADMIN)).get("/channels").json()["items"]
                if marker in c["name"]]
    screenshot(page, "27-channels-x-error")
    assert_accessible(page)
    watch.assert_quiet()


def show_more_until(page, item) -> None:
    """The queue lists the posts waiting longest first, a page at a time (other tests leave posts
    waiting): press Show more until ``item`` is listed or there is no more."""
    more = page.get_by_role("button", name="Show more")
    expect(page.locator(".queue-item").first).to_be_visible()
    while item.count() == 0 and more.is_visible():
        listed = page.locator(".queue-item").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('.queue-item').length > n"
                               " || document.getElementById('queue-more').hidden", arg=listed)


def test_reviewer_works_the_queue_and_a_post_decided_elsewhere_says_by_whom(sandbox, open_page, watch):
    base = sandbox.url
    marker = uuid.uuid4().hex[:8]
    trainee_api = sandbox.api(sandbox.sign_in(TRAINEE))
    channel = trainee_api.get("/channels").json()["items"][0]["id"]
    text = f"Queue {marker} <script>alert('post')</script> <img src=x onerror=alert('q')>"
    other = f"Queue other {marker}"
    post = trainee_api.post("/posts", json={"channel": channel, "text": text, "note": f"note {marker}"}).json()
    second = trainee_api.post("/posts", json={"channel": channel, "text": other}).json()
    assert post["status"] == second["status"] == "pending_review"

    page = open_page(sandbox.sign_in(REVIEWER))
    page.goto(f"{base}/queue.html")
    item = page.locator(".queue-item").filter(has_text=f"Queue {marker}")
    show_more_until(page, item)
    expect(item).to_be_visible()
    expect(item.get_by_text(text, exact=True)).to_be_visible()
    expect(item.get_by_text(f"note {marker}", exact=True)).to_be_visible()
    assert item.locator("blockquote img, blockquote script").count() == 0
    assert_accessible(page)
    screenshot(page, "28-queue")

    # Asking for changes needs feedback; then it is decided in place and leaves the queue.
    item.get_by_role("button", name="Ask for changes").click()
    expect(item.get_by_role("alert")).to_contain_text("Write some feedback")
    item.get_by_label(re.compile("^Feedback for ")).fill(f"Please drop the markup ({marker}).")
    item.get_by_role("button", name="Ask for changes").click()
    expect(item.get_by_role("status")).to_contain_text("Changes asked for")
    assert trainee_api.get(f"/posts/{post['id']}").json()["status"] == "changes_requested"

    # The second post is decided by someone else meanwhile: the page says so and by whom.
    other_item = page.locator(".queue-item").filter(has_text=other)
    sandbox.api(sandbox.sign_in(ADMIN)).post(f"/posts/{second['id']}/decision",
                                             json={"decision": "reject", "feedback": "no"}).raise_for_status()
    other_item.get_by_role("button", name="Approve").click()
    expect(other_item.get_by_role("status")).to_have_text(f"Already decided by {ADMIN}: Rejected.")
    screenshot(page, "29-queue-decided")

    page.get_by_role("button", name="Refresh").click()
    expect(page.locator(".queue-item").filter(has_text=marker)).to_have_count(0)
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, "30-queue-phone")
    watch.assert_quiet()


def test_navigation_follows_roles_and_other_pages_are_politely_refused(sandbox, open_page, watch):
    base = sandbox.url
    admin = open_page(sandbox.sign_in(ADMIN))
    admin.goto(f"{base}/index.html")
    nav = admin.get_by_role("navigation", name="Main")
    for label in ("Posts", "Review queue", "Needs attention", "People", "Guidelines", "Channels", "Settings",
                  "Audit", "Outbox"):
        expect(nav.get_by_role("link", name=label, exact=True)).to_be_visible()
    assert_accessible(admin)

    trainee = open_page(sandbox.sign_in(TRAINEE), width=375, height=800)
    trainee.goto(f"{base}/index.html")
    nav = trainee.get_by_role("navigation", name="Main")
    expect(nav.get_by_role("link", name="Outbox")).to_be_visible()  # the sandbox has an outbox
    assert [link.inner_text() for link in nav.get_by_role("link").all()] == ["Posts", "Guidelines", "Outbox"]
    screenshot(trainee, "31-nav-trainee-phone")
    for page_name, heading in (("settings", "This page is for admins"), ("channels", "This page is for admins"),
                               ("audit", "This page is for admins"), ("queue", "This page is for reviewers")):
        trainee.goto(f"{base}/{page_name}.html")
        expect(trainee.get_by_role("heading", name=heading)).to_be_visible()
        assert_accessible(trainee)
    watch.assert_quiet()


def test_the_sign_in_outbox_and_review_link_pages_pass_axe(sandbox, open_page, watch):
    base = sandbox.url
    page = open_page()
    page.goto(f"{base}/index.html")
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}/review.html#token=not-a-token")
    expect(page.get_by_role("heading", name="This link is not valid")).to_be_visible()
    assert_accessible(page)
    page.goto(f"{base}/outbox.html")
    expect(page.get_by_role("region", name=re.compile(r"^Local timeline"))).to_be_visible()
    assert_accessible(page)
    watch.assert_quiet()


def test_a_session_that_ends_while_writing_keeps_the_draft_through_sign_in(sandbox, open_page, watch):
    base = sandbox.url
    marker = uuid.uuid4().hex[:8]
    page = open_page(sandbox.sign_in(AUTHOR))
    page.goto(f"{base}/index.html")
    composer = page.get_by_role("region", name="Write a post")
    composer.get_by_label("Post", exact=True).fill(f"Draft {marker}")
    composer.get_by_label("Note or question for the reviewer").fill(f"note {marker}")

    # The token stops being accepted (a forged signature gets the API's 401, as an expired one does).
    page.evaluate("""() => {
        const key = 'understudy.idToken';
        const t = sessionStorage.getItem(key);
        sessionStorage.setItem(key, t.slice(0, -6) + (t.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'));
    }""")
    composer.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Your session has ended. Sign in again to continue.")).to_be_visible()
    page.get_by_label("Email", exact=True).fill(AUTHOR)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(composer.get_by_label("Post", exact=True)).to_have_value(f"Draft {marker}")
    expect(composer.get_by_label("Note or question for the reviewer")).to_have_value(f"note {marker}")
    expect(page.get_by_text("Your draft is back")).to_be_visible()
    assert not [p for p in sandbox.api(sandbox.sign_in(AUTHOR)).get("/posts", params={"mine": "true"}).json()["items"]
                if marker in p["text"]]
    watch.assert_quiet()


def test_admin_filters_the_audit_trail_and_downloads_the_same_selection_as_csv(sandbox, open_page, watch):
    base = sandbox.url
    marker = uuid.uuid4().hex[:8]
    trainee_api = sandbox.api(sandbox.sign_in(TRAINEE))
    channel = trainee_api.get("/channels").json()["items"][0]["id"]
    post = trainee_api.post("/posts", json={"channel": channel, "text": f"Audit {marker}"}).json()
    trainee_api.post(f"/posts/{post['id']}/withdraw").raise_for_status()

    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{base}/audit.html")
    expect(page.get_by_role("table")).to_be_visible()
    assert_accessible(page)

    page.get_by_label("Post id").fill(post["id"])
    page.get_by_role("button", name="Show").click()
    rows = page.locator("#entries tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text="Submitted a post").filter(has_text=TRAINEE)).to_have_count(1)
    expect(rows.filter(has_text="Withdrew a post")).to_have_count(1)
    page.get_by_label("What", exact=True).select_option("withdrawn")
    page.get_by_role("button", name="Show").click()
    expect(rows).to_have_count(1)
    screenshot(page, "32-audit-filtered")

    with page.expect_download() as download:
        page.get_by_role("button", name="Download CSV").click()
    csv_text = download.value.path().read_text(encoding="utf-8")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("at,action,user,post") and len(lines) == 2 and post["id"] in lines[1]
    expect(page.locator("#download-status")).to_contain_text("Downloaded")

    # Dates the wrong way round: the API's message next to the dates.
    page.get_by_label("From (date)").fill("2026-12-02")
    page.get_by_label("To (date)").fill("2026-12-01")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("#f-from-error")).to_contain_text("must not be after")
    assert_accessible(page)
    page.set_viewport_size({"width": 375, "height": 800})
    screenshot(page, "33-audit-phone")
    watch.assert_quiet()


def test_admin_assigns_mentors_to_a_trainee_and_a_non_reviewer_is_refused_next_to_the_row(
        sandbox, open_page, watch):
    base = sandbox.url
    admin_api = sandbox.api(sandbox.sign_in(ADMIN))
    marker = uuid.uuid4().hex[:8]
    email, name = f"mentee-{marker}@example.org", f"Mentee {marker}"
    invited = admin_api.post("/users", json={"email": email, "name": name, "trainingMode": True})
    assert invited.status_code == 201, invited.text

    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{base}/people.html")
    expect(page.get_by_role("columnheader", name="Mentors")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=email)

    # An author who is not a reviewer cannot mentor: the API's answer shows in the row, nothing changes.
    row.get_by_role("button", name=f"Change mentors for {name}").click()
    box = row.get_by_label(f"Mentors for {name} (emails, separated by commas)")
    expect(box).to_be_focused()
    box.fill(AUTHOR)
    row.get_by_role("button", name="Save").click()
    expect(row).to_contain_text("only reviewers and admins")
    assert person(admin_api, email)["mentors"] == []

    box.fill(f"{REVIEWER}, {ADMIN}")
    row.get_by_role("button", name="Save").click()
    expect(row.get_by_text(f"{ADMIN}, {REVIEWER}", exact=True)).to_be_visible()  # the API keeps them sorted
    assert person(admin_api, email)["mentors"] == [ADMIN, REVIEWER]
    assert_accessible(page)
    screenshot(page, "34-people-mentors")
    watch.assert_quiet()


def test_an_admin_invites_someone_with_the_keyboard_alone(sandbox, open_page, watch):
    base = sandbox.url
    marker = uuid.uuid4().hex[:8]
    email = f"keys-{marker}@example.org"
    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{base}/people.html")
    expect(page.get_by_role("region", name="Invite a person")).to_be_visible()

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Email", exact=True)).to_be_focused()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(f"Kim {marker}")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Reviewer", exact=True)).to_be_focused()
    page.keyboard.press("Space")
    for _ in range(3):  # past Admin and "Start in training mode" (left on) to the button
        page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send invitation")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#invite-status")).to_have_text(f"Invitation sent to {email}.")
    created = person(sandbox.api(sandbox.sign_in(ADMIN)), email)
    assert created and created["roles"] == ["reviewers"] and created["trainingMode"] is True
    watch.assert_quiet()
