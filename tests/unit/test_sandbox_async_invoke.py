"""The sandbox's Lambda endpoint runs an asynchronous invoke (``InvocationType=Event``) as Lambda does:
answered 202 at once, run afterwards, and run twice more if it fails, never a fourth time. Deactivating
someone relies on it (understudy.leavers hands what they leave behind to notify this way)."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.test import Client

from infra.functions import FunctionSpec
from infra.sandbox.lambda_endpoint import EVENT_RETRY_PAUSES, LambdaEndpoint, run_event
from infra.sandbox.lambda_runtime import LambdaFunction

# Counts its runs in a file beside it; fails the first ``failures`` of them.
HANDLER = '''
import pathlib
RUNS = pathlib.Path(__file__).with_name("runs")

def lambda_handler(event, context):
    runs = int(RUNS.read_text()) + 1 if RUNS.exists() else 1
    RUNS.write_text(str(runs))
    if runs <= event["failures"]:
        raise RuntimeError(f"run {runs} fails")
    return {"runs": runs}
'''


@dataclass(frozen=True)
class HereSpec(FunctionSpec):
    """A function whose handler lives in a test's own directory."""

    directory: Path = Path()

    @property
    def handler_file(self) -> Path:
        return self.directory / "handler.py"


def flaky(directory: Path) -> LambdaFunction:
    (directory / "handler.py").write_text(HANDLER)
    return LambdaFunction(HereSpec(name="flaky", description="fails at first", directory=directory))


@pytest.mark.parametrize(("failures", "runs", "succeeded"), [(0, 1, True), (2, 3, True), (5, 3, False)])
def test_an_event_is_run_and_run_again_twice_at_most_while_it_fails(tmp_path, failures, runs, succeeded):
    assert len(EVENT_RETRY_PAUSES) == 2  # Lambda retries an asynchronous invocation twice

    # The pauses between runs made nothing here, so the count is final when run_event returns.
    assert run_event(flaky(tmp_path), {"failures": failures}, pauses=(0.0, 0.0)) is succeeded
    assert int((tmp_path / "runs").read_text()) == runs


def test_the_endpoint_answers_an_event_at_once_and_runs_it_afterwards(tmp_path):
    moto = lambda environ, start_response: pytest.fail("not a request for moto")  # noqa: E731
    function = flaky(tmp_path)
    client = Client(LambdaEndpoint({function.name: function}, moto))

    answer = client.post("/2015-03-31/functions/understudy-flaky/invocations", data=json.dumps({"failures": 0}),
                         headers={"X-Amz-Invocation-Type": "Event"})

    assert answer.status_code == 202
    runs, deadline = tmp_path / "runs", time.monotonic() + 30
    while not runs.exists():
        assert time.monotonic() < deadline, "the invocation never ran"
        time.sleep(0.05)
    assert runs.read_text() == "1"
