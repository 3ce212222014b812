"""The workflow's tasks: asking reviewers, publishing, and telling the author how it ended."""

from __future__ import annotations

import contextlib
import json
import time
from datetime import UTC, datetime

from understudy import audit, data, org, posts
from understudy.cold_start import lazy
from understudy.config import config
from understudy.errors import (
    ChannelUnavailable,
    InvalidValue,
    NotPublishable,
    PublishFailed,
    PublishUncertain,
    RateLimited,
)
from understudy.model import ADMINS, REVIEWERS, Channel, Decision, Post, Sent, Status, User
from understudy.observability import logger

# Each used by some of the tasks only (emails and links by all but publishing; channels and replies by
# publishing; images; scheduling): see understudy.cold_start.lazy.
channels, emails, links, media, replies, schedule = (lazy(f"understudy.{name}") for name in
                                                     ("channels", "emails", "links", "media", "replies", "schedule"))


def reviewers_for(post: Post, author: User | None) -> list[str]:
    """The author's (``author``: their record as it is now) mentors who can still review (active, reviewer
    or admin); else every active reviewer but the author; else the active admins. Someone deactivated is
    never asked."""
    if author and author.mentors:
        mentors = data.get_users(sorted(author.mentors - {post.author}))  # one call however many
        found = sorted(m.email for m in mentors.values() if m.active and m.roles & {REVIEWERS, ADMINS})
        if found:
            return found
    for role in (REVIEWERS, ADMINS):
        people = sorted(u.email for u in data.users_in_role(role) if u.email != post.author)
        if people:
            return people
    return []


def review_links(post: Post, reviewer: str, expires: int, keys: dict) -> dict[str, str]:
    token = links.sign(post.id, post.revision, reviewer, expires, keys=keys)
    base = f"{config().console_url}/review.html#token={token}"
    return {d.value: f"{base}&decision={d.value}" for d in Decision}


def admins_for(post: Post) -> list[str]:
    """Every admin but the author: who an escalated review goes to."""
    return sorted(u.email for u in data.users_in_role(ADMINS) if u.email != post.author)


def _epoch(iso: str) -> int:
    return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp())


def request_review(post_id: str, task_token: str, phase: str = "request", expire_after: int | None = None) -> dict:
    """One phase of the review wait: store its task token on the post, then email.

    ``request``: each reviewer gets signed links; ``remind``: the same people are reminded (with links
    again); ``escalate``: each admin gets their own links. Every link expires with the review: the
    revision's submission time plus ``expire_after`` (the execution's expiry), so links sent in any
    phase work until the review expires.
    """
    post, waiting = posts.await_review(post_id, task_token)
    if not waiting:
        return {"waiting": False, "status": post.status.value}
    # The channel, the guidelines, the settings and the author as they are now: one BatchGetItem.
    context = data.review_context(post.channels, None, post.author)
    if expire_after is None:
        expire_after = context.settings.expire_after_seconds
    submitted = _epoch(post.current.submitted_at)
    expires, waited = submitted + int(expire_after), max(0, int(time.time()) - submitted)
    keys = links.signing_keys()
    guidelines = org.guideline_items(context.guidelines.markdown if context.guidelines else "")[:5]
    name = posts.channel_names(post.channels, context.channels)
    mail_from = emails.sender(context.settings)
    people = admins_for(post) if phase == "escalate" else reviewers_for(post, context.holder)
    if not people:
        logger.warning("Nobody can review this post", extra={"post_id": post.id, "phase": phase})
    inline = thumbnails(post) if people and post.current.media else []
    for person in people:
        signed = review_links(post, person, expires, keys)
        emails.send(emails.review(phase, post, person, name, signed, guidelines, expires, waited, inline), mail_from)
    if phase in ("remind", "escalate"):
        action = audit.Action.REMINDED if phase == "remind" else audit.Action.ESCALATED
        audit.record(action, posts.WORKFLOW, post=post.id, revision=post.revision, to=",".join(people),
                     waitedSeconds=waited)
    return {"waiting": True, "reviewers": len(people)}


def _published(url: str | None) -> dict:
    return {"url": url, "retryAt": None}


