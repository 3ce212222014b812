"""The deploy-time setup (a custom resource): the link key in the format understudy.links reads,
written once; the first admin's record; always an answer to CloudFormation, never a secret in it."""

from __future__ import annotations

import base64
import importlib.util
import json

import boto3
import pytest
from moto import mock_aws

from infra.stack.setup import CODE_DIR


@pytest.fixture(scope="module")
def setup_handler():
    spec = importlib.util.spec_from_file_location("understudy_setup_handler", CODE_DIR / "handler.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def aws():
    with mock_aws():
        from understudy import data

        data.create_tables()
        secret = boto3.client("secretsmanager").create_secret(
            Name="link-key", SecretString=json.dumps({"current": "k1", "keys": {}, "placeholder": "x"}))
        yield secret["ARN"]


@pytest.fixture
def answers(setup_handler, monkeypatch):
    sent = []

    class Answer:
        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def read(self):
            return b""

    def urlopen(request, timeout):
        sent.append({"url": request.full_url, "method": request.get_method(), "body": json.loads(request.data)})
        return Answer()

    monkeypatch.setattr(setup_handler.urllib.request, "urlopen", urlopen)
    return sent


def event(kind: str, secret_arn: str, admin: str = "") -> dict:
    return {"RequestType": kind, "ResponseURL": "https://cloudformation-response.example/presigned",
            "StackId": "stack", "RequestId": "request", "LogicalResourceId": "Setup",
            "ResourceProperties": {"LinkKeySecretId": secret_arn, "AdminEmail": admin, "AdminName": "Ada"}}


def link_keys(secret_arn: str) -> dict:
    return json.loads(boto3.client("secretsmanager").get_secret_value(SecretId=secret_arn)["SecretString"])


def test_create_writes_a_32_byte_key_that_understudy_links_can_sign_with(setup_handler, aws, answers):
    setup_handler.lambda_handler(event("Create", aws), None)

    keys = link_keys(aws)
    assert keys["current"] == "k1" and set(keys["keys"]) == {"k1"}
    assert len(base64.urlsafe_b64decode(keys["keys"]["k1"])) == 32
    from understudy import links

    token = links.sign("post-1", 1, "rita@example.org", expires=4_000_000_000, keys=keys)
    assert links.verify(token, now=0, keys=keys).post_id == "post-1"
    (answer,) = answers
    assert answer["method"] == "PUT" and answer["body"]["Status"] == "SUCCESS"
    assert keys["keys"]["k1"] not in json.dumps(answer)


def test_a_later_deploy_keeps_the_key_in_use(setup_handler, aws, answers):
    setup_handler.lambda_handler(event("Create", aws), None)
    first = link_keys(aws)
    setup_handler.lambda_handler(event("Update", aws), None)
    assert link_keys(aws) == first
    assert [a["body"]["Status"] for a in answers] == ["SUCCESS", "SUCCESS"]
    assert answers[0]["body"]["PhysicalResourceId"]


def test_the_first_admin_gets_an_admin_record_out_of_training_once(setup_handler, aws, answers):
    from understudy import data

    setup_handler.lambda_handler(event("Create", aws, admin="ada@example.org"), None)
    user = data.get_user("ada@example.org")
    assert user.roles == frozenset({"admins"}) and user.training_mode is False and user.name == "Ada"
    data.save_user(user.__class__(email=user.email, name="Ada L.", roles=user.roles, training_mode=False,
                                  created_at=user.created_at))
    setup_handler.lambda_handler(event("Update", aws, admin="ada@example.org"), None)
    assert data.get_user("ada@example.org").name == "Ada L."  # an existing record is left alone


def test_delete_changes_nothing_and_still_answers(setup_handler, aws, answers):
    before = link_keys(aws)
    setup_handler.lambda_handler({**event("Delete", aws), "PhysicalResourceId": "setup-1"}, None)
    assert link_keys(aws) == before
    assert answers[0]["body"]["Status"] == "SUCCESS" and answers[0]["body"]["PhysicalResourceId"] == "setup-1"


def test_a_failure_is_reported_to_cloudformation_not_left_hanging(setup_handler, aws, answers):
    setup_handler.lambda_handler(event("Create", aws.replace("link-key", "missing")), None)
    (answer,) = answers
    assert answer["body"]["Status"] == "FAILED" and answer["body"]["Reason"]
