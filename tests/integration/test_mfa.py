"""Two-step sign-in (TOTP MFA): the flag on a person's record follows what Cognito says, and an
organisation that requires MFA has the API refuse admin and reviewer routes until it is set up.

Cognito here is moto with TOTP checking on (MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP): each code is
computed from the secret AssociateSoftwareToken hands out, as an authenticator app would."""

from __future__ import annotations

import re

import boto3
import pytest
from understudy.auth import MFA_NEEDED

from tests.integration.conftest import enable_totp

ADMIN, REVIEWER, TRAINEE = "admin@example.org", "reviewer@example.org", "trainee@example.org"
PASSWORD = "Demo-pass-1"


@pytest.fixture
def totp(aws, monkeypatch):
    """``totp(email)``: the person sets up TOTP MFA in Cognito."""
    monkeypatch.setenv("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")
    return lambda email: enable_totp(aws.pool_id, email)


def test_the_flag_is_set_only_when_cognito_shows_totp_on(aws, api, totp):
    early = api("POST", "/me/mfa", who=ADMIN)
    assert early.status == 409 and "authenticator app" in early.message
    assert api("GET", "/me", who=ADMIN).body["mfaEnabled"] is False

    totp(ADMIN)
    done = api("POST", "/me/mfa", who=ADMIN)

    assert done.status == 200 and done.body == {"mfaEnabled": True, "mfaRequired": False}
    assert api("GET", "/me", who=ADMIN).body["mfaEnabled"] is True
    people = {p["email"]: p for p in api("GET", "/users", who=ADMIN).body["items"]}
    assert people[ADMIN]["mfaEnabled"] is True and people[REVIEWER]["mfaEnabled"] is False
    entries = api("GET", "/audit", who=ADMIN, query={"action": "mfa_changed"}).body["items"]
    assert [(e["user"], e["details"]["mfaEnabled"]) for e in entries] == [(ADMIN, True)]


def test_the_flag_follows_cognito_when_totp_is_turned_off(aws, api, totp):
    totp(REVIEWER)
    assert api("POST", "/me/mfa", who=REVIEWER).status == 200
    boto3.client("cognito-idp").admin_set_user_mfa_preference(
        UserPoolId=aws.pool_id, Username=REVIEWER, SoftwareTokenMfaSettings={"Enabled": False})

    again = api("POST", "/me/mfa", who=REVIEWER)

    assert again.status == 409
    assert api("GET", "/me", who=REVIEWER).body["mfaEnabled"] is False


def test_an_admin_without_mfa_cannot_require_it_and_nothing_changes(aws, api):
    refused = api("PUT", "/settings", who=ADMIN, body={"requireMfa": True})
    not_a_bool = api("PUT", "/settings", who=ADMIN, body={"requireMfa": "yes"})

    assert refused.status == 409 and "for yourself" in refused.message
    assert not_a_bool.status == 422
    assert api("GET", "/settings", who=ADMIN).body["requireMfa"] is False


def test_required_mfa_refuses_admin_and_reviewer_routes_until_it_is_set_up(aws, api, totp):
    totp(ADMIN)
    api("POST", "/me/mfa", who=ADMIN)
    turned_on = api("PUT", "/settings", who=ADMIN, body={"requireMfa": True})
    assert turned_on.status == 200 and turned_on.body["requireMfa"] is True
    post = api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "Hello from a trainee"})
    assert post.status == 201  # authors are not asked for MFA

    me = api("GET", "/me", who=REVIEWER).body
    decision = api("POST", f"/posts/{post.body['id']}/decision", who=REVIEWER, body={"decision": "approve"})
    queue = api("GET", "/posts", who=REVIEWER, query={"status": "pending_review"}).body["items"]

    assert me["mfaRequired"] is True and me["mfaEnabled"] is False
    assert api("GET", "/me", who=TRAINEE).body["mfaRequired"] is False
    assert decision.status == 403 and decision.message == MFA_NEEDED
    assert queue == []  # a reviewer's view of everyone's posts is withheld too
    assert api("GET", f"/posts/{post.body['id']}", who=REVIEWER).status == 403
    assert api("GET", f"/posts/{post.body['id']}", who=TRAINEE).body["status"] == "pending_review"

    totp(REVIEWER)
    assert api("POST", "/me/mfa", who=REVIEWER).body == {"mfaEnabled": True, "mfaRequired": True}
    approved = api("POST", f"/posts/{post.body['id']}/decision", who=REVIEWER, body={"decision": "approve"})
    assert approved.status == 200 and approved.body["status"] == "publishing"


def test_an_admin_without_mfa_is_told_why_on_every_admin_route(aws, api, totp):
    totp(ADMIN)
    api("POST", "/me/mfa", who=ADMIN)
    api("PUT", "/settings", who=ADMIN, body={"requireMfa": True})
    other = {"email": "second-admin@example.org", "name": "Second", "cognito:groups": ["admins"]}
    assert api("POST", "/users", who=ADMIN, body={"email": other["email"], "roles": ["admins"]}).status == 201

    answers = [api(method, path, claims=other, body=body) for method, path, body in (
        ("GET", "/users", None), ("GET", "/settings", None), ("PUT", "/guidelines", {"markdown": "# x"}),
        ("GET", "/audit", None), ("PATCH", f"/users/{TRAINEE}", {"trainingMode": False}))]

    assert [(a.status, a.message) for a in answers] == [(403, MFA_NEEDED)] * 5
    assert next(p for p in api("GET", "/users", who=ADMIN).body["items"] if p["email"] == TRAINEE)["trainingMode"]


def test_a_reviewer_without_mfa_cannot_decide_by_emailed_link_while_it_is_required(aws, api, task, review_link, totp):
    post = api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "Decided by link"}).body
    assert task("request_review", {"postId": post["id"], "taskToken": "token-1"})["waiting"] is True
    text = next(m["text"] for m in aws.sent_emails() if REVIEWER in m["to"])
    token = re.search(r"review\.html#token=([\w.-]+)&decision=approve", text).group(1)
    totp(ADMIN)
    api("POST", "/me/mfa", who=ADMIN)
    api("PUT", "/settings", who=ADMIN, body={"requireMfa": True})

    refused = review_link("decide", {"token": token, "decision": "approve", "feedback": ""})
    assert refused.status == 403 and refused.message == MFA_NEEDED
    assert review_link("view", {"token": token}).body["open"] is True  # opening it still shows the post
    assert api("GET", f"/posts/{post['id']}", who=TRAINEE).body["status"] == "pending_review"

    totp(REVIEWER)
    api("POST", "/me/mfa", who=REVIEWER)
    decided = review_link("decide", {"token": token, "decision": "approve", "feedback": ""})
    assert decided.status == 200 and decided.body["decision"]["reviewer"] == REVIEWER


def test_requiring_mfa_takes_effect_on_the_next_request_in_the_same_container(aws, api, totp):
    """The setting is read with the caller's record on every request, so no container acts on an old copy."""
    totp(ADMIN)
    assert api("POST", "/me/mfa", who=ADMIN).status == 200
    assert api("GET", "/users", who=REVIEWER).status == 403  # a reviewer is no admin either way
    assert api("GET", "/posts", who=REVIEWER, query={"status": "pending_review"}).status == 200

    assert api("PUT", "/settings", who=ADMIN, body={"requireMfa": True}).status == 200

    refused = api("POST", "/posts/nothing/decision", who=REVIEWER, body={"decision": "approve"})
    assert refused.status == 403 and refused.message == MFA_NEEDED
