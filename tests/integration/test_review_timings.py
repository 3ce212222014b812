"""Review timings: settings validated as a whole, the workflow given each phase's timeout, and the
reminder and escalation phases of the review wait emailing the right people with working links."""

from __future__ import annotations

import json
import re

import boto3
import pytest

TRAINEE, REVIEWER, ADMIN, AUTHOR = ("trainee@example.org", "reviewer@example.org", "admin@example.org",
                                    "author@example.org")
DAY = 24 * 3600


def test_settings_default_to_a_day_two_days_a_week_and_two_weeks(aws, api):
    assert api("GET", "/settings", who=ADMIN).body == {
        "remindAfterSeconds": DAY, "escalateAfterSeconds": 2 * DAY, "expireAfterSeconds": 7 * DAY,
        "revisionExpireAfterSeconds": 14 * DAY, "senderEmail": "",
        "readyMinPosts": 10, "readyFirstTimeShare": 0.8, "requireMfa": False}


def test_settings_left_out_keep_their_values_and_the_change_is_audited(aws, api):
    answer = api("PUT", "/settings", who=ADMIN, body={"remindAfterSeconds": 3600})
    assert answer.status == 200 and answer.body["remindAfterSeconds"] == 3600
    assert answer.body["expireAfterSeconds"] == 7 * DAY
    [entry] = api("GET", "/audit", who=ADMIN, query={"action": "settings_changed"}).body["items"]
    assert entry["details"]["remindAfterSeconds"] == 3600


@pytest.mark.parametrize(("body", "words"), [
    ({"remindAfterSeconds": 0}, "Remind after"),
    ({"escalateAfterSeconds": -5}, "Escalate after"),
    ({"expireAfterSeconds": 366 * DAY}, "Expire after"),
    ({"revisionExpireAfterSeconds": 0}, "revision expires"),
    ({"remindAfterSeconds": 3 * DAY}, "must come before"),
    ({"remindAfterSeconds": 10, "escalateAfterSeconds": 10, "expireAfterSeconds": 20}, "must come before"),
    ({"remindAfterSeconds": 10, "escalateAfterSeconds": 20, "expireAfterSeconds": 20}, "must come before"),
    ({"senderEmail": "nobody"}, "not an email"),
])
def test_timings_that_make_no_sense_are_refused_and_change_nothing(aws, api, body, words):
    before = api("GET", "/settings", who=ADMIN).body
    answer = api("PUT", "/settings", who=ADMIN, body=body)
    assert answer.status == 400 and words in answer.message, answer.message
    assert api("GET", "/settings", who=ADMIN).body == before
    assert api("GET", "/audit", who=ADMIN, query={"action": "settings_changed"}).body["items"] == []


def test_the_old_field_names_are_refused_with_a_readable_message(aws, api):
    answer = api("PUT", "/settings", who=ADMIN, body={"reviewTimeoutSeconds": 60})
    assert answer.status == 422 and "reviewTimeoutSeconds" in answer.message


def test_settings_stored_before_reminders_existed_are_read_as_expiry_times(aws, api):
    from understudy import data

    data._put_org("settings", {"review_timeout_seconds": 7000, "revision_timeout_seconds": 9000,
                               "sender_email": ""}, "old", "2026-01-01T00:00:00.000Z")
    settings = api("GET", "/settings", who=ADMIN).body
    assert settings["expireAfterSeconds"] == 7000 and settings["revisionExpireAfterSeconds"] == 9000
    assert 1 <= settings["remindAfterSeconds"] < settings["escalateAfterSeconds"] < 7000


def test_the_workflow_starts_with_each_phase_timeout(aws, api):
    api("PUT", "/settings", who=ADMIN, body={"remindAfterSeconds": 2, "escalateAfterSeconds": 5,
                                             "expireAfterSeconds": 9, "revisionExpireAfterSeconds": 7})
    api("POST", "/posts", body={"channel": "demo", "text": "Timed"})
    [execution] = aws.executions()
    described = boto3.client("stepfunctions").describe_execution(executionArn=execution["executionArn"])
    assert json.loads(described["input"])["timeouts"] == {"remind": 2, "escalate": 3, "expire": 4, "total": 9,
                                                           "revision": 7}


