"""Drive a sandbox from outside, over HTTP, as the console and a person do: the end-to-end tests and
``make bench`` use it. Needs ``requests`` (a dev dependency); the sandbox itself does not import this.

``start_sandbox(dir)`` runs ``python -m infra.sandbox.cli sandbox`` as a subprocess (output to a log
file); ``wait_until_serving()`` waits for /config.json; ``client()`` gives sign-in through Cognito's
endpoint, the API with an ID token, the outbox and the timeline.
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import requests

from infra.sandbox.seed import PASSWORD

ROOT = Path(__file__).resolve().parents[2]  # the repository, where `python -m infra.sandbox.cli` runs
STARTUP_SECONDS = 90
STOP_SECONDS = 10
AWS_ENDPOINT_LINE = re.compile(r"AWS endpoint \(moto\): (http://\S+)")
T = TypeVar("T")


TOTP_STEP = 30


def authenticator_code(secret: str, *, margin: float = 4.0) -> str:
    """The 6-digit code an authenticator app shows for a TOTP ``secret`` (RFC 6238: SHA-1, 30 s), as
    Cognito hands the secret out (base32, maybe unpadded). moto accepts only the current 30-second step,
    so when fewer than ``margin`` seconds of it are left this waits for the next one."""
    from cryptography.hazmat.primitives.hashes import SHA1
    from cryptography.hazmat.primitives.twofactor.totp import TOTP

    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    totp = TOTP(key, 6, SHA1(), TOTP_STEP, enforce_key_length=False)  # noqa: S303 SHA-1 is what RFC 6238 apps use
    left = TOTP_STEP - time.time() % TOTP_STEP
    if left < margin:
        time.sleep(left + 0.05)  # to the start of the next step, not a guess at how long anything takes
    return totp.generate(time.time()).decode()


class SandboxError(RuntimeError):
    """The sandbox did not start or stop as it should; the message ends with its output."""


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
        """Bounded: /config.json answers and the banner is printed, or SandboxError with the log."""
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SandboxError(f"the sandbox exited with {self.process.returncode} while starting:\n{self.log()}")
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
        self.process.wait()
        raise SandboxError(f"the sandbox did not answer within {STARTUP_SECONDS}s:\n{self.log()}")

    def stop(self, signum: int = signal.SIGTERM) -> int:
        """Send ``signum`` and wait; the exit code, or SandboxError (with the log) if it does not stop."""
        if self.process.poll() is None:
            self.process.send_signal(signum)
        try:
            return self.process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise SandboxError(f"the sandbox did not stop within {STOP_SECONDS}s of signal {signum}:\n"
                               f"{self.log()}") from None

    def client(self) -> Sandbox:
        return Sandbox(running=self, config=self.config)


def start_sandbox(tmp: Path, *options: str, port: int | None = None) -> SandboxProcess:
    """Start a sandbox on ``port`` (a free one by default) with extra CLI ``options``."""
    port = port or free_port()
    tmp.mkdir(parents=True, exist_ok=True)
    log_path = tmp / "sandbox.log"
    command = [sys.executable, "-m", "infra.sandbox.cli", "sandbox", "--port", str(port),
               "--state-dir", str(tmp / "state"), *options]
    with log_path.open("wb") as log:  # the child keeps its own handle
        process = subprocess.Popen(  # noqa: S603 this interpreter running our own module
            command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
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

    def execution_status(self, name: str) -> str:
        """The status of the review-post execution ``name`` (a post's id), looked up behind the public port."""
        import boto3

        from infra.sandbox.environment import REGION, STATE_MACHINE_ARN

        sfn = boto3.client("stepfunctions", endpoint_url=self.aws_endpoint, region_name=REGION,
                           aws_access_key_id="test", aws_secret_access_key="test")  # noqa: S106
        arn = STATE_MACHINE_ARN.replace(":stateMachine:", ":execution:") + f":{name}"
        return sfn.describe_execution(executionArn=arn)["status"]

    def cognito(self, action: str, body: dict) -> requests.Response:
        """A Cognito call exactly as the console's browser code makes it: unsigned JSON to cognitoEndpoint."""
        return requests.post(self.config["cognitoEndpoint"], data=json.dumps(body), timeout=30,
                             headers={"X-Amz-Target": f"AWSCognitoIdentityProviderService.{action}",
                                      "Content-Type": "application/x-amz-json-1.1"})

    def initiate_auth(self, email: str, password: str = PASSWORD) -> requests.Response:
        """The console's first sign-in step: tokens, or a challenge (a new password, an MFA code, MFA setup)."""
        return self.cognito("InitiateAuth", {"AuthFlow": "USER_PASSWORD_AUTH",
                                             "ClientId": self.config["userPoolClientId"],
                                             "AuthParameters": {"USERNAME": email, "PASSWORD": password}})

    def authenticate(self, email: str, password: str = PASSWORD) -> dict:
        answer = self.initiate_auth(email, password)
        assert answer.status_code == 200, f"sign-in as {email} failed: {answer.status_code} {answer.text}"
        return answer.json()["AuthenticationResult"]

    def sign_in(self, email: str, password: str = PASSWORD) -> str:
        """The person's Cognito ID token."""
        return self.authenticate(email, password)["IdToken"]

    def enable_totp(self, access_token: str) -> str:
        """Two-step sign-in set up as the console does it (AssociateSoftwareToken, VerifySoftwareToken with
        the app's code, SetUserMFAPreference); the secret, for later codes."""
        secret = self.cognito("AssociateSoftwareToken", {"AccessToken": access_token}).json()["SecretCode"]
        verified = self.cognito("VerifySoftwareToken", {"AccessToken": access_token,
                                                        "UserCode": authenticator_code(secret)})
        assert verified.status_code == 200 and verified.json()["Status"] == "SUCCESS", verified.text
        preferred = self.cognito("SetUserMFAPreference", {
            "AccessToken": access_token, "SoftwareTokenMfaSettings": {"Enabled": True, "PreferredMfa": True}})
        assert preferred.status_code == 200, preferred.text
        return secret

    def sign_in_with_code(self, email: str, password: str, secret: str) -> str:
        """The sign-in once two-step sign-in is on: password, the SOFTWARE_TOKEN_MFA challenge, the app's
        code. The ID token."""
        first = self.initiate_auth(email, password).json()
        assert first.get("ChallengeName") == "SOFTWARE_TOKEN_MFA", first
        answer = self.cognito("RespondToAuthChallenge", {
            "ChallengeName": "SOFTWARE_TOKEN_MFA", "ClientId": self.config["userPoolClientId"],
            "Session": first["Session"],
            "ChallengeResponses": {"USERNAME": email, "SOFTWARE_TOKEN_MFA_CODE": authenticator_code(secret)}})
        assert answer.status_code == 200, answer.text
        return answer.json()["AuthenticationResult"]["IdToken"]

    def first_sign_in(self, email: str, password: str = PASSWORD) -> dict:
        """First sign-in of someone an admin invited, as the console makes it: the temporary password
        from Cognito's invitation (in the outbox), then NEW_PASSWORD_REQUIRED answered with ``password``.
        Cognito's answer to that choice: tokens, or the next challenge."""
        def invitation():
            return next((m for m in self.outbox() if email in m["to"] and m["subject"] == "Your temporary password"),
                        None)

        temporary = self.wait_for(invitation)["text"].rsplit(" ", 1)[1].rstrip(".")
        first = self.initiate_auth(email, temporary).json()
        assert first.get("ChallengeName") == "NEW_PASSWORD_REQUIRED", first
        chosen = self.cognito("RespondToAuthChallenge", {
            "ChallengeName": "NEW_PASSWORD_REQUIRED", "ClientId": self.config["userPoolClientId"],
            "Session": first["Session"], "ChallengeResponses": {"USERNAME": email, "NEW_PASSWORD": password}})
        assert chosen.status_code == 200, chosen.text
        return chosen.json()

    def accept_invitation(self, email: str, password: str = PASSWORD) -> str:
        """The invited person's ID token after their first sign-in."""
        return self.first_sign_in(email, password)["AuthenticationResult"]["IdToken"]

    def join(self, admin_token: str, email: str, password: str, *, roles: tuple[str, ...] = (),
             name: str = "Newcomer") -> dict:
        """An admin invites ``email`` with ``roles``; the person makes their first sign-in (first_sign_in)."""
        invited = self.api(admin_token).post("/users", json={"email": email, "name": name, "roles": list(roles)})
        assert invited.status_code == 201, invited.text
        return self.first_sign_in(email, password)

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
