"""Who is calling: the person as the users table knows them now, and what they may do.

A Cognito ID token stays valid for up to an hour after it was issued, and its ``cognito:groups`` are
the groups of that moment. So the token only says *who* is calling (its ``email``); what they may do
comes from their record in the users table, read on every request (one BatchGetItem, with the
organisation's settings, which say whether MFA is required). A demotion or a
deactivation therefore takes effect on the person's next request, and a review link is checked the
same way when it is used. There is deliberately no cache across requests: the read is a few
milliseconds and one read unit, and any cache would be a window in which someone removed could still
act. Within one request the Caller carries the record, so the domain never reads it again.

``caller_for`` is the one place a Caller is made; a new per-request fact about the caller is a new
field with a default on ``Caller``, computed there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from understudy import data
from understudy.errors import Forbidden, Unauthenticated
from understudy.model import ADMINS, GROUPS, REVIEWERS, Settings, User, normal_email

NOT_A_MEMBER = "{email} is not on this organisation's people list. Ask an admin to invite you."
DEACTIVATED = "The access of {email} was removed by an admin (deactivated). Ask an admin if this is a mistake."
# Why an admin or reviewer is refused while the organisation requires MFA and they have not set it up.
MFA_NEEDED = ("Your organisation requires two-step sign-in (MFA) for admins and reviewers, and you have not set "
              "it up yet. Set it up on the console's Two-step sign-in page (mfa.html), then try again.")


@dataclass(frozen=True)
class Caller:
    email: str
    name: str
    roles: frozenset[str] = frozenset()
    # The person's users-table record, read once for this request (None only where a test builds a Caller).
    record: User | None = field(default=None, compare=False, repr=False)
    # The organisation requires MFA of this person's roles and they have not set it up: their admin and
    # reviewer powers are withheld until they do.
    mfa_missing: bool = False
    # The organisation's settings, read with the record (one BatchGetItem) for this request's checks.
    settings: Settings | None = field(default=None, compare=False, repr=False)

    @property
    def is_admin(self) -> bool:
        return ADMINS in self.roles and not self.mfa_missing

    @property
    def is_reviewer(self) -> bool:
        return bool(self.roles & {REVIEWERS, ADMINS}) and not self.mfa_missing

    @property
    def training_mode(self) -> bool:
        return self.record.training_mode if self.record else True

    def require_admin(self) -> None:
        if ADMINS in self.roles and self.mfa_missing:
            raise Forbidden(MFA_NEEDED)
        if not self.is_admin:
            raise Forbidden("Only admins can do this.")

    def require_reviewer(self) -> None:
        if self.roles & GROUPS and self.mfa_missing:
            raise Forbidden(MFA_NEEDED)
        if not self.is_reviewer:
            raise Forbidden("Only reviewers and admins can do this.")


def caller_for(email: str, claims: dict | None = None) -> Caller:
    """The person as they are now: their users-table record, active, with its roles (one read, with the
    settings). Forbidden (403) when there is no record or it is deactivated. ``claims`` are the token's
    claims when the person signed in (None for a review link), for facts only the token holds."""
    email = normal_email(email)
    user, settings = data.get_user_and_settings(email)
    return caller_from_record(email, user, settings)


def caller_from_record(email: str, user: User | None, settings: Settings) -> Caller:
    """``caller_for`` once the record and the settings are read (review links read them with other items)."""
    if user is None:
        raise Forbidden(NOT_A_MEMBER.format(email=email))
    if not user.active:
        raise Forbidden(DEACTIVATED.format(email=email))
    roles = user.roles & GROUPS
    return Caller(email=user.email, name=user.name or email, roles=roles, record=user,
                  mfa_missing=mfa_required(settings, roles) and not user.mfa_enabled, settings=settings)


def mfa_required(settings: Settings, roles: frozenset[str]) -> bool:
    """Whether the organisation requires two-step sign-in of someone with these roles."""
    return settings.require_mfa and bool(roles & GROUPS)


def caller_from_claims(claims: dict | None) -> Caller:
    """The signed-in caller: 401 without an email claim, else ``caller_for`` that email."""
    claims = claims or {}
    email = normal_email(claims.get("email"))
    if not email:
        raise Unauthenticated("Sign in to continue.")
    return caller_for(email, claims)
