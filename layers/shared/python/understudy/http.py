"""The HTTP face shared by the API and review-link functions: errors mapped to statuses in one place."""

from __future__ import annotations

import json

from aws_lambda_powertools.event_handler import APIGatewayHttpResolver, Response, content_types
from aws_lambda_powertools.event_handler.exceptions import NotFoundError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError

from understudy.errors import UnderstudyError
from understudy.observability import logger


def json_response(status: int, body: object) -> Response:
    return Response(status_code=status, content_type=content_types.APPLICATION_JSON,
                    body=json.dumps(body, separators=(",", ":")))


def _field(error: dict) -> str:
    return ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))


def resolver(*, validation: bool = True) -> APIGatewayHttpResolver:
    """The resolver with our error mapping. Validation (pydantic, OpenAPI) costs ~50 ms of cold start;
    the review-link function, which reviewers hit cold from an email, checks its two fields itself."""
    app = APIGatewayHttpResolver(enable_validation=validation)

    @app.exception_handler(UnderstudyError)
    def domain_error(error: UnderstudyError) -> Response:
        if error.status >= 500:
            logger.exception("Request failed")
        else:
            logger.info("Request refused", extra={"status": error.status, "reason": error.message})
        body = {"message": error.message}
        field = getattr(error, "field", None)
        if field:  # the same shape as a validation error, so the console shows it beside the field
            body["errors"] = [{"field": field, "message": error.message}]
        return json_response(error.status, body)

    @app.exception_handler(RequestValidationError)
    def invalid_request(error: RequestValidationError) -> Response:
        problems = [f"{_field(e) or 'body'}: {e.get('msg', 'invalid')}" for e in error.errors()]
        return json_response(422, {"message": "The request is not valid. " + "; ".join(problems),
                                   "errors": [{"field": _field(e), "message": e.get("msg")}
                                              for e in error.errors()]})

    @app.not_found
    def not_found(_: NotFoundError) -> Response:
        return json_response(404, {"message": "There is nothing at this address."})

    return app
