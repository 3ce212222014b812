"""The one workflow definition: every path ends in a state that leaves the post in a definite status."""

import json
import re

from infra.functions import BY_NAME, WORKFLOW_FILE

DEFINITION = json.loads(WORKFLOW_FILE.read_text())
STATES = DEFINITION["States"]


def successors(state: dict) -> set[str]:
    found = {state.get("Next"), state.get("Default")}
    found |= {choice["Next"] for choice in state.get("Choices", [])}
    found |= {catch["Next"] for catch in state.get("Catch", [])}
    return {name for name in found if name}


def test_every_state_is_reachable_and_every_transition_exists():
    seen, todo = set(), [DEFINITION["StartAt"]]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        assert name in STATES, name
        todo.extend(successors(STATES[name]))
    assert seen == set(STATES)


def test_waits_use_task_tokens_with_timeouts_from_settings_and_end_in_expire():
    waits = {n: s for n, s in STATES.items() if s.get("Resource", "").endswith(".waitForTaskToken")}
    assert set(waits) == {"AwaitReview", "Remind", "Escalate", "AwaitRevision"}
    for state in waits.values():
        assert state["TimeoutSecondsPath"].startswith("$.timeouts.")
        assert state["Parameters"]["Payload"]["taskToken.$"] == "$$.Task.Token"
    timeout_next = {name: next(c["Next"] for c in state["Catch"] if c["ErrorEquals"] == ["States.Timeout"])
                    for name, state in waits.items()}
    assert timeout_next == {"AwaitReview": "Remind", "Remind": "Escalate", "Escalate": "Expire",
                            "AwaitRevision": "Expire"}


def test_the_review_wait_runs_in_three_phases_each_a_new_task_whose_decision_goes_the_same_way():
    phases = {"AwaitReview": ("request", "$.timeouts.remind"), "Remind": ("remind", "$.timeouts.escalate"),
              "Escalate": ("escalate", "$.timeouts.expire")}
    for name, (phase, timeout) in phases.items():
        state = STATES[name]
        assert state["Parameters"]["Payload"]["phase"] == phase and state["TimeoutSecondsPath"] == timeout
        assert state["Parameters"]["Payload"]["expireAfter.$"] == "$.timeouts.total"
        assert state["Next"] == "Decision" and state["ResultPath"] == "$.wait"


def test_phase_timeouts_add_up_to_the_settings():
    from understudy.model import Settings
    from understudy.workflow import timeouts

    found = timeouts(Settings(remind_after_seconds=2, escalate_after_seconds=5, expire_after_seconds=9,
                              revision_expire_after_seconds=7))
    assert found == {"remind": 2, "escalate": 3, "expire": 4, "total": 9, "revision": 7}


def test_substitutions_name_only_workflow_task_functions():
    names = set(re.findall(r"\$\{(\w+)\}", WORKFLOW_FILE.read_text()))
    tasks = {spec.substitution for spec in BY_NAME.values() if spec.workflow_task}
    assert names == tasks


def test_publish_retries_transient_errors_and_any_other_failure_marks_the_post_failed():
    publish = STATES["Publish"]
    assert "ChannelUnavailable" in publish["Retry"][0]["ErrorEquals"]
    assert publish["Catch"][-1] == {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "MarkFailed"}
    assert STATES["MarkFailed"]["Parameters"]["Payload"]["event"] == "failed"


