"""Two-step sign-in (TOTP MFA) for the people who can publish.

Cognito holds each person's authenticator secret and asks for a code at sign-in; the console sets it up
with the person's own access token. The API keeps only a flag on the person's users-table record
(``mfa_enabled``), and sets it only after asking Cognito itself (AdminGetUser), never on the browser's
word. An organisation that sets ``requireMfa`` has the API withhold admin and reviewer powers from
anyone with those roles whose flag is not set: ``auth.caller_for`` marks such a caller ``mfa_missing``,
for the console and for review links alike.
"""

from __future__ import annotations

from dataclasses import replace

from understudy import audit, data, directory
from understudy.auth import Caller, mfa_required
from understudy.errors import Conflict, NotFound


def status(caller: Caller) -> dict:
    """What GET /me says about MFA: whether it is set up and whether the organisation requires it."""
    settings = caller.settings or data.get_settings()
    return {"mfaEnabled": bool(caller.record and caller.record.mfa_enabled),
            "mfaRequired": mfa_required(settings, caller.roles)}


def confirm(caller: Caller) -> dict:
    """Record what Cognito says about the caller's TOTP MFA (POST /me/mfa, after setting it up).

    The flag follows Cognito both ways; when Cognito does not show TOTP turned on, the answer is a
    409 that says what to do.
    """
    user = caller.record or data.get_user(caller.email)
    if user is None:
        raise NotFound(f"{caller.email} is not in the people list; ask an admin to invite you.")
    enabled = directory.totp_enabled(caller.email)
    if enabled != user.mfa_enabled:
        user = replace(user, mfa_enabled=enabled)
        data.save_user(user, also=(audit.write_with(audit.Action.MFA_CHANGED, caller.email, person=caller.email,
                                                    mfaEnabled=enabled),))
    if not enabled:
        raise Conflict("Cognito does not show two-step sign-in (TOTP) turned on for your account yet: scan the "
                       "code with your authenticator app, enter the code it shows, then try again.")
    return status(replace(caller, record=user))


