"""Posts: submitting, revising, withdrawing, deciding, and the workflow's side of each wait.

Every change reads the post, applies the domain rule, and writes it back guarded by the post's
version; if someone else wrote in between, the change is re-applied to the fresh post (so a
second decision on the same revision finds it decided and gets a Conflict, never a silent win).
The workflow's task token is handed back only after the write has landed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from enum import StrEnum
from typing import TypeVar

from understudy import audit, data, org, publish_time, text, workflow
from understudy.auth import Caller
from understudy.cold_start import lazy
from understudy.errors import BadInput, Conflict, Forbidden, InvalidValue, NotFound, NotPublishable, TransientError
from understudy.model import (
    DECISION_STATUS,
    Channel,
    ChannelMedia,
    Decision,
    Feedback,
    Image,
    Page,
    Post,
    Revision,
    Sent,
    Settings,
    Status,
    StatusChange,
    User,
    normal_email,
    now_iso,
)
from understudy.observability import POSTS_NEEDING_ATTENTION, count, logger, review_turnaround

# Only submitting, revising and deciding (and images' paths) use these: a workflow task's cold start that
# never does, such as asking for a review, does not import them (understudy.cold_start.lazy).
channels, lengths, media, progress, replies = (lazy(f"understudy.{name}") for name in
                                               ("channels", "lengths", "media", "progress", "replies"))

T = TypeVar("T")
WORKFLOW = "workflow"
ATTEMPTS = 5

# What a wait should be told when the post has moved on before the wait began.
REVIEW_OUTCOME = {
    Status.SCHEDULED: "approve", Status.PUBLISHING: "approve", Status.PUBLISHED: "approve",
    Status.PARTLY_PUBLISHED: "approve",
    Status.CHANGES_REQUESTED: "request_changes", Status.REJECTED: "reject",
}
REVISION_OUTCOME = {Status.PENDING_REVIEW: "revised"}
OWN_POST = "You cannot decide on your own post: someone else must."


def _change(post_id: str, apply: Callable[[Post], T],
            also: Callable[[Post, T], tuple[dict, ...]] | None = None, read: Post | None = None,
            checks: Callable[[Post], list[dict]] | None = None) -> tuple[Post, T]:
    """Apply a rule to the latest post and save it; ``apply`` raises to refuse, returns its answer.
    ``also`` gives the writes that land with the change in one transaction (its audit entry, progress),
    ``checks`` the conditions on other items that must hold in it (data.active_author).
    ``read``: the post as the caller just read it, tried first (the versioned write still guards it).

    Wherever a change makes the post need an admin (failed, expired, publishing in doubt), the
    PostsNeedingAttention metric counts it once: the alarm on it is how an admin hears of it."""
    for attempt in range(ATTEMPTS):
        post = read if attempt == 0 and read is not None else get_existing(post_id)
        needed_attention = post.needs_attention
        answer = apply(post)
        try:
            saved = data.save_post(post, also=also(post, answer) if also else (),
                                   checks=checks(post) if checks else [])
        except data.StaleWrite:
            logger.info("Post changed while writing; re-applying", extra={"post_id": post_id})
            continue
        if saved.needs_attention and not needed_attention:
            count(POSTS_NEEDING_ATTENTION)
        return saved, answer
    raise TransientError("The post is changing too fast to update; try again in a moment.")


def change(post_id: str, apply: Callable[[Post], T],
           also: Callable[[Post, T], tuple[dict, ...]] | None = None) -> tuple[Post, T]:
    """The versioned read-apply-write above, for the other domain modules (see attention.py)."""
    return _change(post_id, apply, also)


def get_existing(post_id: str) -> Post:
    post = data.get_post(post_id)
    if post is None:
        raise NotFound(f"There is no post with id {post_id!r}.")
    return post


def channel_names(channel_ids: list[str], found: dict[str, Channel] | None = None) -> str:
    """Where a post goes, in words ("News desk and Library"); ``found``: those channels already read."""
    found = data.get_channels(channel_ids) if found is None else found
    names = [found[c].name if c in found else c for c in channel_ids]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def live_on(post: Post, found: dict[str, Channel]) -> list[tuple[str, str]]:
    """(channel name, address) of each of the post's channels that has it, for the author's emails."""
    return [(found[d.channel].name if d.channel in found else d.channel, d.url)
            for d in post.deliveries.values() if d.state == Sent.PUBLISHED and d.url]


# One post goes to at most this many channels (an organisation has a handful of accounts).
MAX_CHANNELS = 10


def _targets(channel_ids: list[str]) -> tuple[Settings, list[Channel]]:
    """The settings and the post's channels, in the author's order (each once), or BadInput."""
    ids = list(dict.fromkeys(channel_ids))
    if not ids:
        raise InvalidValue("channels", "Choose at least one channel to post to.")
    if len(ids) > MAX_CHANNELS:
        raise InvalidValue("channels", f"A post goes to at most {MAX_CHANNELS} channels.")
    settings, found = data.get_settings_and_channels(ids)
    missing = [c for c in ids if c not in found]
    if missing:
        raise BadInput(f"There is no channel {missing[0]!r} to post to.")
    return settings, [found[c] for c in ids]


# --- the author's side ---------------------------------------------------------------------------

def _images(images: list[Image]) -> list[dict] | None:
    """What the audit trail keeps of a revision's images."""
    return [{"key": image.key, "alt": image.alt} for image in images] or None