def test_a_rate_limited_publish_waits_in_the_workflow_until_retry_at_then_publishes_again():
    """publish answers {url, retryAt}; a retryAt leads, through a bounded count, to a Wait on that time."""
    assert STATES["Publish"]["ResultSelector"] == {"url.$": "$.Payload.url", "retryAt.$": "$.Payload.retryAt"}
    assert STATES["Publish"]["Next"] == "RateLimited"
    choices = STATES["RateLimited"]["Choices"]
    assert choices[0] == {"Variable": "$.published.retryAt", "IsNull": True, "Next": "TellPublished"}
    assert choices[1] == {"Variable": "$.rateLimit", "IsPresent": False, "Next": "FirstRateLimit"}
    assert choices[2]["Variable"] == "$.rateLimit.rounds" and choices[2]["Next"] == "RateLimitedTooLong"
    limit = choices[2]["NumericGreaterThanEquals"]
    assert 1 <= limit <= 10 and str(limit) in DEFINITION["Comment"]
    assert STATES["RateLimited"]["Default"] == "CountRateLimit"
    assert STATES["FirstRateLimit"]["Result"] == {"rounds": 1}
    assert STATES["CountRateLimit"]["Parameters"] == {"rounds.$": "States.MathAdd($.rateLimit.rounds, 1)"}
    for counter in ("FirstRateLimit", "CountRateLimit"):
        assert STATES[counter]["ResultPath"] == "$.rateLimit" and STATES[counter]["Next"] == "WaitForRateLimit"
    wait = STATES["WaitForRateLimit"]
    assert wait["Type"] == "Wait" and wait["TimestampPath"] == "$.published.retryAt" and wait["Next"] == "Publish"
    too_long = STATES["RateLimitedTooLong"]
    assert too_long["ResultPath"] == "$.error" and too_long["Next"] == "MarkFailed"
    assert set(too_long["Result"]) == {"Error", "Cause"}


def test_publish_retries_lambda_faults_so_that_an_interrupted_attempt_is_reported_not_repeated():
    retried = STATES["Publish"]["Retry"][0]["ErrorEquals"]
    assert {"Sandbox.Timedout", "Lambda.Unknown", "States.Timeout"} <= set(retried)
    assert "PublishFailed" not in retried and "PublishUncertain" not in retried


def test_every_way_to_publish_first_asks_when_and_a_scheduled_post_waits_on_its_time_then_asks_again():
    """Approval, an author out of training and a post approved just before expiry all go through
    WhenToPublish; a time still ahead is waited for in a Wait state (no polling), then checked again,
    so a time moved later is waited for again and a cancelled post ends."""
    assert STATES["NeedsReview"]["Default"] == "WhenToPublish"
    approve = {"Variable": "$.wait.outcome", "StringEquals": "approve", "Next": "WhenToPublish"}
    assert approve in STATES["Decision"]["Choices"]
    after_expiry = {c["StringEquals"]: c["Next"] for c in STATES["AfterExpiry"]["Choices"]}
    assert after_expiry["publishing"] == after_expiry["scheduled"] == "WhenToPublish"
    ask = STATES["WhenToPublish"]
    assert ask["Parameters"]["Payload"] == {"event": "when_to_publish", "postId.$": "$.postId",
                                            "execution.$": "$$.Execution.Name"}
    assert ask["ResultSelector"] == {"next.$": "$.Payload.next", "until.$": "$.Payload.until"}
    assert ask["Next"] == "Scheduled" and ask["Catch"][-1]["Next"] == "MarkFailed"
    choices = STATES["Scheduled"]["Choices"]
    assert choices[0] == {"Variable": "$.schedule.next", "StringEquals": "publish", "Next": "Publish"}
    assert choices[1]["Next"] == "TellScheduled" and {"Variable": "$.told", "IsPresent": False} in choices[1]["And"]
    assert choices[2] == {"Variable": "$.schedule.next", "StringEquals": "wait", "Next": "WaitUntilPublishAt"}
    assert STATES["Scheduled"]["Default"] == "Done"
    tell = STATES["TellScheduled"]
    assert tell["Parameters"]["Payload"]["event"] == "scheduled" and tell["ResultPath"] == "$.told"
    assert tell["Next"] == tell["Catch"][0]["Next"] == "WaitUntilPublishAt"  # an email never fails the post
    wait = STATES["WaitUntilPublishAt"]
    assert wait == {**wait, "Type": "Wait", "TimestampPath": "$.schedule.until", "Next": "WhenToPublish"}
    publish_from = {name for name, state in STATES.items() if "Publish" in successors(state)}
    assert publish_from == {"Scheduled", "WaitForRateLimit"}
