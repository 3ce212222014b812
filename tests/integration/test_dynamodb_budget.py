"""Costs that stay flat: every HTTP route makes a small, fixed number of DynamoDB calls, and none scans.

The calls are counted where pynamodb makes them: a ``before-call.dynamodb`` hook on the botocore client
of each table's connection (pynamodb drives botocore directly). Each route in the catalog
(infra/functions.py) has a row below with the request that exercises it, so a new route without a row
fails here. Budget: a read route at most 2 calls for a page, a write route at most 4.

Headroom for the caller's record: the API is to read the caller's users-table record on every
authenticated request (one GetItem, added by another change). Until that read is part of what is
counted here, ``CALLER_RECORD_READS`` reserves it: an authenticated route may use the budget less one.
Once the API makes that read itself, set ``CALLER_RECORD_READS`` to 0 and the counted calls include it.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from infra.functions import routes
from tests.integration.conftest import (
    X_CREDENTIALS,
    X_ME,
    Answer,
    Context,
    claims_for,
    enable_totp,
    http_event,
    load_handler,
)

ADMIN, REVIEWER, TRAINEE, AUTHOR = ("admin@example.org", "reviewer@example.org", "trainee@example.org",
                                    "author@example.org")
READ_BUDGET, WRITE_BUDGET = 2, 4
CALLER_RECORD_READS = 0


class Calls:
    """DynamoDB operations made while counting, by name."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.counting = False

    def __call__(self, model, **_) -> None:
        if self.counting:
            self.names.append(model.name)

    @contextlib.contextmanager
    def counted(self):
        self.names.clear()
        self.counting = True
        try:
            yield self
        finally:
            self.counting = False


@pytest.fixture
def calls(aws):
    from understudy import data

    counter = Calls()
    clients = {id(c): c for c in (model._get_connection().connection.client for model in data.MODELS)}
    for client in clients.values():
        client.meta.events.register("before-call.dynamodb", counter)
    yield counter
    for client in clients.values():
        client.meta.events.unregister("before-call.dynamodb", counter)


@dataclass
class Setup:
    """What a route's request needs: made through the API before counting starts."""

    api: Callable
    task: Callable
    review_link: Callable
    aws: object

    def waiting_post(self, text: str = "Counting calls", guidelines: bool = False) -> dict:
        post = self.api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": text}).body
        assert self.task("request_review", {"postId": post["id"], "taskToken": "t"})["waiting"] is True
        return post

    def changes_requested(self) -> dict:
        post = self.waiting_post()
        answer = self.api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                          body={"decision": "request_changes", "feedback": "Shorter"})
        assert answer.status == 200, answer
        return post

    def link_token(self) -> str:
        self.waiting_post()
        text = self.aws.sent_emails()[-1]["text"]
        return re.search(r"review\.html#token=([\w.-]+)&decision=approve", text).group(1)


def _decide(s: Setup):
    post = s.waiting_post()
    return lambda: s.api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                         body={"decision": "request_changes", "feedback": "Kinder, please",
                               "guidelines": ["Be kind and specific."]})


def _revise(s: Setup):
    post = s.changes_requested()
    return lambda: s.api("PUT", f"/posts/{post['id']}", who=TRAINEE, body={"text": "Shorter now"})


def _withdraw(s: Setup):
    post = s.waiting_post()
    return lambda: s.api("POST", f"/posts/{post['id']}/withdraw", who=TRAINEE)


def _get_post(s: Setup):
    post = s.waiting_post()
    return lambda: s.api("GET", f"/posts/{post['id']}", who=REVIEWER)


def _progress(s: Setup):
    s.changes_requested()
    s.api("GET", f"/users/{TRAINEE}/progress", who=ADMIN)  # the first read may build the summary
    return lambda: s.api("GET", f"/users/{TRAINEE}/progress", who=ADMIN)


def _link_view(s: Setup):
    token = s.link_token()
    return lambda: s.review_link("view", {"token": token})


