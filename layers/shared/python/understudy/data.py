"""DynamoDB, through pynamodb. The only module that imports pynamodb.

Three tables (names from the environment):
- users: ``org`` + ``email``; one partition per organisation, so listing people is a Query.
- posts: ``id``; indexes by author and by organisation sorted by ``createdAt``, and by status sorted
  by ``updatedAt`` (when the post entered its status); sparse indexes of the posts that need an admin
  (``attention-index``, by ``updatedAt``) and of the scheduled ones (``schedule-index``, by
  ``publishAt``, soonest first).
  Every change is a read-modify-write guarded by a version number (optimistic locking), so two
  reviewers deciding at once cannot both win: the loser's write fails and the domain re-checks.
- org: ``org`` + ``key``: the guidelines, the settings and one item per channel.
- audit: ``org`` + ``sk`` (``<at>#<id>``), so a Query is newest first and a date range is a key
  condition; sparse indexes by actor (``user-index``) and by post (``post-index``), same sort key.
Lists are key or index queries, paged with an opaque cursor; nothing here scans.

Costs stay flat as the organisation grows: a change and what goes with it (its audit entry, the
author's progress counters) are one TransactWriteItems, and the items a request needs from several
tables are one BatchGetItem. Each trainee's progress is a summary item in the org table
(``progress#<email>``) of counters kept by UpdateItem ADD on each submission and decision.
"""

from __future__ import annotations

import base64
import json
from typing import NamedTuple

from botocore.exceptions import ClientError
from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    VersionAttribute,
)
from pynamodb.connection import base as pynamodb_connection
from pynamodb.exceptions import DeleteError, DoesNotExist, PutError, QueryError, TransactWriteError, UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from understudy import aws
from understudy.config import config
from understudy.errors import BadInput
from understudy.model import (
    ADMINS,
    AuditEntry,
    Channel,
    ChannelMedia,
    Delivery,
    Feedback,
    Guidelines,
    Image,
    Page,
    Post,
    Revision,
    Sent,
    Settings,
    Status,
    StatusChange,
    User,
)

# pynamodb gives each table's connection a botocore session of its own, and has no setting to share one
# (pynamodb/PynamoDB#1245): it takes this thread's, as every other client does (see understudy.aws).
pynamodb_connection.get_session = aws.session

ORG = "org"  # one organisation per deployment; the partition leaves room for more
PAGE_SIZE = 25


class StaleWrite(Exception):
    """Someone else changed the item since it was read."""


class AlreadyExists(Exception):
    pass


class PersonCheckFailed(Exception):
    """A check that a person is (still) as a change requires failed; ``args[0]`` is their address."""


class AuthorNotActive(PersonCheckFailed):
    """The post's author was deactivated: nothing more is decided on their waiting posts."""


class NotAnActiveAdmin(PersonCheckFailed):
    """The admin a change depends on is no longer an active admin (checked in the same transaction)."""


def _meta(table: str) -> type:
    cfg = config()

    class Meta:
        table_name = table
        region = cfg.region
        billing_mode = "PAY_PER_REQUEST"

    return Meta


class UserItem(Model):
    Meta = _meta(config().users_table)
    org = UnicodeAttribute(hash_key=True)
    email = UnicodeAttribute(range_key=True)
    name = UnicodeAttribute(default="")
    roles = UnicodeSetAttribute(null=True)
    training_mode = BooleanAttribute(attr_name="trainingMode", default=True)
    created_at = UnicodeAttribute(attr_name="createdAt")
    mentors = UnicodeSetAttribute(null=True)
    mfa_enabled = BooleanAttribute(attr_name="mfaEnabled", null=True)
    # Records written before deactivation existed have no ``active``: they read as active.
    active = BooleanAttribute(default=True)
    deactivated_at = UnicodeAttribute(attr_name="deactivatedAt", null=True)
    deactivated_by = UnicodeAttribute(attr_name="deactivatedBy", null=True)


class _PostIndex(GlobalSecondaryIndex):
    class Meta:
        projection = AllProjection()


def _index(name: str, hash_attr: str, range_attr: str = "created_at") -> _PostIndex:
    range_name = "".join(part if i == 0 else part.capitalize() for i, part in enumerate(range_attr.split("_")))
    index = type(f"{hash_attr.capitalize()}{range_name[0].upper()}{range_name[1:]}Index", (_PostIndex,), {
        "Meta": type("Meta", (), {"index_name": name, "projection": AllProjection()}),
        hash_attr: UnicodeAttribute(hash_key=True),
        range_attr: UnicodeAttribute(attr_name=range_name, range_key=True),
    })
    return index()


