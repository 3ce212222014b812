"""An admin connects a Mastodon and a Bluesky account from the console's Channels page, in headless
Chromium, against a sandbox whose Mastodon and Bluesky are loopback stand-ins: each network's own fields,
secrets typed into password inputs and cleared after every attempt, the network's refusal shown, and
axe-core clean throughout."""

from __future__ import annotations

import browser_support
import pytest
from browser_support import ADMIN, assert_accessible, screenshot
from network_stand_ins import BLUESKY_PASSWORD, INSTANCE_HOST, MASTODON_TOKEN, stand_ins  # noqa: F401 fixture
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
SLOW = 30_000


def test_admin_connects_mastodon_and_bluesky_with_each_networks_fields(launch_sandbox, stand_ins,  # noqa: F811
                                                                      open_page, watch):
    sandbox = launch_sandbox().client()
    page = open_page(sandbox.sign_in(ADMIN))
    page.goto(f"{sandbox.url}/channels.html")
    form = page.get_by_role("region", name="Connect an account")
    network = form.get_by_label("Network")
    expect(network).to_be_visible()
    assert_accessible(page)
    assert [o.strip() for o in network.locator("option").all_inner_texts()] == ["X", "Mastodon", "Bluesky"]
    expect(form.get_by_label("API key", exact=True)).to_have_attribute("type", "password")

    # Mastodon: the instance's address and a token; a wrong token is refused in the instance's words.
    network.select_option(label="Mastodon")
    expect(form.get_by_label("API key", exact=True)).to_have_count(0)
    expect(form.get_by_text("write:statuses")).to_be_visible()
    instance, token = form.get_by_label("Instance address"), form.get_by_label("Access token")
    assert instance.get_attribute("type") == "text" and token.get_attribute("type") == "password"
    form.get_by_label("Name shown to authors").fill("Library on Mastodon")
    instance.fill(INSTANCE_HOST)
    token.fill("not-the-token")
    form.get_by_role("button", name="Connect").click()
    expect(page.locator("#add-error")).to_contain_text("access token is invalid", timeout=SLOW)
    expect(token).to_have_value("")
    expect(instance).to_have_value(INSTANCE_HOST)
    assert "not-the-token" not in page.content()
    assert_accessible(page)
    screenshot(page, "28-channels-mastodon-refused")

    token.fill(MASTODON_TOKEN)
    form.get_by_role("button", name="Connect").click()
    expect(form.get_by_role("status")).to_have_text("Library on Mastodon is connected.", timeout=SLOW)
    listed = page.get_by_role("region", name="Connected channels").get_by_role("listitem")
    expect(listed.filter(has_text="Library on Mastodon")).to_contain_text(f"Mastodon · @library@{INSTANCE_HOST}")
    expect(token).to_have_value("")

    # Bluesky: a handle and an app password; a missing password is asked for before anything is sent.
    network.select_option(label="Bluesky")
    handle, password = form.get_by_label("Handle"), form.get_by_label("App password")
    assert password.get_attribute("type") == "password"
    form.get_by_label("Name shown to authors").fill("Library on Bluesky")
    handle.fill("library.bsky.social")
    sent = len(stand_ins.requests)
    form.get_by_role("button", name="Connect").click()
    expect(page.locator("#add-appPassword-error")).to_have_text("This is needed.")
    expect(password).to_have_attribute("aria-invalid", "true")
    assert len(stand_ins.requests) == sent
    password.fill(BLUESKY_PASSWORD)
    form.get_by_role("button", name="Connect").click()
    expect(form.get_by_role("status")).to_have_text("Library on Bluesky is connected.", timeout=SLOW)
    expect(listed.filter(has_text="Library on Bluesky")).to_contain_text("Bluesky · @library.bsky.social")
    expect(password).to_have_value("")
    html = page.content()
    assert MASTODON_TOKEN not in html and BLUESKY_PASSWORD not in html
    assert_accessible(page)
    screenshot(page, "29-channels-mastodon-and-bluesky")
    watch.assert_quiet()
