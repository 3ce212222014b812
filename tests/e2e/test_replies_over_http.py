"""Replies over HTTP: a post answers a public post on its channel's network, given that post's address;
the reviewer sees what it answers; X's refusal of a reply fails the post with X's words."""

from __future__ import annotations

import re

import pytest
import requests
from schedule_support import (
    ADMIN,
    AUTHOR,
    REFUSED_REPLY,
    REVIEWER,
    TRAINEE,
    StandInX,
    on_timeline,
    people,
    published_on_demo,
    schedule_sandbox,
    settled,
    stand_in_x,
)

__all__ = ["people", "schedule_sandbox", "stand_in_x"]  # fixtures, used by name
CREDENTIALS = {"apiKey": "key-e2e", "apiSecret": "secret-e2e", "accessToken": "token-e2e",
               "accessTokenSecret": "token-secret-e2e"}


def test_a_reply_on_the_local_timeline_shows_what_it_answers_and_goes_out_as_an_answer(schedule_sandbox, people,
                                                                                     unique_text):
    sandbox, trainee = schedule_sandbox, people[TRAINEE]
    original = published_on_demo(sandbox, people[AUTHOR], f"{unique_text} the bins are late <again>")

    reply = trainee.post("/posts", json={"channel": "demo", "text": f"{unique_text} sorry, on their way",
                                         "replyTo": original["url"]})
    assert reply.status_code == 201, reply.text
    assert reply.json()["replyTo"] == original["url"]
    answered = people[REVIEWER].get(f"/posts/{reply.json()['id']}/reply-to").json()["replyTo"]
    assert answered == {"url": original["url"], "text": original["text"]}
    request = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if REVIEWER in m["to"]
                                        and "sorry, on their way" in m["text"]], timeout=30)[0]
    assert f"In reply to: {original['url']}" in request["text"]
    token = re.search(r"review\.html#token=([\w.-]+)", request["text"])[1]
    viewed = requests.post(f"{sandbox.config['apiUrl']}/review-links/view", json={"token": token}, timeout=30)
    assert viewed.json()["answers"] == answered  # the emailed link's page shows it too

    approved = people[REVIEWER].post(f"/posts/{reply.json()['id']}/decision", json={"decision": "approve"})
    assert approved.status_code == 200, approved.text
    assert settled(sandbox, trainee, reply.json()["id"])["status"] == "published"
    [entry] = on_timeline(sandbox, reply.json()["id"])
    assert entry["inReplyTo"].startswith(f"{original['postId']}-")  # the answered post, by its id there
    submitted = next(a for a in people[ADMIN].get("/audit", params={"post": reply.json()["id"]}).json()["items"]
                     if a["action"] == "submitted")
    assert submitted["details"]["replyTo"] == original["url"]


@pytest.mark.parametrize("address", [
    "https://x.com/council/status/1234",               # another network's post
    "javascript:alert(1)",
    "{console}/outbox.html#post-nosuchpost",            # not on the timeline
    "{console}/index.html",
])
def test_an_address_the_channel_cannot_answer_is_refused_with_422_and_nothing_is_kept(schedule_sandbox, people,
                                                                                      unique_text, address):
    author = people[AUTHOR]
    before = len(author.get("/posts", params={"mine": "true"}).json()["items"])
    refused = author.post("/posts", json={"channel": "demo", "text": f"{unique_text} reply",
                                          "replyTo": address.format(console=schedule_sandbox.url)})
    assert refused.status_code == 422, refused.text
    assert "replyTo" in refused.text
    assert len(author.get("/posts", params={"mine": "true"}).json()["items"]) == before


def test_a_reply_x_refuses_fails_with_xs_message_and_the_author_and_admins_are_told(schedule_sandbox, people,
                                                                                   unique_text):
    sandbox = schedule_sandbox
    connected = people[ADMIN].post("/channels", json={"kind": "x", "name": f"X {unique_text[-6:]}", **CREDENTIALS})
    assert connected.status_code == 201, connected.text
    channel = connected.json()["id"]
    assert people[AUTHOR].post("/posts", json={"channel": channel, "text": "x", "replyTo": "https://x.com/home"}
                               ).status_code == 422

    reply = people[AUTHOR].post("/posts", json={"channel": channel, "text": f"{unique_text} we hear you",
                                                "replyTo": "https://twitter.com/council/status/777"})
    assert reply.status_code == 201, reply.text
    final = settled(sandbox, people[AUTHOR], reply.json()["id"])
    assert final["status"] == "failed" and REFUSED_REPLY in final["error"], final
    sent = [r for r in StandInX.requests if r["method"] == "POST" and unique_text in r["body"].get("text", "")]
    assert sent and all(r["body"]["reply"] == {"in_reply_to_tweet_id": "777"} for r in sent)

    told = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if unique_text in m["text"]
                                     and "could not be published" in m["subject"]], timeout=30)
    assert {AUTHOR, ADMIN} <= set(told[0]["to"]) and REFUSED_REPLY in told[0]["text"]
    # The reviewer's view reads the answered post through X's GET /2/tweets/:id.
    answered = people[REVIEWER].get(f"/posts/{reply.json()['id']}/reply-to").json()["replyTo"]
    assert answered == {"url": "https://twitter.com/council/status/777",
                        "text": "The council's post 777 <i>angry</i>"}
