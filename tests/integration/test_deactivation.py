"""Deactivating someone who left, and letting them back in without their old roles."""

from __future__ import annotations

import boto3
import pytest

from tests.integration.test_review_links import submit_and_request_review

TRAINEE, AUTHOR, REVIEWER, ADMIN = ("trainee@example.org", "author@example.org",
                                    "reviewer@example.org", "admin@example.org")
SECOND = "second-admin@example.org"


def cognito_user(aws, email: str) -> dict:
    idp = boto3.client("cognito-idp")
    user = idp.admin_get_user(UserPoolId=aws.pool_id, Username=email)
    groups = idp.admin_list_groups_for_user(UserPoolId=aws.pool_id, Username=email)["Groups"]
    return {"enabled": user["Enabled"], "groups": sorted(g["GroupName"] for g in groups)}


def person(api, email: str) -> dict:
    return next(u for u in api("GET", "/users", who=ADMIN).body["items"] if u["email"] == email)


def test_deactivating_a_trainee_withdraws_their_waiting_posts_with_a_reason_and_keeps_their_history(aws, api, task):
    waiting = submit_and_request_review(api, task)
    asked = submit_and_request_review(api, task, text="Second post")
    assert api("POST", f"/posts/{asked['id']}/decision", who=REVIEWER,
               body={"decision": "request_changes", "feedback": "Shorter"}).status == 200

    answer = api("DELETE", f"/users/{TRAINEE}", who=ADMIN)
    settled = aws.run_handed_off()

    assert answer.status == 200 and answer.body["active"] is False and answer.body["deactivatedBy"] == ADMIN
    assert settled == [{"withdrawn": 2, "mentorListsChanged": 0}]
    for post in (waiting, asked):
        seen = api("GET", f"/posts/{post['id']}", who=ADMIN).body
        assert seen["status"] == "withdrawn"
        assert seen["history"][-1]["detail"] == f"Tom <b>Trainee</b> was deactivated by {ADMIN}"
        [entry] = api("GET", "/audit", who=ADMIN, query={"post": post["id"], "action": "withdrawn"}).body["items"]
        assert entry["user"] == ADMIN and "was deactivated" in entry["details"]["reason"]
        assert seen["revisions"][0]["text"]  # the history stays
    assert person(api, TRAINEE)["active"] is False
    assert cognito_user(aws, TRAINEE) == {"enabled": False, "groups": []}
    [entry] = api("GET", "/audit", who=ADMIN, query={"action": "deactivated"}).body["items"]
    assert entry["user"] == ADMIN and entry["details"]["person"] == TRAINEE


def test_the_request_hands_what_they_leave_behind_to_notify(aws, api, task):
    """The answer comes before the waiting posts are withdrawn: those are one asynchronous invoke of
    notify, however many there are (tests/e2e: the workflows end too)."""
    post = submit_and_request_review(api, task)

    assert api("DELETE", f"/users/{TRAINEE}", who=ADMIN).status == 200

    assert aws.handed_off == [{"function": "understudy-notify",
                               "event": {"event": "deactivated", "person": TRAINEE, "by": ADMIN}}]
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "pending_review"
    aws.run_handed_off()
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "withdrawn"


def test_a_post_of_someone_just_deactivated_cannot_be_decided_before_it_is_withdrawn(aws, api, task):
    """Between the answer and the settling, a reviewer's decision is refused (checked in the decision's
    own transaction), so nothing by someone who left is approved in that moment."""
    post = submit_and_request_review(api, task)
    assert api("DELETE", f"/users/{TRAINEE}", who=ADMIN).status == 200

    refused = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})

    assert refused.status == 409 and f"{TRAINEE} has been deactivated" in refused.message
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "pending_review"
    assert not api("GET", "/audit", who=ADMIN, query={"action": "decided"}).body["items"]
    aws.run_handed_off()
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "withdrawn"