class PostItem(Model):
    Meta = _meta(config().posts_table)
    id = UnicodeAttribute(hash_key=True)
    org = UnicodeAttribute()
    author = UnicodeAttribute()
    author_name = UnicodeAttribute(attr_name="authorName", default="")
    channel = UnicodeAttribute()  # the first of ``channels``; the only one on posts stored before there were several
    channels = JSONAttribute(null=True)
    status = UnicodeAttribute()
    review = BooleanAttribute(default=True)
    revisions = JSONAttribute()
    history = JSONAttribute()
    created_at = UnicodeAttribute(attr_name="createdAt")
    updated_at = UnicodeAttribute(attr_name="updatedAt")
    deliveries = JSONAttribute(null=True)
    # How posts stored before there were several channels kept their one channel's outcome (read only).
    published_url = UnicodeAttribute(attr_name="publishedUrl", null=True)
    published_revision = NumberAttribute(attr_name="publishedRevision", null=True)
    published_id = UnicodeAttribute(attr_name="publishedId", null=True)
    publish_claim = NumberAttribute(attr_name="publishClaim", null=True)
    needs_check = BooleanAttribute(attr_name="needsCheck", null=True)
    channel_media = JSONAttribute(attr_name="channelMedia", null=True)
    error = UnicodeAttribute(null=True)
    closed = JSONAttribute(null=True)
    publish_attempts = NumberAttribute(attr_name="publishAttempts", null=True)
    # Set (to the organisation) only while the post needs an admin: the sparse attention-index holds
    # exactly those posts, so listing them is one Query however many posts there are.
    attention = UnicodeAttribute(null=True)
    publish_at = UnicodeAttribute(attr_name="publishAt", null=True)
    late = BooleanAttribute(null=True)
    reply_to = UnicodeAttribute(attr_name="replyTo", null=True)
    reply_kind = UnicodeAttribute(attr_name="replyKind", null=True)
    # Set (to the organisation) only while the post is scheduled: the sparse schedule-index lists them
    # by publishAt, soonest first, in one Query.
    scheduled = UnicodeAttribute(null=True)
    task_token = UnicodeAttribute(attr_name="taskToken", null=True)
    version = VersionAttribute()

    by_author = _index("author-index", "author")
    by_status = _index("status-index", "status")  # unused; kept one release (see infra/stack/data.py)
    # By status, in the order posts entered it (``updatedAt`` changes only with the status): the review
    # queue's "waited longest first" is one ascending query.
    by_status_since = _index("status-since-index", "status", "updated_at")
    by_org = _index("org-index", "org")
    by_attention = _index("attention-index", "attention", "updated_at")
    by_schedule = _index("schedule-index", "scheduled", "publish_at")


class OrgItem(Model):
    Meta = _meta(config().org_table)
    org = UnicodeAttribute(hash_key=True)
    key = UnicodeAttribute(range_key=True)
    value = JSONAttribute()
    updated_at = UnicodeAttribute(attr_name="updatedAt", default="")
    updated_by = UnicodeAttribute(attr_name="updatedBy", default="")


class _AuditIndex(GlobalSecondaryIndex):
    class Meta:
        projection = AllProjection()


def _audit_index(name: str, hash_attr: str) -> _AuditIndex:
    index = type(f"Audit{hash_attr.capitalize()}Index", (_AuditIndex,), {
        "Meta": type("Meta", (), {"index_name": name, "projection": AllProjection()}),
        hash_attr: UnicodeAttribute(hash_key=True),
        "sk": UnicodeAttribute(range_key=True),
    })
    return index()


class AuditItem(Model):
    Meta = _meta(config().audit_table)
    org = UnicodeAttribute(hash_key=True)
    sk = UnicodeAttribute(range_key=True)  # "<at>#<id>": sorts by time
    id = UnicodeAttribute()
    at = UnicodeAttribute()
    action = UnicodeAttribute()
    user = UnicodeAttribute()
    post = UnicodeAttribute(null=True)
    revision = NumberAttribute(null=True)
    details = JSONAttribute(null=True)

    by_user = _audit_index("user-index", "user")
    by_post = _audit_index("post-index", "post")


MODELS = (UserItem, PostItem, OrgItem, AuditItem)


def _one_connection() -> None:
    """Every table on one pynamodb connection, hence one DynamoDB client: pynamodb gives each model a
    connection of its own, and each makes its own client (~2 ms of CPU on a first request for every
    further table it touches). A connection holds each table's schema by name, so they share one."""
    shared = PostItem._get_connection().connection
    for model in MODELS:
        table = model._get_connection()
        if table.connection is not shared:
            shared.add_meta_table(table.get_meta_table())
            table.connection = shared


