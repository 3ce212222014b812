"""The HTTP API's JWT authorizer for a Cognito user pool, as configured by the CDK stack.

``Authorization: Bearer <ID token>``: RS256 signature against the pool's JWKS, ``iss`` the pool,
``aud`` the console's app client, ``exp`` in the future, ``token_use`` ``id``. Anything else is
refused before the handler runs.
"""

from __future__ import annotations

import json
from urllib.request import urlopen

from joserfc import jwt
from joserfc.jwk import KeySet

ALGORITHMS = ["RS256"]


def issuer(region: str, user_pool_id: str) -> str:
    return f"https://cognito-idp.{region}.amazonaws.com/{user_pool_id}"


def fetch_jwks(url: str) -> dict:
    """The pool's public keys, read once as API Gateway reads and caches them."""
    with urlopen(url, timeout=10) as answer:  # noqa: S310 a loopback http URL we built
        return json.load(answer)


class JwtAuthorizer:
    def __init__(self, *, issuer: str, audience: str, jwks: dict):
        self.keys = KeySet.import_key_set(jwks)
        self.rules = jwt.JWTClaimsRegistry(
            iss={"essential": True, "value": issuer},
            aud={"essential": True, "value": audience},
            exp={"essential": True},
            token_use={"essential": True, "value": "id"},
        )

    def claims(self, authorization: str | None) -> dict | None:
        """The token's claims if it is acceptable, else None."""
        scheme, _, token = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        try:
            decoded = jwt.decode(token.strip(), self.keys, algorithms=ALGORITHMS)
            self.rules.validate(decoded.claims)
        except Exception:  # fail closed: whatever is wrong with a token, it does not get in
            return None
        return decoded.claims
