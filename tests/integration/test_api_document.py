"""The OpenAPI document the API serves is the whole truth: every route of infra/functions.py (both HTTP
functions), every status each answers with the error body's schema, and the right content types.
schemathesis holds the running sandbox to it (tests/e2e/test_schemathesis.py)."""

from __future__ import annotations

from understudy import api_document

from infra.functions import routes

ADMIN = "admin@example.org"


def operations(document: dict) -> dict[str, dict]:
    """Each operation under its route key, path parameters unnamed (``GET /posts/{}``)."""
    return {f"{method.upper()} {api_document.shape(path)}": operation
            for path, methods in document["paths"].items() for method, operation in methods.items()}


def test_every_route_of_both_functions_is_in_the_document(aws, api):
    documented = operations(api("GET", "/openapi.json", who=ADMIN).body)

    missing = {key for key in routes() if api_document.shape(key) not in documented}
    assert not missing, f"routes in infra/functions.py missing from /openapi.json: {sorted(missing)}"
    assert len(documented) == len(routes())  # and nothing documented that is not a route


def test_every_route_declares_its_statuses_in_one_line():
    shapes = {api_document.shape(key) for key in routes()}

    assert shapes - {api_document.shape(key) for key in api_document.ANSWERS} == set(), "add a line to ANSWERS"
    assert {api_document.shape(key) for key in api_document.ANSWERS} - shapes == set(), "a line for no route"


def test_errors_share_one_schema_and_no_route_documents_a_server_error(aws, api):
    document = api("GET", "/openapi.json", who=ADMIN).body

    for key, operation in operations(document).items():
        statuses = {int(status) for status in operation["responses"]}
        assert 500 not in statuses, key
        for status in statuses - {200, 201, 204}:
            schema = operation["responses"][str(status)]["content"]["application/json"]["schema"]
            assert schema == {"$ref": "#/components/schemas/Error"}, (key, status)
    assert document["components"]["schemas"]["Error"]["required"] == ["message"]


def test_statuses_follow_from_each_route(aws, api):
    found = operations(api("GET", "/openapi.json", who=ADMIN).body)

    def statuses(key: str) -> set[int]:
        return {int(status) for status in found[key]["responses"]}

    assert statuses("GET /me") == {200, 401, 403}  # 403: not (or no longer) on the people list
    assert statuses("POST /posts") >= {201, 400, 401, 415, 422, 503}
    assert statuses("PATCH /users/{}") >= {200, 400, 401, 403, 404, 409, 422}
    assert statuses("POST /review-links/view") == {200, 400, 403, 404, 410, 415}
    assert statuses("POST /review-links/decide") == {200, 400, 403, 404, 409, 410, 415, 422, 503}  # 422: publishAt
    assert found["POST /review-links/decide"]["security"] == [] and found["GET /me"]["security"]
    assert list(found["GET /audit.csv"]["responses"]["200"]["content"]) == ["text/csv"]
    assert "content" not in found["DELETE /channels/{}"]["responses"]["204"]


def test_the_documented_link_bodies_are_what_the_link_function_accepts(aws, review_link):
    """The review-link function parses its bodies by hand; the document's models must not drift from it."""
    document_fields = set(api_document.LinkDecision.model_fields)
    answer = review_link("decide", dict.fromkeys(document_fields, "x") | {"decision": "approve",
                                                                           "guidelines": []})
    assert answer.status == 403  # every documented field accepted; the token is what is refused
    assert review_link("decide", {"token": "x", "decision": "approve", "other": 1}).status == 400
