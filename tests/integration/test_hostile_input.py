"""No input gets a 500: bodies that are not UTF-8, crafted review-link tokens, control characters in
names and addresses. Each case here answered 500 (or failed a workflow) before (issue 9)."""

from __future__ import annotations

import base64
import dataclasses
import json

import botocore.client
import pytest
from understudy import data, links

from tests.integration.conftest import Context, claims_for, http_event, load_handler
from tests.integration.test_review_links import link_token, submit_and_request_review

NOT_UTF8 = b'{"text": "caf\xe9", "name": "\xff\xfe"}'


def raw_call(handler, method: str, path: str, raw: bytes, claims: dict | None = None) -> tuple[int, dict]:
    """Send ``raw`` as the body, base64-encoded as the HTTP API passes a body that is not UTF-8 text."""
    event = http_event(method, path, claims=claims)
    event.update(body=base64.b64encode(raw).decode(), isBase64Encoded=True)
    response = handler.lambda_handler(event, Context())
    return response["statusCode"], json.loads(response["body"] or "{}")


def body_operations(document: dict) -> list[tuple[str, str]]:
    """Every (method, path) of the OpenAPI document that takes a request body."""
    return [(method.upper(), path) for path, operations in document["paths"].items()
            for method, operation in operations.items() if "requestBody" in operation]


def test_a_body_that_is_not_utf8_is_400_on_every_route_that_reads_one(aws, api):
    document = api("GET", "/openapi.json", who="admin@example.org").body
    operations = body_operations(document)
    assert {("POST", "/posts"), ("PUT", "/guidelines"), ("PUT", "/settings"), ("POST", "/users"),
            ("PATCH", "/users/{email}"), ("POST", "/review-links/view")} <= set(operations)
    handlers = {"api": load_handler("api"), "review_link": load_handler("review_link")}
    before = api("GET", "/settings", who="admin@example.org").body

    for method, path in operations:
        concrete = path.replace("{email}", "trainee@example.org").replace("{post_id}", "p1")
        handler = handlers["review_link" if path.startswith("/review-links/") else "api"]
        status, body = raw_call(handler, method, concrete, NOT_UTF8, claims=claims_for("admin@example.org"))
        assert status == 400 and "UTF-8" in body["message"], (method, path, status, body)
    assert api("GET", "/settings", who="admin@example.org").body == before


@pytest.mark.parametrize("text", [
    '{"markdown": "\\ud800 lone surrogate"}',  # valid JSON, but not text that can be stored or sent
    '{"markdown": NaN}', '{"markdown": Infinity}',
    '{"markdown": ' + "[" * 100_000,  # deeper than Python's JSON parser goes
])
def test_json_that_is_not_text_or_not_json_is_refused_with_a_message(aws, api, text):
    before = api("GET", "/guidelines").body
    event = http_event("PUT", "/guidelines", claims=claims_for("admin@example.org"))
    event["body"] = text
    response = load_handler("api").lambda_handler(event, Context())

    assert response["statusCode"] in (400, 422) and json.loads(response["body"])["message"]
    assert api("GET", "/guidelines").body == before


def crafted(fields: dict | str, signature: str = "c2ln") -> str:
    payload = fields if isinstance(fields, str) else json.dumps(fields)
    return f"{links._b64(payload.encode())}.{signature}"


