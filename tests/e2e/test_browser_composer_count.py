"""The composer's count in a real browser against the sandbox: it counts by the chosen channel's rule,
says what stops a post, and what it lets through the API accepts.

The sandbox has one channel (the local timeline, counted as X). To see the composer switch rules, the
channel list the page receives gets a Mastodon and a Bluesky channel added (Playwright answers GET
/channels with the sandbox's own answer plus those two); nothing is submitted to them.
"""

from __future__ import annotations

import json
import uuid

import browser_support
import pytest
from browser_support import TRAINEE, assert_accessible, sign_in
from playwright.sync_api import Page, Route, expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch

EXTRA_CHANNELS = [
    {"id": "test-mastodon", "name": "Test Mastodon", "kind": "mastodon", "handle": None, "maxCharacters": 600,
     "maxImages": 2},
    {"id": "test-bluesky", "name": "Test Bluesky", "kind": "bluesky", "handle": None},
]


def with_extra_channels(route: Route) -> None:
    answer = route.fetch()
    listed = answer.json()
    items = listed if isinstance(listed, list) else listed["items"]
    items.extend(EXTRA_CHANNELS)
    route.fulfill(response=answer, body=json.dumps(listed))


def composer_parts(page: Page):
    composer = page.get_by_role("region", name="Write a post")
    return (composer, composer.get_by_label("Post", exact=True),
            composer.get_by_role("button", name="Submit for review"), composer.locator("#compose-count"))


def test_the_count_follows_the_apis_rule_for_x_and_what_fits_is_accepted(sandbox, open_page, watch):
    base = sandbox.url.rstrip("/")
    page = open_page()
    sign_in(page, base, TRAINEE)
    composer, post, submit, count = composer_parts(page)

    # An emoji newer than twitter-text's list counts as its parts (5): three over, as the API says.
    post.fill("x" * 278 + "\U0001F636\u200d\U0001F32B\ufe0f")
    expect(count).to_have_text("3 characters over the limit of 280 on X")
    expect(submit).to_be_disabled()
    expect(post).to_have_attribute("aria-invalid", "true")

    # A character the API refuses is named, and nothing can be sent.
    post.fill("Opening night\ufeff tonight")
    expect(count).to_contain_text("Remove U+FEFF: a character that cannot be posted")
    expect(submit).to_be_disabled()
    assert_accessible(page)

    # Spaces the API strips do not count; an unqualified keycap is one emoji: exactly 280, and accepted.
    marker = uuid.uuid4().hex[:8]
    body = f"{marker} " + "x" * (278 - len(marker) - 1) + "1\u20e3"
    post.fill(f"   {body}   \n")
    expect(count).to_have_text("0 characters left")
    expect(post).to_have_attribute("aria-invalid", "false")
    submit.click()
    mine = page.get_by_role("region", name="My posts").get_by_role("listitem").filter(has_text=marker).first
    expect(mine.get_by_text(body, exact=True)).to_be_visible()  # stored as counted: stripped
    watch.assert_quiet()


def test_the_count_switches_rule_with_the_chosen_channel(sandbox, open_page, watch):
    base = sandbox.url.rstrip("/")
    page = open_page()
    page.route("**/channels", with_extra_channels)
    sign_in(page, base, TRAINEE)
    composer, post, submit, count = composer_parts(page)
    channels = composer.get_by_role("group", name="Post to")

    def only(label: str) -> None:
        for box in channels.get_by_role("checkbox").all():
            box.set_checked(False)
        channels.get_by_label(label).check()

    text = "Caf\u00e9 \u65e5\u672c \U0001F468\u200d\U0001F469\u200d\U0001F467 https://example.org/" + "a" * 40

    post.fill(text)
    expect(count).to_have_text(f"{280 - (4 + 1 + 4 + 1 + 2 + 1 + 23)} characters left")  # X: CJK and emoji 2, URL 23
    only("Test Mastodon (mastodon)")
    expect(count).to_have_text(f"{600 - (4 + 1 + 2 + 1 + 1 + 1 + 23)} characters left")  # the instance's 600
    only("Test Bluesky (bluesky)")
    expect(count).to_have_text(f"{300 - (4 + 1 + 2 + 1 + 1 + 1 + 20 + 40)} characters left")  # graphemes, URL in full

    post.fill("x" * 301)
    expect(count).to_have_text("1 character over the limit of 300 on Bluesky")
    expect(submit).to_be_disabled()
    only("Test Mastodon (mastodon)")
    expect(count).to_have_text("299 characters left")
    expect(submit).to_be_enabled()

    # Several channels: the text must fit them all, so the tightest one counts.
    post.fill("x" * 250)
    channels.get_by_label("Test Bluesky (bluesky)").check()
    expect(count).to_have_text("50 characters left on Bluesky, the tightest of your channels")
    channels.get_by_label("Demo timeline (local)").check()
    expect(count).to_have_text("30 characters left on X, the tightest of your channels")
    post.fill("x" * 290)
    expect(count).to_have_text("10 characters over the limit of 280 on X")
    expect(submit).to_be_disabled()


def test_the_composer_allows_as_many_images_as_the_chosen_channels_take(sandbox, open_page, watch, tmp_path):
    """An instance that takes 2 images a post (its maxImages) limits a post that goes there to 2."""
    import io

    from PIL import Image

    paths = []
    for n in range(3):
        path, out = tmp_path / f"p{n}.png", io.BytesIO()
        Image.new("RGB", (60, 40), (40 * n, 90, 160)).save(out, "PNG")
        path.write_bytes(out.getvalue())
        paths.append(str(path))
    page = open_page()
    page.route("**/channels", with_extra_channels)
    sign_in(page, sandbox.url.rstrip("/"), TRAINEE)
    composer, post, submit, _ = composer_parts(page)
    images = composer.get_by_role("group", name="Images")
    expect(images).to_contain_text("Up to 4 JPEG")

    composer.get_by_role("group", name="Post to").get_by_label("Test Mastodon (mastodon)").check()
    expect(images).to_contain_text("Up to 2 JPEG")
    composer.get_by_label("Add images").set_input_files(paths)
    expect(images.get_by_role("alert")).to_contain_text("at most 2 images on its channels; p2.png was left out")
    expect(images.get_by_role("img")).to_have_count(2)
    expect(composer.get_by_label("Add images")).to_be_hidden()

    # Back to the demo timeline alone: room for more again.
    composer.get_by_role("group", name="Post to").get_by_label("Test Mastodon (mastodon)").uncheck()
    expect(images).to_contain_text("Up to 4 JPEG")
    expect(composer.get_by_label("Add images")).to_be_visible()
    assert_accessible(page)
    watch.assert_quiet()
