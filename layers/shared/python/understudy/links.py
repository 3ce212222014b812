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
# A token naming a key we do not hold may mean the key was added since we read the secret; re-reading
# is allowed this often per container, so forged key ids cannot turn every request into a Secrets
# Manager read.
REFRESH_SECONDS = 60
_refreshed_at = float("-inf")


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


def _not_a_number(constant: str):
    raise ValueError(f"{constant} is not a number a link carries")


def _claim(payload: str) -> LinkClaim:
    """The payload's fields, each of exactly its type (no floats, no Infinity); ValueError otherwise."""
    fields = json.loads(_unb64(payload), parse_constant=_not_a_number, parse_float=_not_a_number)
    if not isinstance(fields, dict):
        raise ValueError("the payload is not an object")
    texts, numbers = ("p", "u", "k"), ("r", "e")
    if not all(isinstance(fields.get(name), str) for name in texts) or not all(
            type(fields.get(name)) is int for name in numbers):
        raise ValueError("a field is missing or of the wrong type")
    return LinkClaim(post_id=fields["p"], revision=fields["r"], reviewer=fields["u"], expires=fields["e"],
                     key_id=fields["k"])


def _keys_for(key_id: str) -> dict:
    """The signing keys, re-read at most once per REFRESH_SECONDS when they lack ``key_id``."""
    global _refreshed_at
    keys = signing_keys()
    if key_id not in keys["keys"] and time.monotonic() - _refreshed_at >= REFRESH_SECONDS:
        _refreshed_at = time.monotonic()
        keys = signing_keys(fresh=True)
    return keys


def verify(token: str, *, now: float | None = None, keys: dict | None = None) -> LinkClaim:
    """The claim a genuine, unexpired token makes. Forbidden if forged or tampered, LinkExpired if old."""
    try:
        payload, signature = (token or "").split(".")
        claim = _claim(payload)
    except (ValueError, RecursionError) as exc:  # base64, JSON (UnicodeError is a ValueError), types, nesting
        raise Forbidden(FORGED) from exc
    key = (keys or _keys_for(claim.key_id))["keys"].get(claim.key_id)
    # Bytes, not str: compare_digest refuses str with non-ASCII characters.
    if key is None or not hmac.compare_digest(_mac(key, payload).encode(), signature.encode()):
        raise Forbidden(FORGED)
    if (now if now is not None else time.time()) >= claim.expires:
        raise LinkExpired("This review link has expired. The review may still be open in the console.")
    return claim