def test_settling_twice_changes_nothing_more(aws, api, task):
    """Lambda may deliver an event twice, and deactivating again hands it on again."""
    assert api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [REVIEWER]}).status == 200
    reviewer_post = api("POST", "/posts", who=REVIEWER, body={"channel": "demo", "text": "Mine"}).body
    assert api("PATCH", f"/users/{REVIEWER}", who=ADMIN, body={"trainingMode": True}).status == 200
    waiting = api("POST", "/posts", who=REVIEWER, body={"channel": "demo", "text": "Waiting"}).body
    assert api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200
    assert api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200

    assert aws.run_handed_off() == [{"withdrawn": 1, "mentorListsChanged": 1},
                                    {"withdrawn": 0, "mentorListsChanged": 0}]
    assert api("GET", f"/posts/{waiting['id']}", who=ADMIN).body["status"] == "withdrawn"
    assert api("GET", f"/posts/{reviewer_post['id']}", who=ADMIN).body["status"] != "withdrawn"
    assert len(api("GET", "/audit", who=ADMIN, query={"action": "withdrawn"}).body["items"]) == 1
    assert len(api("GET", "/audit", who=ADMIN, query={"action": "mentors_changed"}).body["items"]) == 2  # set, dropped
    assert len(api("GET", "/audit", who=ADMIN, query={"action": "deactivated"}).body["items"]) == 1


def test_nothing_is_settled_for_someone_reactivated_before_it_ran(aws, api, task):
    post = submit_and_request_review(api, task)
    assert api("DELETE", f"/users/{TRAINEE}", who=ADMIN).status == 200
    assert api("POST", f"/users/{TRAINEE}/reactivate", who=ADMIN).status == 200

    assert aws.run_handed_off() == [{"withdrawn": 0, "mentorListsChanged": 0}]
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "pending_review"


def test_a_deactivated_reviewer_loses_roles_leaves_mentor_lists_and_is_asked_nothing(aws, api, task):
    assert api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [REVIEWER]}).status == 200

    assert api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200
    aws.run_handed_off()
    submit_and_request_review(api, task)

    assert person(api, REVIEWER)["roles"] == []
    assert person(api, TRAINEE)["mentors"] == []
    assert cognito_user(aws, REVIEWER) == {"enabled": False, "groups": []}
    asked = aws.sent_emails()[-1]
    assert ADMIN in asked["to"] and "Review requested" in asked["subject"], "with no reviewer left, admins are asked"
    assert all(REVIEWER not in mail["to"] for mail in aws.sent_emails())
    [entry] = api("GET", "/audit", who=ADMIN, query={"action": "deactivated"}).body["items"]
    assert entry["details"]["roles"] == "reviewers"
    mentors = api("GET", "/audit", who=ADMIN, query={"action": "mentors_changed"}).body["items"]
    assert mentors[0]["details"]["after"] == "" and "deactivated" in mentors[0]["details"]["reason"]
    refused = api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [REVIEWER]})
    assert refused.status == 400 and "deactivated" in refused.message


def test_a_review_waiting_on_a_mentor_who_left_is_sent_on_to_the_others_at_the_reminder(aws, api, task):
    assert api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"mentors": [REVIEWER]}).status == 200
    post = submit_and_request_review(api, task)
    assert set(aws.sent_emails()[-1]["to"]) == {REVIEWER}

    assert api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200
    answer = task("request_review", {"phase": "remind", "postId": post["id"], "taskToken": "t2", "expireAfter": 90})

    reminder = aws.sent_emails()[-1]
    assert answer["waiting"] is True and "Reminder" in reminder["subject"]
    assert ADMIN in reminder["to"] and REVIEWER not in reminder["to"]


