"""The media bucket as a browser reaches it in the sandbox: ``/_aws/s3/<bucket>[/<key>]`` on the public port.

On AWS the browser uploads straight to S3 with a presigned POST and shows images through presigned GET
links. Here both go to moto through the console's own origin (moto's port serves programs only, see
loopback.py): a POST of a form to the media bucket, and a GET of one object with a presigned query.
moto stores a POSTed form without reading its policy, so this checks what S3 would before passing it
on: the policy has not expired, every field matches its conditions (key, bucket, Content-Type, the
signing fields) and the file's size is within ``content-length-range``. A GET link must not have
expired. Anything else is refused.
"""

from __future__ import annotations

import base64
import io
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from werkzeug.formparser import parse_form_data
from werkzeug.wrappers import Request, Response

PATH = "/_aws/s3"


def _error(status: int, code: str, message: str) -> Response:
    body = f"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{message}</Message></Error>"
    return Response(body, status=status, content_type="application/xml")


def _conditions_fail(policy: dict, fields: dict[str, str], size: int) -> Response | None:
    expires = datetime.fromisoformat(policy.get("expiration", "").replace("Z", "+00:00"))
    if expires < datetime.now(UTC):
        return _error(403, "AccessDenied", "Invalid according to Policy: Policy expired.")
    for condition in policy.get("conditions", []):
        if isinstance(condition, dict):
            (name, value), = condition.items()
            if fields.get(name.lower()) != value:
                return _error(403, "AccessDenied", f"Invalid according to Policy: Policy Condition failed: {name}")
        elif condition[0] == "content-length-range":
            low, high = int(condition[1]), int(condition[2])
            if size > high:
                return _error(400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size")
            if size < low:
                return _error(400, "EntityTooSmall", "Your proposed upload is smaller than the minimum allowed size")
        elif condition[0] == "eq" and fields.get(condition[1].lstrip("$").lower()) != condition[2]:
            return _error(403, "AccessDenied", f"Invalid according to Policy: Policy Condition failed: {condition[1]}")
    return None


def _post_refused(request: Request, bucket: str, body: bytes) -> Response | None:
    environ = {**request.environ, "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
    _, form, files = parse_form_data(environ)
    upload = files.get("file")
    if upload is None or "policy" not in form:
        return _error(400, "InvalidArgument", "A POST upload needs a policy and a file.")
    try:
        policy = json.loads(base64.b64decode(form["policy"]))
    except ValueError:
        return _error(400, "InvalidPolicyDocument", "The policy is not valid base64-encoded JSON.")
    fields = {name.lower(): value for name, value in form.items()}
    fields["bucket"] = bucket
    return _conditions_fail(policy, fields, len(upload.read()))


def _link_expired(request: Request) -> bool:
    try:
        signed = datetime.strptime(request.args["X-Amz-Date"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
        return signed + timedelta(seconds=int(request.args["X-Amz-Expires"])) < datetime.now(UTC)
    except (KeyError, ValueError):
        return True


def serve(request: Request, moto_app: Callable, bucket_allowed: str) -> Response:
    rest = request.path.removeprefix(PATH)
    bucket, _, key = rest.lstrip("/").partition("/")
    if bucket != bucket_allowed:
        return _error(403, "AccessDenied", "Only the media bucket is served here.")
    body = request.get_data()
    if request.method == "POST" and not key:
        refused = _post_refused(request, bucket, body)
        if refused is not None:
            return refused
    elif request.method in ("GET", "HEAD") and key and "X-Amz-Signature" in request.args:
        if _link_expired(request):
            return _error(403, "AccessDenied", "Request has expired")
    else:
        return _error(403, "AccessDenied", "Only presigned uploads and presigned links are served here.")
    query = request.environ.get("QUERY_STRING", "")
    uri = f"{rest}?{query}" if query else rest
    environ = {**request.environ, "PATH_INFO": rest, "RAW_URI": uri, "REQUEST_URI": uri,
               "wsgi.input": io.BytesIO(body), "CONTENT_LENGTH": str(len(body))}
    for name in ("HTTP_AUTHORIZATION", "HTTP_ORIGIN", "HTTP_COOKIE"):
        environ.pop(name, None)
    return Response.from_app(moto_app, environ)
