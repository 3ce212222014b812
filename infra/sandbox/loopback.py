"""Keeping loopback servers to this machine's own programs.

Listening on 127.0.0.1 is not enough on its own: any web page the developer has open can make the
browser send requests to 127.0.0.1, and can rebind its own DNS name to 127.0.0.1 to read the answers.
A request that names a foreign host, or (on moto's port) comes from a browser at all, is refused.
"""

from __future__ import annotations

import ipaddress
import json
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


def is_loopback(address: str) -> bool:
    try:
        return address == "localhost" or ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def names_loopback(host_header: str) -> bool:
    """Whether a Host header (``name[:port]``) names this machine's loopback."""
    return urlsplit(f"//{host_header}").hostname in NAMES


class ProgramsOnly:
    """WSGI: moto's port serves boto3 and the ASL interpreter, never a browser.

    moto's Flask app allows every origin (CORS ``*``). Browsers send ``Origin`` on cross-site requests
    and on every POST, and ``Sec-Fetch-Mode`` on everything; refusing those keeps web pages away from
    the data while SDKs, which send neither, are unaffected.
    """

    def __init__(self, app: Callable):
        self.app = app

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        from_browser = "HTTP_ORIGIN" in environ or "HTTP_SEC_FETCH_MODE" in environ
        if from_browser or not names_loopback(environ.get("HTTP_HOST", "")):
            body = json.dumps({"message": "This port is for the sandbox's own programs."}).encode()
            start_response("403 Forbidden", [("Content-Type", "application/json"),
                                             ("Content-Length", str(len(body)))])
            return [body]
        return self.app(environ, start_response)
