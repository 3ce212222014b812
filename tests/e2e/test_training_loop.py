"""The whole training-mode loop over HTTP against a running sandbox: real Cognito tokens, the real
ASL interpreter running review_post.asl.json, our handlers behind the gateway and the Lambda endpoint."""

from __future__ import annotations

import re
import uuid

import pytest

TRAINEE, AUTHOR, REVIEWER, ADMIN = ("trainee@example.org", "author@example.org",
                                    "reviewer@example.org", "admin@example.org")
LINK = re.compile(r"review\.html#token=([\w.-]+)&decision=(\w+)")


@pytest.fixture(scope="module")
def people(sandbox):
    return {who: sandbox.api(sandbox.sign_in(who)) for who in (TRAINEE, AUTHOR, REVIEWER, ADMIN)}


@pytest.fixture
def words():
    return f"Understudy check {uuid.uuid4().hex[:8]}"


def emails_about(sandbox, to: str, words: str) -> list[dict]:
    return [m for m in sandbox.outbox() if to in m["to"] and words in m["text"]]


def wait_for_email(sandbox, to: str, words: str, subject: str = "", count: int = 1) -> dict:
    def found():
        hits = [m for m in emails_about(sandbox, to, words) if subject in m["subject"]]
        return hits[count - 1] if len(hits) >= count else None
    return sandbox.wait_for(found, timeout=30)


def links_in(mail: dict) -> dict[str, str]:
    return {decision: token for token, decision in LINK.findall(mail["text"])}


def post_status(api, post_id: str) -> str:
    return api.get(f"/posts/{post_id}").json()["status"]


def wait_for_status(sandbox, api, post_id: str, status: str) -> dict:
    def reached():
        post = api.get(f"/posts/{post_id}").json()
        return post if post["status"] == status else None
    return sandbox.wait_for(reached, timeout=30)


def submit(api, text: str, note: str = "") -> dict:
    answer = api.post("/posts", json={"channel": "demo", "text": text, "note": note})
    assert answer.status_code == 201, answer.text
    return answer.json()


def review_link(sandbox, action: str, **body):
    import requests

    return requests.post(f"{sandbox.config['apiUrl']}/review-links/{action}", json=body, timeout=10)


def on_timeline(sandbox, post_id: str) -> list[dict]:
    return [entry for entry in sandbox.timeline() if entry["postId"] == post_id]


def test_approve_from_the_emailed_link_publishes_and_tells_the_trainee(sandbox, people, words):
    post = submit(people[TRAINEE], f"{words} <b>bold</b>", note="Is the tone right?")
    assert post["status"] == "pending_review"

    request = wait_for_email(sandbox, REVIEWER, words, "Review requested")
    assert "Is the tone right?" in request["text"] and "&lt;b&gt;bold&lt;/b&gt;" in request["html"]
    token = links_in(request)["approve"]
    assert set(links_in(request)) == {"approve", "request_changes", "reject"}

    opened = review_link(sandbox, "view", token=token)
    assert opened.status_code == 200 and opened.json()["open"] is True
    assert post_status(people[TRAINEE], post["id"]) == "pending_review"  # opening decides nothing

    decided = review_link(sandbox, "decide", token=token, decision="approve", feedback="Lovely, ship it")
    assert decided.status_code == 200, decided.text

    published = wait_for_status(sandbox, people[TRAINEE], post["id"], "published")
    [entry] = on_timeline(sandbox, post["id"])
    assert entry["text"] == f"{words} <b>bold</b>" and published["publishedUrl"] == entry["url"]
    assert published["feedback"]["feedback"] == "Lovely, ship it"
    told = wait_for_email(sandbox, TRAINEE, words, "Your post is live")
    assert "Lovely, ship it" in told["text"] and entry["url"] in told["text"]
    again = review_link(sandbox, "decide", token=token, decision="reject", feedback="No")
    assert again.status_code == 409 and "already decided" in again.json()["message"]


def test_changes_requested_then_revised_then_approved(sandbox, people, words):
    post = submit(people[TRAINEE], f"{words} first draft")
    first = links_in(wait_for_email(sandbox, REVIEWER, words, "Review requested"))
    review_link(sandbox, "decide", token=first["request_changes"], decision="request_changes",
                feedback="Mention the date").raise_for_status()

    told = wait_for_email(sandbox, TRAINEE, words, "Changes requested")
    assert "Mention the date" in told["text"]
    wait_for_status(sandbox, people[TRAINEE], post["id"], "changes_requested")
    revised = people[TRAINEE].put(f"/posts/{post['id']}", json={"text": f"{words} on Friday 4 Dec"})
    assert revised.status_code == 200 and revised.json()["revision"] == 2

    second = wait_for_email(sandbox, REVIEWER, f"{words} on Friday", "Review requested")
    assert "revision 2" in second["text"]
    stale = review_link(sandbox, "decide", token=first["approve"], decision="approve", feedback="")
    assert stale.status_code == 409  # the first email's link cannot decide revision 2
    review_link(sandbox, "decide", token=links_in(second)["approve"], decision="approve",
                feedback="Better").raise_for_status()

    wait_for_status(sandbox, people[TRAINEE], post["id"], "published")
    assert [e["text"] for e in on_timeline(sandbox, post["id"])] == [f"{words} on Friday 4 Dec"]


