"""Two-step sign-in (TOTP MFA) for the people who can publish.

Cognito holds each person's authenticator secret and asks for a code at sign-in; the console sets it up
with the person's own access token. The API keeps only a flag on the person's users-table record
(``mfa_enabled``), and sets it only after asking Cognito itself (AdminGetUser), never on the browser's
word. An organisation that sets ``requireMfa`` has the API withhold admin and reviewer powers from
anyone with those roles whose flag is not set (``Caller.mfa_missing``).
"""

from __future__ import annotations

from dataclasses import replace

from understudy import audit, data, directory, org
from understudy.auth import MFA_NEEDED, Caller
from understudy.errors import Conflict, Forbidden, NotFound
from understudy.model import GROUPS, Settings, User


def required(settings: Settings, roles: frozenset[str]) -> bool:
    """Whether the organisation requires MFA of someone with these roles."""
    return settings.require_mfa and bool(roles & GROUPS)


def missing(user: User | None, settings: Settings, roles: frozenset[str] | None = None) -> bool:
    """MFA is required of the person (for ``roles``, by default those on their record) and not set up."""
    if roles is None:
        roles = user.roles if user else frozenset()
    return required(settings, roles) and not (user is not None and user.mfa_enabled)


def check(caller: Caller) -> Caller:
    """The caller with ``mfa_missing`` set. Reads the person's record only when MFA is required of their
    roles, and the settings from the per-container cache, so most requests add no DynamoDB call."""
    settings = org.current_settings()
    if not required(settings, caller.roles):
        return caller
    return replace(caller, mfa_missing=missing(data.get_user(caller.email), settings, caller.roles))


def check_link_decider(email: str) -> None:
    """A decision by emailed link (no sign-in, so no Caller) is refused like the console's while the
    organisation requires MFA and the person named in the link has not set it up; otherwise the link
    would be a way around the requirement. Reads their record only while MFA is required."""
    settings = org.current_settings()
    if settings.require_mfa and missing(data.get_user(email.lower()), settings):
        raise Forbidden(MFA_NEEDED)


def status(caller: Caller, user: User | None) -> dict:
    """What GET /me says about MFA: whether it is set up and whether the organisation requires it."""
    return {"mfaEnabled": bool(user and user.mfa_enabled),
            "mfaRequired": required(org.current_settings(), caller.roles)}


def confirm(caller: Caller) -> dict:
    """Record what Cognito says about the caller's TOTP MFA (POST /me/mfa, after setting it up).

    The flag follows Cognito both ways; when Cognito does not show TOTP turned on, the answer is a
    409 that says what to do.
    """
    user = data.get_user(caller.email)
    if user is None:
        raise NotFound(f"{caller.email} is not in the people list; ask an admin to invite you.")
    enabled = directory.totp_enabled(caller.email)
    if enabled != user.mfa_enabled:
        user.mfa_enabled = enabled
        data.save_user(user, also=(audit.write_with(audit.Action.MFA_CHANGED, caller.email, person=caller.email,
                                                    mfaEnabled=enabled),))
    if not enabled:
        raise Conflict("Cognito does not show two-step sign-in (TOTP) turned on for your account yet: scan the "
                       "code with your authenticator app, enter the code it shows, then try again.")
    return status(caller, user)