def _with_images(caller: Caller, post_id: str, wanted: list[media.Wanted], current: list[Image],
                 save: Callable[[list[Image]], Post]) -> Post:
    """Clean the wanted images into the post, save it, then drop the uploads; a failed save keeps none."""
    if not wanted:
        return save([])
    images, uploads = media.attach(caller.email, post_id, wanted, current)
    try:
        post = save(images)
    except Exception:
        kept = {image.key for image in current}
        media.delete([image.key for image in images if image.key not in kept])
        raise
    media.delete(uploads)
    return post


def submit(caller: Caller, channel_ids: list[str], body: str, note: str | None,
           images: list[dict] | None = None, *, publish_at: str | None = None, reply_to: str | None = None) -> Post:
    """A new post to one or several channels (one review covers them all); ``publish_at`` (ISO 8601 with
    an offset) holds it until then once approved, and ``reply_to`` (a post's address on the channel's
    network) makes it an answer to that post."""
    publish_at = publish_time.parse(publish_at)
    wanted = media.wanted(images)
    settings, targets = _targets(channel_ids)
    body = lengths.post_text(body, targets)
    channels.check_image_count(targets, len(wanted))
    note = text.optional_text(note, "note", text.NOTE_LIMIT)
    reply_to = replies.checked(targets, reply_to)
    ids = [channel.id for channel in targets]
    in_training = caller.training_mode  # from the record the request already read
    post_id = uuid.uuid4().hex

    def create(attached: list[Image]) -> Post:
        at = now_iso()
        post = Post(
            id=post_id, author=caller.email, author_name=caller.name,
            channels=ids, status=Status.PENDING_REVIEW, review=in_training,
            revisions=[Revision(number=1, text=body, note=note, submitted_at=at, media=attached)],
            history=[], created_at=at, updated_at=at, publish_at=publish_at, reply_to=reply_to,
            reply_kind=targets[0].kind if reply_to else None,
        )
        post.status = Status.PENDING_REVIEW if in_training else publish_time.after_approval(post)
        post.history.append(StatusChange(status=post.status.value, at=at, by=caller.email, detail="submitted"))
        return data.create_post(post, also=(
            audit.write_with(audit.Action.SUBMITTED, caller.email, post=post.id, revision=1, channels=ids,
                             review=in_training, images=_images(attached), publishAt=publish_at, replyTo=reply_to),
            *progress.on_submit(post)))

    post = _with_images(caller, post_id, wanted, [], create)
    try:
        workflow.start(post, settings)
    except Exception as exc:
        # The post is kept, with a status that says what happened, rather than lost.
        logger.exception("Could not start the review workflow", extra={"post_id": post.id})
        mark_failed(post.id, f"The review could not be started: {type(exc).__name__}")
        raise TransientError("Your post was saved but its review could not be started; "
                             "an admin has been told. Please try again later.") from exc
    return post


