"""Needs attention: posts that ended badly, for an admin to put right from the console.

A post needs an admin when it failed, expired, or its publishing was interrupted (``needs_check``),
until an admin acts on it. Such posts carry the ``attention`` attribute and are listed from the sparse
attention-index (data.list_needing_attention). Each case offers only the actions that are safe for it:

- ``not_published``: publishing failed and the channel said the post was not created (or nothing
  reached it): **publish again**, **it is live** (an admin posted it by hand), **close**.
- ``needs_check``: an attempt may have reached the channel and left no outcome, or the channel calls
  the post a duplicate: nobody knows whether it went out, so never publish again; **it is live** (with
  the URL an admin found on the network) or **close**.
- ``failed``: the workflow failed before the post was approved: **close**.
- ``expired``: nobody decided it in time: **close**.

Each action is a versioned write (of two admins at once, one wins and the other gets a Conflict), is
audited, and the author is emailed.
"""

from __future__ import annotations

from enum import StrEnum

from understudy import audit, channels, data, emails, posts, text
from understudy.auth import Caller
from understudy.errors import BadInput, Conflict, InvalidValue
from understudy.model import Channel, Page, Post, Status, now_iso
from understudy.observability import logger


class Case(StrEnum):
    NOT_PUBLISHED = "not_published"
    NEEDS_CHECK = "needs_check"
    FAILED = "failed"
    EXPIRED = "expired"


class Action(StrEnum):
    PUBLISH_AGAIN = "publish_again"
    MARK_LIVE = "mark_live"
    CLOSE = "close"


ACTIONS = {
    Case.NOT_PUBLISHED: (Action.PUBLISH_AGAIN, Action.MARK_LIVE, Action.CLOSE),
    Case.NEEDS_CHECK: (Action.MARK_LIVE, Action.CLOSE),
    Case.FAILED: (Action.CLOSE,),
    Case.EXPIRED: (Action.CLOSE,),
}
# For refusals: "A post that <case> can only be <action> or <action>."
CASE_WORDS = {Case.NOT_PUBLISHED: "was not published", Case.NEEDS_CHECK: "may have gone out",
              Case.FAILED: "failed before it was approved", Case.EXPIRED: "expired"}
ACTION_WORDS = {Action.PUBLISH_AGAIN: "published again", Action.MARK_LIVE: "marked live",
                Action.CLOSE: "closed with a note"}
AUDITED_AS = {Action.PUBLISH_AGAIN: audit.Action.PUBLISH_RETRIED, Action.MARK_LIVE: audit.Action.MARKED_LIVE,
              Action.CLOSE: audit.Action.ATTENTION_CLOSED}


def case_of(post: Post) -> Case:
    if post.status == Status.EXPIRED:
        return Case.EXPIRED
    if post.needs_check or post.publish_claim == post.revision:
        # A claim left in place means an attempt may have reached the channel.
        return Case.NEEDS_CHECK
    # Approved and failed while waiting for its time (or on the way to the channel): nothing went out.
    was_publishing = len(post.history) > 1 and post.history[-2].status in (Status.PUBLISHING, Status.SCHEDULED)
    return Case.NOT_PUBLISHED if was_publishing else Case.FAILED


def describe(post: Post) -> dict:
    """What happened (the channel's or the workflow's own words), when, to which revision, and what may be done."""
    case = case_of(post)
    last = post.history[-1]
    return {"case": case.value, "what": post.error or last.detail or f"The post {post.status}.",
            "at": last.at, "revision": post.revision, "actions": [a.value for a in ACTIONS[case]]}


def item(post: Post) -> dict:
    return {**post.as_json(), "attention": describe(post)}


def needing_attention(caller: Caller, cursor: str | None) -> Page[Post]:
    caller.require_admin()
    return data.list_needing_attention(cursor=cursor)


