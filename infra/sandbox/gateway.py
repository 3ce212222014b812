"""The sandbox's public port: what CloudFront, the HTTP API and Cognito's endpoint are on AWS.

- ``/config.json``: where the console finds the API and Cognito.
- ``/api/...``: the HTTP API; routes from infra/functions.py, the JWT authorizer, our handlers in-process.
- ``/_aws/cognito/``: Cognito's public (unsigned) sign-in API, passed to moto. Browsers call Cognito
  directly; serving it from the console's own origin means no CORS and a CSP of ``connect-src 'self'``.
- ``/_aws/s3/``: the media bucket, for presigned uploads and links only (see media_proxy.py).
- ``/_local/outbox`` and ``/_local/timeline`` (its images under ``/_local/timeline-media/``): the
  sandbox's stand-ins for mailboxes and social media.
- ``/_local/fail-next``: the demo switch that makes the local channel's next publish fail once.
- everything else: the console's static files.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from werkzeug.wrappers import Request, Response

from infra.functions import CONSOLE_DIR
from infra.sandbox import http_api, local_records, loopback, media_proxy, static
from infra.sandbox.environment import FAIL_NEXT_FILE, MEDIA_BUCKET, function_name
from infra.sandbox.jwt_authorizer import JwtAuthorizer
from infra.sandbox.lambda_runtime import LambdaFunction
from infra.sandbox.routes import RouteTable

API_PREFIX = "/api"
COGNITO_PATH = "/_aws/cognito/"
# Cognito's API calls that need no AWS credentials (the ones a browser makes); the admin calls need
# SigV4 on AWS and are not reachable through the public port here either. The last three set up TOTP
# MFA, with the person's access token or the session of an MFA_SETUP sign-in challenge.
COGNITO_PUBLIC_ACTIONS = frozenset({
    "InitiateAuth", "RespondToAuthChallenge", "GetUser", "GlobalSignOut", "RevokeToken", "ChangePassword",
    "ForgotPassword", "ConfirmForgotPassword",
    "AssociateSoftwareToken", "VerifySoftwareToken", "SetUserMFAPreference",
})
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
       "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
# The outbox shows emails as their recipients see them: inline styles, in a sandboxed frame (no scripts).
OUTBOX_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": CSP,
}


def _json(body: object, status: int = 200) -> Response:
    response = Response(json.dumps(body), status=status, content_type="application/json")
    response.headers["Cache-Control"] = "no-store"
    return response


class Gateway:
    def __init__(self, *, functions: dict[str, LambdaFunction], authorizer: JwtAuthorizer, identity: dict,
                 outbox: local_records.Outbox, timeline_path: Path, moto_app: Callable,
                 fail_next_path: Path | None = None, console_dir: Path = CONSOLE_DIR, loopback_only: bool = True):
        self.functions = functions
        self.routes = RouteTable()
        self.authorizer = authorizer
        self.identity = identity  # {"region", "userPoolId", "userPoolClientId"}
        self.outbox = outbox
        self.timeline_path = timeline_path
        self.fail_next_path = fail_next_path or timeline_path.with_name(FAIL_NEXT_FILE)
        self.moto_app = moto_app
        self.console_dir = console_dir
        self.loopback_only = loopback_only

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        request = Request(environ)
        response = self.dispatch(request) if self._host_allowed(request) else http_api.message(400, "Unknown host")
        if request.path == "/outbox.html":
            response.headers["Content-Security-Policy"] = OUTBOX_CSP
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response(environ, start_response)

    def _host_allowed(self, request: Request) -> bool:
        """On loopback, only loopback names: a page on another site cannot rebind its DNS name to us."""
        return not self.loopback_only or loopback.names_loopback(request.host)

    def dispatch(self, request: Request) -> Response:
        path = request.path
        if path == "/config.json":
            return self.config(request)
        if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
            return self.api(request, path.removeprefix(API_PREFIX))
        if path.startswith(COGNITO_PATH.rstrip("/")):
            return self.cognito(request)
        if path == "/_local/outbox":
            return _json(self.outbox.emails())
        if path == media_proxy.PATH or path.startswith(media_proxy.PATH + "/"):
            return media_proxy.serve(request, self.moto_app, MEDIA_BUCKET)
        if path == "/_local/timeline":
            return _json(local_records.timeline(self.timeline_path))
        if path.startswith(local_records.TIMELINE_MEDIA_PATH) and request.method in ("GET", "HEAD"):
            found = static.serve(self.timeline_path.parent / local_records.TIMELINE_MEDIA_DIR,
                                 path.removeprefix(local_records.TIMELINE_MEDIA_PATH))
            if found is not None:
                return found
        if path == "/_local/fail-next":
            return self.fail_next(request)
        if request.method in ("GET", "HEAD"):
            found = static.serve(self.console_dir, path)
            if found is not None:
                return found
        return Response("Not Found", status=404, content_type="text/plain; charset=utf-8")

    def config(self, request: Request) -> Response:
        """The same shape the stack writes to the console bucket; addresses on the origin the page came from."""
        origin = f"{request.scheme}://{request.host}"
        return _json({"apiUrl": origin + API_PREFIX, "cognitoEndpoint": origin + COGNITO_PATH, **self.identity})

    def api(self, request: Request, path: str) -> Response:
        if request.method == "OPTIONS":  # the console is same-origin here: no CORS headers needed
            methods = self.routes.methods(path)
            if not methods:
                return http_api.message(404, "Not Found")
            return Response(status=204, headers={"Allow": ", ".join([*methods, "OPTIONS"])})
        match = self.routes.match(request.method, path)
        if match is None:
            return http_api.message(404, "Not Found")
        claims = None
        if match.route.authorized:
            claims = self.authorizer.claims(request.headers.get("Authorization"))
            if claims is None:
                return http_api.message(401, "Unauthorized", {"WWW-Authenticate": "Bearer"})
        outcome = self.functions[function_name(match.spec.name)].invoke(http_api.event(request, path, match, claims))
        if outcome.failed:
            return http_api.message(500, "Internal Server Error")
        return http_api.response(outcome.json())

    def fail_next(self, request: Request) -> Response:
        """GET: what the next publish to a local channel will do; POST {"outcome": "refused"|"uncertain"}:
        make it fail so. JSON only, so a page on another site cannot arm it with a plain form post."""
        if request.method == "POST":
            if request.mimetype != "application/json":
                return _json({"message": "Send JSON: {\"outcome\": \"refused\"} or {\"outcome\": \"uncertain\"}."}, 415)
            body = request.get_json(silent=True)
            outcome = (body or {}).get("outcome", "refused") if isinstance(body, dict) else None
            try:
                local_records.arm_failure(self.fail_next_path, outcome)
            except ValueError as error:
                return _json({"message": str(error)}, 422)
        elif request.method not in ("GET", "HEAD"):
            return _json({"message": "Use GET or POST."}, 405)
        return _json({"nextPublish": local_records.armed_failure(self.fail_next_path) or "publishes"})

    def cognito(self, request: Request) -> Response:
        service, _, action = request.headers.get("X-Amz-Target", "").partition(".")
        if request.method != "POST" or service != "AWSCognitoIdentityProviderService" \
                or action not in COGNITO_PUBLIC_ACTIONS:
            return Response(json.dumps({"__type": "AccessDeniedException",
                                        "message": "Only Cognito's public sign-in actions are served here."}),
                            status=403, content_type="application/x-amz-json-1.1")
        body = request.get_data()
        environ = {**request.environ, "PATH_INFO": "/", "QUERY_STRING": "", "wsgi.input": io.BytesIO(body),
                   "CONTENT_LENGTH": str(len(body))}
        environ.pop("HTTP_AUTHORIZATION", None)  # unsigned, as a browser sends it; moto routes it by X-Amz-Target
        return Response.from_app(self.moto_app, environ)
