"""The authorization matrix: every route in infra/functions.py × every kind of caller → the status, over
HTTP against the sandbox (the JWT authorizer, then the handler reading the person's record).

To add a route: add one row to ROWS — the route key as in the catalog, the request to send (``{closed}``
is one of the trainee's posts, already withdrawn; ``{trainee}`` the trainee's email) and the status
each caller gets, in the order of CALLERS. A route in the catalog without a row fails
``test_every_route_in_the_catalog_has_exactly_one_row``.

Each request is chosen to change nothing, so that every caller can send it: where a caller gets past
the role check, the status shown is what the request then ends in (a 400, 404 or 409 the domain gives
after the check, or 200 for a change that leaves things as they were).
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import pytest
import requests
from joserfc import jwt
from joserfc.jwk import RSAKey

from infra.functions import routes
from tests.e2e.test_training_loop import ADMIN, AUTHOR, REVIEWER, TRAINEE, submit

# none: no Authorization header; forged: the admin's claims signed with a key that is not the pool's;
# deactivated: a reviewer deactivated after signing in; demoted: an admin and reviewer whose roles were all
# taken away after signing in (their token still says cognito:groups [admins reviewers]); both send the
# token they had before.
CALLERS = ("none", "forged", "trainee", "author", "reviewer", "admin", "deactivated", "demoted")
# Its name's slug is the seeded channel's id, so an admin gets 409 before X is ever called.
X_BODY = {"kind": "x", "name": "Demo", "apiKey": "k", "apiSecret": "s", "accessToken": "t",
          "accessTokenSecret": "ts"}


LATER = (datetime.now(UTC) + timedelta(days=30)).isoformat(timespec="seconds")  # a usable publishAt


@dataclass(frozen=True)
class Row:
    route: str
    statuses: str  # one per caller, in the order of CALLERS
    path: str = ""  # defaults to the route's own path
    body: dict | None = None
    # Filled in from the fixture when the request is sent ({markdown}: the guidelines as they are).
    fill: tuple[str, ...] = field(default=())

    def expected(self) -> dict[str, int]:
        return dict(zip(CALLERS, map(int, self.statuses.split()), strict=True))


ROWS = (
    #   route                               none forged trainee author reviewer admin deactivated demoted
    Row("GET /me",                          "401 401 200 200 200 200 403 200"),
    Row("POST /me/mfa",                     "401 401 409 409 409 409 403 409"),  # 409: no TOTP in Cognito yet
    Row("GET /channels",                    "401 401 200 200 200 200 403 200"),
    Row("GET /channels/kinds",              "401 401 403 403 403 200 403 403"),
    Row("POST /channels",                   "401 401 403 403 403 409 403 403", body=X_BODY),
    Row("DELETE /channels/{id}",            "401 401 403 403 403 404 403 403", path="/channels/no-such-channel"),
    Row("POST /uploads",                    "401 401 201 201 201 201 403 201",
        body={"contentType": "image/png", "size": 1000}),
    Row("POST /posts",                      "401 401 400 400 400 400 403 400",
        body={"channel": "no-such-channel", "text": "matrix"}),
    Row("GET /posts",                       "401 401 200 200 200 200 403 200"),
    Row("GET /posts/{id}",                  "401 401 200 403 200 200 403 403", path="/posts/{closed}"),
    Row("PUT /posts/{id}",                  "401 401 409 403 403 403 403 403", path="/posts/{closed}",
        body={"text": "revised"}),
    Row("POST /posts/{id}/withdraw",        "401 401 409 403 403 403 403 403", path="/posts/{closed}/withdraw"),
    Row("GET /posts/{id}/reply-to",         "401 401 200 403 200 200 403 403", path="/posts/{closed}/reply-to"),
    # The author or an admin: past the check, a withdrawn post can no longer be rescheduled or cancelled.
    Row("POST /posts/{id}/schedule",        "401 401 409 403 403 409 403 403", path="/posts/{closed}/schedule",
        body={"publishAt": LATER}),
    Row("POST /posts/{id}/cancel",          "401 401 409 403 403 409 403 403", path="/posts/{closed}/cancel"),
    Row("GET /scheduled",                   "401 401 403 403 200 200 403 403"),
    Row("POST /posts/{id}/decision",        "401 401 403 403 409 409 403 403", path="/posts/{closed}/decision",
        body={"decision": "approve"}),
    Row("GET /attention",                   "401 401 403 403 403 200 403 403"),
    Row("POST /posts/{id}/attention",       "401 401 403 403 403 409 403 403", path="/posts/{closed}/attention",
        body={"action": "close", "note": "matrix"}),
    Row("GET /guidelines",                  "401 401 200 200 200 200 403 200"),
    Row("PUT /guidelines",                  "401 401 403 403 403 200 403 403", body={"markdown": "{markdown}"},
        fill=("markdown",)),
    Row("GET /users",                       "401 401 403 403 403 200 403 403"),
    Row("POST /users",                      "401 401 403 403 403 409 403 403", body={"email": TRAINEE}),
    Row("PATCH /users/{email}",             "401 401 403 403 403 200 403 403", path="/users/{trainee}", body={}),
    Row("DELETE /users/{email}",            "401 401 403 403 403 404 403 403", path="/users/nobody@example.org"),
    Row("POST /users/{email}/reactivate",   "401 401 403 403 403 409 403 403", path="/users/{trainee}/reactivate"),
    Row("GET /users/{email}/progress",      "401 401 200 403 403 200 403 403", path="/users/{trainee}/progress"),
    Row("GET /settings",                    "401 401 403 403 403 200 403 403"),
    Row("PUT /settings",                    "401 401 403 403 403 200 403 403", body={}),
    Row("GET /audit",                       "401 401 403 403 403 200 403 403"),
    Row("GET /audit.csv",                   "401 401 403 403 403 200 403 403"),
    Row("GET /openapi.json",                "401 401 200 200 200 200 403 200"),
    # No login on the link routes: the signed link decides, whatever Authorization says.
    Row("POST /review-links/view",          "403 403 403 403 403 403 403 403", body={"token": "forged.link"}),
    Row("POST /review-links/decide",        "403 403 403 403 403 403 403 403",
        body={"token": "forged.link", "decision": "approve"}),
)
BY_ROUTE = {row.route: row for row in ROWS}


def forged_admin_token(sandbox) -> str:
    """The admin's claims, well formed, signed with a key of our own instead of the pool's."""
    now = int(time.time())
    claims = {"iss": f"https://cognito-idp.us-east-1.amazonaws.com/{sandbox.config['userPoolId']}",
              "aud": sandbox.config["userPoolClientId"], "token_use": "id", "email": ADMIN, "name": "Ada Admin",
              "cognito:groups": ["admins"], "sub": str(uuid.uuid4()), "iat": now, "auth_time": now,
              "exp": now + 3600}
    return jwt.encode({"alg": "RS256", "kid": "dummy"}, claims, RSAKey.generate_key(2048))


def newcomer(sandbox, admin, roles: list[str]) -> tuple[str, str]:
    """Someone invited with ``roles`` who has signed in: their email and ID token."""
    email = f"matrix-{uuid.uuid4().hex[:8]}@example.org"
    invited = admin.post("/users", json={"email": email, "name": "Matrix Person", "roles": roles})
    assert invited.status_code == 201, invited.text
    return email, sandbox.accept_invitation(email)


@pytest.fixture(scope="module")
def setting(sandbox) -> dict:
    """Every caller's token (None for none), and the values the rows' requests are filled in with."""
    tokens = {"none": None, "forged": forged_admin_token(sandbox)}
    tokens |= {name: sandbox.sign_in(email) for name, email in
               (("trainee", TRAINEE), ("author", AUTHOR), ("reviewer", REVIEWER), ("admin", ADMIN))}
    admin = sandbox.api(tokens["admin"])
    deactivated, tokens["deactivated"] = newcomer(sandbox, admin, ["reviewers"])
    demoted, tokens["demoted"] = newcomer(sandbox, admin, ["admins", "reviewers"])
    assert admin.delete(f"/users/{deactivated}").status_code == 200
    assert admin.patch(f"/users/{demoted}", json={"roles": []}).status_code == 200

    trainee = sandbox.api(tokens["trainee"])
    closed = submit(trainee, f"matrix {uuid.uuid4().hex[:8]}")
    assert trainee.post(f"/posts/{closed['id']}/withdraw").status_code == 200
    values = {"closed": closed["id"], "trainee": TRAINEE, "markdown": admin.get("/guidelines").json()["markdown"]}
    return {"tokens": tokens, "values": values}


def send(sandbox, row: Row, token: str | None, values: dict) -> requests.Response:
    method, route_path = row.route.split(" ", 1)
    body = row.body
    if body is not None and row.fill:
        body = {key: value.format(**values) if isinstance(value, str) else value for key, value in body.items()}
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return requests.request(method, sandbox.config["apiUrl"] + (row.path or route_path).format(**values),
                            json=body, headers=headers, timeout=30)


def test_every_route_in_the_catalog_has_exactly_one_row():
    assert len(BY_ROUTE) == len(ROWS), "a route has two rows"
    assert sorted(BY_ROUTE) == sorted(routes()), "add a row to ROWS for each new route (and none for a gone one)"


@pytest.mark.parametrize("route", sorted(BY_ROUTE))
def test_each_caller_gets_the_status_in_the_table(sandbox, setting, route):
    row = BY_ROUTE[route]
    got = {caller: send(sandbox, row, setting["tokens"][caller], setting["values"]) for caller in CALLERS}

    statuses = {caller: answer.status_code for caller, answer in got.items()}
    assert statuses == row.expected(), {c: a.text[:160] for c, a in got.items() if statuses[c] != row.expected()[c]}
    if routes()[route].name == "api":  # the API says why; the link routes judge the link, not the caller
        assert "deactivated" in got["deactivated"].json()["message"]
