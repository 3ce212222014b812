"""Mentors in the sandbox: a trainee's review request goes to the mentor an admin assigned, not to
every reviewer; the assignment is undone afterwards (the sandbox is shared by the session)."""

from __future__ import annotations

from tests.e2e.test_training_loop import ADMIN, REVIEWER, TRAINEE, emails_about, submit, wait_for_email


def test_a_trainees_post_goes_to_their_mentor(sandbox, unique_text):
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    assigned = admin.patch(f"/users/{TRAINEE}", json={"mentors": [ADMIN]})
    assert assigned.status_code == 200 and assigned.json()["mentors"] == [ADMIN], assigned.text
    try:
        post = submit(trainee, f"{unique_text} for my mentor")
        wait_for_email(sandbox, ADMIN, unique_text, "Review requested")
        assert emails_about(sandbox, REVIEWER, unique_text) == []
        listed = {p["email"]: p for p in admin.get("/users").json()["items"]}
        assert listed[TRAINEE]["mentors"] == [ADMIN]
    finally:
        admin.patch(f"/users/{TRAINEE}", json={"mentors": []}).raise_for_status()
    trainee.post(f"/posts/{post['id']}/withdraw").raise_for_status()
