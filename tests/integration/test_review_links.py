"""Review links: open without deciding, decide once, and refuse forged, tampered and expired tokens."""

from __future__ import annotations

import re
import time

from understudy import links

REVIEWER = "reviewer@example.org"


def submit_and_request_review(api, task, text="Hello <b>world</b>"):
    post = api("POST", "/posts", body={"channel": "demo", "text": text, "note": "Too formal?"}).body
    assert task("request_review", {"postId": post["id"], "taskToken": "token-1"})["waiting"] is True
    return post


def link_token(aws, decision="approve") -> str:
    text = aws.sent_emails()[-1]["text"]
    return re.search(rf"review\.html#token=([\w.-]+)&decision={decision}", text).group(1)


def test_opening_a_link_shows_post_and_guidelines_and_changes_nothing(aws, api, task, review_link):
    post = submit_and_request_review(api, task)

    seen = review_link("view", {"token": link_token(aws)})
    seen_again = review_link("view", {"token": link_token(aws)})

    assert seen.status == 200 and seen == seen_again
    assert seen.body["open"] is True and seen.body["reviewer"] == REVIEWER
    assert seen.body["post"]["text"] == "Hello <b>world</b>" and seen.body["post"]["note"] == "Too formal?"
    assert "Be kind" in seen.body["guidelines"]
    assert "taskToken" not in str(seen.body) and "token-1" not in str(seen.body)
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def test_deciding_from_a_link_records_the_reviewer_and_a_second_decision_is_409(aws, api, task, review_link):
    post = submit_and_request_review(api, task)

    first = review_link("decide", {"token": link_token(aws), "decision": "request_changes",
                                   "feedback": "Warmer, please"})
    second = review_link("decide", {"token": link_token(aws), "decision": "approve", "feedback": ""})
    after = review_link("view", {"token": link_token(aws)})

    assert first.status == 200 and first.body["decision"]["reviewer"] == REVIEWER
    assert second.status == 409 and "already decided" in second.message
    assert after.body["open"] is False and after.body["decision"]["feedback"] == "Warmer, please"
    stored = api("GET", f"/posts/{post['id']}").body
    assert stored["status"] == "changes_requested" and stored["feedback"]["via"] == "link"


def test_a_tampered_token_is_403_and_changes_nothing(aws, api, task, review_link):
    post = submit_and_request_review(api, task)
    token = link_token(aws)
    payload, signature = token.split(".")
    other = links._b64(links._unb64(payload).replace(b'"r":1', b'"r":2'))

    for forged in (f"{other}.{signature}", f"{payload}.{signature[:-2]}xx", "garbage", "a.b.c"):
        answer = review_link("decide", {"token": forged, "decision": "approve", "feedback": ""})
        assert answer.status == 403, forged
        assert "not valid" in answer.message
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def test_an_expired_link_is_410(aws, api, task, review_link):
    post = submit_and_request_review(api, task)
    expired = links.sign(post["id"], 1, REVIEWER, int(time.time()) - 1)

    for action, body in (("view", {}), ("decide", {"decision": "approve", "feedback": ""})):
        answer = review_link(action, {"token": expired, **body})
        assert answer.status == 410 and "expired" in answer.message
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def test_a_link_for_an_old_revision_cannot_decide_the_new_one(aws, api, task, review_link):
    post = submit_and_request_review(api, task)
    old = link_token(aws, "request_changes")
    review_link("decide", {"token": old, "decision": "request_changes", "feedback": "Again"})
    task("notify", {"event": "changes_requested", "postId": post["id"], "taskToken": "token-2"})
    api("PUT", f"/posts/{post['id']}", body={"text": "Second try"})

    view = review_link("view", {"token": old})
    decide = review_link("decide", {"token": old, "decision": "approve", "feedback": ""})

    assert view.body["open"] is False and "revision 1" in view.body["reason"]
    assert decide.status == 409
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def test_malformed_link_requests_are_400_with_a_message(aws, review_link):
    for action, body in (("view", {}), ("view", {"token": 5}), ("view", {"token": "t", "extra": 1}),
                         ("decide", {"token": "t", "decision": "maybe"}),
                         ("decide", {"token": "t", "decision": "approve", "feedback": ["x"]})):
        answer = review_link(action, body)
        assert answer.status == 400 and answer.message, (action, body)
