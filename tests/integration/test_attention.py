"""Needs attention, through the API and workflow handlers under moto: which posts are listed, which
actions each case allows, and the PostsNeedingAttention metric the alarm watches."""

from __future__ import annotations

import json

import boto3
import pytest
from understudy.text import NOTE_LIMIT

ADMIN, REVIEWER, AUTHOR, TRAINEE = "admin@example.org", "reviewer@example.org", "author@example.org", \
    "trainee@example.org"


def failed_post(api, task, error_type: str, message: str, *, who: str = AUTHOR) -> dict:
    """A post by an author out of training that the workflow marked failed with the given Lambda error
    (PublishUncertain: after the publish task recorded that the channel may have it)."""
    post = api("POST", "/posts", who=who, body={"channel": "demo", "text": f"Post that fails: {message}"}).body
    if error_type == "PublishUncertain":
        in_doubt(post["id"], message)
    cause = json.dumps({"errorMessage": message, "errorType": error_type})
    task("notify", {"event": "failed", "postId": post["id"], "error": {"Error": error_type, "Cause": cause}})
    return post


def in_doubt(post_id: str, message: str = "It is not known whether the post went out") -> None:
    """As the publish task records a channel an attempt may have reached with no outcome."""
    from understudy import posts
    from understudy.model import Sent

    posts.settle_unsent(post_id, "demo", Sent.UNKNOWN, message)


def metric_values(output: str, name: str) -> list[float]:
    """Every value of ``name`` in the EMF documents Powertools printed."""
    values = []
    for line in output.splitlines():
        if line.startswith("{") and '"_aws"' in line:
            document = json.loads(line)
            if name in document:
                value = document[name]
                values += value if isinstance(value, list) else [value]
    return values


def test_failed_and_expired_posts_are_listed_for_admins_only_with_what_happened(aws, api, task):
    refused = failed_post(api, task, "PublishFailed", "X refused the post (403: policy)")
    waiting = api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "Nobody decides this"}).body
    task("notify", {"event": "expired", "postId": waiting["id"]})
    fine = api("POST", "/posts", who=AUTHOR, body={"channel": "demo", "text": "This one is fine"}).body

    listed = api("GET", "/attention", who=ADMIN)

    assert listed.status == 200
    by_id = {item["id"]: item["attention"] for item in listed.body["items"]}
    assert fine["id"] not in by_id
    what = "PublishFailed: X refused the post (403: policy)"
    assert by_id[refused["id"]] == {
        "case": "not_published", "what": what, "at": by_id[refused["id"]]["at"], "revision": 1,
        "actions": ["publish_again", "mark_live", "close"],
        "channels": [{"channel": "demo", "state": "failed", "url": None, "externalId": None, "error": what,
                      "actions": ["publish_again", "mark_live"]}]}
    assert by_id[waiting["id"]]["case"] == "expired" and by_id[waiting["id"]]["actions"] == ["close"]
    assert api("GET", "/attention", who=REVIEWER).status == 403
    assert api("GET", "/attention", who=AUTHOR).status == 403


def test_the_list_is_paged_with_a_cursor(aws, api, task):
    from understudy.data import PAGE_SIZE

    made = {failed_post(api, task, "PublishFailed", f"refused {n}")["id"] for n in range(PAGE_SIZE + 1)}

    first = api("GET", "/attention", who=ADMIN).body
    second = api("GET", "/attention", who=ADMIN, query={"cursor": first["cursor"]}).body

    assert len(first["items"]) == PAGE_SIZE and first["cursor"]
    assert {item["id"] for item in first["items"] + second["items"]} == made


def test_an_interrupted_publish_may_be_marked_live_or_closed_but_never_published_again(aws, api, task):
    post = failed_post(api, task, "PublishUncertain", "It is not known whether the post went out")

    refused = api("POST", f"/posts/{post['id']}/attention", who=ADMIN, body={"action": "publish_again"})

    assert refused.status == 409 and "not known whether this post went out" in refused.message
    assert aws.executions() == [e for e in aws.executions() if e["name"] == post["id"]]  # none started
    [item] = [i for i in api("GET", "/attention", who=ADMIN).body["items"] if i["id"] == post["id"]]
    assert item["attention"]["case"] == "needs_check" and item["attention"]["actions"] == ["mark_live", "close"]


def test_publish_again_starts_an_execution_that_only_publishes(aws, api, task):
    post = failed_post(api, task, "PublishFailed", "refused")

    answer = api("POST", f"/posts/{post['id']}/attention", who=ADMIN,
                 body={"action": "publish_again", "note": "The account is reconnected"})

    assert answer.status == 200 and answer.body["status"] == "publishing" and answer.body["error"] is None
    [again] = [e for e in aws.executions() if e["name"] == f"{post['id']}-publish-1"]
    described = boto3.client("stepfunctions").describe_execution(executionArn=again["executionArn"])
    assert json.loads(described["input"]) == {"postId": post["id"], "review": False}
    assert task("publish", {"postId": post["id"]})["url"]  # what that execution's Publish state runs
    assert api("GET", f"/posts/{post['id']}", who=AUTHOR).body["status"] == "published"