def get(caller: Caller, post_id: str) -> Post:
    post = get_existing(post_id)
    if not is_author(post, caller.email) and not caller.is_reviewer:
        raise Forbidden("You can only see your own posts.")
    return post


ORDERS = ("newest", "oldest")


def list_for(caller: Caller, *, mine: bool, status: str | None, cursor: str | None,
             order: str | None = None) -> Page[Post]:
    """Newest first, or oldest first (``order="oldest"``: the review queue) straight from the index."""
    if order not in (None, *ORDERS):
        raise BadInput(f"Unknown order {order!r}; use newest or oldest.")
    oldest_first = order == "oldest"
    if status is not None and status not in Status.__members__.values():
        raise BadInput(f"Unknown status {status!r}; use one of: {', '.join(s.value for s in Status)}.")
    if mine or not caller.is_reviewer:
        return data.list_posts(author=caller.email, status=status, cursor=cursor, oldest_first=oldest_first)
    return data.list_posts(status=status, cursor=cursor, oldest_first=oldest_first)


def is_author(post: Post, email: str) -> bool:
    return normal_email(post.author) == normal_email(email)


def _own(caller: Caller, post: Post) -> None:
    if not is_author(post, caller.email):
        raise Forbidden("Only the author of a post can change it.")


KEEP = object()  # a revision that leaves the time to go live as it was


def _revisable(caller: Caller, post: Post) -> None:
    _own(caller, post)
    if post.status != Status.CHANGES_REQUESTED:
        raise Conflict(f"Only a post with changes requested can be revised; this one is {post.status}.")


def revise(caller: Caller, post_id: str, body: str, note: str | None, images: list[dict] | None = None, *,
           publish_at=KEEP) -> Post:
    """A new revision. ``images`` None keeps the current images; a list (even empty) replaces them;
    ``publish_at`` KEEP keeps the time to go live, None clears it.
    Four DynamoDB calls: the caller, the post, its channels (whose rules measure the text), the write."""
    note = text.optional_text(note, "note", text.NOTE_LIMIT)
    if publish_at is not KEEP:
        publish_at = publish_time.parse(publish_at)
    wanted = None if images is None else media.wanted(images)
    current = get_existing(post_id)
    _revisable(caller, current)  # before any image is copied
    targets = list(data.get_channels(current.channels).values())
    checked = lengths.post_text(body, targets)
    if wanted is None:
        wanted = [media.Wanted(key=image.key, alt=image.alt) for image in current.current.media]
    channels.check_image_count(targets, len(wanted))
    token: str | None = None

    def save(attached: list[Image]) -> Post:
        nonlocal token

        def apply(post: Post) -> str | None:
            _revisable(caller, post)
            if publish_at is not KEEP:
                post.publish_at = publish_at
            token, post.task_token = post.task_token, None
            post.revisions.append(Revision(number=post.revision + 1, text=checked, note=note, submitted_at=now_iso(),
                                           media=attached))
            post.move_to(Status.PENDING_REVIEW, caller.email, f"revision {post.revision}")
            return token

        def audited(post: Post, _) -> tuple[dict, ...]:
            return (audit.write_with(audit.Action.REVISED, caller.email, post=post.id, revision=post.revision,
                                     images=_images(attached), publishAt=None if publish_at is KEEP else publish_at),)

        post, token = _change(post_id, apply, audited, read=current)
        return post

    post = _with_images(caller, post_id, wanted, current.current.media, save)
    if token:
        workflow.resume(token, "revised", revision=post.revision)
    return post


WAITING = (Status.PENDING_REVIEW, Status.CHANGES_REQUESTED)