def _link_decide(s: Setup):
    token = s.link_token()
    return lambda: s.review_link("decide", {"token": token, "decision": "reject", "feedback": "Off topic",
                                            "guidelines": ["Check every link."]})


def _connect_channel(s: Setup):
    import responses

    s.aws.x.add(responses.GET, X_ME, json={"data": {"id": "1", "name": "Lib", "username": "lib"}})
    return lambda: s.api("POST", "/channels", who=ADMIN, body={"kind": "x", "name": "Lib on X", **X_CREDENTIALS})


def _queue(s: Setup):
    for n in range(3):
        s.waiting_post(f"Queue {n}")
    return lambda: s.api("GET", "/posts", who=REVIEWER, query={"status": "pending_review", "order": "oldest"})


def _audit_csv(s: Setup):
    handler = load_handler("api")  # the answer is CSV, not the JSON the api fixture reads

    def request() -> Answer:
        response = handler.lambda_handler(http_event("GET", "/audit.csv", claims=claims_for(ADMIN)), Context())
        return Answer(response["statusCode"], {})

    return request


def _attention_close(s: Setup):
    from tests.integration.test_attention import failed_post

    post = failed_post(s.api, s.task, "PublishFailed", "refused")
    return lambda: s.api("POST", f"/posts/{post['id']}/attention", who=ADMIN,
                         body={"action": "close", "note": "Old news"})


def _confirm_mfa(s: Setup):
    with pytest.MonkeyPatch.context() as env:
        env.setenv("MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP", "true")
        enable_totp(s.aws.pool_id, ADMIN)
    return lambda: s.api("POST", "/me/mfa", who=ADMIN)


def _scheduled(s: Setup) -> dict:
    from datetime import UTC, datetime, timedelta

    at = (datetime.now(UTC) + timedelta(hours=2)).isoformat()
    answer = s.api("POST", "/posts", who=AUTHOR, body={"channel": "demo", "text": "Later", "publishAt": at})
    assert answer.body["status"] == "scheduled", answer
    return answer.body


def _reschedule(s: Setup):
    from datetime import UTC, datetime, timedelta

    post = _scheduled(s)  # an earlier time: the costlier case (a new execution, the old one stopped)
    earlier = (datetime.now(UTC) + timedelta(hours=1)).isoformat()
    return lambda: s.api("POST", f"/posts/{post['id']}/schedule", who=AUTHOR, body={"publishAt": earlier})


def _cancel(s: Setup):
    post = _scheduled(s)
    return lambda: s.api("POST", f"/posts/{post['id']}/cancel", who=ADMIN)


def _reply_to(s: Setup):
    first = s.api("POST", "/posts", who=AUTHOR, body={"channel": "demo", "text": "Bins are late"}).body
    s.task("publish", {"postId": first["id"]})
    url = s.api("GET", f"/posts/{first['id']}", who=AUTHOR).body["publishedUrl"]
    reply = s.api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "Sorry", "replyTo": url}).body
    return lambda: s.api("GET", f"/posts/{reply['id']}/reply-to", who=REVIEWER)


def _deactivate(s: Setup):
    """Someone who leaves much behind: the budget holds whatever they leave (understudy.leavers)."""
    s.waiting_post("Waiting for a reviewer who leaves")  # stays open for the other reviewers
    for mentee in (TRAINEE, AUTHOR):
        assert s.api("PATCH", f"/users/{mentee}", who=ADMIN, body={"mentors": [REVIEWER]}).status == 200
    assert s.api("PATCH", f"/users/{REVIEWER}", who=ADMIN, body={"trainingMode": True}).status == 200
    for n in range(3):
        s.api("POST", "/posts", who=REVIEWER, body={"channel": "demo", "text": f"Waiting {n}"})
    return lambda: s.api("DELETE", f"/users/{REVIEWER}", who=ADMIN)


def _reactivate(s: Setup):
    assert s.api("DELETE", f"/users/{REVIEWER}", who=ADMIN).status == 200
    return lambda: s.api("POST", f"/users/{REVIEWER}/reactivate", who=ADMIN)