GOOD = {"p": "post", "r": 1, "u": "reviewer@example.org", "e": 2_000_000_000, "k": "k1"}
CRAFTED_TOKENS = {
    "non-ASCII signature": lambda genuine: genuine[:-2] + "é€",
    "non-ASCII payload": lambda genuine: "é" + genuine,
    "expiry Infinity": lambda _: crafted(json.dumps(GOOD).replace("2000000000", "Infinity")),
    "expiry NaN": lambda _: crafted(json.dumps(GOOD).replace("2000000000", "NaN")),
    "revision 1e999": lambda _: crafted(json.dumps(GOOD).replace('"r": 1', '"r": 1e999')),
    "revision 1.5": lambda _: crafted({**GOOD, "r": 1.5}),
    "revision as text": lambda _: crafted({**GOOD, "r": "1"}),
    "revision true": lambda _: crafted({**GOOD, "r": True}),
    "huge expiry": lambda _: crafted(json.dumps(GOOD).replace("2000000000", "9" * 5000)),
    "key id a number": lambda _: crafted({**GOOD, "k": 1}),
    "post a list": lambda _: crafted({**GOOD, "p": ["x"]}),
    "no reviewer": lambda _: crafted({k: v for k, v in GOOD.items() if k != "u"}),
    "payload a list": lambda _: crafted([1, 2]),
    "payload not JSON": lambda _: crafted("{nope"),
    "payload not UTF-8": lambda _: links._b64(NOT_UTF8) + ".c2ln",
    "deeply nested": lambda _: crafted("[" * 1900),
    "lone surrogate signature": lambda genuine: genuine + "\ud800",
    "three parts": lambda genuine: genuine + ".x",
    "no signature": lambda genuine: genuine.split(".")[0],
}


def test_a_body_nested_too_deeply_is_refused_by_the_link_function_too(aws, review_link):
    response = load_handler("review_link").lambda_handler(
        {**http_event("POST", "/review-links/view"), "body": "[" * 100_000}, Context())
    assert response["statusCode"] == 400 and json.loads(response["body"])["message"]


@pytest.mark.parametrize("case", CRAFTED_TOKENS)
def test_crafted_link_tokens_are_refused_and_change_nothing(aws, api, task, review_link, case):
    post = submit_and_request_review(api, task)
    token = CRAFTED_TOKENS[case](link_token(aws))

    seen = review_link("view", {"token": token})
    decided = review_link("decide", {"token": token, "decision": "approve"})

    assert seen.status in (400, 403) and seen.message, seen
    assert decided.status in (400, 403) and decided.message, decided
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def secrets_manager_reads(monkeypatch) -> list[str]:
    """Every GetSecretValue call made through botocore (Powertools' provider included), still made."""
    calls: list[str] = []
    real = botocore.client.BaseClient._make_api_call

    def counting(self, operation, params):
        if operation == "GetSecretValue":
            calls.append(params.get("SecretId"))
        return real(self, operation, params)

    monkeypatch.setattr(botocore.client.BaseClient, "_make_api_call", counting)
    return calls


def test_unknown_key_ids_reread_the_signing_keys_at_most_once_a_minute(aws, api, task, review_link, monkeypatch):
    post = submit_and_request_review(api, task)
    genuine = link_token(aws)
    reads = secrets_manager_reads(monkeypatch)
    monkeypatch.setattr(links, "_refreshed_at", float("-inf"))
    unknown = [links.sign(post["id"], 1, "reviewer@example.org", 2_000_000_000,
                          keys={"current": f"forged-{n}", "keys": {f"forged-{n}": links._b64(b"x" * 32)}})
               for n in range(20)]

    answers = [review_link("view", {"token": token}).status for token in unknown]
    assert answers == [403] * 20
    assert len(reads) == 1  # the first unknown id re-read the secret; the other 19 did not

    assert review_link("view", {"token": genuine}).status == 200  # known keys still verify from the cache
    monkeypatch.setattr(links, "_refreshed_at", links._refreshed_at - links.REFRESH_SECONDS)
    assert review_link("view", {"token": unknown[0]}).status == 403
    assert len(reads) == 2  # a minute later, one more read


CONTROL_CASES = [
    ("POST", "/users", {"email": "new@example.org", "name": "New\r\nBcc: everyone@example.org"}),
    ("POST", "/users", {"email": "new@example.org\n", "name": "New"}),
    ("PATCH", "/users/trainee@example.org", {"name": "Tom\r\nTrainee"}),
    ("PATCH", "/users/trainee@example.org", {"name": "Tom\u2028Trainee"}),
    ("PATCH", "/users/trainee@example.org", {"name": "Tom\x00"}),
    ("PUT", "/settings", {"senderEmail": "understudy@example.org\r\nBcc: x@example.org"}),
    ("PUT", "/guidelines", {"markdown": "# Our voice\x07\n- Be kind"}),
    ("POST", "/channels", {"kind": "x", "name": "Ours\n", "apiKey": "a", "apiSecret": "b",
                           "accessToken": "c", "accessTokenSecret": "d"}),
]


