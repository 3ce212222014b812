"""Someone leaves, or loses a role, in the sandbox: their links and tokens stop working at once, their
waiting posts are withdrawn with a reason, nobody emails them, and they can come back without their roles.

Each test invites its own people (the sandbox is shared by the session) and undoes what it assigns."""

from __future__ import annotations

import uuid

from tests.e2e.test_training_loop import (
    ADMIN,
    REVIEWER,
    emails_about,
    links_in,
    on_timeline,
    review_link,
    submit,
    wait_for_email,
    wait_for_status,
)


def invite(sandbox, admin, label: str, **fields) -> tuple[str, object]:
    """Someone new, signed in: their email and their API client."""
    email = f"{label}-{uuid.uuid4().hex[:8]}@example.org"
    answer = admin.post("/users", json={"email": email, "name": label.capitalize(), **fields})
    assert answer.status_code == 201, answer.text
    return email, sandbox.api(sandbox.accept_invitation(email))


def review_request(sandbox, reviewer: str, text: str) -> dict[str, str]:
    return links_in(wait_for_email(sandbox, reviewer, text, "Review requested"))


def mentors_of(admin, email: str) -> list[str]:
    return next(p for p in admin.get("/users").json()["items"] if p["email"] == email)["mentors"]


def test_a_demoted_reviewers_link_and_token_stop_working_and_nothing_is_published(sandbox, unique_text):
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    reviewer, reviewer_api = invite(sandbox, admin, "rowan", roles=["reviewers"], trainingMode=False)
    trainee, trainee_api = invite(sandbox, admin, "tess")
    assert admin.patch(f"/users/{trainee}", json={"mentors": [reviewer]}).status_code == 200
    post = submit(trainee_api, unique_text)
    approve = review_request(sandbox, reviewer, unique_text)["approve"]

    assert admin.patch(f"/users/{reviewer}", json={"roles": []}).status_code == 200
    by_link = review_link(sandbox, "decide", token=approve, decision="approve", feedback="")
    by_console = reviewer_api.post(f"/posts/{post['id']}/decision", json={"decision": "approve"})

    assert by_link.status_code == 403 and "no longer works for you" in by_link.json()["message"]
    assert by_console.status_code == 403
    assert trainee_api.get(f"/posts/{post['id']}").json()["status"] == "pending_review"
    assert on_timeline(sandbox, post["id"]) == []
    trainee_api.post(f"/posts/{post['id']}/withdraw").raise_for_status()


def test_deactivation_end_to_end(sandbox, unique_text):
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    reviewer, reviewer_api = invite(sandbox, admin, "riley", roles=["reviewers"], trainingMode=False)
    trainee, trainee_api = invite(sandbox, admin, "taylor")
    assert admin.patch(f"/users/{trainee}", json={"mentors": [reviewer]}).status_code == 200
    first = submit(trainee_api, f"{unique_text} first")
    links = review_request(sandbox, reviewer, f"{unique_text} first")
    refresh = sandbox.authenticate(reviewer)["RefreshToken"]

    # The reviewer leaves: their link, their token and their sign-in stop working; nobody asks them again.
    left = admin.delete(f"/users/{reviewer}")
    assert left.status_code == 200 and left.json()["active"] is False
    assert review_link(sandbox, "view", token=links["approve"]).status_code == 403
    assert review_link(sandbox, "decide", token=links["reject"], decision="reject", feedback="no").status_code == 403
    assert reviewer_api.get("/me").status_code == 403
    refused = sandbox.cognito("InitiateAuth", {"AuthFlow": "USER_PASSWORD_AUTH",
                                               "ClientId": sandbox.config["userPoolClientId"],
                                               "AuthParameters": {"USERNAME": reviewer, "PASSWORD": "Demo-pass-1"}})
    assert refused.status_code == 400 and "disabled" in refused.json()["message"]
    renewed = sandbox.cognito("InitiateAuth", {"AuthFlow": "REFRESH_TOKEN_AUTH",
                                               "ClientId": sandbox.config["userPoolClientId"],
                                               "AuthParameters": {"REFRESH_TOKEN": refresh}})
    assert renewed.status_code == 400 and "revoked" in renewed.json()["message"]  # signed out everywhere
    people = {p["email"]: p for p in admin.get("/users").json()["items"]}
    assert people[reviewer]["active"] is False
    # What they leave behind is settled just after the answer (notify, invoked asynchronously).
    sandbox.wait_for(lambda: not mentors_of(admin, trainee), timeout=30)
    [dropped] = admin.get("/audit", params={"action": "mentors_changed", "user": ADMIN}).json()["items"][:1]
    assert dropped["details"] == {"person": trainee, "before": reviewer, "after": "",
                                  "reason": f"Riley was deactivated by {ADMIN}"}
    second = submit(trainee_api, f"{unique_text} second")
    review_request(sandbox, REVIEWER, f"{unique_text} second")  # the remaining reviewers are asked instead
    assert emails_about(sandbox, reviewer, f"{unique_text} second") == []
    assert trainee_api.get(f"/posts/{first['id']}").json()["status"] == "pending_review"

    # The trainee leaves: each waiting post is withdrawn, says why, and its workflow ends.
    assert admin.delete(f"/users/{trainee}").status_code == 200
    for post in (first, second):
        withdrawn = wait_for_status(sandbox, admin, post["id"], "withdrawn")
        assert withdrawn["history"][-1]["detail"] == f"Taylor was deactivated by {ADMIN}"
        audit = admin.get("/audit", params={"post": post["id"], "action": "withdrawn"}).json()["items"]
        assert audit[0]["details"]["reason"] == f"Taylor was deactivated by {ADMIN}"
        sandbox.wait_for(lambda post=post: sandbox.execution_status(post["id"]) != "RUNNING", timeout=30)
        assert on_timeline(sandbox, post["id"]) == []
    actions = [e["action"] for e in admin.get("/audit", params={"user": ADMIN}).json()["items"][:8]]
    assert actions.count("deactivated") == 2

    # The reviewer comes back: they sign in with their password, with no role, and their old link stays dead.
    back = admin.post(f"/users/{reviewer}/reactivate")
    assert back.status_code == 200 and back.json()["roles"] == [] and back.json()["trainingMode"] is True
    again = sandbox.api(sandbox.sign_in(reviewer))
    assert again.get("/me").json()["roles"] == []
    assert again.get("/users").status_code == 403
    assert review_link(sandbox, "view", token=links["approve"]).status_code == 403
