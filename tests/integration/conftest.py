"""Handlers under moto (decorator mode): real DynamoDB, SES, Secrets Manager, Cognito and Step
Functions APIs in memory. The workflow itself does not run here (see tests/e2e for that); starting
an execution is recorded and can be inspected. Nor does Lambda's queue of asynchronous invokes (moto
would need Docker to run a function): an Event invoke our code makes is taken at the botocore client,
before it is sent, and kept in ``Aws.handed_off``; ``Aws.run_handed_off`` runs the real handlers on
those events afterwards, as Lambda would (tests/e2e run the whole path in the sandbox)."""

from __future__ import annotations

import base64
import contextlib
import email
import importlib.util
import json
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import boto3
import pytest
from moto import mock_aws
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Demo-pass-1"
PEOPLE = {  # email: (name, groups, training mode)
    "admin@example.org": ("Ada Admin", ["admins"], False),
    "reviewer@example.org": ("Rita Reviewer", ["reviewers"], False),
    "trainee@example.org": ("Tom <b>Trainee</b>", [], True),
    "author@example.org": ("Alex Author", [], False),
}
GUIDELINES = "# Our voice\n\n- Be kind and specific.\n- No confidential information.\n- Check every link.\n"


def load_handler(name: str):
    spec = importlib.util.spec_from_file_location(f"fn_{name}", ROOT / "functions" / name / "handler.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Context:
    function_name = "understudy-test"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:understudy-test"
    aws_request_id = "test-request"

    @staticmethod
    def get_remaining_time_in_millis() -> int:
        return 10_000


@dataclass
class Answer:
    status: int
    body: dict | list

    @property
    def message(self) -> str:
        return self.body.get("message", "") if isinstance(self.body, dict) else ""


def http_event(method: str, path: str, *, body=None, claims: dict | None = None, query: dict | None = None,
               route: str | None = None) -> dict:
    """An API Gateway v2 (HTTP API, payload 2.0) event, with claims stringified as the JWT authorizer does."""
    authorizer = None
    if claims is not None:
        authorizer = {"jwt": {"claims": {k: (f"[{' '.join(v)}]" if isinstance(v, list) else str(v))
                                         for k, v in claims.items()}, "scopes": None}}
    query = query or {}
    return {
        "version": "2.0", "routeKey": route or f"{method} {path}", "rawPath": path,
        "rawQueryString": "&".join(f"{k}={v}" for k, v in query.items()),
        "queryStringParameters": query or None,
        "headers": {"content-type": "application/json"},
        "requestContext": {"accountId": "123456789012", "apiId": "api", "domainName": "localhost",
                           "http": {"method": method, "path": path, "protocol": "HTTP/1.1",
                                    "sourceIp": "127.0.0.1", "userAgent": "pytest"},
                           "requestId": "r", "routeKey": route or f"{method} {path}", "stage": "$default",
                           "time": "29/Nov/2026:00:00:00 +0000", "timeEpoch": 0,
                           "authorizer": authorizer},
        "body": json.dumps(body) if body is not None else None, "isBase64Encoded": False,
    }


@dataclass
class Aws:
    pool_id: str
    # Asynchronous invokes made so far and not yet run: {"function": name, "event": payload}.
    handed_off: list[dict] = field(default_factory=list)

    def run_handed_off(self) -> list:
        """Run each asynchronous invoke made so far, oldest first, once, as Lambda would; their answers."""
        answers = []
        while self.handed_off:
            call = self.handed_off.pop(0)
            handler = load_handler(call["function"].removeprefix("understudy-"))
            answers.append(handler.lambda_handler(call["event"], Context()))
        return answers

    def sent_emails(self) -> list[dict]:
        """Every email SES accepted, parsed from the raw MIME we send."""
        backend = ses_backends[DEFAULT_ACCOUNT_ID]["us-east-1"]
        found = []
        for message in backend.sent_messages:
            raw = getattr(message, "raw_data", None)
            if raw is None:
                continue
            parsed = email.message_from_string(raw)
            parts = {p.get_content_type(): p.get_payload(decode=True).decode() for p in parsed.walk()
                     if not p.is_multipart()}
            found.append({"to": list(message.destinations), "subject": parsed["Subject"],
                          "text": parts.get("text/plain", ""), "html": parts.get("text/html", "")})
        return found

    def executions(self) -> list[dict]:
        sfn = boto3.client("stepfunctions")
        return sfn.list_executions(stateMachineArn=os.environ["STATE_MACHINE_ARN"])["executions"]


def _seed_cognito() -> str:
    idp = boto3.client("cognito-idp")
    pool = idp.create_user_pool(PoolName="understudy", UsernameAttributes=["email"])["UserPool"]["Id"]
    for group in ("admins", "reviewers"):
        idp.create_group(UserPoolId=pool, GroupName=group)
    for address, (name, groups, _) in PEOPLE.items():
        idp.admin_create_user(UserPoolId=pool, Username=address, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": address},
                                              {"Name": "name", "Value": name}])
        for group in groups:
            idp.admin_add_user_to_group(UserPoolId=pool, Username=address, GroupName=group)
    return pool


