"""A post's time to go live (publishAt): what a person may give, and what it means once approved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from understudy.config import config
from understudy.errors import InvalidValue
from understudy.model import Post, Status

LATEST = timedelta(days=365)
FIELD = "publishAt"


def iso(moment: datetime) -> str:
    """UTC to the second with a Z: what Step Functions' TimestampPath takes and what sorts as text."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(value: str | None, *, now: datetime | None = None) -> str | None:
    """A publishAt from a person: ISO 8601 with an offset, at least a minute (the configured soonest) and at
    most a year ahead.
    Answers it in UTC (``iso``); None when none was given. InvalidValue (422) otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        moment = datetime.fromisoformat(str(value).strip().replace("z", "Z"))
    except ValueError as exc:
        raise InvalidValue(FIELD, "Give the time to go live as an ISO 8601 date and time with its offset, "
                                  "such as 2026-12-08T09:00:00+00:00.") from exc
    if moment.tzinfo is None:
        raise InvalidValue(FIELD, "Give the time to go live with its offset from UTC (such as +01:00 or Z), "
                                  "so that it means the same moment everywhere.")
    now = now or datetime.now(UTC)
    soonest = config().publish_at_soonest_seconds
    if moment < now + timedelta(seconds=soonest):
        ahead = "a minute" if soonest == 60 else f"{soonest} seconds"
        raise InvalidValue(FIELD, f"The time to go live must be at least {ahead} from now.")
    if moment > now + LATEST:
        raise InvalidValue(FIELD, "The time to go live must be within a year from now.")
    if moment.microsecond:  # to the next whole second: never earlier than asked
        moment += timedelta(microseconds=1_000_000 - moment.microsecond)
    return iso(moment)


def due(post: Post, *, now: datetime | None = None) -> bool:
    """Whether the post's time to go live has come (or it has none)."""
    return not post.publish_at or post.publish_at <= iso(now or datetime.now(UTC))


def after_approval(post: Post) -> Status:
    """Where an approved post goes: scheduled while its time is ahead; else publishing, and ``late`` when
    it had a time the review ran past."""
    if not due(post):
        return Status.SCHEDULED
    post.late = bool(post.publish_at)
    return Status.PUBLISHING
