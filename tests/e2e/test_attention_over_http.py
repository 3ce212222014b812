"""Needs attention through the whole sandbox over HTTP: the local channel's demo switch fails a
publish, the post is listed for admins with what happened, and each action is refused or done as the
case allows: audited, the author emailed, and a post published again reaches the timeline once."""

from __future__ import annotations

import threading

from attention_support import ADMIN, AUTHOR, REVIEWER, fail_next, own_sandbox, post_that_fails, settled

__all__ = ["own_sandbox"]  # the fixture, used by name


def _mail_for(sandbox, text: str, subject: str) -> dict | None:
    return next((m for m in sandbox.outbox() if m["subject"] == subject and text in m["text"]), None)


def _listed(admin, post_id: str) -> dict | None:
    return next((i for i in admin.get("/attention").json()["items"] if i["id"] == post_id), None)


def _audited(admin, post_id: str, action: str) -> list[dict]:
    return admin.get("/audit", params={"post": post_id, "action": action}).json()["items"]


def test_a_refused_post_is_published_again_exactly_once(own_sandbox, unique_text):
    sandbox = own_sandbox
    admin, author = sandbox.api(sandbox.sign_in(ADMIN)), sandbox.api(sandbox.sign_in(AUTHOR))
    post = post_that_fails(sandbox, author, "refused", f"{unique_text} refused once")

    item = sandbox.wait_for(lambda: _listed(admin, post["id"]))
    assert item["attention"]["case"] == "not_published"
    assert "demo timeline refused the post" in item["attention"]["what"]
    assert item["attention"]["revision"] == 1 and item["attention"]["at"]
    assert item["attention"]["actions"] == ["publish_again", "mark_live", "close"]
    assert author.get("/attention").status_code == 403
    assert author.post(f"/posts/{post['id']}/attention", json={"action": "publish_again"}).status_code == 403

    again = admin.post(f"/posts/{post['id']}/attention", json={"action": "publish_again", "note": "Try once more"})
    assert again.status_code == 200, again.text
    assert admin.post(f"/posts/{post['id']}/attention", json={"action": "publish_again"}).status_code == 409

    assert settled(sandbox, author, post["id"])["status"] == "published"
    assert [e["text"] for e in sandbox.timeline() if e["postId"] == post["id"]] == [post["text"]]
    assert _listed(admin, post["id"]) is None
    [entry] = _audited(admin, post["id"], "publish_retried")
    assert entry["user"] == ADMIN and entry["details"]["note"] == "Try once more"
    told = _mail_for(sandbox, unique_text, "Your post is being published again")
    assert told and told["to"] == [AUTHOR] and "Try once more" in told["text"]
    assert sandbox.wait_for(lambda: _mail_for(sandbox, unique_text, "Your post is live"))


def test_a_post_in_doubt_is_never_published_again_and_is_marked_live_with_a_checked_address(own_sandbox,
                                                                                           unique_text):
    sandbox = own_sandbox
    admin, author = sandbox.api(sandbox.sign_in(ADMIN)), sandbox.api(sandbox.sign_in(AUTHOR))
    post = post_that_fails(sandbox, author, "uncertain", f"{unique_text} in doubt")
    assert post["needsCheck"] is True
    item = sandbox.wait_for(lambda: _listed(admin, post["id"]))
    assert item["attention"]["case"] == "needs_check" and item["attention"]["actions"] == ["mark_live", "close"]

    refused = admin.post(f"/posts/{post['id']}/attention", json={"action": "publish_again"})
    assert refused.status_code == 409 and "not known whether this post went out" in refused.json()["message"]
    address = f"{sandbox.url}/outbox.html#post-{post['id']}"
    for bad in ("https://evil.example/outbox.html", "javascript:alert(1)", f"{sandbox.url}/outbox.html#post-other"):
        answer = admin.post(f"/posts/{post['id']}/attention", json={"action": "mark_live", "url": bad})
        assert answer.status_code == 422, (bad, answer.text)
        assert answer.json()["errors"][0]["field"] == "url"
    assert admin.post(f"/posts/{post['id']}/attention", json={"action": "mark_live"}).status_code == 422
    assert author.get(f"/posts/{post['id']}").json()["status"] == "failed"  # nothing changed by the refusals
    assert sandbox.timeline() == [e for e in sandbox.timeline() if e["postId"] != post["id"]]

    live = admin.post(f"/posts/{post['id']}/attention", json={"action": "mark_live", "url": address})
    assert live.status_code == 200, live.text
    assert live.json()["status"] == "published" and live.json()["publishedUrl"] == address
    assert admin.post(f"/posts/{post['id']}/attention",
                      json={"action": "mark_live", "url": address}).status_code == 409
    [entry] = _audited(admin, post["id"], "marked_live")
    assert entry["user"] == ADMIN and entry["details"]["url"] == address
    told = _mail_for(sandbox, unique_text, "Your post is live")
    assert told and told["to"] == [AUTHOR] and address in told["text"]