def _keep_asynchronous_invokes(kept: list[dict]):
    """A ``before-call`` hook that keeps each Event invoke of a Lambda function instead of sending it, and
    answers as Lambda does when it has queued the event (202)."""
    from botocore.awsrequest import AWSResponse

    def before_call(params: dict, **_):
        if params["headers"].get("X-Amz-Invocation-Type") != "Event":
            return None  # sent on to moto as usual
        kept.append({"function": unquote(params["url_path"].split("/")[3]), "event": json.loads(params["body"])})
        return AWSResponse(params["url"], 202, {}, None), {"StatusCode": 202}

    return before_call


@pytest.fixture
def aws(monkeypatch):
    from understudy import aws as understudy_aws

    handed_off: list[dict] = []
    keep = _keep_asynchronous_invokes(handed_off)
    # Clients copy their session's hooks when made: the hook is in place before any lambda client is.
    understudy_aws.session().register("before-call.lambda.Invoke", keep)
    try:
        with _mocked(monkeypatch) as pool:
            yield Aws(pool_id=pool, handed_off=handed_off)
    finally:
        understudy_aws.session().unregister("before-call.lambda.Invoke", keep)


@contextlib.contextmanager
def _mocked(monkeypatch):
    with mock_aws():
        from understudy import data
        from understudy.config import config
        from understudy.model import Channel, Guidelines, User, now_iso

        pool = _seed_cognito()
        monkeypatch.setenv("USER_POOL_ID", pool)
        config.cache_clear()
        data.create_tables()
        for address, (name, groups, training) in PEOPLE.items():
            data.save_user(User(address, name, frozenset(groups), training), new=True)
        data.put_channel(Channel("demo", "Demo timeline", "local"), "test", now_iso())
        data.put_guidelines(Guidelines(GUIDELINES, now_iso(), "test"))
        key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
        boto3.client("secretsmanager").create_secret(
            Name=config().link_key_secret, SecretString=json.dumps({"current": "k1", "keys": {"k1": key}}))
        boto3.client("ses").verify_email_identity(EmailAddress="understudy@example.org")
        boto3.client("s3").create_bucket(Bucket=config().media_bucket)
        sfn = boto3.client("stepfunctions")
        sfn.create_state_machine(name="understudy-review-post", roleArn="arn:aws:iam::123456789012:role/sfn",
                                 definition=json.dumps({"StartAt": "S", "States": {"S": {"Type": "Succeed"}}}))
        _clear_caches()
        yield pool
        _clear_caches()


def _clear_caches() -> None:
    """Clients and cached secrets are per mock: forget them between tests."""
    from understudy import directory, emails, leavers, media, secrets, workflow

    for cached in (workflow._client, emails._ses, directory._cognito, secrets._client, media._s3, media._signer,
                   leavers._lambda):
        cached.cache_clear()
    secrets.forget()


def claims_for(address: str) -> dict:
    name, groups, _ = PEOPLE.get(address, (address, [], True))
    return {"email": address, "name": name, "cognito:groups": groups, "token_use": "id"}


@pytest.fixture
def api():
    handler = load_handler("api")

    def call(method: str, path: str, *, who: str | None = "trainee@example.org", body=None,
             query: dict | None = None, claims: dict | None = None) -> Answer:
        event = http_event(method, path, body=body, query=query,
                           claims=claims if claims is not None else (claims_for(who) if who else None))
        response = handler.lambda_handler(event, Context())
        return Answer(response["statusCode"], json.loads(response["body"]) if response.get("body") else {})

    return call


@pytest.fixture
def review_link():
    handler = load_handler("review_link")

    def call(action: str, body: dict) -> Answer:
        response = handler.lambda_handler(http_event("POST", f"/review-links/{action}", body=body), Context())
        return Answer(response["statusCode"], json.loads(response["body"]))

    return call