_one_connection()


def _connection():
    """The low-level connection for calls that span tables (transactions, batch reads)."""
    return PostItem._get_connection().connection


def _transact(puts: list[dict], updates: list[dict] = (), checks: list[dict] = (),
              check_failed: type[PersonCheckFailed] = NotAnActiveAdmin) -> None:
    """One TransactWriteItems; StaleWrite when the first put's condition (its version) failed,
    ``check_failed`` when a check (see save_user_vouched, active_author) failed."""
    try:
        _connection().transact_write_items(condition_check_items=list(checks), delete_items=[], put_items=puts,
                                           update_items=list(updates))
    except TransactWriteError as exc:
        reasons = exc.cancellation_reasons or []
        failed = [i for i, reason in enumerate(reasons)
                  if reason is not None and reason.code == "ConditionalCheckFailed"]
        if failed and failed[0] < len(checks):  # the checks come first in the transaction
            raise check_failed(checks[failed[0]]["Key"]["email"]["S"]) from exc
        if failed and failed[0] == len(checks):
            raise StaleWrite(puts[0]["TableName"]) from exc
        raise


def _save_with(item: Model, also: tuple[dict, ...], condition=None, checks: list[dict] = (),
               check_failed: type[PersonCheckFailed] = NotAnActiveAdmin) -> None:
    """Save an item alone, or together with further writes (``also``) and checks in one transaction."""
    if not also and not checks:
        item.save(condition=condition)
        return
    puts = [item.get_save_kwargs_from_instance(condition=condition)]
    puts += [a["Put"] for a in also if "Put" in a]
    _transact(puts, [a["Update"] for a in also if "Update" in a], checks, check_failed)
    item.update_local_version_attribute()


KEYS = {"users": ("org", "email"), "org": ("org", "key")}


def _batch_get(wanted: list[tuple[str, str]]) -> dict[tuple[str, str], dict]:
    """Items of the users and org tables by (table, sort key) in one BatchGetItem; missing ones left out."""
    tables = {"users": UserItem.Meta.table_name, "org": OrgItem.Meta.table_name}
    request: dict = {}
    for table, sort in dict.fromkeys(wanted):
        hash_name, range_name = KEYS[table]
        request.setdefault(tables[table], {"Keys": []})["Keys"].append(
            {hash_name: {"S": ORG}, range_name: {"S": sort}})
    found = {}
    names = {name: table for table, name in tables.items()}
    while request:
        answer = _connection().dispatch("BatchGetItem", {"RequestItems": request})
        for name, items in answer.get("Responses", {}).items():
            table = names[name]
            for raw in items:
                found[(table, raw[KEYS[table][1]]["S"])] = raw
        request = answer.get("UnprocessedKeys") or {}  # only under throttling: ask again for the rest
    return found


def create_tables() -> None:
    """For the sandbox and tests; on AWS the CDK stack owns the tables."""
    for model in MODELS:
        if not model.exists():
            model.create_table(billing_mode="PAY_PER_REQUEST", wait=True)


# --- cursors -------------------------------------------------------------------------------------

def encode_cursor(key: dict | None) -> str | None:
    if not key:
        return None
    return base64.urlsafe_b64encode(json.dumps(key, separators=(",", ":")).encode()).decode()


NOT_OUR_CURSOR = "The cursor is not one this API gave out."


def _key_value(value: object) -> bool:
    """A key attribute as DynamoDB gives it back in LastEvaluatedKey: {"S": text} or {"N": digits}."""
    return isinstance(value, dict) and len(value) == 1 and any(
        isinstance(value.get(kind), str) for kind in ("S", "N"))


def decode_cursor(cursor: str | None) -> dict | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except (ValueError, RecursionError) as exc:  # not base64, not JSON, nested too deep
        raise BadInput(NOT_OUR_CURSOR) from exc
    if not isinstance(key, dict) or not 0 < len(key) <= 4 or not all(map(_key_value, key.values())):
        raise BadInput(NOT_OUR_CURSOR)
    return key


def _page(results, convert) -> Page:
    try:
        items = [convert(item) for item in results]
    except QueryError as exc:  # DynamoDB refuses a start key that is not the index's key
        if exc.cause_response_code == "ValidationException":
            raise BadInput(NOT_OUR_CURSOR) from exc
        raise
    return Page(items=items, cursor=encode_cursor(results.last_evaluated_key))


