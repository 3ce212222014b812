"""What one post costs, measured in the sandbox: the real ASL interpreter's execution history gives the
state transitions and task invocations, moto's request recorder every DynamoDB and SES request the
handlers make. These are the figures README's cost table is computed from (run with -s to see them)."""

from __future__ import annotations

import base64
import json
import uuid
from collections import Counter
from dataclasses import dataclass

import boto3
import pytest
import requests

from tests.e2e.test_training_loop import AUTHOR, REVIEWER, TRAINEE, links_in, review_link, submit, wait_for_email

READS = {"GetItem", "Query", "BatchGetItem", "Scan"}
WRITES = {"PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"}


@dataclass
class Cost:
    transitions: int
    task_invocations: int
    http_requests: int
    dynamodb_reads: int
    dynamodb_writes: int
    emails: int

    @property
    def invocations(self) -> int:
        return self.task_invocations + self.http_requests


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """A sandbox of its own (nothing else runs in it) whose moto records every request."""
    from infra.sandbox.client import start_sandbox

    tmp = tmp_path_factory.mktemp("cost")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOTO_RECORDER_FILEPATH", str(tmp / "recording.jsonl"))
        running = start_sandbox(tmp / "sandbox")
    try:
        running.wait_until_serving()
        sandbox = running.client()
        people = {who: sandbox.api(sandbox.sign_in(who)) for who in (TRAINEE, AUTHOR, REVIEWER)}
        yield sandbox, people
    finally:
        running.process.terminate()
        running.process.wait(timeout=60)


def recorder(sandbox, action: str) -> requests.Response:
    method = requests.get if action == "download-recording" else requests.post
    answer = method(f"{sandbox.aws_endpoint}/moto-api/recorder/{action}", timeout=30)
    answer.raise_for_status()
    return answer


def _body(request: dict) -> str:
    body = request.get("body") or ""
    return base64.b64decode(body).decode("utf-8", "replace") if request.get("body_encoded") else body


def measure(sandbox, post_id: str, http_requests: int) -> Cost:
    """Once the post's execution has ended: what it took, from the history and the recording."""
    sfn = boto3.client("stepfunctions", endpoint_url=sandbox.aws_endpoint, region_name="us-east-1",
                       aws_access_key_id="sandbox", aws_secret_access_key="sandbox")  # noqa: S106 moto
    (machine,) = sfn.list_state_machines()["stateMachines"]
    arn = machine["stateMachineArn"].replace(":stateMachine:", ":execution:") + f":{post_id}"
    sandbox.wait_for(lambda: sfn.describe_execution(executionArn=arn)["status"] == "SUCCEEDED", timeout=60)
    kinds = Counter(event["type"] for event in
                    sfn.get_execution_history(executionArn=arn, maxResults=1000)["events"])

    calls = Counter()
    for line in recorder(sandbox, "download-recording").text.splitlines():
        request = json.loads(line)
        service, _, action = request["headers"].get("X-Amz-Target", "").partition(".")
        if service.startswith("DynamoDB_"):
            calls["read" if action in READS else "write" if action in WRITES else action] += 1
        elif "Action=SendRawEmail" in _body(request):  # SES's SendRawEmail (a query-protocol form)
            calls["email"] += 1
    return Cost(transitions=sum(n for kind, n in kinds.items() if kind.endswith("StateEntered")),
                task_invocations=kinds["TaskScheduled"] + kinds["LambdaFunctionScheduled"],
                http_requests=http_requests, dynamodb_reads=calls["read"], dynamodb_writes=calls["write"],
                emails=calls["email"])


def start(sandbox) -> None:
    recorder(sandbox, "stop-recording")
    recorder(sandbox, "reset-recording")
    recorder(sandbox, "start-recording")


def decide(sandbox, mail: dict, decision: str, feedback: str = "") -> int:
    """As a reviewer does from the email: open the link (view), then decide. Two requests."""
    token = links_in(mail)[decision]
    review_link(sandbox, "view", token=token).raise_for_status()
    review_link(sandbox, "decide", token=token, decision=decision, feedback=feedback).raise_for_status()
    return 2


def test_an_author_not_in_training(recorded):
    sandbox, people = recorded
    start(sandbox)
    post = submit(people[AUTHOR], f"cost {uuid.uuid4().hex[:8]} straight out")
    cost = measure(sandbox, post["id"], http_requests=1)
    print(f"\nnot in training: {cost}")
    assert cost.transitions == 7  # WhenToPublish and its Choice come before every Publish
    assert cost.task_invocations == 3 and cost.emails == 1  # when to publish, publish, notify (the author's email)


def test_a_first_time_approval(recorded):
    sandbox, people = recorded
    words = f"cost {uuid.uuid4().hex[:8]}"
    start(sandbox)
    post = submit(people[TRAINEE], f"{words} approved first time")
    requests_made = 1 + decide(sandbox, wait_for_email(sandbox, REVIEWER, words, "Review requested"), "approve")
    cost = measure(sandbox, post["id"], http_requests=requests_made)
    print(f"\nfirst-time approval: {cost}")
    assert cost.transitions == 9
    assert cost.task_invocations == 4 and cost.emails == 2  # the review request, the outcome


def test_one_round_of_changes(recorded):
    sandbox, people = recorded
    words = f"cost {uuid.uuid4().hex[:8]}"
    start(sandbox)
    post = submit(people[TRAINEE], f"{words} first draft")
    made = 1 + decide(sandbox, wait_for_email(sandbox, REVIEWER, words, "Review requested"), "request_changes",
                      "Say when")
    wait_for_email(sandbox, TRAINEE, words, "Changes requested")
    revised = people[TRAINEE].put(f"/posts/{post['id']}", json={"text": f"{words} on Friday"})
    assert revised.status_code == 200, revised.text
    made += 1 + decide(sandbox, wait_for_email(sandbox, REVIEWER, f"{words} on Friday", "Review requested"),
                       "approve")
    cost = measure(sandbox, post["id"], http_requests=made)
    print(f"\none round of changes: {cost}")
    assert cost.transitions == 13
    assert cost.task_invocations == 6  # request_review, notify (changes), request_review, when, publish, notify
    assert cost.emails == 4  # two review requests, changes requested, published
