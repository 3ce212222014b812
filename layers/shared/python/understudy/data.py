"""DynamoDB, through pynamodb. The only module that imports pynamodb.

Three tables (names from the environment):
- users: ``org`` + ``email``; one partition per organisation, so listing people is a Query.
- posts: ``id``; indexes by author, by status and by organisation, each sorted by ``createdAt``; sparse
  indexes of the posts that need an admin (``attention-index``, by ``updatedAt``) and of the scheduled
  ones (``schedule-index``, by ``publishAt``, soonest first).
  Every change is a read-modify-write guarded by a version number (optimistic locking), so two
  reviewers deciding at once cannot both win: the loser's write fails and the domain re-checks.
- org: ``org`` + ``key``: the guidelines, the settings and one item per channel.
- audit: ``org`` + ``sk`` (``<at>#<id>``), so a Query is newest first and a date range is a key
  condition; sparse indexes by actor (``user-index``) and by post (``post-index``), same sort key.
Lists are key or index queries, paged with an opaque cursor; nothing here scans.
"""

from __future__ import annotations

import base64
import json

from pynamodb.attributes import (
    BooleanAttribute,
    JSONAttribute,
    NumberAttribute,
    UnicodeAttribute,
    UnicodeSetAttribute,
    VersionAttribute,
)
from pynamodb.exceptions import DeleteError, DoesNotExist, PutError, UpdateError
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from understudy.config import config
from understudy.errors import BadInput
from understudy.model import (
    AuditEntry,
    Channel,
    Feedback,
    Guidelines,
    Page,
    Post,
    Revision,
    Settings,
    Status,
    StatusChange,
    User,
)

ORG = "org"  # one organisation per deployment; the partition leaves room for more
PAGE_SIZE = 25


class StaleWrite(Exception):
    """Someone else changed the item since it was read."""


class AlreadyExists(Exception):
    pass


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


class _PostIndex(GlobalSecondaryIndex):
    class Meta:
        projection = AllProjection()


def _index(name: str, hash_attr: str, range_attr: str = "created_at") -> _PostIndex:
    range_name = "".join(part if i == 0 else part.capitalize() for i, part in enumerate(range_attr.split("_")))
    index = type(f"{hash_attr.capitalize()}Index", (_PostIndex,), {
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
    channel = UnicodeAttribute()
    status = UnicodeAttribute()
    review = BooleanAttribute(default=True)
    revisions = JSONAttribute()
    history = JSONAttribute()
    created_at = UnicodeAttribute(attr_name="createdAt")
    updated_at = UnicodeAttribute(attr_name="updatedAt")
    published_url = UnicodeAttribute(attr_name="publishedUrl", null=True)
    published_revision = NumberAttribute(attr_name="publishedRevision", null=True)
    published_id = UnicodeAttribute(attr_name="publishedId", null=True)
    publish_claim = NumberAttribute(attr_name="publishClaim", null=True)
    needs_check = BooleanAttribute(attr_name="needsCheck", null=True)
    error = UnicodeAttribute(null=True)
    closed = JSONAttribute(null=True)
    publish_attempts = NumberAttribute(attr_name="publishAttempts", null=True)
    # Set (to the organisation) only while the post needs an admin: the sparse attention-index holds
    # exactly those posts, so listing them is one Query however many posts there are.
    attention = UnicodeAttribute(null=True)
    publish_at = UnicodeAttribute(attr_name="publishAt", null=True)
    late = BooleanAttribute(null=True)
    reply_to = UnicodeAttribute(attr_name="replyTo", null=True)
    # Set (to the organisation) only while the post is scheduled: the sparse schedule-index lists them
    # by publishAt, soonest first, in one Query.
    scheduled = UnicodeAttribute(null=True)
    task_token = UnicodeAttribute(attr_name="taskToken", null=True)
    version = VersionAttribute()

    by_author = _index("author-index", "author")
    by_status = _index("status-index", "status")
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


def decode_cursor(cursor: str | None) -> dict | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor.encode()))
    except ValueError as exc:
        raise BadInput("The cursor is not one this API gave out.") from exc
    if not isinstance(key, dict):
        raise BadInput("The cursor is not one this API gave out.")
    return key


def _page(results, convert) -> Page:
    items = [convert(item) for item in results]
    return Page(items=items, cursor=encode_cursor(results.last_evaluated_key))


# --- users ---------------------------------------------------------------------------------------

def _user(item: UserItem) -> User:
    return User(email=item.email, name=item.name, roles=frozenset(item.roles or ()),
                training_mode=item.training_mode, created_at=item.created_at,
                mentors=frozenset(item.mentors or ()))


def get_user(email: str) -> User | None:
    try:
        return _user(UserItem.get(ORG, email))
    except DoesNotExist:
        return None