# --- users ---------------------------------------------------------------------------------------

def _user(item: UserItem) -> User:
    return User(email=item.email, name=item.name, roles=frozenset(item.roles or ()),
                training_mode=item.training_mode, created_at=item.created_at,
                mentors=frozenset(item.mentors or ()), mfa_enabled=bool(item.mfa_enabled),
                active=item.active is not False,
                deactivated_at=item.deactivated_at or "", deactivated_by=item.deactivated_by or "")


def _user_item(user: User) -> UserItem:
    return UserItem(ORG, user.email, name=user.name, roles=set(user.roles) or None,
                    training_mode=user.training_mode, created_at=user.created_at,
                    mentors=set(user.mentors) or None, mfa_enabled=user.mfa_enabled or None, active=user.active,
                    deactivated_at=user.deactivated_at or None, deactivated_by=user.deactivated_by or None)


def get_user(email: str) -> User | None:
    try:
        return _user(UserItem.get(ORG, email))
    except DoesNotExist:
        return None


def get_user_and_settings(email: str) -> tuple[User | None, Settings]:
    """A person and the organisation's settings in one call: what every request checks its caller against."""
    found = _batch_get([("users", email), ("org", "settings")])
    user, settings = found.get(("users", email)), _org_value(found, "settings")
    return (_user(UserItem.from_raw_data(user)) if user else None,
            Settings.from_stored(settings.value) if settings else Settings())


def link_holder_context(email: str) -> tuple[User | None, Settings, Guidelines | None]:
    """What deciding by review link checks first (the link's holder, the settings, the guidelines whose
    items a reviewer may tick), in one call."""
    found = _batch_get([("users", email), ("org", "settings"), ("org", "guidelines")])
    user, settings = found.get(("users", email)), _org_value(found, "settings")
    guidelines = _org_value(found, "guidelines")
    return (_user(UserItem.from_raw_data(user)) if user else None,
            Settings.from_stored(settings.value) if settings else Settings(),
            Guidelines(markdown=guidelines.value["markdown"], updated_at=guidelines.updated_at,
                       updated_by=guidelines.updated_by) if guidelines else None)


def get_users(emails: list[str]) -> dict[str, User]:
    """Several people in one call; those not found are left out."""
    found = _batch_get([("users", email) for email in emails])
    return {email: _user(UserItem.from_raw_data(raw)) for (_, email), raw in found.items()}


def save_user(user: User, *, new: bool = False, also: tuple[dict, ...] = ()) -> User:
    """Write a person; ``also``: further writes (audit entries) made in the same transaction."""
    item = _user_item(user)
    try:
        _save_with(item, also, condition=UserItem.email.does_not_exist() if new else None)
    except StaleWrite as exc:
        raise AlreadyExists(user.email) from exc
    except PutError as exc:
        if new and _conditional(exc):
            raise AlreadyExists(user.email) from exc
        raise
    return user


def list_users(cursor: str | None = None, limit: int = 100) -> Page[User]:
    results = UserItem.query(ORG, limit=limit, last_evaluated_key=decode_cursor(cursor))
    return _page(results, _user)


def save_user_vouched(user: User, admin: str, also: tuple[dict, ...] = ()) -> User:
    """Save a person (and ``also``) on the word of ``admin``, in one transaction with a check that ``admin``
    is still an active admin; NotAnActiveAdmin if not.

    Used for the changes that take away someone's admin role (deactivating, demoting). The acting admin
    is never the person changed, so after each such change at least one active admin remains; doing the
    check in the same transaction keeps that true when two admins act on each other at the same moment.
    That is how "the last active admin" is protected without counting admins (no Scan, no counter)."""
    still_admin = (UserItem.roles.contains(ADMINS)
                   & (UserItem.active.does_not_exist() | (UserItem.active == True)))  # noqa: E712 a condition
    check = UserItem.get_operation_kwargs_from_class(ORG, range_key=admin, condition=still_admin)
    _save_with(_user_item(user), also, checks=[check])
    return user


def users_in_role(role: str) -> list[User]:
    """Everyone active with a role (a Query over the organisation's partition with a filter)."""
    found = (_user(item) for item in UserItem.query(ORG, filter_condition=UserItem.roles.contains(role)))
    return [user for user in found if user.active]


def mentees_of(email: str) -> list[User]:
    """Everyone who has ``email`` among their mentors (a Query over the organisation's partition with a
    filter; only deactivating someone needs it)."""
    return [_user(item) for item in UserItem.query(ORG, filter_condition=UserItem.mentors.contains(email))]