def simple(method: str, path: str, who: str = ADMIN, body=None, query=None):
    return lambda s: (lambda: s.api(method, path, who=who, body=body, query=query))


# route key -> (read or write, a function of the setup returning the counted request)
ROUTES: dict[str, tuple[str, Callable[[Setup], Callable]]] = {
    "GET /me": ("read", simple("GET", "/me", TRAINEE)),
    "POST /me/mfa": ("write", _confirm_mfa),
    "GET /attention": ("read", simple("GET", "/attention")),
    "POST /posts/{id}/attention": ("write", _attention_close),
    "GET /channels": ("read", simple("GET", "/channels", TRAINEE)),
    "GET /channels/kinds": ("read", simple("GET", "/channels/kinds")),
    "POST /channels": ("write", _connect_channel),
    "DELETE /channels/{id}": ("write", simple("DELETE", "/channels/demo")),
    "POST /uploads": ("write", simple("POST", "/uploads", TRAINEE, {"contentType": "image/png", "size": 1000})),
    "POST /posts": ("write", simple("POST", "/posts", TRAINEE, {"channel": "demo", "text": "Hello"})),
    "GET /posts": ("read", _queue),
    "GET /posts/{id}": ("read", _get_post),
    "GET /posts/{id}/reply-to": ("read", _reply_to),
    "POST /posts/{id}/schedule": ("write", _reschedule),
    "POST /posts/{id}/cancel": ("write", _cancel),
    "GET /scheduled": ("read", simple("GET", "/scheduled", REVIEWER)),
    "PUT /posts/{id}": ("write", _revise),
    "POST /posts/{id}/withdraw": ("write", _withdraw),
    "POST /posts/{id}/decision": ("write", _decide),
    "GET /guidelines": ("read", simple("GET", "/guidelines", TRAINEE)),
    "PUT /guidelines": ("write", simple("PUT", "/guidelines", body={"markdown": "- Be brief."})),
    "GET /users": ("read", simple("GET", "/users")),
    "POST /users": ("write", simple("POST", "/users", body={"email": "new@example.org", "roles": ["reviewers"],
                                                             "trainingMode": True})),
    "DELETE /users/{email}": ("write", _deactivate),
    "POST /users/{email}/reactivate": ("write", _reactivate),
    "PATCH /users/{email}": ("write", simple("PATCH", f"/users/{TRAINEE}", body={
        "trainingMode": False, "roles": ["reviewers"], "name": "Tom", "mentors": [REVIEWER, ADMIN]})),
    "GET /users/{email}/progress": ("read", _progress),
    "GET /settings": ("read", simple("GET", "/settings")),
    "PUT /settings": ("write", simple("PUT", "/settings", body={"remindAfterSeconds": 7200})),
    "GET /audit": ("read", simple("GET", "/audit")),
    "GET /audit.csv": ("read", _audit_csv),  # one call per 500 rows; one here
    "GET /openapi.json": ("read", simple("GET", "/openapi.json", TRAINEE)),
    "POST /review-links/view": ("read", _link_view),
    "POST /review-links/decide": ("write", _link_decide),
}


def test_every_route_in_the_catalog_has_a_budget_row():
    assert set(ROUTES) == set(routes()), "add a row (its kind and a request) for each new route"


@pytest.mark.parametrize("route", sorted(routes()))
def test_each_route_stays_within_its_dynamodb_call_budget_and_never_scans(route, aws, api, task, review_link,
                                                                         calls, x_api):
    kind, make = ROUTES[route]
    aws.x = x_api
    request = make(Setup(api, task, review_link, aws))

    with calls.counted():
        answer = request()

    assert 200 <= answer.status < 300, (route, answer)
    assert "Scan" not in calls.names
    authorized = next(r for r in routes()[route].routes if r.key == route).authorized
    budget = (READ_BUDGET if kind == "read" else WRITE_BUDGET) - (CALLER_RECORD_READS if authorized else 0)
    assert len(calls.names) <= budget, f"{route} made {len(calls.names)} calls: {calls.names}"
