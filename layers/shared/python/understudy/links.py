"""Signed, expiring review links.

A link carries only a reference — post id, revision, reviewer, expiry and the id of the key that
signed it — never the workflow's task token. Tokens are ``<payload>.<signature>``, both base64url,
the signature HMAC-SHA256 over the encoded payload. The signing keys live in one Secrets Manager
secret, ``{"current": "<key id>", "keys": {"<key id>": "<base64url key>"}}``; keeping the previous
key in ``keys`` while signing with a new ``current`` rotates without breaking links in flight.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass

from understudy.config import config
from understudy.errors import Forbidden, LinkExpired

FORGED = "This review link is not valid. Open the review queue in the console instead."


@dataclass(frozen=True)
class LinkClaim:
    post_id: str
    revision: int
    reviewer: str
    expires: int
    key_id: str = ""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def signing_keys(*, fresh: bool = False) -> dict:
    from understudy.secrets import get_json_secret

    return get_json_secret(config().link_key_secret, fresh=fresh)


def _mac(key: str, payload: str) -> str:
    return _b64(hmac.new(_unb64(key), payload.encode(), hashlib.sha256).digest())


def sign(post_id: str, revision: int, reviewer: str, expires: int, keys: dict | None = None) -> str:
    keys = keys or signing_keys()
    key_id = keys["current"]
    payload = _b64(json.dumps({"p": post_id, "r": revision, "u": reviewer, "e": expires, "k": key_id},
                              separators=(",", ":")).encode())
    return f"{payload}.{_mac(keys['keys'][key_id], payload)}"


def verify(token: str, *, now: float | None = None, keys: dict | None = None) -> LinkClaim:
    """The claim a genuine, unexpired token makes. Forbidden if forged or tampered, LinkExpired if old."""
    try:
        payload, signature = (token or "").split(".")
        fields = json.loads(_unb64(payload))
        claim = LinkClaim(post_id=str(fields["p"]), revision=int(fields["r"]), reviewer=str(fields["u"]),
                          expires=int(fields["e"]), key_id=str(fields["k"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise Forbidden(FORGED) from exc
    if keys is None:
        keys = signing_keys()
        if claim.key_id not in keys["keys"]:
            keys = signing_keys(fresh=True)  # the key may have been added since the cached copy was read
    key = keys["keys"].get(claim.key_id)
    if key is None or not hmac.compare_digest(_mac(key, payload), signature):
        raise Forbidden(FORGED)
    if (now if now is not None else time.time()) >= claim.expires:
        raise LinkExpired("This review link has expired. The review may still be open in the console.")
    return claim
