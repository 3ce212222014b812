"""API Gateway v2 (HTTP API) payload format 2.0: requests in, Lambda answers out.

Follows what the HTTP API does on AWS: lower-cased headers with cookies moved to ``cookies``,
repeated query parameters joined with commas, the path and its parameters URL-decoded, the JWT
authorizer's claims as strings, and the answer read by the 2.0 rules (a dict with ``statusCode`` is a
full response; any other JSON is a 200 ``application/json`` body).
"""

from __future__ import annotations

import base64
import json
import time
import uuid
from datetime import UTC, datetime
from urllib.parse import urlsplit

from werkzeug.datastructures import Headers
from werkzeug.wrappers import Request, Response

from infra.sandbox.environment import ACCOUNT
from infra.sandbox.routes import Match

API_ID = "sandbox"
TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript",
              "application/x-www-form-urlencoded")


def claim_strings(claims: dict) -> dict[str, str]:
    """Every claim as the HTTP API passes it on: a string; lists as ``[a b]``."""
    def text(value: object) -> str:
        if isinstance(value, list):
            return "[" + " ".join(text(item) for item in value) + "]"
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dict):
            return json.dumps(value, separators=(",", ":"))
        return str(value)

    return {name: text(value) for name, value in claims.items()}


def _headers(request: Request) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in request.headers.items():
        name = name.lower()
        if name != "cookie":
            headers[name] = f"{headers[name]},{value}" if name in headers else value
    headers.setdefault("x-forwarded-for", request.remote_addr or "")
    headers.setdefault("x-forwarded-proto", request.scheme)
    headers.setdefault("x-forwarded-port", str(request.environ.get("SERVER_PORT", "")))
    return headers


def _cookies(request: Request) -> list[str]:
    raw = request.headers.get("Cookie", "")
    return [cookie.strip() for cookie in raw.split(";") if cookie.strip()]


def _body(request: Request) -> tuple[str | None, bool]:
    data = request.get_data()
    if not data:
        return None, False
    content_type = (request.content_type or "").lower()
    if not content_type or content_type.startswith(TEXT_TYPES) or "+json" in content_type:
        try:
            return data.decode("utf-8"), False
        except UnicodeDecodeError:
            pass
    return base64.b64encode(data).decode("ascii"), True


def event(request: Request, path: str, match: Match, claims: dict | None) -> dict:
    """The event the HTTP API would send for ``request``; ``path`` is without the sandbox's /api prefix."""
    now = datetime.now(UTC)
    hostname = urlsplit(f"//{request.host}").hostname or ""
    query = {name: ",".join(values) for name, values in request.args.lists()}
    body, is_base64 = _body(request)
    context = {
        "accountId": ACCOUNT,
        "apiId": API_ID,
        "domainName": hostname,
        "domainPrefix": hostname.split(".")[0],
        "http": {"method": request.method, "path": path, "protocol": request.environ.get("SERVER_PROTOCOL", "HTTP/1.1"),
                 "sourceIp": request.remote_addr or "", "userAgent": request.headers.get("User-Agent", "")},
        "requestId": uuid.uuid4().hex,
        "routeKey": match.key,
        "stage": "$default",
        "time": now.strftime("%d/%b/%Y:%H:%M:%S +0000"),
        "timeEpoch": int(time.time() * 1000),
    }
    if claims is not None:
        context["authorizer"] = {"jwt": {"claims": claim_strings(claims), "scopes": None}}
    answer = {
        "version": "2.0",
        "routeKey": match.key,
        "rawPath": path,
        "rawQueryString": request.query_string.decode("latin-1"),
        "headers": _headers(request),
        "requestContext": context,
        "isBase64Encoded": is_base64,
    }
    optional = {"cookies": _cookies(request), "queryStringParameters": query,
                "pathParameters": match.path_parameters, "body": body}
    answer.update({name: value for name, value in optional.items() if value})  # absent, as on AWS, when empty
    return answer


def message(status: int, text: str, headers: dict | None = None) -> Response:
    """The HTTP API's own answers: ``{"message": ...}``."""
    return Response(json.dumps({"message": text}), status=status, headers=headers, content_type="application/json")


def response(result: object) -> Response:
    """The HTTP answer for a Lambda result, by the payload format 2.0 rules."""
    if not (isinstance(result, dict) and "statusCode" in result):
        body = result if isinstance(result, str) else json.dumps(result)
        return Response(body, status=200, content_type="application/json")
    try:
        status = int(result["statusCode"])
        headers = Headers([(name, str(value)) for name, value in (result.get("headers") or {}).items()])
        for cookie in result.get("cookies") or ():
            headers.add("Set-Cookie", cookie)
        body = result.get("body") or ""
        data = base64.b64decode(body) if result.get("isBase64Encoded") else body.encode("utf-8")
    except (TypeError, ValueError, AttributeError):
        return message(500, "Internal Server Error")
    return Response(data, status=status, headers=headers)
