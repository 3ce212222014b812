"""Plain typed objects the domain works with; they know nothing of DynamoDB or HTTP events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")

ADMINS = "admins"
REVIEWERS = "reviewers"
GROUPS = frozenset({ADMINS, REVIEWERS})


class Status(StrEnum):
    PENDING_REVIEW = "pending_review"
    CHANGES_REQUESTED = "changes_requested"
    SCHEDULED = "scheduled"  # approved (or by an author out of training), waiting for its publishAt
    PUBLISHING = "publishing"
    PUBLISHED = "published"
    # Approved for several channels and published to some of them only (see Delivery).
    PARTLY_PUBLISHED = "partly_published"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    EXPIRED = "expired"
    FAILED = "failed"


FINAL = frozenset({Status.PUBLISHED, Status.PARTLY_PUBLISHED, Status.REJECTED, Status.WITHDRAWN, Status.EXPIRED,
                   Status.FAILED})
# Ends an admin should look at (see understudy/attention.py), unless an admin has closed them.
ATTENTION = frozenset({Status.FAILED, Status.PARTLY_PUBLISHED, Status.EXPIRED})


class Decision(StrEnum):
    APPROVE = "approve"
    REQUEST_CHANGES = "request_changes"
    REJECT = "reject"


# What each decision moves a post to.
DECISION_STATUS = {
    Decision.APPROVE: Status.PUBLISHING,
    Decision.REQUEST_CHANGES: Status.CHANGES_REQUESTED,
    Decision.REJECT: Status.REJECTED,
}


def normal_email(address: object) -> str:
    """An email address as Understudy stores and compares it: trimmed and lower-case.

    Every address that comes in (a token's claim, a request body or path, a link, a deploy setting)
    passes through here once, so comparisons elsewhere can be plain ``==``. Cognito's pool signs in
    case-insensitively too (``sign_in_case_sensitive=False``)."""
    return str(address or "").strip().lower()


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


@dataclass
class Feedback:
    decision: str
    text: str
    reviewer: str
    at: str
    via: str = "console"  # "console" or "link"
    guidelines: list[str] = field(default_factory=list)  # the guideline items the reviewer ticked
    suggestion: str = ""  # a corrected text the reviewer proposes (request_changes only)

    def as_json(self) -> dict:
        return {"decision": self.decision, "feedback": self.text, "reviewer": self.reviewer,
                "at": self.at, "via": self.via, "guidelines": list(self.guidelines),
                "suggestion": self.suggestion}


@dataclass
class Image:
    """An image of a revision: a cleaned copy (re-encoded, metadata stripped) in the media bucket."""

    key: str
    alt: str
    content_type: str
    width: int = 0
    height: int = 0

    def as_json(self) -> dict:
        return {"key": self.key, "alt": self.alt, "contentType": self.content_type,
                "width": self.width, "height": self.height}


@dataclass
class Revision:
    number: int
    text: str
    note: str
    submitted_at: str
    feedback: Feedback | None = None
    media: list[Image] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"number": self.number, "text": self.text, "note": self.note,
                "submittedAt": self.submitted_at, "media": [m.as_json() for m in self.media],
                "feedback": self.feedback.as_json() if self.feedback else None}


@dataclass
class ChannelMedia:
    """What a channel gave for one of the post's images (X's media id) and until when it may be used."""

    id: str
    expires_at: int  # epoch seconds


class Sent(StrEnum):
    """Where a post stands on one of its channels."""

    WAITING = "waiting"      # not published there yet (not approved, waiting for its time, or on its way)
    PUBLISHED = "published"  # the channel took it: url and external_id say where
    FAILED = "failed"        # the channel said it was not created (or it was never reached)
    UNKNOWN = "unknown"      # an attempt may have reached the channel: an admin checks before anything is re-posted


@dataclass
class Delivery:
    """One channel of a post, published independently of the others."""

    channel: str
    state: Sent = Sent.WAITING
    url: str | None = None
    external_id: str | None = None  # the channel's id for the published post (the tweet id on X)
    revision: int | None = None     # the revision published there
    # The revision whose publishing to this channel began and has no recorded outcome yet: set
    # (conditionally, with the post's version) just before the channel is called, cleared when the
    # channel says the post was not created, left in place once it was. A retry that finds it cannot
    # know whether the first attempt reached the channel, so it never posts again blindly.
    claim: int | None = None
    error: str | None = None
    # Image key -> what the channel gave for it on an earlier attempt: a retry reuses it while valid, so
    # an upload is never repeated needlessly (an upload is not a post: repeating it is harmless).
    media: dict[str, ChannelMedia] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"channel": self.channel, "state": self.state.value, "url": self.url,
                "externalId": self.external_id, "error": self.error}


@dataclass
class StatusChange:
    status: str
    at: str
    by: str
    detail: str = ""

    def as_json(self) -> dict:
        return {"status": self.status, "at": self.at, "by": self.by, "detail": self.detail}


@dataclass
class Post:
    id: str
    author: str
    author_name: str
    channels: list[str]
    status: Status
    revisions: list[Revision]
    history: list[StatusChange]
    created_at: str
    updated_at: str
    review: bool = True
    # Channel id -> how publishing there went; one for each of ``channels``, in their order.
    deliveries: dict[str, Delivery] = field(default_factory=dict)
    error: str | None = None
    # An admin looked at this post's failure or expiry and closed it: {"by", "at", "note"}.
    closed: dict | None = None
    # How many executions the post had after its first (an admin's "publish again", or a reschedule to an
    # earlier time): names the current execution (workflow.execution_name).
    publish_attempts: int = 0
    # When the post goes live (UTC, "YYYY-MM-DDTHH:MM:SSZ"); None: as soon as it is approved.
    publish_at: str | None = None
    # The review ended after publish_at, so the post went live at approval instead.
    late: bool = False
    # The address of the public post this one answers, on the channel's network (see schedule/replies).
    reply_to: str | None = None
    # The kind of the channel the answered post is on (as when the reply was checked): reading what a
    # reply answers then needs no read of the channel.
    reply_kind: str | None = None
    # The workflow's task token for the wait the post is in; never leaves the backend.
    task_token: str | None = None
    version: int | None = None

    def __post_init__(self) -> None:
        for channel_id in self.channels:
            self.deliveries.setdefault(channel_id, Delivery(channel=channel_id))

    @property
    def channel(self) -> str:
        """The first channel: the one a reply answers on (a reply goes to one channel only)."""
        return self.channels[0]

    @property
    def published_url(self) -> str | None:
        """The address of the post on its first channel that has it."""
        return next((d.url for d in self.deliveries.values() if d.state == Sent.PUBLISHED), None)

    @property
    def needs_check(self) -> bool:
        """Publishing to some channel ended in doubt: an admin should look there before anything is re-posted."""
        return any(d.state == Sent.UNKNOWN for d in self.deliveries.values())

    def waiting(self) -> list[Delivery]:
        """The channels the post has still to go to, in order."""
        return [d for d in self.deliveries.values() if d.state == Sent.WAITING]

    def publishing_outcome(self) -> Status:
        """Published to all its channels, some, or none (once none is waiting)."""
        sent = [d.state == Sent.PUBLISHED for d in self.deliveries.values()]
        return Status.PUBLISHED if all(sent) else Status.PARTLY_PUBLISHED if any(sent) else Status.FAILED

    @property
    def revision(self) -> int:
        return self.revisions[-1].number

    @property
    def current(self) -> Revision:
        return self.revisions[-1]

    @property
    def needs_attention(self) -> bool:
        """Ended badly (failed or expired), or publishing in doubt, and no admin has closed it yet."""
        if self.closed:
            return False
        return self.status in ATTENTION or (self.needs_check and self.status == Status.PUBLISHING)

    @property
    def last_feedback(self) -> Feedback | None:
        return next((r.feedback for r in reversed(self.revisions) if r.feedback), None)

    def move_to(self, status: Status, by: str, detail: str = "") -> None:
        at = now_iso()
        self.status = status
        self.updated_at = at
        self.history.append(StatusChange(status=status.value, at=at, by=by, detail=detail))

    def as_json(self) -> dict:
        last = self.last_feedback
        return {
            "id": self.id, "author": self.author, "authorName": self.author_name,
            "channel": self.channel, "channels": list(self.channels), "status": self.status.value,
            "revision": self.revision,
            "text": self.current.text, "note": self.current.note,
            "media": [m.as_json() for m in self.current.media],
            "review": self.review,
            "createdAt": self.created_at, "updatedAt": self.updated_at,
            "publishedUrl": self.published_url,
            "deliveries": [d.as_json() for d in self.deliveries.values()],
            "needsCheck": self.needs_check, "error": self.error, "closed": self.closed,
            "publishAt": self.publish_at, "late": self.late, "replyTo": self.reply_to,
            "feedback": last.as_json() if last else None,
            "revisions": [r.as_json() for r in self.revisions],
            "history": [h.as_json() for h in self.history],
        }


@dataclass
class User:
    email: str
    name: str
    roles: frozenset[str] = frozenset()
    training_mode: bool = True
    created_at: str = field(default_factory=now_iso)
    # Reviewers (or admins) this person's posts go to first; every reviewer when empty.
    mentors: frozenset[str] = frozenset()
    # TOTP MFA is set up in Cognito: set only by POST /me/mfa after AdminGetUser confirms it (understudy.mfa).
    mfa_enabled: bool = False
    # False once an admin deactivated them (someone who left): they cannot sign in or act, and are
    # asked for nothing; their record and history stay.
    active: bool = True
    deactivated_at: str = ""
    deactivated_by: str = ""

    def as_json(self) -> dict:
        shown = {"email": self.email, "name": self.name, "roles": sorted(self.roles),
                 "trainingMode": self.training_mode, "createdAt": self.created_at,
                 "mentors": sorted(self.mentors), "mfaEnabled": self.mfa_enabled, "active": self.active}
        if not self.active:
            shown |= {"deactivatedAt": self.deactivated_at, "deactivatedBy": self.deactivated_by}
        return shown


@dataclass
class Channel:
    id: str
    name: str
    kind: str
    # Non-secret facts about the channel (e.g. the connected account's handle). Credentials never live here.
    details: dict = field(default_factory=dict)

    @property
    def handle(self) -> str | None:
        return self.details.get("handle")

    def as_json(self) -> dict:
        """What anyone signed in may see: never credentials, nor any other detail than the handle and,
        where the network sets them per account (a Mastodon instance), the character and image limits."""
        shown = {"id": self.id, "name": self.name, "kind": self.kind, "handle": self.handle}
        for limit in ("maxCharacters", "maxImages"):
            if self.details.get(limit):
                shown[limit] = self.details[limit]
        return shown


DAY = 24 * 3600


@dataclass
class Settings:
    """The review timings, in seconds from the moment a revision is submitted for review (or, for
    ``revision_expire_after_seconds``, from the moment changes were asked for)."""

    remind_after_seconds: int = DAY
    escalate_after_seconds: int = 2 * DAY
    expire_after_seconds: int = 7 * DAY
    revision_expire_after_seconds: int = 14 * DAY
    sender_email: str = ""
    # A trainee looks ready to graduate when, over their last ``ready_min_posts`` decided posts, at least
    # ``ready_first_time_share`` were approved first time.
    ready_min_posts: int = 10
    ready_first_time_share: float = 0.8
    # Admins and reviewers must sign in with TOTP MFA; until they set it up the API refuses their
    # admin and reviewer routes (understudy.mfa).
    require_mfa: bool = False

    @classmethod
    def from_stored(cls, value: dict) -> Settings:
        """Stored settings, including those written before reminders existed (reviewTimeoutSeconds and
        revisionTimeoutSeconds became the expiry times); a stored value that breaks the order of
        remind < escalate < expire pulls the others in rather than failing."""
        value = dict(value)
        if "review_timeout_seconds" in value:
            value.setdefault("expire_after_seconds", value.pop("review_timeout_seconds"))
        if "revision_timeout_seconds" in value:
            value.setdefault("revision_expire_after_seconds", value.pop("revision_timeout_seconds"))
        settings = cls(**{k: v for k, v in value.items() if k in cls.__dataclass_fields__})
        s = settings
        if not 1 <= s.remind_after_seconds < s.escalate_after_seconds < s.expire_after_seconds:
            s.expire_after_seconds = max(s.expire_after_seconds, 3)
            s.remind_after_seconds = max(1, s.expire_after_seconds // 7)
            s.escalate_after_seconds = min(max(s.remind_after_seconds + 1, 2 * s.expire_after_seconds // 7),
                                           s.expire_after_seconds - 1)
        return settings

    def as_json(self) -> dict:
        return {"remindAfterSeconds": self.remind_after_seconds,
                "escalateAfterSeconds": self.escalate_after_seconds,
                "expireAfterSeconds": self.expire_after_seconds,
                "revisionExpireAfterSeconds": self.revision_expire_after_seconds,
                "senderEmail": self.sender_email,
                "readyMinPosts": self.ready_min_posts,
                "readyFirstTimeShare": self.ready_first_time_share,
                "requireMfa": self.require_mfa}


@dataclass
class Guidelines:
    markdown: str
    updated_at: str = ""
    updated_by: str = ""

    def as_json(self) -> dict:
        return {"markdown": self.markdown, "updatedAt": self.updated_at, "updatedBy": self.updated_by}


@dataclass
class AuditEntry:
    """One action: who (an email, or "workflow"), when, on which post and revision, with details."""

    id: str
    at: str
    action: str
    user: str
    post: str | None = None
    revision: int | None = None
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"id": self.id, "at": self.at, "action": self.action, "user": self.user, "post": self.post,
                "revision": self.revision, "details": self.details}


@dataclass
class Page(Generic[T]):
    items: list[T]
    cursor: str | None
