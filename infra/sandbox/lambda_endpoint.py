"""Lambda's Invoke API for our functions, in front of moto (the role ``sam local start-lambda`` plays).

moto's ASL interpreter calls Lambda at ``http://localhost:$MOTO_PORT``. This WSGI layer owns that port:
``POST /2015-03-31/functions/{name}/invocations`` for one of our functions runs the handler in-process;
every other request goes to moto untouched. A handler exception is answered as Lambda answers it
(200, ``X-Amz-Function-Error: Unhandled``, ``{"errorMessage", "errorType", "stackTrace"}``), so the
workflow's ``ErrorEquals`` can match our exception class names. The sandbox owns Lambda: an Invoke of
any other name is ``ResourceNotFoundException`` (moto without Docker would answer a canned success).
An asynchronous invoke (``X-Amz-Invocation-Type: Event``) is answered 202 at once and run in a thread,
retried twice if it fails, as Lambda does (Lambda waits about a minute, then two; the sandbox seconds).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable, Iterable

from werkzeug.wrappers import Request, Response

from infra.sandbox.environment import FUNCTION_PREFIX
from infra.sandbox.lambda_runtime import LambdaFunction

INVOKE_PATH = re.compile(r"^/2015-03-31/functions/(?P<ref>[^/]+)/invocations$")
# Lambda runs a failed asynchronous invocation twice more; the pauses before each retry, in seconds.
EVENT_RETRY_PAUSES = (1.0, 2.0)
# A function reference: a name, a partial ARN (account:function:name) or a full ARN, each with an
# optional :qualifier.
FUNCTION_REF = re.compile(r"^(?:(?:arn:aws[\w-]*:lambda:[\w-]+:)?\d{12}:function:)?(?P<name>[\w-]+)(?::[\w$-]+)?$")


def resolve(ref: str, functions: dict[str, LambdaFunction]) -> LambdaFunction | None:
    match = FUNCTION_REF.match(ref)
    return functions.get(match["name"]) if match and match["name"].startswith(FUNCTION_PREFIX) else None


class LambdaEndpoint:
    def __init__(self, functions: dict[str, LambdaFunction], moto_app: Callable):
        self.functions = functions
        self.moto_app = moto_app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        match = INVOKE_PATH.match(environ.get("PATH_INFO", ""))
        if not match or environ.get("REQUEST_METHOD") != "POST":
            return self.moto_app(environ, start_response)
        function = resolve(match["ref"], self.functions)
        if function is None:
            answer = _client_error(404, "ResourceNotFoundException", f"Function not found: {match['ref']}")
        else:
            answer = self.invoke(function, Request(environ))
        return answer(environ, start_response)

    def invoke(self, function: LambdaFunction, request: Request) -> Response:
        try:
            event = json.loads(request.get_data() or b"{}")
        except ValueError:
            return _client_error(400, "InvalidRequestContentException", "Could not parse request body into json")
        invocation_type = request.headers.get("X-Amz-Invocation-Type", "RequestResponse")
        if invocation_type == "DryRun":
            return Response(status=204)
        if invocation_type == "Event":
            threading.Thread(target=run_event, args=(function, event), daemon=True).start()
            return Response(status=202)
        if invocation_type != "RequestResponse":
            return _client_error(400, "InvalidParameterValueException", f"Unknown invocation type {invocation_type}")
        outcome = function.invoke(event)
        headers = {"X-Amz-Executed-Version": "$LATEST"}
        if outcome.failed:
            headers["X-Amz-Function-Error"] = "Unhandled"
        return Response(outcome.payload, status=200, headers=headers, content_type="application/json")


def run_event(function: LambdaFunction, event: object, pauses: tuple[float, ...] = EVENT_RETRY_PAUSES) -> bool:
    """An asynchronous invocation: run, and run again after each pause while it fails; False if it never
    succeeded (Lambda would then drop the event; the failure was logged each time)."""
    for pause in (*pauses, None):
        if not function.invoke(event).failed:
            return True
        if pause is not None:
            time.sleep(pause)
    return False


def _client_error(status: int, error_type: str, message: str) -> Response:
    return Response(json.dumps({"Type": "User", "message": message}), status=status,
                    headers={"x-amzn-ErrorType": error_type}, content_type="application/json")