def publish(post_id: str) -> dict:
    """Publish the post's current revision to each of its channels still waiting, at most once on each;
    the answer is ``{"url", "retryAt"}``.

    Each channel goes independently: one that refuses or may already have the post is recorded as such
    and the others carry on. Then, in this order: a channel that could not be reached raises
    ChannelUnavailable (the workflow retries, and only the channels still waiting are tried again); a
    rate limit answers ``retryAt`` (the latest asked for: the workflow waits until then and calls again);
    every channel published answers the first one's URL; otherwise PublishUncertain (some channel may
    have it) or PublishFailed names what did not go out, and the post ends partly published or failed.
    """
    post = posts.get_existing(post_id)
    if post.status == Status.PUBLISHED:
        return _published(post.published_url)
    if post.status != Status.PUBLISHING:
        raise NotPublishable(f"Post {post_id} is {post.status}, not waiting to be published.")
    found = data.get_channels(post.channels)
    retry_at, unreachable, read, latest = None, [], post, None
    for delivery in post.waiting():
        channel = found.get(delivery.channel)
        try:
            latest = _publish_to(post, delivery.channel, channel, read)
        except RateLimited as exc:
            retry_at = max(retry_at or 0, exc.reset_at)
        except ChannelUnavailable as exc:
            unreachable.append(exc.message)
        except PublishUncertain as exc:
            posts.settle_unsent(post.id, delivery.channel, Sent.UNKNOWN, exc.message)
        except PublishFailed as exc:
            posts.settle_unsent(post.id, delivery.channel, Sent.FAILED, exc.message)
        read = None  # written since: the next channel's claim reads the post afresh
    if unreachable:
        raise ChannelUnavailable(" ".join(unreachable))
    if retry_at:
        at = datetime.fromtimestamp(retry_at + 1, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        logger.info("Rate-limited; the workflow waits", extra={"post_id": post.id, "retry_at": at})
        return {"url": None, "retryAt": at}
    post = latest if latest and latest.status == Status.PUBLISHED else posts.get_existing(post_id)
    if post.status == Status.PUBLISHED:
        return _published(post.published_url)
    raise (PublishUncertain if post.needs_check else PublishFailed)(_unsent(post, found))


def _unsent(post: Post, found: dict[str, Channel]) -> str:
    """What did not go out, channel by channel, in the channels' own words."""
    def name(channel_id: str) -> str:
        return found[channel_id].name if channel_id in found else channel_id

    parts = [f"{name(d.channel)}: {d.error}" for d in post.deliveries.values() if d.state != Sent.PUBLISHED]
    sent = [name(d.channel) for d in post.deliveries.values() if d.state == Sent.PUBLISHED]
    if len(post.channels) == 1:
        return post.deliveries[post.channel].error or "The post was not published."
    return (f"Published to {', '.join(sent)}; not to " if sent else "Not published to ") + "; ".join(parts)


def _publish_to(post: Post, channel_id: str, channel: Channel | None, read: Post | None = None) -> Post:
    """Publish to one channel at most once: claim it on the post (``read``: as just read, if it was),
    call the network, record the outcome; answers the post as last written.
    Raises RateLimited or ChannelUnavailable (nothing was posted: the claim is released), PublishFailed
    (refused: nothing was posted) or PublishUncertain (the channel may have it: the claim stays)."""
    if channel is None:
        raise PublishFailed(f"The channel {channel_id!r} no longer exists.")
    client = channels.client_for(channel)
    try:
        reply_to = replies.target_id(channel, post)
    except InvalidValue as exc:
        raise PublishFailed(f"The post this one answers is no longer there to answer: {exc.message}") from exc

    post, claim = posts.claim_delivery(post.id, channel_id, retry_safe=client.idempotent, read=read)
    if claim == posts.Claim.DONE:
        return post
    if claim == posts.Claim.INTERRUPTED:
        logger.warning("An earlier publishing attempt left no outcome", extra={"post_id": post.id,
                                                                               "channel": channel_id})
        raise PublishUncertain(
            f"An earlier attempt to publish revision {post.revision} to {channel.name} stopped before its outcome "
            "was recorded, so it is not known whether the post went out. Nothing was re-posted; an admin "
            f"should check {_account(channel)} and publish it by hand if it is missing.")

    def remember(key: str, media_id: str, expires_at: int) -> None:
        posts.remember_channel_media(post.id, channel_id, key, media_id, expires_at)

    try:
        published = client.publish(post.id, post.revision, post.current.text, attachments(post, channel_id),
                                   remember, reply_to=reply_to)
    except (RateLimited, ChannelUnavailable):
        posts.release_claim(post.id, channel_id, post.revision)  # not created: a retry may post
        raise
    except (PublishUncertain, PublishFailed):
        raise
    except Exception as exc:
        # Nobody knows what happened: keep the claim so that no retry posts again, and ask an admin.
        logger.exception("Publishing ended in an unexpected error", extra={"post_id": post.id, "channel": channel_id})
        raise PublishUncertain(f"Publishing to {channel.name} stopped with an unexpected error "
                               f"({type(exc).__name__}), so it is not known whether the post went out; an admin "
                               f"should check {_account(channel)}.") from exc
    try:
        return posts.mark_published(post.id, channel_id, post.revision, published.url, published.external_id,
                                    read=post)
    except Exception as exc:
        logger.exception("Published but not recorded", extra={"post_id": post.id, "url": published.url})
        raise PublishUncertain(f"{channel.name} took the post ({published.url}) but Understudy could not record "
                               "it; an admin should check the post is there.") from exc


# A media id this close to X forgetting it is uploaded again rather than risk a refused post.
MEDIA_ID_MARGIN = 10 * 60


def _loader(key: str):
    def load() -> bytes:
        try:
            return media.read(key)
        except Exception as exc:
            # Nothing has been posted yet: the workflow retries rather than failing the post in doubt.
            raise ChannelUnavailable("An image of the post could not be read just now; trying again shortly.") from exc

    return load


def attachments(post: Post, channel_id: str) -> list[channels.Attachment]:
    """The current revision's images for the channel, each with the id an earlier attempt got, if still valid."""
    soon = int(time.time()) + MEDIA_ID_MARGIN
    found, given = [], post.deliveries[channel_id].media
    for image in post.current.media:
        earlier = given.get(image.key)
        found.append(channels.Attachment(
            key=image.key, alt=image.alt, content_type=image.content_type, load=_loader(image.key),
            channel_id=earlier.id if earlier and earlier.expires_at > soon else None))
    return found


def thumbnails(post: Post) -> list[emails.InlineImage]:
    """The current revision's images, small, to go inside the review email."""
    from understudy import images

    shown = []
    for number, image in enumerate(post.current.media, start=1):
        data, subtype = images.thumbnail(media.read(image.key))
        shown.append(emails.InlineImage(cid=f"image{number}.{post.id}@understudy", alt=image.alt, data=data,
                                        subtype=subtype))
    return shown


def _account(channel: Channel) -> str:
    form = channels.connectable().get(channel.kind)
    if form is None or not channel.handle:
        return f"the channel {channel.name}"
    return f"@{channel.handle} on {form.label}"


def _tell(post: Post, event: str, to: list[str] | None = None) -> None:
    settings, found = data.get_settings_and_channels(post.channels)  # one BatchGetItem
    emails.send(emails.outcome(post, event, posts.channel_names(post.channels, found), to,
                               live=posts.live_on(post, found)), emails.sender(settings))


def _error_text(error: dict | None) -> str:
    """Step Functions hands over {Error, Cause}; a Lambda error's Cause is JSON with errorMessage."""
    error = error or {}
    cause = error.get("Cause") or ""
    with contextlib.suppress(ValueError, AttributeError):
        cause = json.loads(cause).get("errorMessage", cause)
    return f"{error.get('Error', 'Error')}: {cause}".strip(": ") or "Unknown error"


def notify(event: str, post_id: str, task_token: str | None = None, error: dict | None = None, *,
           execution: str | None = None) -> dict:
    if event == "changes_requested":
        post, waiting = posts.await_revision(post_id, task_token)
        if waiting:
            _tell(post, event)
        return {"status": post.status.value}
    if event == "expired":
        post, expired = posts.expire(post_id)
        if expired:
            posts.release_images(post)
            _tell(post, event)
        return {"status": post.status.value}
    if event == "failed":
        post, failed = posts.mark_failed(post_id, _error_text(error), execution=execution)
        if failed:
            posts.release_images(post)
            admins = [u.email for u in data.users_in_role(ADMINS)]
            _tell(post, post.status.value, to=sorted({post.author, *admins}))  # failed or partly_published
        return {"status": post.status.value}
    if event == "when_to_publish":
        return schedule.when_to_publish(post_id, execution)
    if event == "scheduled":
        post = posts.get_existing(post_id)
        if post.review and post.status == Status.SCHEDULED:  # a trainee hears of the approval now
            _tell(post, event)
        return {"status": post.status.value}
    if event in ("published", "rejected"):
        post = posts.get_existing(post_id)
        posts.release_images(post)  # tagging again on a retry is harmless
        _tell(post, event)
        return {"status": post.status.value}
    raise ValueError(f"Unknown notification {event!r}")
