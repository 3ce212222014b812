"""The workflow's task functions, invoked as Step Functions invokes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from understudy.errors import NotPublishable

REVIEWER, ADMIN, TRAINEE = "reviewer@example.org", "admin@example.org", "trainee@example.org"


def submit(api, text="Launch day! <script>alert(1)</script>", who=TRAINEE):
    return api("POST", "/posts", who=who, body={"channel": "demo", "text": text, "note": "<i>note</i>"}).body


def test_review_request_emails_each_reviewer_with_escaped_html_and_three_links(aws, api, task):
    post = submit(api)

    assert task("request_review", {"postId": post["id"], "taskToken": "secret-task-token"}) == {
        "waiting": True, "reviewers": 1}

    [mail] = aws.sent_emails()
    assert REVIEWER in mail["to"] and "Tom <b>Trainee</b>" in mail["subject"]
    assert "Launch day! <script>alert(1)</script>" in mail["text"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in mail["html"] and "<script>" not in mail["html"]
    assert "&lt;i&gt;note&lt;/i&gt;" in mail["html"]
    for decision in ("approve", "request_changes", "reject"):
        assert f"&decision={decision}" in mail["text"]
    assert "secret-task-token" not in mail["text"] + mail["html"]
    assert "Be kind and specific." in mail["text"]


def test_a_decision_made_before_the_token_was_stored_resumes_the_wait_at_once(aws, api, task):
    post = submit(api)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})

    answer = task("request_review", {"postId": post["id"], "taskToken": "late-token"})

    assert answer == {"waiting": False, "status": "publishing"}
    assert aws.sent_emails() == []  # nobody is asked to review a decided post


def test_publish_appends_to_the_local_timeline_once_whatever_the_retries(aws, api, task):
    post = submit(api, text="Published once", who="author@example.org")
    first = task("publish", {"postId": post["id"]})
    again = task("publish", {"postId": post["id"]})

    timeline = [json.loads(line) for line in Path(_timeline()).read_text().splitlines()]
    mine = [entry for entry in timeline if entry["postId"] == post["id"]]
    assert first == again and len(mine) == 1 and mine[0]["text"] == "Published once"
    stored = api("GET", f"/posts/{post['id']}", who="author@example.org").body
    assert stored["status"] == "published" and stored["publishedUrl"] == first["url"]


def test_publish_refuses_a_withdrawn_post(aws, api, task):
    post = submit(api)
    api("POST", f"/posts/{post['id']}/withdraw")
    with pytest.raises(NotPublishable):
        task("publish", {"postId": post["id"]})


def test_published_email_quotes_feedback_and_links_the_live_post(aws, api, task):
    post = submit(api)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "approve", "feedback": "Great <em>energy</em>"})
    url = task("publish", {"postId": post["id"]})["url"]
    task("notify", {"event": "published", "postId": post["id"]})

    [mail] = aws.sent_emails()
    assert TRAINEE in mail["to"] and mail["subject"] == "Your post is live"
    assert "Great <em>energy</em>" in mail["text"] and "Great &lt;em&gt;energy&lt;/em&gt;" in mail["html"]
    assert url in mail["text"] and url in mail["html"]


def test_changes_requested_stores_the_wait_and_emails_the_author(aws, api, task):
    post = submit(api)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "request_changes", "feedback": "Add the date"})

    assert task("notify", {"event": "changes_requested", "postId": post["id"], "taskToken": "t2"}) == {
        "status": "changes_requested"}
    [mail] = aws.sent_emails()
    assert mail["subject"] == "Changes requested on your post" and "Add the date" in mail["text"]


def test_expiry_expires_a_waiting_post_but_not_a_decided_one(aws, api, task):
    waiting, decided = submit(api), submit(api, text="Decided in time")
    api("POST", f"/posts/{decided['id']}/decision", who=REVIEWER, body={"decision": "approve"})

    assert task("notify", {"event": "expired", "postId": waiting["id"]}) == {"status": "expired"}
    assert task("notify", {"event": "expired", "postId": decided["id"]}) == {"status": "publishing"}
    [mail] = aws.sent_emails()
    assert mail["subject"] == "Your post expired" and TRAINEE in mail["to"]


def test_failure_records_the_error_and_tells_author_and_admins(aws, api, task):
    post = submit(api)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})
    cause = json.dumps({"errorMessage": "The channel refused the post", "errorType": "PublishFailed"})

    task("notify", {"event": "failed", "postId": post["id"], "error": {"Error": "PublishFailed", "Cause": cause}})

    stored = api("GET", f"/posts/{post['id']}").body
    assert stored["status"] == "failed" and stored["error"] == "PublishFailed: The channel refused the post"
    [mail] = aws.sent_emails()
    assert {TRAINEE, ADMIN} <= set(mail["to"]) and "The channel refused the post" in mail["text"]


def _timeline() -> str:
    from understudy.config import config

    return config().local_timeline_path