def test_reject_tells_the_trainee_and_publishes_nothing(sandbox, people, words):
    post = submit(people[TRAINEE], f"{words} hot take")
    token = links_in(wait_for_email(sandbox, REVIEWER, words, "Review requested"))["reject"]
    review_link(sandbox, "decide", token=token, decision="reject", feedback="Off brand").raise_for_status()

    told = wait_for_email(sandbox, TRAINEE, words, "not approved")
    assert "Off brand" in told["text"]
    assert post_status(people[TRAINEE], post["id"]) == "rejected"
    assert on_timeline(sandbox, post["id"]) == []


def test_withdraw_while_waiting_ends_the_review(sandbox, people, words):
    post = submit(people[TRAINEE], f"{words} maybe not")
    token = links_in(wait_for_email(sandbox, REVIEWER, words, "Review requested"))["approve"]

    withdrawn = people[TRAINEE].post(f"/posts/{post['id']}/withdraw")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "withdrawn"

    late = review_link(sandbox, "decide", token=token, decision="approve", feedback="")
    assert late.status_code == 409
    assert review_link(sandbox, "view", token=token).json()["open"] is False
    assert post_status(people[TRAINEE], post["id"]) == "withdrawn" and on_timeline(sandbox, post["id"]) == []


def test_author_not_in_training_goes_live_without_a_review_email(sandbox, people, words):
    post = submit(people[AUTHOR], f"{words} straight out")
    assert post["status"] == "publishing"

    wait_for_status(sandbox, people[AUTHOR], post["id"], "published")
    assert len(on_timeline(sandbox, post["id"])) == 1
    wait_for_email(sandbox, AUTHOR, words, "Your post is live")
    assert emails_about(sandbox, REVIEWER, words) == []


def test_admin_switches_training_off_and_the_trainee_posts_go_live(sandbox, people, words):
    switched = people[ADMIN].patch(f"/users/{TRAINEE}", json={"trainingMode": False})
    assert switched.status_code == 200
    try:
        assert people[TRAINEE].get("/me").json()["trainingMode"] is False
        post = submit(people[TRAINEE], f"{words} graduated")
        assert post["status"] == "publishing"
        wait_for_status(sandbox, people[TRAINEE], post["id"], "published")
        assert emails_about(sandbox, REVIEWER, words) == []
    finally:
        people[ADMIN].patch(f"/users/{TRAINEE}", json={"trainingMode": True}).raise_for_status()
    assert people[TRAINEE].get("/me").json()["trainingMode"] is True


def test_a_review_nobody_decides_expires_and_the_author_is_told(sandbox, people, words):
    admin = people[ADMIN]
    before = admin.get("/settings").json()
    admin.put("/settings", json={**before, "remindAfterSeconds": 1, "escalateAfterSeconds": 2,
                                 "expireAfterSeconds": 3}).raise_for_status()
    try:
        post = submit(people[TRAINEE], f"{words} nobody looked")
    finally:
        admin.put("/settings", json=before).raise_for_status()

    wait_for_status(sandbox, people[TRAINEE], post["id"], "expired")
    assert "expired" in wait_for_email(sandbox, TRAINEE, words, "expired")["subject"]
    token = links_in(wait_for_email(sandbox, REVIEWER, words, "Review requested"))["approve"]
    assert review_link(sandbox, "decide", token=token, decision="approve", feedback="").status_code in (409, 410)


def test_reviewer_decides_in_the_console_route(sandbox, people, words):
    post = submit(people[TRAINEE], f"{words} console decision")
    wait_for_email(sandbox, REVIEWER, words, "Review requested")

    answer = people[REVIEWER].post(f"/posts/{post['id']}/decision", json={"decision": "approve", "feedback": "ok"})
    assert answer.status_code == 200
    wait_for_status(sandbox, people[TRAINEE], post["id"], "published")


@pytest.mark.parametrize(("body", "status", "words_in_message"), [
    ({"channel": "demo", "text": ""}, 400, "empty"),
    ({"channel": "demo", "text": "x" * 281}, 400, "280"),
    ({"channel": "nowhere", "text": "hello"}, 400, "nowhere"),
    ({"text": "hello"}, 422, "channel"),
])
def test_bad_posts_are_refused_with_a_readable_message_and_nothing_is_kept(sandbox, people, body, status,
                                                                           words_in_message):
    def mine():  # not the whole posts: their image links are signed anew on every answer
        return [(p["id"], p["status"], p["updatedAt"])
                for p in people[TRAINEE].get("/posts", params={"mine": "true"}).json()["items"]]

    before = mine()
    answer = people[TRAINEE].post("/posts", json=body)

    assert answer.status_code == status and words_in_message in answer.json()["message"]
    assert mine() == before


def test_nobody_but_the_author_edits_and_only_in_the_right_state(sandbox, people, words):
    post = submit(people[TRAINEE], f"{words} mine")
    assert people[AUTHOR].put(f"/posts/{post['id']}", json={"text": "hijack"}).status_code == 403
    assert people[TRAINEE].put(f"/posts/{post['id']}", json={"text": "early"}).status_code == 409
    assert people[AUTHOR].post(f"/posts/{post['id']}/withdraw").status_code == 403
    assert people[TRAINEE].post(f"/posts/{post['id']}/decision",
                                json={"decision": "approve"}).status_code == 403
    assert post_status(people[TRAINEE], post["id"]) == "pending_review"


def test_forged_link_is_403(sandbox, words):
    answer = review_link(sandbox, "view", token="eyJwIjoieCJ9.c2lnbmF0dXJl")
    assert answer.status_code == 403 and "not valid" in answer.json()["message"]