def _withdraw(post_id: str, by: str, check: Callable[[Post], None], reason: str = "") -> Post:
    """Withdraw a waiting post and end its workflow: the one path for an author's withdrawal and for the
    withdrawal of a deactivated person's posts (``reason`` says why, in the history and the audit)."""
    def apply(post: Post) -> str | None:
        check(post)
        if post.status not in WAITING:
            raise Conflict(f"This post can no longer be withdrawn: it is {post.status}.")
        token, post.task_token = post.task_token, None
        post.move_to(Status.WITHDRAWN, by, reason)
        return token

    post, token = _change(post_id, apply)
    audit.record(audit.Action.WITHDRAWN, by, post=post.id, revision=post.revision, reason=reason or None)
    if token:
        workflow.resume(token, "withdrawn")
    release_images(post)
    return post


def withdraw(caller: Caller, post_id: str) -> Post:
    return _withdraw(post_id, caller.email, lambda post: _own(caller, post))


def withdraw_all_by(author: str, by: str, reason: str) -> list[Post]:
    """Withdraw every waiting post of ``author`` (someone deactivated), each ending its workflow."""
    withdrawn = []
    for waiting in data.open_posts_by(author):
        try:
            withdrawn.append(_withdraw(waiting.id, by, lambda post: None, reason))
        except Conflict:
            logger.info("Post moved on before it could be withdrawn", extra={"post_id": waiting.id})
    return withdrawn


def release_images(post: Post) -> None:
    """Start the 30 days after which the bucket deletes the images nobody will see: every image of a
    post that ended unpublished; those of earlier revisions only, once a post is published (whose own
    images are kept for good, even if an earlier end had tagged them)."""
    live = post.status in (Status.PUBLISHED, Status.PARTLY_PUBLISHED)
    kept = {image.key for image in post.current.media} if live else set()
    unshown = [image for image in media.all_images(post) if image.key not in kept]
    try:
        if unshown:
            media.mark_unpublished(unshown)
        if kept:  # published after all (an admin published a failed post again): never expire these
            media.keep(sorted(kept))
    except Exception:
        # The post's end stands; its images are then kept until someone deletes them.
        logger.exception("Could not mark the post's images for deletion", extra={"post_id": post.id})


# --- the reviewer's side -------------------------------------------------------------------------

GUIDELINE_ITEMS_LIMIT = 20


def _ticked_items(items: list[str] | None, decision: Decision, markdown: str | None = None) -> list[str]:
    """The guideline items a reviewer ticked: each one of the current guidelines' bullet points
    (``markdown``: the guidelines, where the caller read them already)."""
    if not items:
        return []
    if decision == Decision.APPROVE:
        raise BadInput("Guideline items are ticked when asking for changes or rejecting, not when approving.")
    if not isinstance(items, list) or len(items) > GUIDELINE_ITEMS_LIMIT:
        raise BadInput(f"Tick at most {GUIDELINE_ITEMS_LIMIT} guideline items.")
    known = org.guideline_items(org.guidelines().markdown if markdown is None else markdown)
    chosen: list[str] = []
    for item in items:
        if not isinstance(item, str) or item not in known:
            raise BadInput("Each ticked guideline item must be one of the current guidelines' bullet points.")
        if item not in chosen:
            chosen.append(item)
    return chosen


def _suggests(suggestion: str | None, decision: Decision) -> bool:
    if suggestion is None or not str(suggestion).strip():
        return False
    if decision != Decision.REQUEST_CHANGES:
        raise BadInput("A suggested text goes with asking for changes.")
    return True


def _text_for(post: Post, body: str | None) -> str:
    """``body`` normalised and measured by the rules of the post's channels (understudy.lengths)."""
    return lengths.post_text(body, list(data.get_channels(post.channels).values()))


def _suggested_text(post: Post, suggestion: str) -> str:
    try:
        return _text_for(post, suggestion)
    except BadInput as exc:
        raise BadInput(f"The suggested text cannot be posted as it is. {exc}") from exc


