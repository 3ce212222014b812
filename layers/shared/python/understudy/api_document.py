"""The API's OpenAPI document (``GET /openapi.json``): every route of both HTTP functions, with every
status each can answer.

Powertools describes the api function's routes and request bodies from its resolver. This module adds
what it cannot know: the review-link routes (served by another function, which parses its two bodies
itself to stay small), each route's statuses from the one table below, the error body's schema and the
login. Imported only when the document is asked for.

A new route adds one line to ``ANSWERS``, keyed as in infra/functions.py (tests/unit/test_api_document.py
fails for a route without one). Added from the route's shape, so not listed there: 401 on every route
behind the login; 415 (a body that is not JSON) on every POST, PUT and PATCH; 400 (a body that is not
UTF-8) and 422 (fails the schema) on every api route with a body; 422 on every route with query
parameters; 404 on every route with a path parameter (nothing there, or a path that matches no route).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from http import HTTPStatus

from pydantic import BaseModel, ConfigDict, Field

from understudy.http import BODY_METHODS
from understudy.review_links import GUIDELINE_ITEMS_LIMIT, SUGGESTION_LIMIT, TOKEN_LIMIT
from understudy.schemas import DecisionName
from understudy.text import FEEDBACK_LIMIT

JSON = "application/json"
CSV = "text/csv"


@dataclass(frozen=True)
class Answers:
    ok: int
    errors: tuple[int, ...] = ()
    media: str = JSON


def answers(ok: int = 200, *errors: int, media: str = JSON) -> Answers:
    return Answers(ok, errors, media)


# Route key (as in infra/functions.py) -> the success status, then the error statuses its code raises.
ANSWERS: dict[str, Answers] = {
    "GET /me": answers(200),
    "POST /me/mfa": answers(200, 404, 409),
    "GET /channels": answers(200),
    "GET /channels/kinds": answers(200),
    "POST /channels": answers(201, 400, 403, 409, 502, 503),
    "DELETE /channels/{id}": answers(204, 403),
    "POST /uploads": answers(201, 422),
    "POST /posts": answers(201, 400, 503),
    "GET /posts": answers(200, 400),
    "GET /posts/{id}": answers(200, 403),
    "GET /posts/{id}/reply-to": answers(200, 403),
    "POST /posts/{id}/schedule": answers(200, 403, 409, 503),
    "POST /posts/{id}/cancel": answers(200, 403, 409, 503),
    "GET /scheduled": answers(200, 400, 403),
    "PUT /posts/{id}": answers(200, 400, 403, 409, 503),
    "POST /posts/{id}/withdraw": answers(200, 403, 409, 503),
    "POST /posts/{id}/decision": answers(200, 400, 403, 409, 503),
    "GET /attention": answers(200, 400, 403),
    "POST /posts/{id}/attention": answers(200, 400, 403, 409, 422, 503),
    "GET /guidelines": answers(200),
    "PUT /guidelines": answers(200, 400, 403),
    "GET /users": answers(200, 400, 403),
    "POST /users": answers(201, 400, 403, 409),
    "DELETE /users/{email}": answers(200, 403, 409),
    "POST /users/{email}/reactivate": answers(200, 403, 409),
    "PATCH /users/{email}": answers(200, 400, 403, 409),
    "GET /users/{email}/progress": answers(200, 403),
    "GET /settings": answers(200, 403),
    "PUT /settings": answers(200, 400, 403, 409),
    "GET /audit": answers(200, 400, 403),
    "GET /audit.csv": answers(200, 400, 403, media=CSV),
    "GET /openapi.json": answers(200),
    "POST /review-links/view": answers(200, 400, 403, 404, 410),
    "POST /review-links/decide": answers(200, 400, 403, 404, 409, 410, 422, 503),
}

ERROR = {
    "type": "object",
    "description": "Every error the API answers has this shape; `errors` names the fields at fault.",
    "required": ["message"],
    "properties": {
        "message": {"type": "string", "description": "What went wrong, for the person who caused it."},
        "errors": {"type": "array", "items": {
            "type": "object", "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}},
    },
}
SECURITY = {"cognito": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT",
                        "description": "The person's Cognito ID token (console sign-in)."}}


class LinkView(BaseModel):
    """Open a review link: see the post and the guidelines; changes nothing."""

    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1, max_length=TOKEN_LIMIT, description="The token from the emailed link.")


class LinkDecision(LinkView):
    """Decide the post a review link is for (review_links.parse checks these fields)."""

    decision: DecisionName
    feedback: str = Field(default="", max_length=FEEDBACK_LIMIT)
    guidelines: list[str] = Field(default_factory=list, max_length=GUIDELINE_ITEMS_LIMIT)
    suggestion: str = Field(default="", max_length=SUGGESTION_LIMIT)
    publishAt: str | None = Field(default=None, max_length=64,  # noqa: N815 the field's name in the body
                                  description="approve: when the post goes live (ISO 8601 with an offset, "
                                              "a minute to a year ahead); 422 otherwise.")


LINK_ROUTES = {"/review-links/view": LinkView, "/review-links/decide": LinkDecision}


def shape(path: str) -> str:
    """A path with its parameters unnamed: ``/posts/{post_id}`` and ``/posts/{id}`` are one route."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def answers_for(method: str, path: str) -> Answers | None:
    wanted = f"{method.upper()} {shape(path)}"
    return next((row for key, row in ANSWERS.items() if shape(key) == wanted), None)


