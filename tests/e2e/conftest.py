"""The sandbox over HTTP, started the way a person starts it (``python -m infra.sandbox.cli sandbox``).

One sandbox process serves the whole session. Tests talk to it only through its public port, as the
console does: Cognito sign-in through ``cognitoEndpoint``, the API at ``apiUrl`` with the ID token.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Demo-pass-1"
STARTUP_SECONDS = 90
STOP_SECONDS = 10
AWS_ENDPOINT_LINE = re.compile(r"AWS endpoint \(moto\): (http://\S+)")
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class SandboxProcess:
    """A running ``understudy sandbox``, its output going to a log file."""

    process: subprocess.Popen
    log_path: Path
    port: int
    aws_endpoint: str = ""
    config: dict = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def log(self, last: int = 200) -> str:
        lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-last:])

    def wait_until_serving(self) -> dict:
        """Bounded: /config.json answers and the banner is printed, or the test fails with the log."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"the sandbox exited with {self.process.returncode} while starting:\n{self.log()}")
            found = AWS_ENDPOINT_LINE.search(self.log())
            if found:
                try:
                    answer = requests.get(f"{self.url}/config.json", timeout=5)
                except requests.ConnectionError:
                    answer = None
                if answer is not None and answer.status_code == 200:
                    self.aws_endpoint, self.config = found[1], answer.json()
                    return self.config
            time.sleep(0.2)
        self.process.kill()
        pytest.fail(f"the sandbox did not answer within {STARTUP_SECONDS}s:\n{self.log()}")

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum`` and wait; the exit code, or a failure (with the log) if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            pytest.fail(f"the sandbox did not stop within {STOP_SECONDS}s of signal {signum}:\n{self.log()}")

    def client(self) -> Sandbox:
        return Sandbox(running=self, config=self.config)


def start_sandbox(tmp: Path, *options: str, port: int | None = None) -> SandboxProcess:
    """Start a sandbox on ``port`` (a free one by default) with extra CLI ``options``."""
    port = port or free_port()
    tmp.mkdir(parents=True, exist_ok=True)
    log_path = tmp / "sandbox.log"
    command = [sys.executable, "-m", "infra.sandbox.cli", "sandbox", "--port", str(port),
               "--state-dir", str(tmp / "state"), *options]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ, "PYTHONUNBUFFERED": "1"})
    return SandboxProcess(process=process, log_path=log_path, port=port)


class Api:
    """A thin client for ``apiUrl``: ``get/post/put/patch/delete(path, json=..., params=...)``."""

    def __init__(self, base: str, token: str | None):
        self.base = base.rstrip("/")
        self.session = requests.Session()
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def request(self, method: str, path: str, **kwargs) -> requests.Response:
        kwargs.setdefault("timeout", 30)
        return self.session.request(method, self.base + path, **kwargs)

    def get(self, path: str, **kwargs) -> requests.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs) -> requests.Response:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs) -> requests.Response:
        return self.request("PUT", path, **kwargs)

    def patch(self, path: str, **kwargs) -> requests.Response:
        return self.request("PATCH", path, **kwargs)

    def delete(self, path: str, **kwargs) -> requests.Response:
        return self.request("DELETE", path, **kwargs)


@dataclass
class Sandbox:
    """What tests use: the sandbox's address, its config.json, sign-in, the API and the local records."""

    running: SandboxProcess
    config: dict

    @property
    def url(self) -> str:
        return self.running.url

    @property
    def aws_endpoint(self) -> str:
        """moto's port (printed in the banner), for tests that look behind the public port."""
        return self.running.aws_endpoint

    def cognito(self, action: str, body: dict) -> requests.Response:
        """A Cognito call exactly as the console's browser code makes it: unsigned JSON to cognitoEndpoint."""
        return requests.post(self.config["cognitoEndpoint"], data=json.dumps(body), timeout=30,
                             headers={"X-Amz-Target": f"AWSCognitoIdentityProviderService.{action}",
                                      "Content-Type": "application/x-amz-json-1.1"})

    def authenticate(self, email: str, password: str = PASSWORD) -> dict:
        answer = self.cognito("InitiateAuth", {"AuthFlow": "USER_PASSWORD_AUTH",
                                               "ClientId": self.config["userPoolClientId"],
                                               "AuthParameters": {"USERNAME": email, "PASSWORD": password}})
        assert answer.status_code == 200, f"sign-in as {email} failed: {answer.status_code} {answer.text}"
        return answer.json()["AuthenticationResult"]

    def sign_in(self, email: str, password: str = PASSWORD) -> str:
        """The person's Cognito ID token."""
        return self.authenticate(email, password)["IdToken"]

    def api(self, token: str | None = None) -> Api:
        return Api(self.config["apiUrl"], token)

    def outbox(self) -> list[dict]:
        answer = requests.get(f"{self.url}/_local/outbox", timeout=30)
        answer.raise_for_status()
        return answer.json()

    def timeline(self) -> list[dict]:
        answer = requests.get(f"{self.url}/_local/timeline", timeout=30)
        answer.raise_for_status()
        return answer.json()

    @staticmethod
    def wait_for(predicate: Callable[[], T], timeout: float = 20, interval: float = 0.2) -> T:
        """Poll until ``predicate()`` returns something truthy, and return it."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"still not true after {timeout}s: {getattr(predicate, '__name__', predicate)}")
            time.sleep(interval)


@pytest.fixture(scope="session")
def sandbox_process(tmp_path_factory) -> SandboxProcess:
    running = start_sandbox(tmp_path_factory.mktemp("sandbox"), "--host", "127.0.0.1")
    running.wait_until_serving()
    yield running
    code = running.stop(signal.SIGTERM)
    assert code == 0, f"the sandbox exited with {code} on SIGTERM:\n{running.log()}"


@pytest.fixture(scope="session")
def sandbox(sandbox_process) -> Sandbox:
    return sandbox_process.client()


@pytest.fixture
def launch_sandbox(tmp_path):
    """Start an extra sandbox for one test: ``launch_sandbox(*cli_options)``; killed afterwards if still up."""
    launched: list[SandboxProcess] = []

    def launch(*options: str) -> SandboxProcess:
        running = start_sandbox(tmp_path / f"sandbox-{len(launched)}", *options)
        launched.append(running)
        running.wait_until_serving()
        return running

    yield launch
    for running in launched:
        if running.process.poll() is None:
            running.process.kill()
            running.process.wait()


@pytest.fixture
def unique_text() -> str:
    """Text no other test (or earlier run against the same sandbox) uses, to find this test's posts and emails."""
    return f"e2e {uuid.uuid4().hex[:10]}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing test against the sandbox shows the end of the sandbox's output."""
    outcome = yield
    report = outcome.get_result()
    sandbox = getattr(item, "funcargs", {}).get("sandbox")
    if report.failed and isinstance(sandbox, Sandbox):
        report.sections.append(("sandbox output (last 80 lines)", sandbox.running.log(80)))