def decide(decider: Caller, post_id: str, decision: str, feedback: str | None, *,
           revision: int | None = None, via: str = "console", guidelines: list[str] | None = None,
           suggestion: str | None = None, guidelines_markdown: str | None = None,
           publish_at: str | None = None) -> Post:
    """Decide on a waiting revision. ``decider`` is the person as the users table knows them now (see
    auth.caller_for), whether they came through the console or an emailed link: they must be a
    reviewer or an admin, and not the post's author. Approving may set or change the post's time to go
    live (``publish_at``)."""
    decider.require_reviewer()
    reviewer = decider.email
    try:
        decision = Decision(decision)
    except ValueError as exc:
        raise BadInput("The decision must be approve, request_changes or reject.") from exc
    publish_at = publish_time.parse(publish_at)
    if publish_at and decision != Decision.APPROVE:
        raise BadInput("A time to go live is set when approving.")
    feedback = text.optional_text(feedback, "feedback", text.FEEDBACK_LIMIT)
    if decision != Decision.APPROVE and not feedback:
        raise BadInput("Say what should change: feedback is needed when asking for changes or rejecting.")
    ticked = _ticked_items(guidelines, decision, guidelines_markdown)
    suggests = _suggests(suggestion, decision)

    def apply(post: Post) -> str | None:
        if is_author(post, reviewer):
            raise Forbidden(OWN_POST)
        if revision is not None and revision != post.revision:
            raise Conflict(f"This link is for revision {revision}; the post is now at revision "
                           f"{post.revision}.")
        if post.status != Status.PENDING_REVIEW:
            raise Conflict(already_decided(post))
        suggested = _suggested_text(post, suggestion) if suggests else ""
        token, post.task_token = post.task_token, None
        post.current.feedback = Feedback(decision=decision.value, text=feedback, reviewer=reviewer,
                                         at=now_iso(), via=via, guidelines=ticked, suggestion=suggested)
        status = DECISION_STATUS[decision]
        if decision == Decision.APPROVE:
            post.publish_at = publish_at or post.publish_at
            status = publish_time.after_approval(post)
        post.move_to(status, reviewer, decision.value + (" (its time to go live had passed)" if post.late else ""))
        return token

    def also(post: Post, _token) -> tuple[dict, ...]:
        return (audit.write_with(audit.Action.DECIDED, reviewer, post=post.id, revision=post.revision,
                                 decision=decision.value, via=via, feedback=feedback or None,
                                 guidelines=ticked or None, suggestion=suggests or None,
                                 publishAt=post.publish_at if publish_at else None, late=post.late or None),
                *progress.on_decision(post))

    try:
        # The author's record is checked in the same transaction: someone deactivated a moment ago still
        # has waiting posts until leavers.settle withdraws them, and none of those may be approved meanwhile.
        post, token = _change(post_id, apply, also, checks=lambda post: [data.active_author(post)])
    except data.AuthorNotActive as exc:
        raise Conflict(f"{exc.args[0]} has been deactivated: their waiting posts are being withdrawn, so this one "
                       "can no longer be decided.") from exc
    review_turnaround(post.current.submitted_at, post.current.feedback.at)
    # No token yet means request_review has not stored it: it will find the decision and resume itself.
    if token:
        workflow.resume(token, decision.value, revision=post.revision)
    return post


DECIDED_AS = {"approve": "approved it", "request_changes": "asked for changes", "reject": "rejected it"}


def already_decided(post: Post) -> str:
    feedback = post.current.feedback
    return decided_message(post, data.get_user(feedback.reviewer) if feedback else None)


def decided_message(post: Post, person: User | None) -> str:
    """Why the post is no longer waiting; ``person``: who decided its current revision, if known."""
    feedback = post.current.feedback
    if feedback:
        who = f"{person.name} ({feedback.reviewer})" if person and person.name else feedback.reviewer
        return (f"This revision was already decided by {who} at {feedback.at}: "
                f"{DECIDED_AS.get(feedback.decision, feedback.decision)}.")
    return f"This post is no longer waiting for review: it is {post.status}."


# --- the workflow's side -------------------------------------------------------------------------

