"""What the organisation sets: the one-page guidelines, the review settings and its channels."""

from __future__ import annotations

import re

from understudy import audit, data
from understudy.auth import Caller
from understudy.errors import BadInput
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


def set_settings(caller: Caller, review_timeout_seconds: int, revision_timeout_seconds: int,
                 sender_email: str) -> Settings:
    caller.require_admin()
    for label, value in (("review timeout", review_timeout_seconds),
                         ("revision timeout", revision_timeout_seconds)):
        if not 1 <= value <= YEAR:
            raise BadInput(f"The {label} must be between 1 second and a year; got {value}.")
    sender_email = sender_email.strip()
    if sender_email and "@" not in sender_email:
        raise BadInput(f"{sender_email!r} is not an email address.")
    saved = Settings(review_timeout_seconds=review_timeout_seconds,
                     revision_timeout_seconds=revision_timeout_seconds, sender_email=sender_email)
    data.put_settings(saved, by=caller.email, at=now_iso())
    audit.record(audit.Action.SETTINGS_CHANGED, caller.email, **saved.as_json())
    return saved


def channels() -> list[Channel]:
    return data.list_channels()