def _allowed(post: Post, action: Action) -> None:
    """Refuse an action the post's case does not allow (or a post nobody needs to look at any more)."""
    if not post.needs_attention:
        if post.closed:
            raise Conflict(f"{post.closed['by']} already closed this post at {post.closed['at']}.")
        raise Conflict(f"This post no longer needs attention: it is {post.status}.")
    case = case_of(post)
    if action not in ACTIONS[case]:
        if action == Action.PUBLISH_AGAIN and case == Case.NEEDS_CHECK:
            raise Conflict("It is not known whether this post went out, so it cannot be published again: "
                           "check the channel, then mark it live with its address or close it.")
        raise Conflict(f"A post that {CASE_WORDS[case]} can only be "
                       f"{' or '.join(ACTION_WORDS[a] for a in ACTIONS[case])}.")


def act(caller: Caller, post_id: str, action: str, *, url: str | None = None, note: str | None = None) -> dict:
    """Do ``action`` on a post that needs attention. Three DynamoDB calls: the post, the settings and the
    channel together, and the versioned write with its audit entry in one transaction."""
    caller.require_admin()
    try:
        action = Action(action)
    except ValueError as exc:
        raise BadInput(f"The action must be one of: {', '.join(a.value for a in Action)}.") from exc
    note = text.optional_text(note, "note", text.NOTE_LIMIT)
    if action == Action.CLOSE and not note:
        raise InvalidValue("note", "Say why you close it: a note is needed, and the author sees it.")
    looked_up: dict = {}  # read once, on the first pass of the change (a re-applied change reuses it)

    def apply(current: Post) -> None:
        _allowed(current, action)  # first, so a refused action costs one read
        if not looked_up:
            looked_up["settings"], looked_up["channel"] = data.get_settings_and_channel(current.channel)
            if action == Action.MARK_LIVE:
                looked_up["live"] = _live_post(current, looked_up["channel"], url)
            if action == Action.PUBLISH_AGAIN and looked_up["channel"] is None:
                raise Conflict(f"The channel {current.channel!r} no longer exists: close the post with a note "
                               "instead.")
        detail = f"{action.value.replace('_', ' ')} by an admin" + (f": {note}" if note else "")
        if action == Action.PUBLISH_AGAIN:
            current.error, current.publish_attempts = None, current.publish_attempts + 1
            current.move_to(Status.PUBLISHING, caller.email, detail)
        elif action == Action.MARK_LIVE:
            live = looked_up["live"]
            current.error, current.needs_check = None, False
            current.published_url, current.published_id = live.url, live.external_id
            current.published_revision = current.revision
            current.move_to(Status.PUBLISHED, caller.email, detail)
        else:
            current.closed = {"by": caller.email, "at": now_iso(), "note": note}
            current.task_token = None
            current.move_to(Status.FAILED if current.status == Status.PUBLISHING else current.status,
                            caller.email, detail)

    def audited(current: Post, _) -> tuple[dict, ...]:
        live = looked_up.get("live")
        return (audit.write_with(AUDITED_AS[action], caller.email, post=current.id, revision=current.revision,
                                 note=note or None, url=live.url if live else None),)

    post, _ = posts.change(post_id, apply, audited)
    channel = looked_up["channel"]
    _tell_author(post, action, channel.name if channel else post.channel, note, emails.sender(looked_up["settings"]))
    if action == Action.PUBLISH_AGAIN:  # after the email: the workflow's own "it is live" comes second
        _start_publishing(post)
    return item(post) if post.needs_attention else post.as_json()


def _live_post(post: Post, channel: Channel | None, url: str | None):
    if channel is None:
        raise Conflict(f"The channel {post.channel!r} no longer exists, so its address cannot be checked: "
                       "close the post with a note instead.")
    return channels.client_for(channel).live_post(post.id, post.revision, url or "")


def _start_publishing(post: Post) -> None:
    # The post is marked failed again (and so needs attention again) rather than left publishing.
    posts.start_new_execution(post, "Publishing again could not be started",
                              "Publishing again could not be started; the post is failed again. "
                              "Try again in a moment.")


def _tell_author(post: Post, action: Action, channel_name: str, note: str, sender: str) -> None:
    try:
        emails.send(emails.resolution(post, action.value, channel_name, note), sender)
    except Exception:
        # The action has landed and is audited; a lost email must not turn it into an error.
        logger.exception("Could not email the author", extra={"post_id": post.id, "action": action.value})