@pytest.mark.parametrize(("method", "path", "body"), CONTROL_CASES)
def test_control_characters_in_names_addresses_and_guidelines_are_422_and_change_nothing(
        aws, api, method, path, body):
    admin = "admin@example.org"
    before = [api("GET", where, who=admin).body for where in ("/users", "/settings", "/guidelines", "/channels")]

    answer = api(method, path, who=admin, body=body)

    assert answer.status == 422 and "control characters" in answer.message, answer
    assert [api("GET", where, who=admin).body for where in ("/users", "/settings", "/guidelines", "/channels")] \
        == before


def test_guidelines_keep_their_line_breaks_and_tabs(aws, api):
    markdown = "# Our voice\r\n\n- Be kind.\t(always)\n"
    assert api("PUT", "/guidelines", who="admin@example.org", body={"markdown": markdown}).status == 200


def test_a_stored_name_with_a_line_break_cannot_fail_the_review_email(aws, api, task):
    """A name stored before names were checked: the review request still goes out, its headers one line."""
    trainee = data.get_user("trainee@example.org")
    data.save_user(dataclasses.replace(trainee, name="Tom\r\nBcc: everyone@example.org"))

    submit_and_request_review(api, task)

    sent = aws.sent_emails()[-1]
    assert set(sent["to"]) == {"reviewer@example.org"}  # no Bcc injected by the name
    assert sent["subject"] == "Review requested: a post by Tom Bcc: everyone@example.org"


@pytest.mark.parametrize("content_type", ["multipart/form-data", "application/x-www-form-urlencoded", "text/plain"])
def test_a_body_that_is_not_json_is_415_on_every_route_that_reads_one(aws, api, content_type):
    """Powertools would parse forms (and fail, a 500, on multipart without a boundary): bodies are JSON."""
    operations = body_operations(api("GET", "/openapi.json", who="admin@example.org").body)
    handlers = {"api": load_handler("api"), "review_link": load_handler("review_link")}
    for method, path in operations:
        concrete = path.replace("{email}", "trainee@example.org").replace("{post_id}", "p1")
        event = http_event(method, concrete, body={"markdown": "x"}, claims=claims_for("admin@example.org"))
        event["headers"]["content-type"] = content_type
        handler = handlers["review_link" if path.startswith("/review-links/") else "api"]
        response = handler.lambda_handler(event, Context())
        assert response["statusCode"] == 415, (method, path, response)
        assert "application/json" in json.loads(response["body"])["message"]


def test_a_decision_of_the_wrong_type_in_a_link_request_is_400(aws, review_link):
    for decision in ({}, ["approve"], 1, None):
        answer = review_link("decide", {"token": "t", "decision": decision})
        assert answer.status == 400 and "approve" in answer.message, decision


def cursor_of(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode()


@pytest.mark.parametrize("cursor", [
    "%%%", cursor_of(b"not json"), cursor_of(b"[" * 3000), cursor_of(b"[1]"), cursor_of(b"{}"),
    cursor_of(b'{"pk": {"Q": ["x"]}}'), cursor_of(b'{"pk": 5}'), cursor_of(b'{"pk": {"S": "a", "N": "1"}}'),
])
@pytest.mark.parametrize("path", ["/posts", "/users", "/audit"])
def test_a_cursor_this_api_did_not_give_out_is_400(aws, api, path, cursor):
    answer = api("GET", path, who="admin@example.org", query={"cursor": cursor})
    assert answer.status == 400 and "cursor" in answer.message, answer


def test_the_cursor_the_api_gives_out_still_pages(aws, api):
    for n in range(3):
        data.save_user(dataclasses.replace(data.get_user("author@example.org"), email=f"extra{n}@example.org"),
                       new=True)
    first = data.list_users(limit=2)
    second = api("GET", "/users", who="admin@example.org", query={"cursor": first.cursor})

    assert second.status == 200 and second.body["items"]
    assert not {u["email"] for u in second.body["items"]} & {u.email for u in first.items}
