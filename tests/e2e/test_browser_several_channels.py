"""One post to several channels, in a real browser against a sandbox of its own started as the demo is
(`understudy sandbox --stand-ins`: the local timeline beside loopback Mastodon and Bluesky stand-ins).

A trainee chooses the demo timeline and Demo Mastodon and submits once; the reviewer's page says where
the post will go and one approval covers both; the demo timeline refuses (its fail-next switch) while
Mastodon takes it, so the post is partly published and says so channel by channel; an admin publishes
it again on the demo timeline alone, and Mastodon is not posted to twice.
"""

from __future__ import annotations

import re
import uuid

import browser_support
import pytest
import requests
from attention_support import ADMIN, fail_next, settled
from browser_support import REVIEWER, TRAINEE, assert_accessible, screenshot, sign_in
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

browser = browser_support.browser
open_page = browser_support.open_page
watch = browser_support.watch
SLOW = 60_000  # the workflow runs in the background: a while on a loaded machine


def stand_in_statuses(running) -> list[dict]:
    [url] = [line.split("publish to ")[1].split()[0] for line in running.log(80).splitlines() if "Stand-ins:" in line]
    return requests.get(f"{url}/_posts", timeout=10).json()["mastodon"]


def test_a_post_to_two_channels_with_one_failing_shows_each_outcome_and_is_finished_by_an_admin(
        launch_sandbox, open_page, watch):
    running = launch_sandbox("--stand-ins")
    sandbox = running.client()
    base = sandbox.url.rstrip("/")
    marker = uuid.uuid4().hex[:8]
    text = f"Our library opens late on Thursdays {marker}"

    # The trainee chooses two channels and submits once.
    trainee = open_page()
    sign_in(trainee, base, TRAINEE)
    composer = trainee.get_by_role("region", name="Write a post")
    channels = composer.get_by_role("group", name="Post to")
    expect(channels.get_by_label("Demo timeline (local)")).to_be_checked()
    channels.get_by_label("Demo Mastodon (mastodon)").check()
    composer.get_by_label("Post", exact=True).fill(text)
    expect(composer.get_by_text(re.compile(r"characters left on X, the tightest of your channels"))).to_be_visible()
    assert_accessible(trainee)
    composer.get_by_role("button", name="Submit for review").click()
    post = trainee.get_by_role("region", name="My posts").get_by_role("listitem").filter(has_text=marker).first
    expect(post.get_by_role("heading")).to_contain_text("Waiting for review")
    expect(post).to_contain_text("Demo timeline and Demo Mastodon")

    # One review: the reviewer's page says where it will go.
    def review_email():
        return next((m for m in sandbox.outbox() if REVIEWER in m["to"] and marker in m["text"]), None)

    email = sandbox.wait_for(review_email, timeout=60)
    assert len([m for m in sandbox.outbox() if REVIEWER in m["to"] and marker in m["text"]]) == 1
    [link] = re.findall(r"(review\.html#token=[\w.~-]+&decision=approve)", email["text"])
    reviewer = open_page()
    reviewer.goto(f"{base}/{link}")
    shown = reviewer.get_by_role("region", name="The post")
    expect(shown.get_by_text(text, exact=True)).to_be_visible()
    expect(shown).to_contain_text("Goes to Demo timeline and Demo Mastodon")
    fail_next(sandbox, "refused")  # the demo timeline will refuse this post
    reviewer.get_by_role("button", name="Approve").click()
    expect(reviewer.get_by_role("region", name="Done: Approved")).to_be_visible()

    # Mastodon has it; the demo timeline refused: partly published, said channel by channel.
    expect(post.get_by_role("heading")).to_contain_text("Partly published", timeout=SLOW)
    outcomes = post.get_by_role("list", name="On each channel")
    mastodon = outcomes.get_by_role("listitem").filter(has_text="Demo Mastodon")
    expect(mastodon).to_contain_text("Published")
    expect(mastodon.get_by_role("link", name="See it live")).to_have_attribute("href", re.compile(r"^https://"))
    expect(outcomes.get_by_role("listitem").filter(has_text="Demo timeline")).to_contain_text(
        "Not published (The demo timeline refused the post")
    assert_accessible(trainee)
    screenshot(trainee, "70-partly-published")
    assert [s["content"] for s in stand_in_statuses(running) if marker in s["content"]] == [text]

    # The admin publishes it again on the demo timeline only.
    admin = open_page(sandbox.sign_in(ADMIN))
    admin.goto(f"{base}/attention.html")
    item = admin.locator(".attention-item").filter(has_text=marker)
    expect(item.get_by_role("list", name="On each channel")).to_contain_text("Demo Mastodon: Published")
    expect(item.get_by_role("button", name="Publish again on Demo Mastodon", exact=False)).to_have_count(0)
    assert_accessible(admin)
    screenshot(admin, "71-attention-per-channel")
    item.get_by_role("button", name="Publish again on Demo timeline", exact=False).click()
    item.get_by_role("button", name="Yes, publish it again").click()
    expect(item.get_by_role("status")).to_contain_text("Sent to be published again")

    post_id = post.get_attribute("id").removeprefix("post-")
    assert settled(sandbox, sandbox.api(sandbox.sign_in(TRAINEE)), post_id)["status"] == "published"
    trainee.reload()  # the page stops polling a post once it has ended
    expect(post.get_by_role("heading")).to_contain_text(re.compile(r"^Published"))
    expect(post.get_by_role("list", name="On each channel").get_by_role("link", name="See it live")).to_have_count(2)
    assert [e["text"] for e in sandbox.timeline() if marker in e["text"]] == [text]
    assert [s["content"] for s in stand_in_statuses(running) if marker in s["content"]] == [text]  # not twice
    assert watch.dialogs == [] and watch.errors == []