def test_reactivating_lets_them_back_in_as_a_plain_author_in_training(aws, api):
    assert api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200

    answer = api("POST", f"/users/{REVIEWER}/reactivate", who=ADMIN)

    assert answer.status == 200
    assert {k: answer.body[k] for k in ("active", "roles", "trainingMode")} == \
        {"active": True, "roles": [], "trainingMode": True}
    assert cognito_user(aws, REVIEWER) == {"enabled": True, "groups": []}
    assert api("GET", "/me", who=REVIEWER).body["roles"] == []
    [entry] = api("GET", "/audit", who=ADMIN, query={"action": "reactivated"}).body["items"]
    assert entry["user"] == ADMIN and entry["details"]["person"] == REVIEWER


@pytest.mark.parametrize(("who", "method", "path", "status", "words"), [
    (ADMIN, "DELETE", f"/users/{ADMIN}", 409, "cannot deactivate yourself"),
    (ADMIN, "DELETE", "/users/Admin@Example.org", 409, "cannot deactivate yourself"),
    (ADMIN, "DELETE", "/users/nobody@example.org", 404, "nobody"),
    (ADMIN, "POST", f"/users/{TRAINEE}/reactivate", 409, "active already"),
    (REVIEWER, "DELETE", f"/users/{TRAINEE}", 403, "Only admins"),
    (TRAINEE, "POST", f"/users/{AUTHOR}/reactivate", 403, "Only admins"),
])
def test_refusals_change_nothing(aws, api, who, method, path, status, words):
    answer = api(method, path, who=who)

    assert answer.status == status and words in answer.message
    assert all(u["active"] for u in api("GET", "/users", who=ADMIN).body["items"])


def test_inviting_someone_deactivated_says_to_reactivate_them(aws, api):
    assert api("DELETE", f"/users/{AUTHOR}", who=ADMIN).status == 200

    answer = api("POST", "/users", who=ADMIN, body={"email": "Author@Example.org", "roles": ["admins"]})

    assert answer.status == 409 and "reactivate them instead" in answer.message
    assert person(api, AUTHOR)["active"] is False and person(api, AUTHOR)["roles"] == []


def test_a_deactivated_person_cannot_be_changed_until_reactivated(aws, api):
    assert api("DELETE", f"/users/{AUTHOR}", who=ADMIN).status == 200

    answer = api("PATCH", f"/users/{AUTHOR}", who=ADMIN, body={"roles": ["admins"]})

    assert answer.status == 409 and "reactivate" in answer.message
    assert person(api, AUTHOR)["roles"] == [] and cognito_user(aws, AUTHOR)["groups"] == []


def test_deactivating_again_finishes_what_an_earlier_attempt_left(aws, api, task):
    """The record went first, then Cognito failed: a second DELETE completes the rest."""
    from understudy import data

    post = submit_and_request_review(api, task)
    trainee = data.get_user(TRAINEE)
    trainee.active = False
    data.save_user(trainee)

    answer = api("DELETE", f"/users/{TRAINEE}", who=ADMIN)
    aws.run_handed_off()

    assert answer.status == 200 and cognito_user(aws, TRAINEE)["enabled"] is False
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "withdrawn"


@pytest.mark.parametrize("change", ["deactivate", "demote"])
def test_two_admins_removing_each_other_at_once_leave_one_admin(aws, api, change):
    """Both requests read their caller as an active admin; the second to write is refused, because each
    write checks, in the same transaction, that its admin is still an active admin."""
    from understudy import people
    from understudy.auth import caller_for
    from understudy.errors import Conflict

    assert api("POST", "/users", who=ADMIN, body={"email": SECOND, "roles": ["admins"]}).status == 201
    first, second = caller_for(ADMIN), caller_for(SECOND)

    def remove(by, email):
        if change == "deactivate":
            return people.deactivate(by, email)
        return people.update(by, email, roles=[])

    remove(second, ADMIN)
    with pytest.raises(Conflict, match="no active admin"):
        remove(first, SECOND)

    listed = {u["email"]: u for u in api("GET", "/users", who=SECOND).body["items"]}
    assert listed[SECOND]["active"] is True and listed[SECOND]["roles"] == ["admins"]
