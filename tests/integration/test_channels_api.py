"""Admins connect and remove X accounts; credentials are checked with X, kept in Secrets Manager and
never shown again: not in API answers, not in logs."""

from __future__ import annotations

import json
import logging

import boto3
import pytest
from understudy.channels import secret_name

from tests.integration.conftest import X_CREDENTIALS, X_ME, X_TWEETS

ADMIN, REVIEWER, TRAINEE, AUTHOR = "admin@example.org", "reviewer@example.org", "trainee@example.org", \
    "author@example.org"
ME = {"data": {"id": "1712000000000000000", "name": "Understudy Library", "username": "understudy_lib"}}
UNAUTHORIZED = {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
NEW = {"kind": "x", "name": "Library on X", **X_CREDENTIALS}


def stored_secret(channel_id: str) -> dict | None:
    client = boto3.client("secretsmanager")
    try:
        return json.loads(client.get_secret_value(SecretId=secret_name(channel_id))["SecretString"])
    except client.exceptions.ResourceNotFoundException:
        return None


def secret_values_in(text: str) -> list[str]:
    return [value for value in X_CREDENTIALS.values() if value in text]


def test_admin_connects_an_x_account_checked_with_get_me(aws, api, x_api):
    x_api.get(X_ME, json=ME)

    answer = api("POST", "/channels", who=ADMIN, body=NEW)

    assert answer.status == 201
    assert answer.body == {"id": "library-on-x", "name": "Library on X", "kind": "x", "handle": "understudy_lib"}
    [call] = x_api.calls
    assert call.request.method == "GET" and call.request.headers["Authorization"].startswith("OAuth ")
    assert stored_secret("library-on-x") == X_CREDENTIALS
    listed = api("GET", "/channels", who=TRAINEE).body["items"]
    assert {"id": "library-on-x", "name": "Library on X", "kind": "x", "handle": "understudy_lib"} in listed
    assert all(set(item) == {"id", "name", "kind", "handle"} for item in listed)
    assert secret_values_in(json.dumps(answer.body) + json.dumps(listed)) == []


def test_wrong_credentials_are_refused_at_once_and_nothing_is_stored(aws, api, x_api):
    x_api.get(X_ME, status=401, json=UNAUTHORIZED)

    answer = api("POST", "/channels", who=ADMIN, body=NEW)

    assert answer.status == 400
    assert "X did not accept these credentials (401: Unauthorized)" in answer.message
    assert secret_values_in(json.dumps(answer.body)) == []
    assert stored_secret("library-on-x") is None
    assert [c["id"] for c in api("GET", "/channels").body["items"]] == ["demo"]


@pytest.mark.parametrize("who", [TRAINEE, REVIEWER, AUTHOR])
def test_only_admins_connect_or_remove_channels(aws, api, x_api, x_channel, who):
    assert api("POST", "/channels", who=who, body=NEW).status == 403
    assert api("DELETE", "/channels/x-main", who=who).status == 403

    assert len(x_api.calls) == 0 and stored_secret("library-on-x") is None
    assert {c["id"] for c in api("GET", "/channels").body["items"]} == {"demo", "x-main"}


def test_a_name_whose_id_is_taken_is_a_conflict_and_x_is_not_asked(aws, api, x_api, x_channel):
    answer = api("POST", "/channels", who=ADMIN, body={**NEW, "name": "X  Main!"})

    assert answer.status == 409 and "'x-main'" in answer.message
    assert len(x_api.calls) == 0


def test_every_credential_is_required_and_only_x_can_be_connected(aws, api, x_api):
    missing = {key: value for key, value in NEW.items() if key != "accessTokenSecret"}
    assert api("POST", "/channels", who=ADMIN, body=missing).status == 422
    assert api("POST", "/channels", who=ADMIN, body={**NEW, "kind": "local"}).status == 422
    assert api("POST", "/channels", who=ADMIN, body={**NEW, "name": "!!!"}).status == 400
    assert len(x_api.calls) == 0


def test_validation_errors_do_not_echo_credentials(aws, api, x_api):
    answer = api("POST", "/channels", who=ADMIN, body={**NEW, "apiKey": "", "extra": X_CREDENTIALS["apiSecret"]})

    assert answer.status == 422 and secret_values_in(json.dumps(answer.body)) == []


def test_admin_removes_a_channel_and_its_secret_is_scheduled_for_deletion(aws, api, x_api, x_channel):
    answer = api("DELETE", "/channels/x-main", who=ADMIN)

    assert answer.status == 204
    assert [c["id"] for c in api("GET", "/channels").body["items"]] == ["demo"]
    described = boto3.client("secretsmanager").describe_secret(SecretId=secret_name("x-main"))
    assert "DeletedDate" in described
    assert api("DELETE", "/channels/x-main", who=ADMIN).status == 404
    post = api("POST", "/posts", who=AUTHOR, body={"channel": "x-main", "text": "Hello"})
    assert post.status == 400


def test_a_removed_channel_can_be_connected_again_under_its_name(aws, api, x_api, x_channel):
    x_api.get(X_ME, json=ME)
    api("DELETE", "/channels/x-main", who=ADMIN)

    renewed = {**NEW, "name": "X main", "accessToken": "1234-new", "accessTokenSecret": "ats-new"}
    answer = api("POST", "/channels", who=ADMIN, body=renewed)

    assert answer.status == 201 and answer.body["id"] == "x-main"
    assert stored_secret("x-main")["accessToken"] == "1234-new"
    assert "DeletedDate" not in boto3.client("secretsmanager").describe_secret(SecretId=secret_name("x-main"))


def test_credentials_never_appear_in_logs(aws, api, task, x_api, capsys, caplog):
    """Connect, publish, fail: with every logger at DEBUG, no credential is written anywhere."""
    from understudy.observability import logger

    caplog.set_level(logging.DEBUG)
    logger.setLevel("DEBUG")
    try:
        x_api.get(X_ME, json=ME)
        x_api.post(X_TWEETS, status=201, json={"data": {"id": "1", "text": "t"}})
        x_api.post(X_TWEETS, status=401, json=UNAUTHORIZED)
        assert api("POST", "/channels", who=ADMIN, body=NEW).status == 201
        for text in ("First post", "Second post"):
            post = api("POST", "/posts", who=AUTHOR, body={"channel": "library-on-x", "text": text}).body
            try:
                task("publish", {"postId": post["id"]})
            except Exception as exc:  # the second is refused (401): its message is logged by the handler
                logger.exception("publish failed", extra={"error": str(exc)})
        x_api.get(X_ME, status=401, json=UNAUTHORIZED)
        api("POST", "/channels", who=ADMIN, body={**NEW, "name": "Another"})
    finally:
        logger.setLevel("INFO")

    written = capsys.readouterr()
    everything = written.out + written.err + caplog.text
    assert "Channel connected" in everything and len(x_api.calls) == 4  # the logs were captured
    leaks = [line for line in everything.splitlines() if secret_values_in(line)]
    assert leaks == [], leaks[:5]
