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
from infra.sandbox.lambda_endpoint import LambdaEndpoint
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


@pytest.fixture
def endpoint(tmp_path):
    (tmp_path / "handler.py").write_text(HANDLER)
    function = LambdaFunction(HereSpec(name="flaky", description="fails at first", directory=tmp_path))
    moto = lambda environ, start_response: pytest.fail("not a request for moto")  # noqa: E731
    return Client(LambdaEndpoint({function.name: function}, moto)), tmp_path / "runs"


def runs_after_settling(runs: Path, at_least: int) -> int:
    """The run count once it reached ``at_least`` and stayed there past the longest retry pause."""
    deadline = time.monotonic() + 30
    while not (runs.exists() and int(runs.read_text()) >= at_least):
        assert time.monotonic() < deadline, "the invocation never ran"
        time.sleep(0.1)
    time.sleep(3)  # longer than a further retry would wait: a fourth run would show here
    return int(runs.read_text())


@pytest.mark.parametrize(("failures", "runs"), [(0, 1), (2, 3), (5, 3)])
def test_an_event_is_answered_at_once_then_run_and_retried_twice_at_most(endpoint, failures, runs):
    client, counted = endpoint

    answer = client.post("/2015-03-31/functions/understudy-flaky/invocations", data=json.dumps({"failures": failures}),
                         headers={"X-Amz-Invocation-Type": "Event"})

    assert answer.status_code == 202
    assert runs_after_settling(counted, runs) == runs
