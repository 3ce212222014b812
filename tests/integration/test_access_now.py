"""Who may act is decided by the users table at the moment they act, not by an old token or link."""

from __future__ import annotations

import pytest

from tests.integration.conftest import claims_for
from tests.integration.test_review_links import link_token, submit_and_request_review

TRAINEE, AUTHOR, REVIEWER, ADMIN = ("trainee@example.org", "author@example.org",
                                    "reviewer@example.org", "admin@example.org")
SECOND = "second-admin@example.org"


def demote(api, who: str, by: str = ADMIN) -> None:
    answer = api("PATCH", f"/users/{who}", who=by, body={"roles": []})
    assert answer.status == 200 and answer.body["roles"] == [], answer.body


def untouched(api, post_id: str) -> dict:
    post = api("GET", f"/posts/{post_id}", who=ADMIN).body
    assert post["status"] == "pending_review" and post["feedback"] is None
    assert api("GET", "/audit", who=ADMIN, query={"post": post_id, "action": "decided"}).body["items"] == []
    return post


def test_a_demoted_reviewers_link_neither_shows_nor_decides_and_nothing_is_published(aws, api, task, review_link):
    post = submit_and_request_review(api, task)
    token = link_token(aws)
    demote(api, REVIEWER)

    seen = review_link("view", {"token": token})
    decided = review_link("decide", {"token": token, "decision": "approve", "feedback": ""})

    for answer in (seen, decided):
        assert answer.status == 403
        assert "no longer works for you" in answer.message and "no longer a reviewer" in answer.message
    assert "post" not in seen.body  # nothing of the post is shown to someone who lost the role
    untouched(api, post["id"])


def test_a_deactivated_reviewers_link_is_refused_and_says_why(aws, api, task, review_link):
    post = submit_and_request_review(api, task)
    token = link_token(aws)
    assert api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200

    decided = review_link("decide", {"token": token, "decision": "reject", "feedback": "no"})

    assert decided.status == 403 and "no longer works for you" in decided.message
    assert "deactivated" in decided.message
    untouched(api, post["id"])


def test_a_demoted_reviewers_old_token_cannot_decide_in_the_console(aws, api, task):
    post = submit_and_request_review(api, task)
    old_token = claims_for(REVIEWER)  # still says cognito:groups [reviewers]
    demote(api, REVIEWER)

    decided = api("POST", f"/posts/{post['id']}/decision", claims=old_token, body={"decision": "approve"})
    others = api("GET", f"/posts/{post['id']}", claims=old_token)

    assert decided.status == 403 and "reviewers and admins" in decided.message
    assert others.status == 403  # no longer sees other people's posts either
    untouched(api, post["id"])


def test_a_demoted_admins_old_token_is_refused_on_admin_routes(aws, api):
    assert api("POST", "/users", who=ADMIN, body={"email": SECOND, "roles": ["admins"]}).status == 201
    old_token = claims_for(ADMIN)  # cognito:groups [admins]
    demote(api, ADMIN, by=SECOND)

    for method, path, body in (("GET", "/users", None), ("GET", "/settings", None),
                               ("PUT", "/settings", {"remindAfterSeconds": 60}),
                               ("PATCH", f"/users/{TRAINEE}", {"trainingMode": False}),
                               ("DELETE", f"/users/{SECOND}", None), ("GET", "/audit", None)):
        answer = api(method, path, claims=old_token, body=body)
        assert answer.status == 403, (method, path, answer.body)
    assert api("GET", "/me", claims=old_token).body["roles"] == []
    trainee = api("GET", "/users", who=SECOND).body["items"]
    assert next(u for u in trainee if u["email"] == TRAINEE)["trainingMode"] is True


def test_someone_not_on_the_people_list_or_deactivated_is_403_with_a_reason_and_no_email_is_401(aws, api):
    stranger = api("GET", "/me", claims={"email": "stranger@example.org", "cognito:groups": "[admins]"})
    assert api("DELETE", f"/users/{AUTHOR}", who=ADMIN).status == 200
    gone = api("GET", "/me", who=AUTHOR)
    posting = api("POST", "/posts", who=AUTHOR, body={"channel": "demo", "text": "Still here?"})

    assert stranger.status == 403 and "not on this organisation's people list" in stranger.message
    assert gone.status == 403 and "deactivated" in gone.message
    assert posting.status == 403
    assert api("GET", "/me", claims={"name": "no email"}).status == 401


def test_emails_are_matched_whatever_their_case(aws, api):
    shouting_admin = {"email": "ADMIN@Example.ORG", "cognito:groups": "[]"}

    me = api("GET", "/me", claims=shouting_admin).body
    changed = api("PATCH", "/users/Trainee@Example.Org", claims=shouting_admin,
                  body={"mentors": ["Reviewer@EXAMPLE.org"]})
    progress = api("GET", "/users/TRAINEE@example.org/progress", who=TRAINEE)

    assert me["email"] == ADMIN and me["roles"] == ["admins"]
    assert changed.status == 200 and changed.body["email"] == TRAINEE and changed.body["mentors"] == [REVIEWER]
    assert progress.status == 200


@pytest.mark.parametrize("way", ["console", "link"])
def test_deciding_on_ones_own_post_is_refused_whatever_the_case_of_the_email(aws, api, task, review_link, way):
    from understudy import links

    assert api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"roles": ["reviewers"]}).status == 200
    post = submit_and_request_review(api, task)
    if way == "console":
        answer = api("POST", f"/posts/{post['id']}/decision", body={"decision": "approve"},
                     claims={"email": "Trainee@Example.ORG", "cognito:groups": "[reviewers]"})
    else:
        token = links.sign(post["id"], 1, "Trainee@Example.ORG", 2**31)
        answer = review_link("decide", {"token": token, "decision": "approve", "feedback": ""})

    assert answer.status == 403 and "your own post" in answer.message
    untouched(api, post["id"])


@pytest.mark.parametrize(("method", "path", "body", "who"), [
    ("GET", "/me", None, TRAINEE),
    ("POST", "/posts", {"channel": "demo", "text": "Read once"}, TRAINEE),
    ("GET", "/posts", None, REVIEWER),
    ("PATCH", f"/users/{TRAINEE}", {"trainingMode": True}, ADMIN),
])
def test_the_callers_record_is_read_once_per_request(aws, api, monkeypatch, method, path, body, who):
    from understudy import data

    reads: list[str] = []
    for name in ("get_user", "get_user_and_settings"):  # the caller's record, alone or with the settings
        real = getattr(data, name)
        monkeypatch.setattr(data, name, lambda email, real=real: reads.append(email) or real(email))

    first = api(method, path, who=who, body=body)
    second = api(method, path, who=who, body=body)

    assert first.status in (200, 201) and second.status in (200, 201)
    assert reads.count(who) == 2, "one read of the caller per request, none kept between requests"
