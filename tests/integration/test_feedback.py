"""Feedback that teaches: ticked guideline items and a suggested text, from the console and from a link,
kept on the revision and quoted (escaped) in the author's email."""

from __future__ import annotations

import re

REVIEWER = "reviewer@example.org"
KIND = "Be kind and specific."
LINKS = "Check every link."


def submit(api, task=None, text="Hello world, we are live"):
    post = api("POST", "/posts", body={"channel": "demo", "text": text}).body
    if task:
        assert task("request_review", {"postId": post["id"], "taskToken": "token-1"})["waiting"] is True
    return post


def link_token(aws) -> str:
    return re.search(r"review\.html#token=([\w.-]+)&decision=", aws.sent_emails()[-1]["text"]).group(1)


def test_a_decision_keeps_the_ticked_guideline_items_and_the_suggestion(aws, api):
    post = submit(api)

    answer = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                 body={"decision": "request_changes", "feedback": "Warmer.", "guidelines": [KIND, LINKS],
                       "suggestion": "Hello <b>everyone</b>, we are live!"})

    assert answer.status == 200
    feedback = api("GET", f"/posts/{post['id']}").body["revisions"][0]["feedback"]
    assert feedback["guidelines"] == [KIND, LINKS]
    assert feedback["suggestion"] == "Hello <b>everyone</b>, we are live!"
    decided = [e for e in api("GET", "/audit", who="admin@example.org").body["items"]
               if e["action"] == "decided"]
    assert decided[0]["details"]["guidelines"] == [KIND, LINKS]


def test_an_unknown_guideline_item_is_400_and_changes_nothing(aws, api):
    post = submit(api)

    unknown = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                  body={"decision": "reject", "feedback": "No.", "guidelines": ["Be rude."]})
    too_many = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                   body={"decision": "reject", "feedback": "No.", "guidelines": [KIND] * 21})

    assert unknown.status == 400 and "guideline" in unknown.message
    assert too_many.status in (400, 422)
    stored = api("GET", f"/posts/{post['id']}").body
    assert stored["status"] == "pending_review" and stored["revisions"][0]["feedback"] is None


def test_a_suggestion_too_long_to_post_is_400_and_changes_nothing(aws, api):
    post = submit(api)

    answer = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                 body={"decision": "request_changes", "feedback": "Longer.", "suggestion": "y" * 300})

    assert answer.status == 400 and "suggested text" in answer.message
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def test_a_link_shows_the_guideline_items_and_decides_with_items_and_a_suggestion(aws, api, task, review_link):
    post = submit(api, task)

    seen = review_link("view", {"token": link_token(aws)})
    bad = review_link("decide", {"token": link_token(aws), "decision": "request_changes", "feedback": "Hm",
                                 "guidelines": ["Not an item"]})
    decided = review_link("decide", {"token": link_token(aws), "decision": "request_changes",
                                     "feedback": "Kinder, please", "guidelines": [KIND],
                                     "suggestion": "Hello friends, we are live"})

    assert seen.body["guidelineItems"] == [KIND, "No confidential information.", LINKS]
    assert bad.status == 400
    assert decided.status == 200
    assert decided.body["decision"]["guidelines"] == [KIND]
    assert decided.body["decision"]["suggestion"] == "Hello friends, we are live"
    stored = api("GET", f"/posts/{post['id']}").body["feedback"]
    assert stored["via"] == "link" and stored["guidelines"] == [KIND]


def test_the_changes_requested_email_quotes_the_items_and_the_suggestion_escaped(aws, api, task):
    post = submit(api, task)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "request_changes", "feedback": "Warmer.", "guidelines": [KIND],
              "suggestion": "Hello <b>everyone</b> & all"})

    task("notify", {"event": "changes_requested", "postId": post["id"], "taskToken": "token-2"})

    email = aws.sent_emails()[-1]
    assert "Hello <b>everyone</b> & all" in email["text"] and KIND in email["text"]
    assert "Hello &lt;b&gt;everyone&lt;/b&gt; &amp; all" in email["html"]
    assert "<b>everyone" not in email["html"] and KIND in email["html"]
