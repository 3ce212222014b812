"""Admins manage people, guidelines and settings; everyone else is refused."""

from __future__ import annotations

import boto3
import pytest

TRAINEE, REVIEWER, ADMIN = "trainee@example.org", "reviewer@example.org", "admin@example.org"


def groups_of(aws, address: str) -> set[str]:
    answer = boto3.client("cognito-idp").admin_list_groups_for_user(UserPoolId=aws.pool_id, Username=address)
    return {g["GroupName"] for g in answer["Groups"]}


def test_admin_switches_training_mode_off_and_the_next_post_skips_review(aws, api):
    answer = api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"trainingMode": False})

    assert answer.status == 200 and answer.body["trainingMode"] is False
    assert api("GET", "/me").body["trainingMode"] is False
    post = api("POST", "/posts", body={"channel": "demo", "text": "Live now"}).body
    assert post["status"] == "publishing"


@pytest.mark.parametrize("who", [TRAINEE, REVIEWER])
def test_only_admins_manage_people(aws, api, who):
    assert api("GET", "/users", who=who).status == 403
    assert api("PATCH", f"/users/{TRAINEE}", who=who, body={"trainingMode": False}).status == 403
    assert api("POST", "/users", who=who, body={"email": "new@example.org"}).status == 403
    assert api("GET", "/me").body["trainingMode"] is True


def test_admin_lists_people(aws, api):
    people = api("GET", "/users", who=ADMIN).body["items"]
    assert {p["email"] for p in people} == {TRAINEE, REVIEWER, ADMIN, "author@example.org"}
    assert next(p for p in people if p["email"] == TRAINEE)["trainingMode"] is True


def test_invite_creates_the_cognito_user_in_its_groups(aws, api):
    answer = api("POST", "/users", who=ADMIN,
                 body={"email": "New.Person@Example.org", "name": "New Person", "roles": ["reviewers"]})

    assert answer.status == 201 and answer.body["email"] == "new.person@example.org"
    assert groups_of(aws, "new.person@example.org") == {"reviewers"}
    assert api("POST", "/users", who=ADMIN, body={"email": "new.person@example.org"}).status == 409
    assert api("POST", "/users", who=ADMIN, body={"email": "not-an-email"}).status == 400


def test_roles_change_in_cognito_and_unknown_roles_are_refused(aws, api):
    changed = api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"roles": ["reviewers"]})
    bad = api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"roles": ["superuser"]})
    self_demote = api("PATCH", f"/users/{ADMIN}", who=ADMIN, body={"roles": []})

    assert changed.body["roles"] == ["reviewers"] and groups_of(aws, TRAINEE) == {"reviewers"}
    assert bad.status == 400 and groups_of(aws, TRAINEE) == {"reviewers"}
    assert self_demote.status == 409 and groups_of(aws, ADMIN) == {"admins"}
    assert api("PATCH", "/users/ghost@example.org", who=ADMIN, body={"trainingMode": False}).status == 404


def test_guidelines_everyone_reads_admins_write(aws, api):
    assert "Be kind" in api("GET", "/guidelines").body["markdown"]
    assert api("PUT", "/guidelines", body={"markdown": "# Mine"}).status == 403

    saved = api("PUT", "/guidelines", who=ADMIN, body={"markdown": "# New\n\n- One rule\n"})
    assert saved.status == 200 and saved.body["updatedBy"] == ADMIN
    assert api("GET", "/guidelines").body["markdown"] == "# New\n\n- One rule\n"


def test_settings_are_validated_and_bad_values_change_nothing(aws, api):
    before = api("GET", "/settings", who=ADMIN).body
    bad = api("PUT", "/settings", who=ADMIN,
              body={"expireAfterSeconds": 0, "revisionExpireAfterSeconds": 60, "senderEmail": ""})
    good = api("PUT", "/settings", who=ADMIN,
               body={"expireAfterSeconds": 7 * 24 * 3600, "revisionExpireAfterSeconds": 7200,
                     "senderEmail": "social@example.org"})

    assert before["expireAfterSeconds"] == 7 * 24 * 3600
    assert bad.status == 400 and "Expire after" in bad.message
    assert good.status == 200
    assert api("GET", "/settings", who=ADMIN).body["senderEmail"] == "social@example.org"
    assert api("GET", "/settings").status == 403
