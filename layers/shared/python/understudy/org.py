"""What the organisation sets: the one-page guidelines, the review settings and its channels."""

from __future__ import annotations

import re
from dataclasses import asdict

from understudy import audit, data
from understudy.auth import Caller
from understudy.errors import BadInput, Conflict
from understudy.model import Channel, Guidelines, Settings, now_iso

GUIDELINES_LIMIT = 20_000
YEAR = 365 * 24 * 3600
BULLET = re.compile(r"^\s*[-*+]\s+(.*\S)\s*$")


def guidelines() -> Guidelines:
    return data.get_guidelines() or Guidelines(markdown="")


def guideline_items(markdown: str) -> list[str]:
    """The bullet points of the guidelines: what a reviewer checks a post against."""
    return [m.group(1) for line in markdown.splitlines() if (m := BULLET.match(line))]


def set_guidelines(caller: Caller, markdown: str) -> Guidelines:
    caller.require_admin()
    if len(markdown) > GUIDELINES_LIMIT:
        raise BadInput(f"The guidelines are limited to {GUIDELINES_LIMIT} characters (one page).")
    saved = Guidelines(markdown=markdown, updated_at=now_iso(), updated_by=caller.email)
    data.put_guidelines(saved)
    audit.record(audit.Action.GUIDELINES_CHANGED, caller.email, characters=len(markdown))
    return saved


def settings(caller: Caller) -> Settings:
    caller.require_admin()
    return data.get_settings()


# How each timing is named in messages (the console finds the field a message is about by these words).
TIMING_LABELS = {
    "remind_after_seconds": "Remind after",
    "escalate_after_seconds": "Escalate after",
    "expire_after_seconds": "Expire after",
    "revision_expire_after_seconds": "The time before a revision expires",
}


def set_settings(caller: Caller, **changes) -> Settings:
    """Change some settings (those not given keep their values); all are checked before any is saved."""
    caller.require_admin()
    current = data.get_settings()
    values = {**asdict(current), **changes}
    for name, label in TIMING_LABELS.items():
        value = values[name]
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= YEAR:
            raise BadInput(f"{label} must be a whole number of seconds between 1 and a year ({YEAR}); "
                           f"got {value}.")
    remind, escalate, expire = (values["remind_after_seconds"], values["escalate_after_seconds"],
                                values["expire_after_seconds"])
    if not remind < escalate < expire:
        raise BadInput(f"Remind after ({remind} s) must come before escalate after ({escalate} s), which must "
                       f"come before expire after ({expire} s).")
    sender_email = (values["sender_email"] or "").strip()
    if sender_email and "@" not in sender_email:
        raise BadInput(f"{sender_email!r} is not an email address.")
    min_posts = values["ready_min_posts"]
    if isinstance(min_posts, bool) or not isinstance(min_posts, int) or not 1 <= min_posts <= 1000:
        raise BadInput(f"Posts before judging readiness must be a whole number between 1 and 1000; got {min_posts}.")
    share = values["ready_first_time_share"]
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
        raise BadInput(f"The share approved first time must be between 0 and 1 (0.8 is 80%); got {share}.")
    values["ready_first_time_share"] = float(share)
    _check_require_mfa(caller, values["require_mfa"], current.require_mfa)
    saved = Settings(**{**values, "sender_email": sender_email})
    data.put_settings(saved, by=caller.email, at=now_iso())
    audit.record(audit.Action.SETTINGS_CHANGED, caller.email, **saved.as_json())
    return saved


def _check_require_mfa(caller: Caller, wanted: object, before: bool) -> None:
    if not isinstance(wanted, bool):
        raise BadInput(f"Require MFA must be true or false; got {wanted!r}.")
    if wanted and not before:
        user = caller.record or data.get_user(caller.email)
        if not (user and user.mfa_enabled):
            # Otherwise the admin who turned it on would be refused every admin route, this one included.
            raise Conflict("Set up two-step sign-in (MFA) for yourself before requiring it of admins and "
                           "reviewers, or you would lock yourself out of the admin pages.")


def channels() -> list[Channel]:
    return data.list_channels()