def _await(post_id: str, token: str, waiting: Status, outcomes: dict[Status, str]) -> tuple[Post, bool]:
    """Store the wait's token if the post is in the waited-for state, else resume the wait at once."""
    def apply(post: Post) -> bool:
        if post.status == waiting:
            post.task_token = token
            return True
        return False

    post, waits = _change(post_id, apply)
    if not waits:
        workflow.resume(token, outcomes.get(post.status, "closed"), revision=post.revision)
    return post, waits


def await_review(post_id: str, token: str) -> tuple[Post, bool]:
    return _await(post_id, token, Status.PENDING_REVIEW, REVIEW_OUTCOME)


def await_revision(post_id: str, token: str) -> tuple[Post, bool]:
    return _await(post_id, token, Status.CHANGES_REQUESTED, REVISION_OUTCOME)


def expire(post_id: str) -> tuple[Post, bool]:
    """Expire a post whose wait timed out, unless a decision or revision got in first."""
    def apply(post: Post) -> bool:
        if post.status in (Status.PENDING_REVIEW, Status.CHANGES_REQUESTED):
            post.task_token = None
            post.move_to(Status.EXPIRED, WORKFLOW, "nobody acted before the deadline")
            return True
        return False

    post, expired = _change(post_id, apply)
    if expired:
        audit.record(audit.Action.EXPIRED, WORKFLOW, post=post.id, revision=post.revision,
                     waiting_for="revision" if post.history[-2].status == Status.CHANGES_REQUESTED else "review")
    return post, expired


class Claim(StrEnum):
    """What claiming one of a post's channels for publishing found."""

    CLAIMED = "claimed"          # this attempt may call the channel
    DONE = "done"                # an earlier attempt published this revision there; answer with its result
    INTERRUPTED = "interrupted"  # an earlier attempt began and left no outcome: do not post again


def claim_delivery(post_id: str, channel_id: str, *, retry_safe: bool = False,
                   read: Post | None = None) -> tuple[Post, Claim]:
    """Claim the post's current revision for publishing to one of its channels, before that channel is called.

    The claim is a conditional write (the post's version), so of two invocations racing for the same
    channel only one gets CLAIMED; the other re-reads and finds the claim. A claim found without a
    recorded outcome means an earlier attempt stopped after it may have reached the channel (a Lambda
    timeout or crash): INTERRUPTED is returned (the caller marks the channel for an admin to check),
    unless the channel itself makes a repeated call harmless (``retry_safe``, as the local timeline does).
    ``read``: the post as the caller just read it (see _change).
    """
    def apply(post: Post) -> Claim:
        delivery = post.deliveries[channel_id]
        if delivery.state == Sent.PUBLISHED and delivery.revision == post.revision:
            return Claim.DONE
        if post.status != Status.PUBLISHING or delivery.state != Sent.WAITING:
            raise NotPublishable(f"Post {post_id} is {post.status} ({delivery.state} on {channel_id}), not "
                                 "waiting to be published there.")
        if delivery.claim == post.revision and not retry_safe:
            return Claim.INTERRUPTED
        delivery.claim = post.revision
        return Claim.CLAIMED

    post = read or get_existing(post_id)
    delivery = post.deliveries[channel_id]
    if delivery.state == Sent.PUBLISHED and delivery.revision == post.revision:
        return post, Claim.DONE  # nothing to write
    return _change(post_id, apply, read=post)


def release_claim(post_id: str, channel_id: str, revision: int) -> None:
    """The channel asked us to come back later, or could not be reached: a retry may post there."""
    def apply(post: Post) -> None:
        delivery = post.deliveries[channel_id]
        if delivery.claim == revision and delivery.state == Sent.WAITING and post.status == Status.PUBLISHING:
            delivery.claim = None

    _change(post_id, apply)


def settle_unsent(post_id: str, channel_id: str, state: Sent, error: str) -> None:
    """One channel's publishing ended without the post there: FAILED (the channel said it was not
    created; the claim goes, so an admin may publish again) or UNKNOWN (it may have it: the claim stays and
    an admin checks the network). The other channels carry on."""
    def apply(post: Post) -> bool:
        delivery = post.deliveries[channel_id]
        if delivery.state != Sent.WAITING or post.status != Status.PUBLISHING:
            return False
        delivery.state, delivery.error = state, error
        if state == Sent.FAILED:
            delivery.claim = None
        return True

    def audited(post: Post, settled: bool) -> tuple[dict, ...]:
        return (audit.write_with(audit.Action.NOT_PUBLISHED_TO, WORKFLOW, post=post.id, revision=post.revision,
                                 channel=channel_id, outcome=state.value, error=error),) if settled else ()

    _change(post_id, apply, audited)


