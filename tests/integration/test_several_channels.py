"""One post to several channels, through the API and the workflow's task handlers under moto, with X
answered by `responses` through tweepy's real request path and the sandbox's local timeline beside it:
one review covers every channel, each channel is published on its own (one failing neither blocks nor
repeats the others), and the post's status says whether all, some or none went out."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from understudy.errors import ChannelUnavailable, PublishFailed, PublishUncertain

from tests.integration.conftest import X_HANDLE, X_TWEETS
from tests.integration.test_funnel_metrics import emitted

AUTHOR, TRAINEE, ADMIN, REVIEWER = "author@example.org", "trainee@example.org", "admin@example.org", \
    "reviewer@example.org"
BOTH = ["demo", "x-main"]
TWEET_ID = "1862500000000000077"
TWEET_URL = f"https://x.com/{X_HANDLE}/status/{TWEET_ID}"
CREATED = {"data": {"id": TWEET_ID, "text": "ignored", "edit_history_tweet_ids": [TWEET_ID]}}
REFUSED = {"title": "Forbidden", "type": "about:blank", "status": 403,
           "detail": "You are not permitted to perform this action."}
UNAVAILABLE = {"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank",
               "status": 503}
TOO_MANY = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}


def timeline(post_id: str) -> list[dict]:
    """What the local channel published of the post (its timeline is one JSON line per post)."""
    from understudy.config import config

    path = Path(config().local_timeline_path)
    entries = [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
    return [entry for entry in entries if entry["postId"] == post_id]


def submit(api, who=AUTHOR, channels=BOTH, text="The reading room opens on Monday") -> dict:
    answer = api("POST", "/posts", who=who, body={"channels": channels, "text": text})
    assert answer.status == 201, answer.body
    return answer.body


def stored(api, post_id: str) -> dict:
    return api("GET", f"/posts/{post_id}", who=ADMIN).body


def states(post: dict) -> dict[str, str]:
    return {d["channel"]: d["state"] for d in post["deliveries"]}


def failed_event(post_id: str, error: Exception) -> dict:
    """What MarkFailed hands notify after Catch."""
    cause = json.dumps({"errorMessage": str(error), "errorType": type(error).__name__})
    return {"event": "failed", "postId": post_id, "error": {"Error": type(error).__name__, "Cause": cause}}


def test_one_review_covers_every_channel_and_each_gets_the_post(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, status=201, json=CREATED)
    post = submit(api, who=TRAINEE)
    assert post["channels"] == BOTH and post["channel"] == "demo"
    assert states(post) == {"demo": "waiting", "x-main": "waiting"}

    task("request_review", {"postId": post["id"], "taskToken": "token-1"})
    asked = [m for m in aws.sent_emails() if REVIEWER in m["to"]]
    assert len(asked) == 1  # one review, not one per channel
    assert "Demo timeline and Our X account" in asked[0]["text"]
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})

    answer = task("publish", {"postId": post["id"]})

    [entry] = timeline(post["id"])
    assert entry["postId"] == post["id"] and entry["text"] == post["text"]
    assert len([c for c in x_api.calls if X_TWEETS.match(c.request.url)]) == 1
    assert answer == {"url": entry["url"], "retryAt": None}
    saved = stored(api, post["id"])
    assert saved["status"] == "published"
    assert [(d["channel"], d["state"], d["url"]) for d in saved["deliveries"]] == [
        ("demo", "published", entry["url"]), ("x-main", "published", TWEET_URL)]
    task("notify", {"event": "published", "postId": post["id"]})
    [told] = [m for m in aws.sent_emails() if m["subject"] == "Your post is live"]
    assert f"See the live post on Demo timeline: {entry['url']}" in told["text"]
    assert f"See the live post on Our X account: {TWEET_URL}" in told["text"]


def test_a_channel_that_refuses_neither_blocks_nor_repeats_the_others(aws, api, task, x_api, x_channel, capsys):
    x_api.post(X_TWEETS, status=403, json=REFUSED)
    post = submit(api)

    with pytest.raises(PublishFailed) as refused:
        task("publish", {"postId": post["id"]})

    assert len(timeline(post["id"])) == 1  # the local channel has it
    assert "Published to Demo timeline; not to Our X account" in str(refused.value)
    capsys.readouterr()
    task("notify", failed_event(post["id"], refused.value))
    assert emitted(capsys).get("PostsPartlyPublished") == [1]  # the dashboard's funnel, not PostsFailed
    saved = stored(api, post["id"])
    assert saved["status"] == "partly_published" and states(saved) == {"demo": "published", "x-main": "failed"}
    told = [m for m in aws.sent_emails() if m["subject"] == "Your post went out on some of its channels only"]
    assert len(told) == 1 and set(told[0]["to"]) == {AUTHOR, ADMIN}
    [item] = api("GET", "/attention", who=ADMIN).body["items"]
    assert item["attention"]["case"] == "not_published"
    assert [(c["channel"], c["actions"]) for c in item["attention"]["channels"]] == [
        ("demo", []), ("x-main", ["publish_again", "mark_live"])]

    # An admin publishes again: only X is tried, and the local channel is not posted to twice.
    x_api.replace("POST", X_TWEETS, status=201, json=CREATED)
    again = api("POST", f"/posts/{post['id']}/attention", who=ADMIN,
                body={"action": "publish_again", "channel": "x-main", "note": "Reconnected"})
    assert again.status == 200 and again.body["status"] == "publishing"
    assert states(again.body) == {"demo": "published", "x-main": "waiting"}
    assert task("publish", {"postId": post["id"]})["retryAt"] is None
    assert len(timeline(post["id"])) == 1
    saved = stored(api, post["id"])
    assert saved["status"] == "published" and states(saved) == {"demo": "published", "x-main": "published"}
    assert api("GET", "/attention", who=ADMIN).body["items"] == []


def test_an_unreachable_channel_is_retried_alone(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, status=503, json=UNAVAILABLE)
    post = submit(api)

    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post["id"]})
    assert states(stored(api, post["id"])) == {"demo": "published", "x-main": "waiting"}

    x_api.replace("POST", X_TWEETS, status=201, json=CREATED)
    answer = task("publish", {"postId": post["id"]})  # the workflow's retry

    assert answer["retryAt"] is None and len(timeline(post["id"])) == 1
    assert stored(api, post["id"])["status"] == "published"


def test_a_rate_limited_channel_waits_while_the_others_are_out(aws, api, task, x_api, x_channel):
    import time

    reset = int(time.time()) + 60
    x_api.post(X_TWEETS, status=429, json=TOO_MANY, headers={"x-rate-limit-reset": str(reset)})
    post = submit(api)

    answer = task("publish", {"postId": post["id"]})

    assert answer["url"] is None and answer["retryAt"]
    saved = stored(api, post["id"])
    assert saved["status"] == "publishing" and states(saved) == {"demo": "published", "x-main": "waiting"}


def test_a_channel_in_doubt_is_checked_by_an_admin_and_never_posted_again(aws, api, task, x_api, x_channel):
    from understudy import posts

    post = submit(api)
    posts.claim_delivery(post["id"], "x-main")  # an attempt that stopped after claiming X (a timeout)

    with pytest.raises(PublishUncertain) as doubt:
        task("publish", {"postId": post["id"]})

    assert not [c for c in x_api.calls if X_TWEETS.match(c.request.url)]  # X is not called again
    assert len(timeline(post["id"])) == 1
    task("notify", failed_event(post["id"], doubt.value))
    saved = stored(api, post["id"])
    assert saved["status"] == "partly_published" and states(saved) == {"demo": "published", "x-main": "unknown"}
    refused = api("POST", f"/posts/{post['id']}/attention", who=ADMIN, body={"action": "publish_again"})
    assert refused.status == 409 and "not known whether this post went out" in refused.message
    live = api("POST", f"/posts/{post['id']}/attention", who=ADMIN,
               body={"action": "mark_live", "channel": "x-main", "url": TWEET_URL})
    assert live.status == 200 and live.body["status"] == "published"
    assert [d["url"] for d in live.body["deliveries"]][1] == TWEET_URL


@pytest.fixture
def demo_switch(tmp_path, monkeypatch):
    """The sandbox's fail-next switch for the local channel, at a path of this test's own."""
    from understudy.config import config

    monkeypatch.setenv("LOCAL_FAIL_NEXT_PATH", str(tmp_path / "fail-next"))
    config.cache_clear()
    yield tmp_path / "fail-next"
    config.cache_clear()  # the next test reads its own environment again


def test_a_post_that_reaches_no_channel_fails(aws, api, task, x_api, x_channel, demo_switch):
    from infra.sandbox import local_records

    local_records.arm_failure(demo_switch, "refused")
    x_api.post(X_TWEETS, status=403, json=REFUSED)
    post = submit(api)

    with pytest.raises(PublishFailed) as refused:
        task("publish", {"postId": post["id"]})
    task("notify", failed_event(post["id"], refused.value))

    saved = stored(api, post["id"])
    assert saved["status"] == "failed" and states(saved) == {"demo": "failed", "x-main": "failed"}
    assert str(refused.value).startswith("Not published to Demo timeline: ")


@pytest.mark.parametrize(("body", "status", "words"), [
    ({"channels": BOTH, "channel": "demo"}, 422, "not both"),
    ({"channels": []}, 422, "channels"),
    ({}, 422, "not both and not neither"),
    ({"channels": ["demo", "nowhere"]}, 400, "There is no channel 'nowhere'"),
    ({"channels": BOTH, "replyTo": "https://x.com/someone/status/1"}, 422, "goes to one channel only"),
])
def test_where_a_post_goes_is_checked_before_anything_is_kept(aws, api, x_channel, body, status, words):
    answer = api("POST", "/posts", who=AUTHOR, body={"text": "Hello", **body})

    assert answer.status == status and words in json.dumps(answer.body), answer.body
    assert api("GET", "/posts", who=AUTHOR, query={"mine": "true"}).body["items"] == []


def test_the_text_must_fit_every_channel_each_counted_its_own_way(aws, api):
    from understudy import data
    from understudy.model import Channel, now_iso

    data.put_channel(Channel("m", "Our Mastodon", "mastodon", {"maxCharacters": 500}), "test", now_iso())
    long = "word " * 80  # 399 characters: fits Mastodon, not X's 280 (which the local channel counts by)

    alone = api("POST", "/posts", who=AUTHOR, body={"channels": ["m"], "text": long})
    both = api("POST", "/posts", who=AUTHOR, body={"channels": ["m", "demo"], "text": long})

    assert alone.status == 201
    assert both.status == 400 and both.message.startswith("For Demo timeline: The post counts 399 characters")


def test_the_images_must_be_within_every_channels_count(aws, api):
    from understudy import data
    from understudy.model import Channel, now_iso

    from tests.integration.conftest import picture, uploaded

    data.put_channel(Channel("m", "Our Mastodon", "mastodon", {"maxCharacters": 500, "maxImages": 2}), "test",
                     now_iso())
    media = [{"key": uploaded(AUTHOR, picture()), "alt": f"Picture {n}"} for n in range(3)]

    listed = {c["id"]: c for c in api("GET", "/channels", who=AUTHOR).body["items"]}
    refused = api("POST", "/posts", who=AUTHOR, body={"channels": ["demo", "m"], "text": "Three", "media": media})

    assert listed["m"]["maxImages"] == 2  # what the composer allows
    assert refused.status == 422 and "at most 2 images" in refused.message and "'Our Mastodon'" in refused.message
    assert api("GET", "/posts", who=AUTHOR, query={"mine": "true"}).body["items"] == []


def test_a_post_stored_before_posts_had_several_channels_reads_as_one_delivery(aws, api):
    from understudy.config import config

    history = [{"status": "publishing", "at": "2026-01-01T00:00:00.000Z", "by": "workflow", "detail": ""},
               {"status": "published", "at": "2026-01-01T00:00:01.000Z", "by": "workflow", "detail": ""}]
    revision = {"number": 1, "text": "Old post", "note": "", "submitted_at": "2026-01-01T00:00:00.000Z",
                "feedback": None}
    boto3.client("dynamodb").put_item(TableName=config().posts_table, Item={
        "id": {"S": "old1"}, "org": {"S": "default"}, "author": {"S": AUTHOR}, "authorName": {"S": "A"},
        "channel": {"S": "demo"}, "status": {"S": "published"}, "review": {"BOOL": False},
        "revisions": {"S": json.dumps([revision])}, "history": {"S": json.dumps(history)},
        "createdAt": {"S": "2026-01-01T00:00:00.000Z"}, "updatedAt": {"S": "2026-01-01T00:00:01.000Z"},
        "publishedUrl": {"S": "http://localhost/outbox.html#post-old1"}, "publishedRevision": {"N": "1"},
        "publishedId": {"S": "old1-1"}, "version": {"N": "3"}})

    shown = api("GET", "/posts/old1", who=AUTHOR).body

    assert shown["channels"] == ["demo"] and shown["status"] == "published"
    assert shown["deliveries"] == [{"channel": "demo", "state": "published", "externalId": "old1-1",
                                    "url": "http://localhost/outbox.html#post-old1", "error": None}]