def drop_mentor(email: str, mentor: str) -> frozenset[str]:
    """Take ``mentor`` out of one person's mentors in place (an update, so a change made to the
    person at the same moment is not overwritten); their mentors afterwards."""
    item = UserItem(ORG, email)
    item.update(actions=[UserItem.mentors.delete({mentor})], condition=UserItem.email.exists())
    return frozenset(item.mentors or ())


# --- posts ---------------------------------------------------------------------------------------

def _revision(stored: dict) -> Revision:
    return Revision(**{**stored, "feedback": Feedback(**stored["feedback"]) if stored.get("feedback") else None,
                       "media": [Image(**image) for image in stored.get("media") or ()]})


def _delivery(stored: dict) -> Delivery:
    return Delivery(**{**stored, "state": Sent(stored["state"]),
                       "media": {key: ChannelMedia(**value) for key, value in (stored.get("media") or {}).items()}})


def _single_channel_delivery(item: PostItem, status: Status, history: list[StatusChange]) -> Delivery:
    """The one channel's outcome of a post stored before posts had several, from its old attributes."""
    revision = len(item.revisions)
    if item.published_url:
        state = Sent.PUBLISHED
    elif item.needs_check or (item.publish_claim is not None and int(item.publish_claim) == revision):
        state = Sent.UNKNOWN
    elif status == Status.FAILED and len(history) > 1 and history[-2].status in (Status.PUBLISHING, Status.SCHEDULED):
        state = Sent.FAILED
    else:
        state = Sent.WAITING
    return Delivery(
        channel=item.channel, state=state, url=item.published_url, external_id=item.published_id,
        revision=int(item.published_revision) if item.published_revision is not None else None,
        claim=int(item.publish_claim) if item.publish_claim is not None else None,
        error=item.error if state == Sent.FAILED else None,
        media={key: ChannelMedia(**value) for key, value in (item.channel_media or {}).items()})


def _post(item: PostItem) -> Post:
    status, history = Status(item.status), [StatusChange(**h) for h in item.history]
    if item.deliveries is not None:
        deliveries = {stored["channel"]: _delivery(stored) for stored in item.deliveries}
    else:
        deliveries = {item.channel: _single_channel_delivery(item, status, history)}
    return Post(
        id=item.id, author=item.author, author_name=item.author_name, channels=item.channels or [item.channel],
        status=status, review=item.review, deliveries=deliveries,
        revisions=[_revision(r) for r in item.revisions], history=history,
        created_at=item.created_at, updated_at=item.updated_at,
        error=item.error, closed=item.closed or None,
        publish_attempts=int(item.publish_attempts or 0), task_token=item.task_token, version=item.version,
        publish_at=item.publish_at, late=bool(item.late), reply_to=item.reply_to, reply_kind=item.reply_kind,
    )


def _post_item(post: Post) -> PostItem:
    from dataclasses import asdict

    item = PostItem(
        post.id, org=ORG, author=post.author, author_name=post.author_name, channel=post.channel,
        channels=list(post.channels), status=post.status.value, review=post.review,
        revisions=[asdict(r) for r in post.revisions], history=[asdict(h) for h in post.history],
        created_at=post.created_at, updated_at=post.updated_at,
        deliveries=[asdict(d) for d in post.deliveries.values()],
        error=post.error, closed=post.closed or None, publish_attempts=post.publish_attempts or None,
        attention=ORG if post.needs_attention else None, task_token=post.task_token,
        publish_at=post.publish_at, late=post.late or None, reply_to=post.reply_to, reply_kind=post.reply_kind,
        scheduled=ORG if post.status == Status.SCHEDULED and post.publish_at else None,
    )
    if post.version is not None:
        item.version = post.version
    return item


def _conditional(exc: Exception) -> bool:
    return getattr(exc, "cause_response_code", None) == "ConditionalCheckFailedException"


def get_post(post_id: str) -> Post | None:
    try:
        return _post(PostItem.get(post_id, consistent_read=True))
    except DoesNotExist:
        return None


def create_post(post: Post, *, also: tuple[dict, ...] = ()) -> Post:
    """Store a new post; ``also``: further writes made in the same transaction."""
    item = _post_item(post)
    _save_with(item, also)  # the version attribute makes this conditional on the item not existing yet
    post.version = item.version
    return post


