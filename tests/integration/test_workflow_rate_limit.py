"""The review-post definition itself, run by moto's ASL interpreter (the one the sandbox runs), with
each Lambda task answering from a queue: a rate-limited publish waits in the workflow until retryAt
and publishes again; one rate-limited too often fails the post through MarkFailed; a scheduled post
waits until its time, again if the time moved later, and ends without publishing when cancelled."""

from __future__ import annotations

import io
import json
import os
import re
import time
import zipfile
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID

from infra.functions import FUNCTIONS, WORKFLOW_FILE

REGION = "us-east-1"
START = {"postId": "p1", "review": False,
         "timeouts": {"remind": 60, "escalate": 60, "expire": 60, "total": 180, "revision": 60}}


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def utc_clock():
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def workflow(utc_clock):
    """The real definition, its ${...} substituted with moto Lambda functions whose answers are queued.

    moto's Wait compares the UTC timestamp with the local clock, so the local clock is made UTC."""
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}, "lambda": {"use_docker": False}}):
        from moto.awslambda_simple.models import lambda_simple_backends

        role = boto3.client("iam", region_name=REGION).create_role(
            RoleName="workflow", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        code = io.BytesIO()
        with zipfile.ZipFile(code, "w") as archive:
            archive.writestr("handler.py", "def lambda_handler(event, context):\n    return event\n")
        functions = boto3.client("lambda", region_name=REGION)
        arns = {spec.substitution: functions.create_function(
                    FunctionName=spec.name, Runtime="python3.12", Role=role, Handler="handler.lambda_handler",
                    Code={"ZipFile": code.getvalue()})["FunctionArn"]
                for spec in FUNCTIONS if spec.workflow_task}
        definition = re.sub(r"\$\{(\w+)\}", lambda m: arns[m.group(1)], WORKFLOW_FILE.read_text())
        sfn = boto3.client("stepfunctions", region_name=REGION)
        machine = sfn.create_state_machine(name="review-post", definition=definition, roleArn=role)["stateMachineArn"]
        answers = lambda_simple_backends[DEFAULT_ACCOUNT_ID][REGION].lambda_simple_results_queue

        def run(*queued: dict) -> tuple[dict, list[dict]]:
            answers.extend(json.dumps(answer) for answer in queued)
            execution = sfn.start_execution(stateMachineArn=machine, name=f"p{len(queued)}{time.monotonic_ns()}",
                                            input=json.dumps(START))["executionArn"]
            deadline = time.monotonic() + 30
            while (described := sfn.describe_execution(executionArn=execution))["status"] == "RUNNING":
                assert time.monotonic() < deadline, "the execution did not finish"
                time.sleep(0.05)
            return described, sfn.get_execution_history(executionArn=execution)["events"]

        yield run


def entered(events: list[dict]) -> list[str]:
    return [e["stateEnteredEventDetails"]["name"] for e in events if "stateEnteredEventDetails" in e]


GO = {"next": "publish", "until": None, "status": "publishing"}  # WhenToPublish: the time has come (or none)


def test_a_scheduled_post_waits_until_its_time_waits_again_when_it_moved_later_then_publishes(workflow):
    started = datetime.now(UTC)
    described, events = workflow(
        {"next": "wait", "until": _iso(started + timedelta(seconds=2)), "status": "scheduled"},
        {"status": "scheduled"},  # TellScheduled, on the first wait only
        {"next": "wait", "until": _iso(started + timedelta(seconds=4)), "status": "scheduled"},  # moved later
        GO,
        {"url": "https://x.com/understudy_org/status/1", "retryAt": None},
        {"status": "published"},  # TellPublished
    )

    assert described["status"] == "SUCCEEDED"
    assert entered(events) == ["NeedsReview", "WhenToPublish", "Scheduled", "TellScheduled", "WaitUntilPublishAt",
                               "WhenToPublish", "Scheduled", "WaitUntilPublishAt", "WhenToPublish", "Scheduled",
                               "Publish", "RateLimited", "TellPublished", "Done"]
    assert datetime.now(UTC) - started >= timedelta(seconds=2)  # it waited (moto counts whole seconds)
    asked = [json.loads(e["taskScheduledEventDetails"]["parameters"])["Payload"] for e in events
             if "taskScheduledEventDetails" in e]
    assert [a.get("event") for a in asked][:3] == ["when_to_publish", "scheduled", "when_to_publish"]
    assert asked[0]["execution"].startswith("p6")


def test_a_cancelled_or_superseded_scheduled_post_ends_without_publishing(workflow):
    started = datetime.now(UTC)
    described, events = workflow(
        {"next": "wait", "until": _iso(started + timedelta(seconds=1)), "status": "scheduled"},
        {"status": "scheduled"},  # TellScheduled
        {"next": "done", "until": None, "status": "withdrawn"},
    )

    assert described["status"] == "SUCCEEDED"
    assert entered(events)[-2:] == ["Scheduled", "Done"] and "Publish" not in entered(events)


def test_a_rate_limited_publish_waits_until_retry_at_then_publishes(workflow):
    started = datetime.now(UTC)
    # _iso drops the fraction and moto's Wait counts whole seconds, so 3 s ahead is at least 1 s of waiting.
    retry_at = started + timedelta(seconds=3)

    described, events = workflow(
        GO,
        {"url": None, "retryAt": _iso(retry_at)},
        {"url": None, "retryAt": "2020-01-01T00:00:00Z"},  # a reset time already past: no wait
        {"url": "https://x.com/understudy_org/status/1", "retryAt": None},
        {"status": "published"},  # TellPublished
    )

    assert described["status"] == "SUCCEEDED"
    assert entered(events) == ["NeedsReview", "WhenToPublish", "Scheduled", "Publish", "RateLimited",
                               "FirstRateLimit", "WaitForRateLimit",
                               "Publish", "RateLimited", "CountRateLimit", "WaitForRateLimit",
                               "Publish", "RateLimited", "TellPublished", "Done"]
    output = json.loads(described["output"])
    assert output["published"]["url"] == "https://x.com/understudy_org/status/1"
    assert output["rateLimit"] == {"rounds": 2}
    # It waited (moto's Wait counts whole seconds).
    assert datetime.now(UTC) - started >= timedelta(seconds=1)


def test_a_post_rate_limited_too_often_fails_through_mark_failed(workflow):
    past = {"url": None, "retryAt": "2020-01-01T00:00:00Z"}

    described, events = workflow(GO, *[past] * 6, {"status": "failed"})  # six refusals, then MarkFailed

    assert described["status"] == "FAILED"
    assert entered(events).count("WaitForRateLimit") == 5
    assert entered(events)[-3:] == ["RateLimitedTooLong", "MarkFailed", "Failed"]
    [scheduled] = [e["taskScheduledEventDetails"] for e in events if "taskScheduledEventDetails" in e
                   and json.loads(e["taskScheduledEventDetails"]["parameters"])["Payload"].get("event") == "failed"]
    error = json.loads(scheduled["parameters"])["Payload"]["error"]
    assert error["Error"] == "RateLimited" and "5 times" in error["Cause"]