def remember_channel_media(post_id: str, channel_id: str, key: str, media_id: str, expires_at: int) -> None:
    """Keep what the channel gave for an image (before the post is created), for a retry to reuse."""
    def apply(post: Post) -> None:
        post.deliveries[channel_id].media[key] = ChannelMedia(id=media_id, expires_at=expires_at)

    _change(post_id, apply)


def mark_published(post_id: str, channel_id: str, revision: int, url: str, published_id: str | None = None, *,
                   read: Post | None = None) -> Post:
    """The channel took the post (recorded with its audit entry in one transaction); once every channel
    has it, the post is published. ``read``: the post as the caller last wrote it (see _change)."""
    def apply(post: Post) -> bool:
        delivery = post.deliveries[channel_id]
        if delivery.state == Sent.PUBLISHED and delivery.revision == revision:
            return False
        if post.status != Status.PUBLISHING:
            raise NotPublishable(f"Post {post_id} is {post.status}, not waiting to be published.")
        delivery.state, delivery.url, delivery.external_id = Sent.PUBLISHED, url, published_id
        delivery.revision, delivery.error = revision, None
        if all(d.state == Sent.PUBLISHED for d in post.deliveries.values()):
            post.move_to(Status.PUBLISHED, WORKFLOW)
        return True

    def audited(post: Post, published: bool) -> tuple[dict, ...]:
        return (audit.write_with(audit.Action.PUBLISHED, WORKFLOW, post=post.id, revision=revision,
                                 channel=channel_id, url=url),) if published else ()

    post, _ = _change(post_id, apply, audited, read=read)
    return post


def start_new_execution(post: Post, failure: str, refusal: str) -> None:
    """Start the post's next execution (workflow.publish_again: an admin's "publish again", or a
    reschedule to an earlier time). If it cannot start, the post is failed (so an admin sees it) rather
    than left waiting for an execution that does not exist: ``failure`` says what could not be done,
    ``refusal`` is what the person is answered."""
    try:
        workflow.publish_again(post)
    except Exception as exc:
        logger.exception("Could not start the post's new execution", extra={"post_id": post.id})
        mark_failed(post.id, f"{failure}: {type(exc).__name__}")
        raise TransientError(refusal) from exc


def mark_failed(post_id: str, error: str, *, execution: str | None = None) -> tuple[Post, bool]:
    """End the post's workflow in failure, unless it already ended, or ``execution`` (the failing workflow
    execution's name) is no longer the post's current one: an admin has sent it to be published again.
    An approved post ends ``partly_published`` when some of its channels have it: those still waiting are
    failed (or, where an attempt may have reached the channel, left for an admin to check)."""
    def apply(post: Post) -> bool:
        if post.status in (Status.PUBLISHED, Status.PARTLY_PUBLISHED, Status.FAILED):
            return False
        if execution is not None and execution != workflow.execution_name(post):
            logger.warning("An earlier execution tried to fail the post", extra={"post_id": post_id,
                                                                                 "execution": execution})
            return False
        approved = post.status in (Status.PUBLISHING, Status.SCHEDULED)
        for delivery in post.waiting() if approved else ():
            delivery.state = Sent.UNKNOWN if delivery.claim == post.revision else Sent.FAILED
            delivery.error = error
        post.task_token = None
        post.error = error
        post.move_to(post.publishing_outcome() if approved else Status.FAILED, WORKFLOW, error)
        return True

    post, failed = _change(post_id, apply)
    if failed:
        audit.record(audit.Action.FAILED, WORKFLOW, post=post.id, revision=post.revision, error=error,
                     status=post.status.value)
    return post, failed
