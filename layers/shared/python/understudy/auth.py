"""Who is calling: the caller's identity and roles, from the JWT claims the HTTP API passes on."""

from __future__ import annotations

from dataclasses import dataclass

from understudy.errors import Forbidden, Unauthenticated
from understudy.model import ADMINS, GROUPS, REVIEWERS


def parse_groups(value: object) -> frozenset[str]:
    """The exact set of groups in ``cognito:groups``.

    The HTTP API passes list claims as one string such as ``[admins reviewers]``; tests and other
    callers may pass a real list. Only known group names count, matched exactly (no substrings).
    """
    if value is None:
        return frozenset()
    if isinstance(value, str):
        parts = value.strip().removeprefix("[").removesuffix("]").replace(",", " ").split()
    elif isinstance(value, list | tuple | set | frozenset):
        parts = [str(part) for part in value]
    else:
        return frozenset()
    return frozenset(part.strip().strip('"') for part in parts) & GROUPS


@dataclass(frozen=True)
class Caller:
    email: str
    name: str
    roles: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return ADMINS in self.roles

    @property
    def is_reviewer(self) -> bool:
        return REVIEWERS in self.roles or ADMINS in self.roles

    def require_admin(self) -> None:
        if not self.is_admin:
            raise Forbidden("Only admins can do this.")

    def require_reviewer(self) -> None:
        if not self.is_reviewer:
            raise Forbidden("Only reviewers and admins can do this.")


def caller_from_claims(claims: dict | None) -> Caller:
    claims = claims or {}
    email = str(claims.get("email") or "").strip().lower()
    if not email:
        raise Unauthenticated("Sign in to continue.")
    return Caller(email=email, name=str(claims.get("name") or email),
                  roles=parse_groups(claims.get("cognito:groups")))