def active_author(post: Post) -> dict:
    """A check, for the transaction that writes a change to ``post``, that its author is not deactivated
    (records without ``active``, or no record at all, count as active): AuthorNotActive if they are."""
    active = UserItem.active.does_not_exist() | (UserItem.active == True)  # noqa: E712 a condition
    return UserItem.get_operation_kwargs_from_class(ORG, range_key=post.author, condition=active)


def save_post(post: Post, *, also: tuple[dict, ...] = (), checks: list[dict] = ()) -> Post:
    """Write a post read earlier; raises StaleWrite if anyone changed it in between. ``also``: further
    writes (an audit entry, progress counters) that land in the same transaction or not at all;
    ``checks``: conditions on other items that must hold too (see active_author)."""
    item = _post_item(post)
    try:
        _save_with(item, also, checks=checks, check_failed=AuthorNotActive)
    except (PutError, UpdateError) as exc:
        if _conditional(exc):
            raise StaleWrite(post.id) from exc
        raise
    post.version = item.version
    return post


def list_posts(*, author: str | None = None, status: str | None = None,
               cursor: str | None = None, limit: int = PAGE_SIZE, oldest_first: bool = False) -> Page[Post]:
    """Newest first (or oldest first). By author (optionally filtered by status) or the whole
    organisation by when the post was created; by status, by when the post entered that status."""
    start = decode_cursor(cursor)
    common = {"scan_index_forward": oldest_first, "limit": limit, "last_evaluated_key": start}
    if author:
        condition = PostItem.status == status if status else None
        results = PostItem.by_author.query(author, filter_condition=condition, **common)
    elif status:
        results = PostItem.by_status_since.query(status, **common)
    else:
        results = PostItem.by_org.query(ORG, **common)
    return _page(results, _post)


def open_posts_by(author: str) -> list[Post]:
    """The author's posts still waiting (for review, or for their changes): one query on the author's
    index, filtered to those two statuses."""
    waiting = PostItem.status.is_in(Status.PENDING_REVIEW.value, Status.CHANGES_REQUESTED.value)
    return [_post(item) for item in PostItem.by_author.query(author, filter_condition=waiting)]


