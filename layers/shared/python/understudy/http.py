"""The HTTP face shared by the API and review-link functions: errors mapped to statuses in one place,
and validation whose cost is paid by the routes that validate."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

from understudy.errors import UnderstudyError
from understudy.observability import logger
from understudy.powertools import APIGatewayHttpResolver, NotFoundError, RequestValidationError, Response, content_types


def json_response(status: int, body: object) -> Response:
    return Response(status_code=status, content_type=content_types.APPLICATION_JSON,
                    body=json.dumps(body, separators=(",", ":")))


def _field(error: dict) -> str:
    return ".".join(str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path"))


NOT_UTF8 = "The request body must be UTF-8 text."


def _not_json(constant: str):
    raise json.JSONDecodeError(f"{constant} is not JSON", constant, 0)


def json_body(text: str) -> object:
    """A request body parsed strictly: no NaN or Infinity (not JSON), and no lone surrogates (escaped
    ``\\ud800``), which would fail later when the text is written or sent as UTF-8."""
    try:
        value = json.loads(text, parse_constant=_not_json)
    except RecursionError as exc:  # nested deeper than Python parses: not a body any route takes
        raise json.JSONDecodeError("nested too deeply", text, 0) from exc
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # UnicodeEncodeError on a lone surrogate
    return value


BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def is_json(content_type: str) -> bool:
    return content_type.split(";", 1)[0].strip().lower() == "application/json"


class JsonResolver(APIGatewayHttpResolver):
    """Request bodies are JSON. Powertools would also parse a form or multipart body (and fail with a
    ValueError, a 500, on a multipart type without a boundary); a POST, PUT or PATCH body of any other
    declared type is refused here, before routing, with 415."""

    def resolve(self, event: dict, context) -> dict:
        content_type = (event.get("headers") or {}).get("content-type", "")
        method = event.get("requestContext", {}).get("http", {}).get("method", "")
        if method in BODY_METHODS and event.get("body") and content_type and not is_json(content_type):
            logger.info("Request refused", extra={"status": 415, "reason": content_type})
            return {"statusCode": 415, "headers": {"Content-Type": content_types.APPLICATION_JSON},
                    "body": json.dumps({"message": "Send the request body as application/json."}),
                    "isBase64Encoded": False}
        return super().resolve(event, context)


def resolver(*, validation: bool = True) -> APIGatewayHttpResolver:
    """The resolver with our error mapping.

    Validation (pydantic and Powertools' OpenAPI models) costs ~90 ms of CPU to import, more than half
    the floor every function pays. With ``validation`` every route validates, and /openapi.json
    documents it, as with ``enable_validation=True``; but the models are imported when the first route
    that validates is called (Powertools builds a route's validation middlewares then when the resolver
    has not), so a route with nothing to validate, registered with ``enable_validation=False``, answers
    a cold start without them. The review-link function checks its two fields itself.
    """
    app = JsonResolver(enable_validation=False, json_body_deserializer=json_body)
    app._enable_validation = validation  # read per route on its first call, and by get_openapi_schema

    @app.exception_handler(UnicodeError)
    def not_utf8(_: UnicodeError) -> Response:
        # A body that is not UTF-8 (Powertools decodes it on first use, from any route), or text with a
        # lone surrogate: refused the same way on every route.
        logger.info("Request refused", extra={"status": 400, "reason": NOT_UTF8})
        return json_response(400, {"message": NOT_UTF8})

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


def lazy_module(name: str) -> ModuleType:
    """``name``, imported when one of its attributes is first read (the recipe in importlib's docs).

    For the names a route's string annotations use (``from __future__ import annotations``): Powertools
    reads them when the route is first called, so a cold start that calls another route never imports them.
    Before Python 3.12 two threads reading such a module's first attribute at once could race; Lambda has
    one thread and the sandbox resolves HTTP requests one at a time.
    """
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
