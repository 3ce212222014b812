"""The schedule's exactly-once rules, with the handlers under moto: only the post's current execution
moves it from scheduled to publishing; a reschedule to an earlier time starts a new execution and
stops the old one, whose later wake-up then ends without publishing; a cancelled post ends too."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import boto3
from understudy import data

AUTHOR, ADMIN, TRAINEE = "author@example.org", "admin@example.org", "trainee@example.org"


def ahead(seconds: int) -> str:
    return (datetime.now(UTC) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")


def when(task, post_id: str, execution: str) -> dict:
    return task("notify", {"event": "when_to_publish", "postId": post_id, "execution": execution})


def scheduled_post(api, seconds: int = 3600) -> dict:
    body = {"channel": "demo", "text": "Opening hours", "publishAt": ahead(seconds)}
    answer = api("POST", "/posts", who=AUTHOR, body=body)
    assert answer.status == 201 and answer.body["status"] == "scheduled", answer.body
    return answer.body


def test_only_the_current_execution_moves_a_post_to_publishing_and_only_once_its_time_has_come(aws, api, task):
    post = scheduled_post(api)
    assert when(task, post["id"], post["id"]) == {"next": "wait", "until": post["publishAt"], "status": "scheduled"}

    stored = data.get_post(post["id"])
    stored.publish_at = "2020-01-01T00:00:00Z"  # its time has come
    data.save_post(stored)
    assert when(task, post["id"], "someone-else")["next"] == "done"
    assert data.get_post(post["id"]).status == "scheduled"  # a stale execution changed nothing
    assert when(task, post["id"], post["id"]) == {"next": "publish", "until": None, "status": "publishing"}
    assert when(task, post["id"], post["id"])["next"] == "publish"  # a retry of the task: same answer


def test_an_earlier_time_starts_a_new_execution_and_the_old_one_ends_when_it_wakes(aws, api, task):
    post = scheduled_post(api, 3600)
    moved = api("POST", f"/posts/{post['id']}/schedule", who=ADMIN, body={"publishAt": ahead(600)})
    assert moved.status == 200, moved.body
    assert f"{post['id']}-publish-1" in {e["name"] for e in aws.executions()}
    sfn = boto3.client("stepfunctions")
    old = next(e for e in aws.executions() if e["name"] == post["id"])
    assert sfn.describe_execution(executionArn=old["executionArn"])["status"] == "ABORTED"

    assert when(task, post["id"], post["id"])["next"] == "done"
    assert when(task, post["id"], f"{post['id']}-publish-1") == {"next": "wait", "until": moved.body["publishAt"],
                                                                 "status": "scheduled"}
    later = api("POST", f"/posts/{post['id']}/schedule", who=AUTHOR, body={"publishAt": ahead(1200)})
    assert later.status == 200
    assert len([e for e in aws.executions() if e["name"].startswith(post["id"])]) == 2  # later: no new one


def test_only_the_author_or_an_admin_reschedules_or_cancels_and_a_cancelled_post_ends(aws, api, task):
    post = scheduled_post(api)
    assert api("POST", f"/posts/{post['id']}/schedule", who=TRAINEE, body={"publishAt": ahead(900)}).status == 403
    assert api("POST", f"/posts/{post['id']}/cancel", who=TRAINEE).status == 403
    cancelled = api("POST", f"/posts/{post['id']}/cancel", who=ADMIN)
    assert cancelled.status == 200 and cancelled.body["status"] == "withdrawn"
    assert when(task, post["id"], post["id"]) == {"next": "done", "until": None, "status": "withdrawn"}
    refused = api("POST", f"/posts/{post['id']}/schedule", who=AUTHOR, body={"publishAt": ahead(900)})
    assert refused.status == 409 and "withdrawn" in refused.body["message"]


def test_a_post_that_failed_while_scheduled_can_be_published_again_by_an_admin(aws, api, task):
    post = scheduled_post(api)
    error = {"Error": "Lambda.Unknown", "Cause": "WhenToPublish could not run"}
    task("notify", {"event": "failed", "postId": post["id"], "error": error, "execution": post["id"]})

    [listed] = [p for p in api("GET", "/attention", who=ADMIN).body["items"] if p["id"] == post["id"]]
    assert listed["attention"]["case"] == "not_published" and "publish_again" in listed["attention"]["actions"]
