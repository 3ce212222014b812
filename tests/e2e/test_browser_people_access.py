"""People page in Chromium: an admin deactivates someone who left (after a plain confirmation), finds
them listed apart, and reactivates them; the leaver's open console and their next sign-in are refused
with the reason; the page passes axe-core at each step."""

from __future__ import annotations

import uuid

import browser_support
import pytest
from browser_support import ADMIN, PASSWORD, assert_accessible, screenshot
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch


def person(admin_api, email: str) -> dict:
    cursor = None
    while True:
        body = admin_api.get("/users", params={"cursor": cursor} if cursor else None).json()
        found = next((u for u in body["items"] if u["email"] == email), None)
        if found or not body.get("cursor"):
            return found
        cursor = body["cursor"]


def test_an_admin_deactivates_someone_who_left_and_reactivates_them(sandbox, open_page, watch):
    admin_api = sandbox.api(sandbox.sign_in(ADMIN))
    marker = uuid.uuid4().hex[:8]
    email, name = f"leaver-{marker}@example.org", f"Lee <i>{marker}</i>"
    invited = admin_api.post("/users", json={"email": email, "name": name, "roles": ["reviewers"]})
    assert invited.status_code == 201, invited.text
    leaver = open_page(sandbox.accept_invitation(email))
    leaver.goto(f"{sandbox.url}/index.html")
    expect(leaver.get_by_role("button", name="Sign out")).to_be_visible()

    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{sandbox.url}/people.html")
    people = page.get_by_role("region", name="Everyone in the organisation")
    own = people.locator(f'tr[data-email="{ADMIN}"]')  # other rows may name the admin (as a mentor)
    expect(own.get_by_text("You", exact=True)).to_be_visible()
    expect(own.get_by_role("button", name="Deactivate")).to_have_count(0)  # nobody deactivates themself here

    row = people.get_by_role("row").filter(has_text=email)
    row.get_by_role("button", name=f"Deactivate {name}").click()
    question = row.get_by_role("group", name=f"Deactivate {name}?")
    expect(question).to_contain_text("can no longer sign in")
    expect(question).to_contain_text("posts waiting for review or for changes are withdrawn")
    expect(question.get_by_role("button", name=f"Deactivate {name}")).to_be_focused()
    assert_accessible(page)
    screenshot(page, "40-people-deactivate-confirm")

    question.get_by_role("button", name="Cancel").click()
    expect(row.get_by_role("button", name=f"Deactivate {name}")).to_be_focused()
    assert person(admin_api, email)["active"] is True

    row.get_by_role("button", name=f"Deactivate {name}").click()
    row.get_by_role("group", name=f"Deactivate {name}?").get_by_role("button", name=f"Deactivate {name}").click()
    gone = page.get_by_role("region", name="Deactivated")
    listed = gone.get_by_role("row").filter(has_text=email)
    expect(listed).to_contain_text(f"by {ADMIN}")
    expect(listed.get_by_role("rowheader")).to_have_text(name)  # the name shown as text, not markup
    expect(people.get_by_role("row").filter(has_text=email)).to_have_count(0)
    expect(page.locator("#announce")).to_have_text(f"{name} was deactivated. Their waiting posts are being withdrawn "
                                                   "and they are being taken off mentor lists.")
    assert person(admin_api, email)["active"] is False
    assert_accessible(page)
    screenshot(page, "41-people-deactivated")

    # The leaver's open console stops working at once, and signing in again is refused with the reason.
    leaver.reload()
    expect(leaver.locator("#page-error")).to_contain_text("removed by an admin (deactivated)")
    fresh = open_page()
    fresh.goto(f"{sandbox.url}/index.html")
    fresh.get_by_label("Email", exact=True).fill(email)
    fresh.get_by_label("Password", exact=True).fill(PASSWORD)
    fresh.get_by_role("button", name="Sign in").click()
    expect(fresh.locator("#signin-error")).to_have_text(
        "Your access to Understudy was removed by an admin. Ask an admin if this is a mistake.")

    # Reloaded, the page still lists them apart.
    page.reload()
    listed = page.get_by_role("region", name="Deactivated").get_by_role("row").filter(has_text=email)
    listed.get_by_role("button", name=f"Reactivate {name}").click()
    back = listed.get_by_role("group", name=f"Reactivate {name}?")
    expect(back).to_contain_text("as an author in training mode with no roles")
    back.get_by_role("button", name=f"Reactivate {name}").click()
    returned = page.get_by_role("region", name="Everyone in the organisation").get_by_role("row").filter(has_text=email)
    expect(returned.get_by_role("checkbox", name="Reviewer")).not_to_be_checked()
    expect(returned.get_by_role("switch")).to_be_checked()
    assert {k: person(admin_api, email)[k] for k in ("active", "roles", "trainingMode")} == \
        {"active": True, "roles": [], "trainingMode": True}
    assert_accessible(page)
    watch.assert_quiet()
