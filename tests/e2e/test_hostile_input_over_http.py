"""Issue 9's hostile inputs, over HTTP through the whole sandbox (gateway, base64 bodies, both
functions): each answered 500 before; now a 4xx with a message, and nothing changes."""

from __future__ import annotations

import json

from understudy import links

from tests.e2e.test_training_loop import ADMIN, REVIEWER, TRAINEE, links_in, review_link, submit, wait_for_email

NOT_UTF8 = b'{"name": "\xff\xfe caf\xe9"}'


def test_bodies_that_are_not_utf8_are_400_on_each_validated_route(sandbox):
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    before = [admin.get(path).json() for path in ("/users", "/settings", "/guidelines")]
    headers = {"Content-Type": "application/json"}

    for method, path in (("PUT", "/guidelines"), ("POST", "/posts"), ("PUT", "/settings"), ("POST", "/users"),
                         ("PATCH", f"/users/{TRAINEE}"), ("POST", "/review-links/view"),
                         ("POST", "/review-links/decide")):
        answer = admin.request(method, path, data=NOT_UTF8, headers=headers)
        assert answer.status_code == 400 and "UTF-8" in answer.json()["message"], (method, path, answer.text)
    assert [admin.get(path).json() for path in ("/users", "/settings", "/guidelines")] == before


def test_crafted_link_tokens_are_refused_and_the_post_stays_waiting(sandbox, unique_text):
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    post = submit(trainee, f"{unique_text} crafted tokens")
    genuine = links_in(wait_for_email(sandbox, REVIEWER, unique_text, "Review requested"))["approve"]
    payload = json.loads(links._unb64(genuine.split(".")[0]))
    text = json.dumps(payload)
    crafted = [genuine[:-2] + "éé",
               links._b64(text.replace(str(payload["e"]), "Infinity").encode()) + "." + genuine.split(".")[1],
               links._b64(text.replace('"r": 1', '"r": 1e999').encode()) + "." + genuine.split(".")[1],
               links._b64(json.dumps({**payload, "r": "1"}).encode()) + "." + genuine.split(".")[1],
               genuine.split(".")[0]]

    for token in crafted:
        for action, decision in (("view", {}), ("decide", {"decision": "approve"})):
            answer = review_link(sandbox, action, token=token, **decision)
            assert answer.status_code == 403 and answer.json()["message"], (token, action, answer.text)
    assert trainee.get(f"/posts/{post['id']}").json()["status"] == "pending_review"
    assert review_link(sandbox, "view", token=genuine).status_code == 200  # the genuine link still works
    assert trainee.post(f"/posts/{post['id']}/withdraw").status_code == 200


def test_a_name_with_a_line_break_is_refused_and_the_next_post_still_gets_its_review_email(sandbox, unique_text):
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    before = admin.get("/users").json()

    refused = admin.patch(f"/users/{TRAINEE}", json={"name": "Tom\r\nBcc: everyone@example.org"})

    assert refused.status_code == 422 and "line" in refused.json()["message"]
    assert admin.get("/users").json() == before
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    submit(trainee, f"{unique_text} after a refused name")
    assert wait_for_email(sandbox, REVIEWER, unique_text, "Review requested")