def test_two_admins_close_at_once_one_wins_and_the_author_gets_the_escaped_note(own_sandbox, unique_text):
    sandbox = own_sandbox
    author = sandbox.api(sandbox.sign_in(AUTHOR))
    admins = [sandbox.api(sandbox.sign_in(ADMIN)) for _ in range(2)]
    post = post_that_fails(sandbox, author, "refused", f"{unique_text} to close")
    path = f"/posts/{post['id']}/attention"

    assert admins[0].post(path, json={"action": "close"}).status_code == 422  # a note is needed
    assert sandbox.api(sandbox.sign_in(REVIEWER)).post(path, json={"action": "close", "note": "x"}).status_code == 403
    answers, start = [], threading.Barrier(2)

    def close(api, note):
        start.wait()
        answers.append(api.post(path, json={"action": "close", "note": note}))

    notes = ["<b>Out of date</b> now", "Duplicate of another post"]
    threads = [threading.Thread(target=close, args=pair) for pair in zip(admins, notes, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
    won = next(a for a in answers if a.status_code == 200).json()
    assert won["status"] == "failed" and won["closed"]["by"] == ADMIN
    assert _listed(admins[0], post["id"]) is None
    assert len(_audited(admins[0], post["id"], "attention_closed")) == 1
    told = [m for m in sandbox.outbox() if m["subject"] == "An admin closed your post's problem"
            and unique_text in m["text"]]
    assert len(told) == 1 and told[0]["to"] == [AUTHOR]
    if won["closed"]["note"] == notes[0]:
        assert "&lt;b&gt;Out of date&lt;/b&gt;" in told[0]["html"] and "<b>Out" not in told[0]["html"]


def test_the_fail_next_switch_takes_only_known_outcomes_as_json(own_sandbox):
    import requests

    url = f"{own_sandbox.url}/_local/fail-next"
    assert requests.post(url, json={"outcome": "explode"}, timeout=30).status_code == 422
    assert requests.post(url, data="outcome=refused", timeout=30).status_code == 415
    assert requests.get(url, timeout=30).json() == {"nextPublish": "publishes"}
    fail_next(own_sandbox, "uncertain")
    assert requests.get(url, timeout=30).json() == {"nextPublish": "uncertain"}
    fail_next(own_sandbox, "refused")  # the last one asked for
    assert requests.get(url, timeout=30).json() == {"nextPublish": "refused"}
    # disarm for the next test: a post takes it
    author = own_sandbox.api(own_sandbox.sign_in(AUTHOR))
    created = author.post("/posts", json={"channel": "demo", "text": "takes the switch"}).json()
    assert settled(own_sandbox, author, created["id"])["status"] == "failed"
    assert requests.get(url, timeout=30).json() == {"nextPublish": "publishes"}


def test_a_post_published_again_that_fails_again_is_failed_and_listed_again(own_sandbox, unique_text):
    sandbox = own_sandbox
    admin, author = sandbox.api(sandbox.sign_in(ADMIN)), sandbox.api(sandbox.sign_in(AUTHOR))
    post = post_that_fails(sandbox, author, "refused", f"{unique_text} fails twice")

    fail_next(sandbox, "refused")
    assert admin.post(f"/posts/{post['id']}/attention", json={"action": "publish_again"}).status_code == 200

    again = settled(sandbox, author, post["id"])
    assert again["status"] == "failed" and "refused" in again["error"]
    assert [h["status"] for h in again["history"]][-3:] == ["failed", "publishing", "failed"]
    item = sandbox.wait_for(lambda: _listed(admin, post["id"]))
    assert item["attention"]["case"] == "not_published"
    assert [e for e in sandbox.timeline() if e["postId"] == post["id"]] == []
