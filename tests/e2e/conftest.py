"""The sandbox over HTTP, started the way a person starts it (``python -m infra.sandbox.cli sandbox``).

One sandbox process serves the whole session. Tests talk to it only through its public port, as the
console does: Cognito sign-in through ``cognitoEndpoint``, the API at ``apiUrl`` with the ID token
(see infra/sandbox/client.py).
"""

from __future__ import annotations

import signal
import uuid
from dataclasses import dataclass

import pytest

from infra.sandbox.client import Sandbox, SandboxError, SandboxProcess, start_sandbox

ADMIN = "admin@example.org"


def _started(running: SandboxProcess) -> SandboxProcess:
    try:
        running.wait_until_serving()
    except SandboxError as error:
        pytest.fail(str(error))
    return running


@pytest.fixture(scope="session")
def sandbox_process(tmp_path_factory) -> SandboxProcess:
    running = _started(start_sandbox(tmp_path_factory.mktemp("sandbox"), "--host", "127.0.0.1"))
    yield running
    code = running.stop(signal.SIGTERM)
    assert code == 0, f"the sandbox exited with {code} on SIGTERM:\n{running.log()}"


@pytest.fixture(scope="session")
def sandbox(sandbox_process) -> Sandbox:
    return sandbox_process.client()


@dataclass
class Strict:
    """A sandbox whose organisation requires MFA of admins and reviewers."""

    sandbox: Sandbox
    admin_token: str  # the demo admin's ID token (they set up MFA to turn the setting on)
    admin_secret: str  # the admin's TOTP secret, for signing in again


@pytest.fixture(scope="session")
def strict(tmp_path_factory) -> Strict:
    """A second sandbox, since ``requireMfa`` is organisation-wide: its admin has set up TOTP and turned
    the setting on; everyone else is as seeded (no MFA)."""
    running = _started(start_sandbox(tmp_path_factory.mktemp("strict-sandbox"), "--host", "127.0.0.1"))
    try:
        sandbox = running.client()
        admin = sandbox.authenticate(ADMIN)
        secret = sandbox.enable_totp(admin["AccessToken"])
        admin_api = sandbox.api(admin["IdToken"])
        assert admin_api.post("/me/mfa").status_code == 200
        turned_on = admin_api.put("/settings", json={"requireMfa": True})
        assert turned_on.status_code == 200 and turned_on.json()["requireMfa"] is True, turned_on.text
        yield Strict(sandbox, admin["IdToken"], secret)
    finally:
        running.stop()


@pytest.fixture
def launch_sandbox(tmp_path):
    """Start an extra sandbox for one test: ``launch_sandbox(*cli_options)``; killed afterwards if still up."""
    launched: list[SandboxProcess] = []

    def launch(*options: str) -> SandboxProcess:
        running = start_sandbox(tmp_path / f"sandbox-{len(launched)}", *options)
        launched.append(running)
        return _started(running)

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
