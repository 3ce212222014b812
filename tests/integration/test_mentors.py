"""Mentors: an admin assigns reviewers to a trainee; the trainee's review requests go to them first."""

from __future__ import annotations

import re

import pytest

TRAINEE, REVIEWER, ADMIN, AUTHOR = ("trainee@example.org", "reviewer@example.org", "admin@example.org",
                                    "author@example.org")
SECOND = "second@example.org"
LINK = re.compile(r"review\.html#token=([\w.-]+)&decision=approve")


@pytest.fixture
def second_reviewer(aws):
    import boto3
    from understudy import data
    from understudy.model import User

    idp = boto3.client("cognito-idp")
    idp.admin_create_user(UserPoolId=aws.pool_id, Username=SECOND, MessageAction="SUPPRESS",
                          UserAttributes=[{"Name": "email", "Value": SECOND}])
    idp.admin_add_user_to_group(UserPoolId=aws.pool_id, Username=SECOND, GroupName="reviewers")
    data.save_user(User(SECOND, "Sam Second", frozenset({"reviewers"}), False), new=True)
    return SECOND


def request_review(api, task, text="Mentored post"):
    post = api("POST", "/posts", body={"channel": "demo", "text": text}).body
    task("request_review", {"postId": post["id"], "taskToken": "t1"})
    return post


def recipients(aws) -> set[str]:
    return {address for mail in aws.sent_emails() for address in mail["to"]}


def test_admin_assigns_mentors_and_the_people_list_shows_them(aws, api, second_reviewer):
    answer = api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [SECOND, "Admin@Example.org"]})

    assert answer.status == 200 and answer.body["mentors"] == [ADMIN, SECOND]
    listed = {p["email"]: p for p in api("GET", "/users", who=ADMIN).body["items"]}
    assert listed[TRAINEE]["mentors"] == [ADMIN, SECOND] and listed[AUTHOR]["mentors"] == []
    [entry] = api("GET", "/audit", who=ADMIN, query={"action": "mentors_changed"}).body["items"]
    assert entry["details"] == {"person": TRAINEE, "before": "", "after": f"{ADMIN},{SECOND}"}


def test_a_trainees_review_request_goes_to_their_mentor_only(aws, api, task, second_reviewer):
    api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [SECOND]})
    request_review(api, task)
    assert recipients(aws) == {SECOND}


def test_without_mentors_every_reviewer_is_asked(aws, api, task, second_reviewer):
    request_review(api, task)
    assert recipients(aws) == {REVIEWER, SECOND}


def test_mentors_who_lost_their_role_fall_back_to_every_reviewer(aws, api, task, second_reviewer):
    api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [SECOND]})
    api("PATCH", f"/users/{SECOND}", who=ADMIN, body={"roles": []})
    request_review(api, task)
    assert recipients(aws) == {REVIEWER}


def test_clearing_mentors_with_an_empty_list(aws, api, second_reviewer):
    api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [SECOND]})
    assert api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": []}).body["mentors"] == []


@pytest.mark.parametrize(("mentors", "words"), [
    ([TRAINEE], "themself"),
    (["ghost@example.org"], "nobody called"),
    ([AUTHOR], "only reviewers and admins"),
])
def test_bad_mentors_are_refused_and_change_nothing(aws, api, mentors, words):
    answer = api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": mentors, "trainingMode": False})
    assert answer.status == 400 and words in answer.message
    me = next(p for p in api("GET", "/users", who=ADMIN).body["items"] if p["email"] == TRAINEE)
    assert me["mentors"] == [] and me["trainingMode"] is True


def test_only_admins_assign_mentors(aws, api):
    assert api("PATCH", f"/users/{TRAINEE}", who=REVIEWER, body={"mentors": [REVIEWER]}).status == 403


def test_the_first_decision_wins_and_the_other_mentors_link_names_who_decided(aws, api, task, review_link,
                                                                              second_reviewer):
    api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [REVIEWER, SECOND]})
    request_review(api, task)
    tokens = {mail["to"][0]: LINK.search(mail["text"]).group(1) for mail in aws.sent_emails()}

    first = review_link("decide", {"token": tokens[SECOND], "decision": "reject", "feedback": "Off-topic"})
    second = review_link("decide", {"token": tokens[REVIEWER], "decision": "approve"})
    seen = review_link("view", {"token": tokens[REVIEWER]})

    assert first.status == 200 and second.status == 409
    assert "Sam Second (second@example.org)" in second.message and "rejected it" in second.message
    assert seen.body["open"] is False and "Sam Second" in seen.body["reason"]
    assert seen.body["decision"]["reviewer"] == SECOND and seen.body["decision"]["decision"] == "reject"


def test_an_author_who_reviews_cannot_approve_their_own_post_from_a_link(aws, api, task, review_link):
    from understudy import links

    api("PATCH", f"/users/{REVIEWER}", who=ADMIN, body={"trainingMode": True})
    post = api("POST", "/posts", who=REVIEWER, body={"channel": "demo", "text": "My own"}).body
    assert post["status"] == "pending_review"
    task("request_review", {"postId": post["id"], "taskToken": "t1"})
    assert REVIEWER not in recipients(aws)  # nobody is asked to review their own post
    own = links.sign(post["id"], 1, REVIEWER, 2_000_000_000)
    answer = review_link("decide", {"token": own, "decision": "approve"})
    assert answer.status == 403 and "own post" in answer.message
    assert api("GET", f"/posts/{post['id']}", who=REVIEWER).body["status"] == "pending_review"
