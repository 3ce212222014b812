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


# Why an admin or reviewer is refused while the organisation requires MFA and they have not set it up.
MFA_NEEDED = ("Your organisation requires two-step sign-in (MFA) for admins and reviewers, and you have not set "
              "it up yet. Set it up on the console's Two-step sign-in page (mfa.html), then try again.")


@dataclass(frozen=True)
class Caller:
    email: str
    name: str
    roles: frozenset[str]
    # The organisation requires MFA of this person's roles and they have not set it up (understudy.mfa):
    # their admin and reviewer powers are withheld until they do.
    mfa_missing: bool = False

    @property
    def is_admin(self) -> bool:
        return ADMINS in self.roles and not self.mfa_missing

    @property
    def is_reviewer(self) -> bool:
        return bool(self.roles & {REVIEWERS, ADMINS}) and not self.mfa_missing

    def require_admin(self) -> None:
        if ADMINS in self.roles and self.mfa_missing:
            raise Forbidden(MFA_NEEDED)
        if not self.is_admin:
            raise Forbidden("Only admins can do this.")

    def require_reviewer(self) -> None:
        if self.roles & {REVIEWERS, ADMINS} and self.mfa_missing:
            raise Forbidden(MFA_NEEDED)
        if not self.is_reviewer:
            raise Forbidden("Only reviewers and admins can do this.")


def caller_from_claims(claims: dict | None) -> Caller:
    claims = claims or {}
    email = str(claims.get("email") or "").strip().lower()
    if not email:
        raise Unauthenticated("Sign in to continue.")
    return Caller(email=email, name=str(claims.get("name") or email),
                  roles=parse_groups(claims.get("cognito:groups")))