LINK = re.compile(r"review\.html#token=([\w.-]+)&decision=approve")


def _phases(api, task, text="Waiting <b>long</b>", who=TRAINEE):
    post = api("POST", "/posts", who=who, body={"channel": "demo", "text": text}).body
    task("request_review", {"phase": "request", "postId": post["id"], "taskToken": "t1", "expireAfter": 90})
    return post


def test_the_reminder_phase_stores_its_new_token_and_reminds_the_reviewers_with_working_links(
        aws, api, task, review_link):
    from understudy import data

    post = _phases(api, task)
    answer = task("request_review", {"phase": "remind", "postId": post["id"], "taskToken": "t2", "expireAfter": 90})

    assert answer == {"waiting": True, "reviewers": 1}
    assert data.get_post(post["id"]).task_token == "t2"
    first, reminder = aws.sent_emails()
    assert set(reminder["to"]) == {REVIEWER} and reminder["subject"].startswith("Reminder:")
    assert "&lt;b&gt;long&lt;/b&gt;" in reminder["html"] and "<b>long" not in reminder["html"]
    assert "still work" in reminder["text"] and "reviewer of this post" in reminder["text"]
    for mail in (first, reminder):  # both emails' links open the post
        assert review_link("view", {"token": LINK.search(mail["text"]).group(1)}).body["open"] is True
    [entry] = api("GET", "/audit", who=ADMIN, query={"action": "reminded"}).body["items"]
    assert entry["user"] == "workflow" and entry["details"]["to"] == REVIEWER


def test_escalation_emails_each_admin_their_own_links_and_an_admin_decides_from_one(aws, api, task, review_link):
    from understudy import links

    post = _phases(api, task)
    task("request_review", {"phase": "escalate", "postId": post["id"], "taskToken": "t3", "expireAfter": 90})

    escalation = aws.sent_emails()[-1]
    assert set(escalation["to"]) == {ADMIN} and escalation["subject"].startswith("Escalated:")
    assert "you are an admin" in escalation["text"]
    assert "&lt;b&gt;long&lt;/b&gt;" in escalation["html"] and "<b>long" not in escalation["html"]
    token = LINK.search(escalation["text"]).group(1)
    claim = links.verify(token)
    assert claim.reviewer == ADMIN and claim.post_id == post["id"]
    decided = review_link("decide", {"token": token, "decision": "approve"})
    assert decided.status == 200 and decided.body["decision"]["reviewer"] == ADMIN
    assert api("GET", "/audit", who=ADMIN, query={"action": "escalated"}).body["items"][0]["details"]["to"] == ADMIN


def test_links_expire_with_the_review_from_the_revision_submission_in_every_phase(aws, api, task):
    from datetime import datetime

    from understudy import data, links

    post = _phases(api, task)
    task("request_review", {"phase": "remind", "postId": post["id"], "taskToken": "t2", "expireAfter": 90})
    submitted = datetime.fromisoformat(data.get_post(post["id"]).current.submitted_at.replace("Z", "+00:00"))
    for mail in aws.sent_emails():
        claim = links.verify(LINK.search(mail["text"]).group(1))
        assert claim.expires == int(submitted.timestamp()) + 90


def test_a_decision_between_phases_resumes_the_next_phase_at_once_and_emails_nobody(aws, api, task):
    post = _phases(api, task)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})
    sent = len(aws.sent_emails())

    answer = task("request_review", {"phase": "remind", "postId": post["id"], "taskToken": "t2", "expireAfter": 90})

    assert answer == {"waiting": False, "status": "publishing"}
    assert len(aws.sent_emails()) == sent


def test_an_expired_link_is_410_and_offers_the_console(aws, api, task, review_link):
    from understudy import links

    post = _phases(api, task)
    token = links.sign(post["id"], 1, REVIEWER, 1)
    answer = review_link("view", {"token": token})
    assert answer.status == 410 and "console" in answer.message