def save_user(user: User, *, new: bool = False) -> User:
    item = UserItem(ORG, user.email, name=user.name, roles=set(user.roles) or None,
                    training_mode=user.training_mode, created_at=user.created_at,
                    mentors=set(user.mentors) or None)
    try:
        item.save(condition=UserItem.email.does_not_exist() if new else None)
    except PutError as exc:
        if new and _conditional(exc):
            raise AlreadyExists(user.email) from exc
        raise
    return user


def list_users(cursor: str | None = None, limit: int = 100) -> Page[User]:
    results = UserItem.query(ORG, limit=limit, last_evaluated_key=decode_cursor(cursor))
    return _page(results, _user)


def users_in_role(role: str) -> list[User]:
    """Everyone with a role (a Query over the organisation's partition with a filter)."""
    return [_user(item) for item in UserItem.query(ORG, filter_condition=UserItem.roles.contains(role))]


# --- posts ---------------------------------------------------------------------------------------

def _post(item: PostItem) -> Post:
    return Post(
        id=item.id, author=item.author, author_name=item.author_name, channel=item.channel,
        status=Status(item.status), review=item.review,
        revisions=[Revision(**{**r, "feedback": Feedback(**r["feedback"]) if r.get("feedback") else None})
                   for r in item.revisions],
        history=[StatusChange(**h) for h in item.history],
        created_at=item.created_at, updated_at=item.updated_at,
        published_url=item.published_url,
        published_revision=int(item.published_revision) if item.published_revision is not None else None,
        published_id=item.published_id,
        publish_claim=int(item.publish_claim) if item.publish_claim is not None else None,
        needs_check=bool(item.needs_check), error=item.error, closed=item.closed or None,
        publish_attempts=int(item.publish_attempts or 0), task_token=item.task_token, version=item.version,
        publish_at=item.publish_at, late=bool(item.late), reply_to=item.reply_to,
    )


def _post_item(post: Post) -> PostItem:
    from dataclasses import asdict

    item = PostItem(
        post.id, org=ORG, author=post.author, author_name=post.author_name, channel=post.channel,
        status=post.status.value, review=post.review,
        revisions=[asdict(r) for r in post.revisions], history=[asdict(h) for h in post.history],
        created_at=post.created_at, updated_at=post.updated_at, published_url=post.published_url,
        published_revision=post.published_revision, published_id=post.published_id,
        publish_claim=post.publish_claim, needs_check=post.needs_check or None,
        error=post.error, closed=post.closed or None, publish_attempts=post.publish_attempts or None,
        attention=ORG if post.needs_attention else None, task_token=post.task_token,
        publish_at=post.publish_at, late=post.late or None, reply_to=post.reply_to,
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


def create_post(post: Post) -> Post:
    item = _post_item(post)
    item.save()  # the version attribute makes this conditional on the item not existing yet
    post.version = item.version
    return post


def save_post(post: Post) -> Post:
    """Write a post read earlier; raises StaleWrite if anyone changed it in between."""
    item = _post_item(post)
    try:
        item.save()
    except (PutError, UpdateError) as exc:
        if _conditional(exc):
            raise StaleWrite(post.id) from exc
        raise
    post.version = item.version
    return post


def list_posts(*, author: str | None = None, status: str | None = None,
               cursor: str | None = None, limit: int = PAGE_SIZE) -> Page[Post]:
    """Newest first. By author (optionally filtered by status), by status, or the whole organisation."""
    start = decode_cursor(cursor)
    common = {"scan_index_forward": False, "limit": limit, "last_evaluated_key": start}
    if author:
        condition = PostItem.status == status if status else None
        results = PostItem.by_author.query(author, filter_condition=condition, **common)
    elif status:
        results = PostItem.by_status.query(status, **common)
    else:
        results = PostItem.by_org.query(ORG, **common)
    return _page(results, _post)


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


def put_settings(settings: Settings, by: str, at: str) -> None:
    from dataclasses import asdict

    _put_org("settings", asdict(settings), by, at)


def get_settings_and_channel(channel_id: str) -> tuple[Settings, Channel | None]:
    """Both in one BatchGetItem (they share the organisation's partition): for routes on a call budget."""
    wanted = {"settings", f"channel#{channel_id}"}
    found = {item.key: item for item in OrgItem.batch_get([(ORG, key) for key in sorted(wanted)])}
    settings = found.get("settings")
    channel = found.get(f"channel#{channel_id}")
    return (Settings.from_stored(settings.value) if settings else Settings(),
            _channel(channel) if channel else None)


def _channel(item: OrgItem) -> Channel:
    return Channel(id=item.key.removeprefix("channel#"), **item.value)


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

def add_audit(entry: AuditEntry) -> None:
    AuditItem(ORG, f"{entry.at}#{entry.id}", id=entry.id, at=entry.at, action=entry.action, user=entry.user,
              post=entry.post, revision=entry.revision, details=entry.details or None).save()


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