def list_needing_attention(cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[Post]:
    """Posts an admin should look at, most recently changed first: one Query of the sparse index."""
    results = PostItem.by_attention.query(ORG, scan_index_forward=False, limit=limit,
                                          last_evaluated_key=decode_cursor(cursor))
    return _page(results, _post)


def list_scheduled(cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[Post]:
    """Scheduled posts, soonest first: one Query of the sparse schedule-index."""
    results = PostItem.by_schedule.query(ORG, scan_index_forward=True, limit=limit,
                                         last_evaluated_key=decode_cursor(cursor))
    return _page(results, _post)


# --- organisation: guidelines, settings, channels ------------------------------------------------

def _get_org(key: str) -> OrgItem | None:
    try:
        return OrgItem.get(ORG, key)
    except DoesNotExist:
        return None


def _put_org(key: str, value: dict, by: str, at: str) -> None:
    OrgItem(ORG, key, value=value, updated_at=at, updated_by=by).save()


def get_guidelines() -> Guidelines | None:
    item = _get_org("guidelines")
    if item is None:
        return None
    return Guidelines(markdown=item.value["markdown"], updated_at=item.updated_at, updated_by=item.updated_by)


def put_guidelines(guidelines: Guidelines) -> None:
    _put_org("guidelines", {"markdown": guidelines.markdown}, guidelines.updated_by, guidelines.updated_at)


def get_settings() -> Settings:
    item = _get_org("settings")
    return Settings.from_stored(item.value) if item else Settings()


def _org_value(found: dict, key: str) -> OrgItem | None:
    raw = found.get(("org", key))
    return OrgItem.from_raw_data(raw) if raw else None


class ReviewContext(NamedTuple):
    channels: dict[str, Channel]  # the post's channels that still exist, by id
    guidelines: Guidelines | None
    decider: User | None  # whoever decided the revision, if anyone has
    holder: User | None  # the person the review link was sent to
    settings: Settings


def review_context(channel_ids: list[str], decider: str | None, holder: str) -> ReviewContext:
    """What showing a post for review needs (its channels, the guidelines, who decided it, the link's
    holder as they are now and the settings), in one call."""
    wanted = [*(("org", f"channel#{c}") for c in channel_ids), ("org", "guidelines"), ("org", "settings"),
              ("users", holder)]
    found = _batch_get(wanted + ([("users", decider)] if decider else []))
    guidelines, settings = _org_value(found, "guidelines"), _org_value(found, "settings")
    channels = {c: _channel(item) for c in channel_ids if (item := _org_value(found, f"channel#{c}"))}

    def person(email: str | None) -> User | None:
        raw = found.get(("users", email)) if email else None
        return _user(UserItem.from_raw_data(raw)) if raw else None

    return ReviewContext(
        channels,
        Guidelines(markdown=guidelines.value["markdown"], updated_at=guidelines.updated_at,
                   updated_by=guidelines.updated_by) if guidelines else None,
        person(decider), person(holder), Settings.from_stored(settings.value) if settings else Settings())


# --- progress summaries --------------------------------------------------------------------------

def _progress_key(email: str) -> str:
    return f"progress#{email}"


def _number(value: float) -> dict:
    return {"N": str(round(value, 4) if isinstance(value, float) else value)}


def progress_add(email: str, add: dict[str, int], append: dict[str, list[float]] | None = None) -> dict:
    """An UpdateItem on a person's progress summary, for the transaction of the change it counts:
    ``add`` counters (ADD, so concurrent changes all count) and numbers to ``append`` to lists."""
    names, values, adds, sets = {}, {}, [], []
    add = {**add, "changes": 1}  # every change counted, so a recount can tell whether one landed meanwhile
    for i, (name, count) in enumerate(sorted(add.items())):
        names[f"#a{i}"], values[f":a{i}"] = name, _number(count)
        adds.append(f"#a{i} :a{i}")
    for i, (name, numbers) in enumerate(sorted((append or {}).items())):
        names[f"#l{i}"], values[f":l{i}"] = name, {"L": [_number(n) for n in numbers]}
        sets.append(f"#l{i} = list_append(if_not_exists(#l{i}, :empty), :l{i})")
    if sets:
        values[":empty"] = {"L": []}
    expression = " ".join(part for part in (("SET " + ", ".join(sets)) if sets else "",
                                            ("ADD " + ", ".join(adds)) if adds else "") if part)
    return {"Update": {"TableName": OrgItem.Meta.table_name,
                       "Key": {"org": {"S": ORG}, "key": {"S": _progress_key(email)}},
                       "UpdateExpression": expression, "ExpressionAttributeNames": names,
                       "ExpressionAttributeValues": values}}


def _plain(raw: dict):
    """A DynamoDB attribute value (numbers, strings, lists of them) as Python."""
    (kind, value), = raw.items()
    if kind == "N":
        number = float(value)
        return int(number) if number.is_integer() else number
    if kind == "L":
        return [_plain(v) for v in value]
    return value


def progress_context(email: str) -> tuple[User | None, Settings, dict | None]:
    """The person, the settings and the person's progress summary (attribute -> value), in one call."""
    found = _batch_get([("users", email), ("org", "settings"), ("org", _progress_key(email))])
    user, settings = found.get(("users", email)), _org_value(found, "settings")
    summary = found.get(("org", _progress_key(email)))
    return (_user(UserItem.from_raw_data(user)) if user else None,
            Settings.from_stored(settings.value) if settings else Settings(),
            {k: _plain(v) for k, v in summary.items() if k not in KEYS["org"]} if summary is not None else None)


def progress_put(email: str, summary: dict) -> dict:
    """A whole summary as a write (a new person's empty one, or one rebuilt from their posts)."""
    item = {"org": {"S": ORG}, "key": {"S": _progress_key(email)}}
    for name, value in summary.items():
        item[name] = ({"S": value} if isinstance(value, str) else
                      {"L": [_number(v) for v in value]} if isinstance(value, list) else _number(value))
    return {"Put": {"TableName": OrgItem.Meta.table_name, "Item": item}}


def put_progress(email: str, summary: dict, *, changes: int | None) -> bool:
    """Store a recounted summary unless a change was counted since ``changes`` was read (None: there
    was no summary); False when one was, and the summary is left as it is."""
    put = progress_put(email, summary)["Put"]
    if changes is None:
        put["ConditionExpression"] = "attribute_not_exists(#changes)"
    else:
        put["ConditionExpression"] = "#changes = :changes"
        put["ExpressionAttributeValues"] = {":changes": _number(changes)}
    put["ExpressionAttributeNames"] = {"#changes": "changes"}
    try:
        _connection().dispatch("PutItem", put)
    except ClientError as exc:  # dispatch is pynamodb's raw call: botocore's error as it is
        if exc.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
            return False
        raise
    return True


def put_settings(settings: Settings, by: str, at: str) -> None:
    from dataclasses import asdict

    _put_org("settings", asdict(settings), by, at)


def _with_channels(keys: set[str], channel_ids: list[str]) -> tuple[dict[str, OrgItem], dict[str, Channel]]:
    """The org items under ``keys``, and those channels that exist (by id, in their order), in one
    BatchGetItem: they share the organisation's partition."""
    wanted = keys | {f"channel#{c}" for c in channel_ids}
    found = {item.key: item for item in OrgItem.batch_get([(ORG, key) for key in sorted(wanted)])}
    return found, {c: _channel(found[f"channel#{c}"]) for c in channel_ids if f"channel#{c}" in found}


def get_settings_and_channels(channel_ids: list[str]) -> tuple[Settings, dict[str, Channel]]:
    """The settings and those channels in one call: for routes on a call budget."""
    found, channels = _with_channels({"settings"}, channel_ids)
    settings = found.get("settings")
    return Settings.from_stored(settings.value) if settings else Settings(), channels


def _channel(item: OrgItem) -> Channel:
    return Channel(id=item.key.removeprefix("channel#"), **item.value)


def get_channels(channel_ids: list[str]) -> dict[str, Channel]:
    """Those channels that exist, by id, in one BatchGetItem."""
    return _with_channels(set(), channel_ids)[1]


def get_channel(channel_id: str) -> Channel | None:
    item = _get_org(f"channel#{channel_id}")
    return _channel(item) if item else None


def list_channels() -> list[Channel]:
    return [_channel(item) for item in OrgItem.query(ORG, OrgItem.key.startswith("channel#"))]


def _channel_item(channel: Channel, by: str, at: str) -> OrgItem:
    return OrgItem(ORG, f"channel#{channel.id}", value={"name": channel.name, "kind": channel.kind,
                                                       "details": channel.details},
                   updated_at=at, updated_by=by)


def put_channel(channel: Channel, by: str, at: str) -> None:
    _channel_item(channel, by, at).save()


def create_channel(channel: Channel, by: str, at: str) -> Channel:
    """Add a channel; raises AlreadyExists if one with the same id is there (a conditional write)."""
    try:
        _channel_item(channel, by, at).save(condition=OrgItem.key.does_not_exist())
    except PutError as exc:
        if _conditional(exc):
            raise AlreadyExists(channel.id) from exc
        raise
    return channel


def delete_channel(channel_id: str) -> bool:
    """Remove a channel; False if there was none."""
    try:
        OrgItem(ORG, f"channel#{channel_id}").delete(condition=OrgItem.key.exists())
    except DeleteError as exc:
        if _conditional(exc):
            return False
        raise
    return True


# --- audit ---------------------------------------------------------------------------------------

def _audit_item(entry: AuditEntry) -> AuditItem:
    return AuditItem(ORG, f"{entry.at}#{entry.id}", id=entry.id, at=entry.at, action=entry.action,
                     user=entry.user, post=entry.post, revision=entry.revision, details=entry.details or None)


def add_audit(entry: AuditEntry) -> None:
    _audit_item(entry).save()


def audit_put(entry: AuditEntry) -> dict:
    """An audit entry as a write for the transaction of the change it records."""
    return {"Put": _audit_item(entry).get_save_kwargs_from_instance()}


def _audit(item: AuditItem) -> AuditEntry:
    return AuditEntry(id=item.id, at=item.at, action=item.action, user=item.user, post=item.post,
                      revision=int(item.revision) if item.revision is not None else None,
                      details=item.details or {})


def list_audit(*, user: str | None = None, post: str | None = None, action: str | None = None,
               after: str | None = None, before: str | None = None, cursor: str | None = None,
               limit: int = PAGE_SIZE) -> Page[AuditEntry]:
    """Newest first. By post or by actor through their index, else the organisation's partition; the
    date range (sort-key bounds, ``after <= sk < before``) is a key condition, the other filters are
    filter expressions. A filtered page may hold fewer than ``limit`` entries and still have a cursor."""
    sk = AuditItem.sk
    if after and before:
        key = sk.between(after, before)
    elif after:
        key = sk >= after
    elif before:
        key = sk <= before
    else:
        key = None
    filters = []
    if action:
        filters.append(AuditItem.action == action)
    if post:
        index, hash_key = AuditItem.by_post, post
        if user:
            filters.append(AuditItem.user == user)
    elif user:
        index, hash_key = AuditItem.by_user, user
    else:
        index, hash_key = AuditItem, ORG
    condition = None
    for f in filters:
        condition = f if condition is None else condition & f
    results = index.query(hash_key, range_key_condition=key, filter_condition=condition,
                          scan_index_forward=False, limit=limit, last_evaluated_key=decode_cursor(cursor))
    return _page(results, _audit)
