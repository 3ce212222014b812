"""The post funnel the dashboard draws and the alarms read: each step of a post emits its metric, as
CloudWatch receives it (the EMF documents Powertools prints from each invocation)."""

from __future__ import annotations

import json

from tests.integration.test_workflow_tasks import ADMIN, REVIEWER, submit


def emitted(capsys) -> dict[str, list[float]]:
    """Metric name -> values, from the EMF documents printed since the last call."""
    found: dict[str, list[float]] = {}
    for line in capsys.readouterr().out.splitlines():
        if not line.startswith("{"):
            continue
        document = json.loads(line)
        for directive in document.get("_aws", {}).get("CloudWatchMetrics", []):
            assert directive["Namespace"] == "Understudy" and directive["Dimensions"] == [["service"]]
            for metric in directive["Metrics"]:
                value = document[metric["Name"]]
                found.setdefault(metric["Name"], []).extend(value if isinstance(value, list) else [value])
    return found


def test_a_post_counts_submitted_in_review_decided_with_its_turnaround_then_published(aws, api, task, capsys):
    post = submit(api)
    assert emitted(capsys)["PostsSubmitted"] == [1]

    task("request_review", {"postId": post["id"], "taskToken": "t1"})
    task("request_review", {"postId": post["id"], "taskToken": "t2", "phase": "remind"})
    assert emitted(capsys)["ReviewsRequested"] == [1]  # a reminder is the same review

    decided = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})
    assert decided.status == 200
    (turnaround,) = emitted(capsys)["ReviewTurnaroundSeconds"]
    assert 0 <= turnaround < 60

    task("publish", {"postId": post["id"]})
    assert emitted(capsys)["PostsPublished"] == [1]


def test_a_post_that_ends_failed_is_counted_as_failed(aws, api, task, capsys):
    post = submit(api, who=ADMIN)
    failure = {"event": "failed", "postId": post["id"], "error": {"Error": "PublishFailed", "Cause": "refused"}}
    task("notify", failure)
    assert emitted(capsys).get("PostsFailed") == [1]