def _error(status: int) -> dict:
    return {"description": HTTPStatus(status).phrase,
            "content": {JSON: {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _success(row: Answers) -> dict:
    if row.ok == 204:
        return {"description": "Done; no content."}
    schema = {"type": "string"} if row.media == CSV else {"type": "object"}
    return {"description": HTTPStatus(row.ok).phrase, "content": {row.media: {"schema": schema}}}


def _implied(method: str, operation: dict, *, validated: bool) -> set[int]:
    """The statuses a route answers because of its shape (see the module's docstring)."""
    # Behind the login every route may also refuse someone the people list does not have as active (403).
    statuses = {401, 403} if operation.get("security", [{}]) else set()
    if method.upper() in BODY_METHODS:
        statuses.add(415)
    parameters = operation.get("parameters", [])
    if validated and "requestBody" in operation:
        statuses |= {400, 422}
    if validated and any(parameter["in"] == "query" for parameter in parameters):
        statuses.add(422)
    if any(parameter["in"] == "path" for parameter in parameters):
        statuses.add(404)
    return statuses


def _link_operation(path: str, model: type[BaseModel]) -> dict:
    return {"summary": model.__doc__.strip().splitlines()[0], "operationId": path.strip("/").replace("/", "_"),
            "security": [],  # no login: the token in the body is the credential
            "requestBody": {"required": True,
                            "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{model.__name__}"}}}}}


def build(app) -> dict:
    """The whole document for the api function's resolver ``app`` plus the review-link routes."""
    document = app.get_openapi_schema(title="Understudy API", version="1", security_schemes=SECURITY,
                                      security=[{"cognito": []}]).model_dump(mode="json", by_alias=True,
                                                                              exclude_none=True)
    components = document.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError", "ResponseValidationError"):  # Powertools' shapes
        schemas.pop(name, None)
    schemas["Error"] = ERROR
    for operations in document["paths"].values():
        for operation in operations.values():
            operation.setdefault("security", [{"cognito": []}])
    for path, model in LINK_ROUTES.items():
        document["paths"][path] = {"post": _link_operation(path, model)}
        schemas[model.__name__] = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            row = answers_for(method, path) or answers(200)  # a missing line fails tests/unit, not the API
            statuses = set(row.errors) | _implied(method, operation, validated=path not in LINK_ROUTES)
            operation["responses"] = {str(row.ok): _success(row),
                                      **{str(status): _error(status) for status in sorted(statuses)}}
    return document