@pytest.fixture
def task():
    """Invoke a workflow task function as Step Functions would."""
    def call(name: str, payload: dict):
        return load_handler(name).lambda_handler(payload, Context())

    return call


# --- X, intercepted at the HTTP layer -------------------------------------------------------------

X_CREDENTIALS = {"apiKey": "ck-4f8e2a", "apiSecret": "cs-91d7c3e6b5", "accessToken": "1234-at-77ab90",
                 "accessTokenSecret": "ats-5c3d1e0f42"}
X_HANDLE = "understudy_org"
X_TWEETS = re.compile(r"https://api\.(twitter|x)\.com/2/tweets$")
X_ME = re.compile(r"https://api\.(twitter|x)\.com/2/users/me(\?.*)?$")
X_MEDIA_UPLOAD = re.compile(r"https://api\.(twitter|x)\.com/2/media/upload$")
X_MEDIA_METADATA = re.compile(r"https://api\.(twitter|x)\.com/2/media/metadata$")


def uploaded(who: str, data: bytes) -> str:
    """An image put where the browser's presigned POST would put it; its upload key."""
    import uuid

    from understudy import media
    from understudy.config import config

    key = f"{media.upload_prefix(who)}{uuid.uuid4().hex}"
    boto3.client("s3").put_object(Bucket=config().media_bucket, Key=key, Body=data)
    return key


def picture(fmt: str = "PNG", colour=(10, 120, 200)) -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, fmt)
    return out.getvalue()


def submitted_with_images(api, who: str, channel: str, pictures: list[tuple[bytes, str]] | None = None) -> dict:
    """A post submitted with images (each uploaded as the browser would, with its alt text): by default a
    PNG and a JPEG picture of the reading room."""
    if pictures is None:
        pictures = [(picture("PNG"), "Shelves of books under a skylight"),
                    (picture("JPEG", (200, 0, 0)), "A red armchair by the window")]
    answer = api("POST", "/posts", who=who, body={
        "channel": channel, "text": "Our new reading room, in pictures",
        "media": [{"key": uploaded(who, data), "alt": alt} for data, alt in pictures]})
    assert answer.status == 201, answer.body
    return answer.body


@pytest.fixture
def x_api(aws):
    """X's API as tweepy reaches it: tweepy builds, signs and sends real requests through `requests`;
    the `responses` mock answers them. moto (decorator mode) keeps its own `responses` mock for AWS
    URLs and passes everything else on; override_responses_real_send makes it pass to this one.
    Anything not registered is refused (ConnectionError), so nothing reaches the internet."""
    import responses
    from moto.core.models import override_responses_real_send

    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        override_responses_real_send(mock)
        try:
            yield mock
        finally:
            override_responses_real_send(None)


@pytest.fixture
def x_channel(aws):
    """A connected X channel, id "x-main", its credentials in Secrets Manager."""
    from understudy import data
    from understudy.channels import secret_name
    from understudy.model import Channel, now_iso

    channel = Channel("x-main", "Our X account", "x", {"handle": X_HANDLE})
    data.put_channel(channel, "test", now_iso())
    boto3.client("secretsmanager").create_secret(Name=secret_name(channel.id), SecretString=json.dumps(X_CREDENTIALS))
    return channel


def enable_totp(pool_id: str, email: str, password: str = "Demo-pass-1") -> None:
    """The person sets up TOTP MFA in Cognito with their own access token, as the console does (moto checks
    the codes while MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP is set)."""
    from infra.sandbox.client import authenticator_code

    idp = boto3.client("cognito-idp")
    client_id = idp.create_user_pool_client(UserPoolId=pool_id, ClientName="console",
                                            ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH"])["UserPoolClient"]["ClientId"]
    idp.admin_set_user_password(UserPoolId=pool_id, Username=email, Password=password, Permanent=True)
    access = idp.initiate_auth(AuthFlow="USER_PASSWORD_AUTH", ClientId=client_id,
                               AuthParameters={"USERNAME": email, "PASSWORD": password}
                               )["AuthenticationResult"]["AccessToken"]
    secret = idp.associate_software_token(AccessToken=access)["SecretCode"]
    code = authenticator_code(secret)
    with pytest.raises(idp.exceptions.CodeMismatchException):  # moto really checks the code
        idp.verify_software_token(AccessToken=access, UserCode=f"{(int(code) + 1) % 10**6:06d}")
    idp.verify_software_token(AccessToken=access, UserCode=code)
    idp.set_user_mfa_preference(AccessToken=access, SoftwareTokenMfaSettings={"Enabled": True, "PreferredMfa": True})
