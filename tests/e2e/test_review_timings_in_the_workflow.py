"""Nothing waits forever, through the real ASL interpreter in the sandbox, with timings of seconds set
through PUT /settings: a review nobody decides reminds its reviewer, escalates to the admin (whose own
links work) and expires, telling the author; a revision nobody makes expires too."""

from __future__ import annotations

import pytest

from tests.e2e.test_training_loop import (
    ADMIN,
    REVIEWER,
    TRAINEE,
    links_in,
    review_link,
    submit,
    wait_for_email,
    wait_for_status,
)

FAST = {"remindAfterSeconds": 2, "escalateAfterSeconds": 4, "expireAfterSeconds": 6,
        "revisionExpireAfterSeconds": 3}


@pytest.fixture(scope="module")
def people(sandbox):
    return {who: sandbox.api(sandbox.sign_in(who)) for who in (TRAINEE, REVIEWER, ADMIN)}


def test_a_review_is_reminded_then_escalated_then_expires_and_a_revision_expires(sandbox, people, unique_text):
    admin, trainee = people[ADMIN], people[TRAINEE]
    before = admin.get("/settings").json()
    answer = admin.put("/settings", json={**before, **FAST})
    assert answer.status_code == 200, answer.text
    try:
        # The timings are fixed when a post is submitted: settings can be restored right after.
        ignored = submit(trainee, f"{unique_text} nobody decides")
        revision = submit(trainee, f"{unique_text} never revised")
        # The post the admin decides expires much later, so a slow machine cannot close it under the admin.
        answer = admin.put("/settings", json={**before, **FAST, "expireAfterSeconds": 600})
        assert answer.status_code == 200, answer.text
        escalated = submit(trainee, f"{unique_text} the admin decides")
    finally:
        admin.put("/settings", json=before).raise_for_status()
    wait_for_email(sandbox, REVIEWER, f"{unique_text} never revised", "Review requested")
    asked = people[REVIEWER].post(f"/posts/{revision['id']}/decision",
                                  json={"decision": "request_changes", "feedback": "Shorter, please."})
    assert asked.status_code == 200, asked.text

    first = wait_for_email(sandbox, REVIEWER, f"{unique_text} nobody decides", "Review requested")
    reminder = wait_for_email(sandbox, REVIEWER, f"{unique_text} nobody decides", "Reminder")
    assert "still work" in reminder["text"]
    escalation = wait_for_email(sandbox, ADMIN, f"{unique_text} the admin decides", "Escalated")
    assert "you are an admin" in escalation["text"]

    # The admin's own link decides; the reviewer's first link is then closed with who decided.
    decided = review_link(sandbox, "decide", token=links_in(escalation)["approve"], decision="approve", feedback="")
    assert decided.status_code == 200, decided.text
    assert decided.json()["decision"]["reviewer"] == ADMIN
    wait_for_status(sandbox, trainee, escalated["id"], "published")

    # The revision nobody makes expires first (3 s), the review nobody decides at 6 s; both authors are told.
    wait_for_status(sandbox, trainee, revision["id"], "expired")
    wait_for_status(sandbox, trainee, ignored["id"], "expired")
    assert "expired" in wait_for_email(sandbox, TRAINEE, f"{unique_text} nobody decides", "expired")["subject"]
    wait_for_email(sandbox, TRAINEE, f"{unique_text} never revised", "expired")
    gone = review_link(sandbox, "decide", token=links_in(first)["approve"], decision="approve", feedback="")
    assert gone.status_code in (409, 410)

    trail = admin.get("/audit", params={"post": ignored["id"]}).json()["items"]
    assert [e["action"] for e in trail] == ["expired", "escalated", "reminded", "submitted"]
