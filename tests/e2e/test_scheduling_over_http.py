"""A time to go live, over HTTP in a sandbox of its own: the real ASL interpreter waits on the post's
publishAt in a Wait state (TimestampPath), then the post is published at most once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from schedule_support import (
    ADMIN,
    AUTHOR,
    REVIEWER,
    TRAINEE,
    ahead,
    audit_actions,
    moment,
    now,
    on_timeline,
    people,
    schedule_sandbox,
    settled,
    stand_in_x,
    status_of,
)

__all__ = ["people", "schedule_sandbox", "stand_in_x"]  # fixtures, used by name


def post(api, text: str, **extra) -> dict:
    created = api.post("/posts", json={"channel": "demo", "text": text, **extra})
    assert created.status_code == 201, created.text
    return created.json()


def test_a_post_scheduled_seconds_ahead_waits_then_publishes_no_earlier_than_its_time(schedule_sandbox, people,
                                                                                      unique_text):
    sandbox, author = schedule_sandbox, people[AUTHOR]
    scheduled = post(author, f"{unique_text} at nine", publishAt=ahead(8, offset_hours=2))
    assert scheduled["status"] == "scheduled" and scheduled["publishAt"].endswith("Z")
    go_live = moment(scheduled["publishAt"])

    listed = people[REVIEWER].get("/scheduled").json()["items"]
    assert scheduled["id"] in [p["id"] for p in listed]
    times = [p["publishAt"] for p in listed]
    assert times == sorted(times)  # soonest first
    assert people[TRAINEE].get("/scheduled").status_code == 403

    final = settled(sandbox, author, scheduled["id"])
    assert final["status"] == "published", final
    [entry] = on_timeline(sandbox, scheduled["id"])
    assert moment(entry["publishedAt"]) >= go_live
    assert scheduled["id"] not in [p["id"] for p in people[REVIEWER].get("/scheduled").json()["items"]]
    submitted = next(a for a in audit_actions(people[ADMIN], scheduled["id"]) if a["action"] == "submitted")
    assert submitted["details"]["publishAt"] == scheduled["publishAt"]


def test_a_later_time_is_waited_for_again_and_an_earlier_one_goes_out_then_each_once(schedule_sandbox, people,
                                                                                     unique_text):
    sandbox, author = schedule_sandbox, people[AUTHOR]
    later = post(author, f"{unique_text} later", publishAt=ahead(5))
    earlier = post(author, f"{unique_text} earlier", publishAt=ahead(300))

    moved_later = author.post(f"/posts/{later['id']}/schedule", json={"publishAt": ahead(14)})
    assert moved_later.status_code == 200, moved_later.text
    moved_earlier = people[ADMIN].post(f"/posts/{earlier['id']}/schedule", json={"publishAt": ahead(6)})
    assert moved_earlier.status_code == 200, moved_earlier.text  # an admin may reschedule too

    # The first Wait ends at the old time; after it the post is still scheduled, for the new one.
    sandbox.wait_for(lambda: now() > moment(later["publishAt"]) + timedelta(seconds=2), timeout=20)
    assert status_of(author, later["id"])["status"] == "scheduled"

    for rescheduled in (moved_later.json(), moved_earlier.json()):
        final = settled(sandbox, author, rescheduled["id"])
        assert final["status"] == "published", final
        [entry] = on_timeline(sandbox, rescheduled["id"])  # exactly once
        assert moment(entry["publishedAt"]) >= moment(rescheduled["publishAt"])
    assert moment(on_timeline(sandbox, earlier["id"])[0]["publishedAt"]) < moment(earlier["publishAt"])
    actions = [a["action"] for a in audit_actions(people[ADMIN], earlier["id"])]
    assert "rescheduled" in actions and actions.count("published") == 1


def test_cancelling_a_scheduled_post_withdraws_it_for_good(schedule_sandbox, people, unique_text):
    sandbox, author = schedule_sandbox, people[AUTHOR]
    scheduled = post(author, f"{unique_text} cancel me", publishAt=ahead(6))
    assert people[TRAINEE].post(f"/posts/{scheduled['id']}/cancel").status_code == 403  # not theirs
    cancelled = author.post(f"/posts/{scheduled['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "withdrawn", cancelled.text
    again = author.post(f"/posts/{scheduled['id']}/cancel")
    assert again.status_code == 409

    sandbox.wait_for(lambda: now() > moment(scheduled["publishAt"]), timeout=20)
    # Once its execution has ended, nothing can publish it any more.
    sandbox.wait_for(lambda: sandbox.execution_status(scheduled["id"]) != "RUNNING", timeout=60)
    assert status_of(author, scheduled["id"])["status"] == "withdrawn"
    assert on_timeline(sandbox, scheduled["id"]) == []
    cancelled_entry = next(a for a in audit_actions(people[ADMIN], scheduled["id"]) if a["action"] == "cancelled")
    assert cancelled_entry["user"] == AUTHOR


def test_a_review_that_ends_after_the_time_publishes_at_approval_and_the_email_says_late(schedule_sandbox, people,
                                                                                        unique_text):
    sandbox, trainee = schedule_sandbox, people[TRAINEE]
    waiting = post(trainee, f"{unique_text} reviewed late", publishAt=ahead(3))
    assert waiting["status"] == "pending_review"
    sandbox.wait_for(lambda: now() > moment(waiting["publishAt"]), timeout=20)

    approved = people[REVIEWER].post(f"/posts/{waiting['id']}/decision", json={"decision": "approve"})
    assert approved.status_code == 200, approved.text
    assert approved.json()["late"] is True and approved.json()["status"] in ("publishing", "published")

    final = settled(sandbox, trainee, waiting["id"])
    assert final["status"] == "published", final
    told = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if TRAINEE in m["to"] and unique_text in m["text"]
                                     and "Your post is live" in m["subject"]], timeout=30)
    assert "went live late" in told[0]["text"] and "went live late" in told[0]["html"]


def test_the_reviewer_sets_the_time_when_approving_and_the_review_email_shows_the_authors_time(
        schedule_sandbox, people, unique_text):
    sandbox, trainee = schedule_sandbox, people[TRAINEE]
    waiting = post(trainee, f"{unique_text} reviewer picks", publishAt=ahead(3600))
    request = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if REVIEWER in m["to"] and unique_text in m["text"]
                                        and "Review requested" in m["subject"]], timeout=30)
    assert "Goes live:" in request[0]["text"] and "UTC" in request[0]["text"]

    at = ahead(6)
    approved = people[REVIEWER].post(f"/posts/{waiting['id']}/decision", json={"decision": "approve", "publishAt": at})
    assert approved.status_code == 200, approved.text
    assert approved.json()["status"] == "scheduled" and approved.json()["late"] is False
    # The trainee hears of the approval (and its feedback) now, not when the post goes live.
    told = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if TRAINEE in m["to"] and unique_text in m["text"]
                                     and "approved and scheduled" in m["subject"]], timeout=30)
    assert "Goes live:" in told[0]["text"]
    final = settled(sandbox, trainee, waiting["id"])
    assert final["status"] == "published", final
    assert moment(on_timeline(sandbox, waiting["id"])[0]["publishedAt"]) >= moment(approved.json()["publishAt"])
    decided = next(a for a in audit_actions(people[ADMIN], waiting["id"]) if a["action"] == "decided")
    assert decided["details"]["publishAt"] == approved.json()["publishAt"]


@pytest.mark.parametrize("value", [
    "2030-01-01T09:00:00",        # no offset
    "next tuesday",               # not ISO 8601
    "2020-01-01T09:00:00+00:00",  # in the past
    "now",
    "2099-01-01T09:00:00Z",       # more than a year ahead
])
def test_a_time_that_cannot_be_used_is_refused_with_422_everywhere_and_changes_nothing(schedule_sandbox, people,
                                                                                       unique_text, value):
    author, trainee = people[AUTHOR], people[TRAINEE]
    before = len(author.get("/posts", params={"mine": "true"}).json()["items"])
    refused = author.post("/posts", json={"channel": "demo", "text": f"{unique_text} bad", "publishAt": value})
    assert refused.status_code == 422, refused.text
    assert "publishAt" in refused.text or "go live" in refused.text
    assert len(author.get("/posts", params={"mine": "true"}).json()["items"]) == before

    waiting = post(trainee, f"{unique_text} good", publishAt=ahead(600))
    for path, body, api in ((f"/posts/{waiting['id']}/schedule", {"publishAt": value}, trainee),
                            (f"/posts/{waiting['id']}/decision", {"decision": "approve", "publishAt": value},
                             people[REVIEWER])):
        answer = api.post(path, json=body)
        assert answer.status_code == 422, (path, answer.text)
    unchanged = status_of(trainee, waiting["id"])
    assert unchanged["status"] == "pending_review" and unchanged["publishAt"] == waiting["publishAt"]
    assert trainee.post(f"/posts/{waiting['id']}/withdraw").status_code == 200
