"""Cognito's invitation email, which moto does not send.

On AWS, ``AdminCreateUser`` with ``DesiredDeliveryMediums=["EMAIL"]`` makes Cognito generate a
temporary password and email it; the person signs in with it and must choose a new one. moto creates
the user with no password at all, so an invited person could never sign in here. This WSGI layer on
moto's port plays Cognito's part: it supplies the temporary password in the request (moto keeps it)
and, once moto has created the user, puts Cognito's default invitation in the outbox.
"""

from __future__ import annotations

import io
import json
import secrets
from collections.abc import Callable, Iterable

from infra.sandbox.local_records import Outbox

TARGET = "AWSCognitoIdentityProviderService.AdminCreateUser"
# Cognito's defaults when the pool sets no invitation template.
SUBJECT = "Your temporary password"
MESSAGE = "Your username is {username} and temporary password is {password}."


def temporary_password() -> str:
    """Meets Cognito's default policy: 8+ characters with upper and lower case, a digit and a symbol."""
    return f"Tmp-{secrets.token_hex(4)}-Aa1"


def _emailed(request: dict) -> bool:
    return request.get("MessageAction") != "SUPPRESS" and "EMAIL" in (request.get("DesiredDeliveryMediums") or ())


def _address(request: dict) -> str:
    attributes = {a.get("Name"): a.get("Value") for a in request.get("UserAttributes") or ()}
    return attributes.get("email") or request.get("Username", "")


class CognitoInvitations:
    def __init__(self, app: Callable, outbox: Outbox):
        self.app = app
        self.outbox = outbox

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("HTTP_X_AMZ_TARGET") != TARGET:
            return self.app(environ, start_response)
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        environ["wsgi.input"] = io.BytesIO(body)
        try:
            request = json.loads(body or b"{}")
        except ValueError:
            return self.app(environ, start_response)  # moto answers the malformed request
        emailed = _emailed(request)
        if emailed and not request.get("TemporaryPassword"):
            request["TemporaryPassword"] = temporary_password()
            body = json.dumps(request).encode()
        environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))

        def created(status: str, headers: list, exc_info=None):
            if emailed and status.startswith("200"):
                self.outbox.add(to=_address(request), subject=SUBJECT, text=MESSAGE.format(
                    username=request.get("Username", ""), password=request["TemporaryPassword"]))
            return start_response(status, headers, exc_info)

        return self.app(environ, created)
