"""The audit trail: who did what, when, to which post and revision.

Each domain action calls ``record`` once, after its change has landed. ``entries`` pages the trail
newest first with filters, and ``csv_export`` writes the same selection as CSV for records requests.
"""

from __future__ import annotations

import csv
import io
import uuid
from datetime import UTC, datetime, time
from enum import StrEnum

from understudy import data
from understudy.auth import Caller
from understudy.errors import BadInput
from understudy.model import AuditEntry, Page, normal_email, now_iso
from understudy.observability import logger

EXPORT_LIMIT = 10_000
PAGE_SIZE = 50


class Action(StrEnum):
    SUBMITTED = "submitted"
    REMINDED = "reminded"
    ESCALATED = "escalated"
    DECIDED = "decided"
    REVISED = "revised"
    WITHDRAWN = "withdrawn"
    RESCHEDULED = "rescheduled"
    CANCELLED = "cancelled"
    PUBLISHED = "published"
    FAILED = "failed"
    NOT_PUBLISHED_TO = "not_published_to"  # one of a post's channels did not take it (the others go on)
    EXPIRED = "expired"
    PUBLISH_RETRIED = "publish_retried"
    MARKED_LIVE = "marked_live"
    ATTENTION_CLOSED = "attention_closed"
    TRAINING_MODE_CHANGED = "training_mode_changed"
    ROLES_CHANGED = "roles_changed"
    MENTORS_CHANGED = "mentors_changed"
    DEACTIVATED = "deactivated"
    REACTIVATED = "reactivated"
    GUIDELINES_CHANGED = "guidelines_changed"
    SETTINGS_CHANGED = "settings_changed"
    MFA_CHANGED = "mfa_changed"


def entry_for(action: Action, by: str, *, post: str | None = None, revision: int | None = None,
              **details) -> AuditEntry:
    return AuditEntry(id=uuid.uuid4().hex[:12], at=now_iso(), action=action.value, user=by, post=post,
                      revision=revision, details={k: v for k, v in details.items() if v is not None})


def write_with(action: Action, by: str, *, post: str | None = None, revision: int | None = None,
               **details) -> dict:
    """An entry as a write for the same transaction as the change it records (see data.save_post)."""
    return data.audit_put(entry_for(action, by, post=post, revision=revision, **details))


def record(action: Action, by: str, *, post: str | None = None, revision: int | None = None,
           **details) -> AuditEntry | None:
    """Write one entry. The action it records has already happened, so a failure here is logged
    loudly rather than undoing or failing it."""
    entry = entry_for(action, by, post=post, revision=revision, **details)
    try:
        data.add_audit(entry)
    except Exception:
        logger.exception("Could not write the audit entry", extra={"action": entry.action, "post_id": post})
        return None
    return entry


def _bound(value: str | None, label: str, *, end: bool) -> str | None:
    """An ISO date or date-time as a sort-key bound; a bare date covers the whole day."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace(" ", "+"))
    except ValueError as exc:
        raise BadInput(f"{label!r} must be an ISO date or date-time, such as 2026-11-29 or "
                       f"2026-11-29T10:00:00Z; got {value!r}.") from exc
    if len(value.strip()) == 10 and end:
        parsed = datetime.combine(parsed.date(), time.max)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    text = parsed.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return text + "#~" if end else text  # "#~" sorts after every "<at>#<id>" with that same time


def _query(user: str | None, post: str | None, action: str | None, start: str | None, end: str | None):
    if action and action not in Action.__members__.values():
        raise BadInput(f"Unknown action {action!r}; use one of: {', '.join(a.value for a in Action)}.")
    after, before = _bound(start, "from", end=False), _bound(end, "to", end=True)
    if after and before and after > before:
        raise BadInput("'from' must not be after 'to'.")
    return {"user": normal_email(user) or None, "post": (post or "").strip() or None,
            "action": action or None, "after": after, "before": before}


def entries(caller: Caller, *, user: str | None = None, post: str | None = None, action: str | None = None,
            start: str | None = None, end: str | None = None, cursor: str | None = None) -> Page[AuditEntry]:
    caller.require_admin()
    return data.list_audit(**_query(user, post, action, start, end), cursor=cursor, limit=PAGE_SIZE)


COLUMNS = ("at", "action", "user", "post", "revision", "details")
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell a spreadsheet shows as text: one that starts like a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(DANGEROUS) else text


def _details(details: dict) -> str:
    return "; ".join(f"{k}={v}" for k, v in sorted(details.items()))


def csv_export(caller: Caller, *, user: str | None = None, post: str | None = None, action: str | None = None,
               start: str | None = None, end: str | None = None) -> tuple[str, bool]:
    """The whole selection as CSV, newest first, at most EXPORT_LIMIT rows; True when it was cut short."""
    caller.require_admin()
    query = _query(user, post, action, start, end)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    rows, cursor = 0, None
    while True:
        page = data.list_audit(**query, cursor=cursor, limit=500)
        for entry in page.items:
            if rows >= EXPORT_LIMIT:
                return out.getvalue(), True
            writer.writerow([safe_cell(v) for v in (entry.at, entry.action, entry.user, entry.post,
                                                     entry.revision, _details(entry.details))])
            rows += 1
        cursor = page.cursor
        if not cursor:
            return out.getvalue(), False


def export_name() -> str:
    return f"understudy-audit-{datetime.now(UTC).date().isoformat()}.csv"