def test_a_post_that_failed_before_it_was_approved_can_only_be_closed(aws, api, task):
    post = failed_post(api, task, "States.TaskFailed", "request_review crashed", who=TRAINEE)

    answer = api("POST", f"/posts/{post['id']}/attention", who=ADMIN, body={"action": "publish_again"})

    assert answer.status == 409
    assert answer.message == "A post that failed before it was approved can only be closed with a note."
    assert api("GET", f"/posts/{post['id']}", who=TRAINEE).body["status"] == "failed"


def test_needing_attention_is_counted_once_per_post(aws, api, task, capsys):
    post = api("POST", "/posts", who=AUTHOR, body={"channel": "demo", "text": "Counted"}).body
    capsys.readouterr()
    in_doubt(post["id"])  # publishing in doubt: needs an admin from here
    task("notify", {"event": "failed", "postId": post["id"], "error": {"Error": "PublishUncertain", "Cause": "?"}})
    waiting = api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "Will expire"}).body
    task("notify", {"event": "expired", "postId": waiting["id"]})

    assert metric_values(capsys.readouterr().out, "PostsNeedingAttention") == [1.0, 1.0]


@pytest.mark.parametrize("url", [
    "http://x.com/our_org/status/123",           # not https
    "https://evil.example/our_org/status/123",   # not X
    "https://x.com.evil.example/a/status/1",     # not X either
    "https://user:pw@x.com/our_org/status/123",  # credentials in it
    "https://x.com/our_org",                     # not a post
    "javascript:alert(1)",
])
def test_it_is_live_needs_a_post_address_on_the_channels_network(aws, api, url):
    from understudy import channels
    from understudy.errors import InvalidValue
    from understudy.model import Channel

    x = channels.client_for(Channel("x1", "Our X", "x", {"handle": "our_org"}))
    with pytest.raises(InvalidValue) as refused:
        x.live_post("p1", 1, url)
    assert refused.value.field == "url"
    assert x.live_post("p1", 1, "https://twitter.com/our_org/status/123?s=20").external_id == "123"


def test_the_author_is_emailed_the_admins_note_as_text(aws, api, task):
    post = failed_post(api, task, "PublishFailed", "refused")
    note = '<img src=x onerror="alert(1)"> Out of date'

    assert api("POST", f"/posts/{post['id']}/attention", who=ADMIN,
               body={"action": "close", "note": note}).status == 200

    [mail] = [m for m in aws.sent_emails() if m["subject"] == "An admin closed your post's problem"]
    assert set(mail["to"]) == {AUTHOR} and note in mail["text"]
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; Out of date" in mail["html"] and "<img" not in mail["html"]


def test_bad_requests_are_refused_clearly_and_change_nothing(aws, api, task):
    post = failed_post(api, task, "PublishFailed", "refused")
    path = f"/posts/{post['id']}/attention"

    assert api("POST", "/posts/nope/attention", who=ADMIN, body={"action": "close", "note": "x"}).status == 404
    assert api("POST", path, who=ADMIN, body={"action": "delete"}).status == 422
    assert api("POST", path, who=ADMIN, body={}).status == 422
    assert api("POST", path, who=ADMIN, body={"action": "close", "note": "x" * (NOTE_LIMIT + 1)}).status == 422
    assert api("POST", path, who=ADMIN, body={"action": "mark_live", "url": "https://x.com/a/status/1"}).status == 422
    assert api("POST", path, who=REVIEWER, body={"action": "close", "note": "x"}).status == 403
    assert api("GET", "/attention", who=ADMIN, query={"cursor": "not-a-cursor"}).status == 400
    stored = api("GET", f"/posts/{post['id']}", who=AUTHOR).body
    assert stored["status"] == "failed" and stored["closed"] is None and stored["publishedUrl"] is None


def test_a_late_failure_from_the_first_execution_does_not_fail_a_post_published_again(aws, api, task):
    post = failed_post(api, task, "PublishFailed", "refused")
    api("POST", f"/posts/{post['id']}/attention", who=ADMIN, body={"action": "publish_again"})
    failure = {"Error": "PublishFailed", "Cause": "refused"}

    # The first execution's MarkFailed, retried after the admin acted, leaves the new attempt alone.
    late = task("notify", {"event": "failed", "postId": post["id"], "error": failure, "execution": post["id"]})
    assert late == {"status": "publishing"}
    # The new execution's own failure counts.
    own = task("notify", {"event": "failed", "postId": post["id"], "error": failure,
                          "execution": f"{post['id']}-publish-1"})
    assert own == {"status": "failed"}
