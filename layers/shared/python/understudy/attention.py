"""Needs attention: posts that ended badly, for an admin to put right from the console.

A post needs an admin when it failed, ended partly published, expired, or its publishing was
interrupted (``needs_check``), until an admin acts on it. Such posts carry the ``attention`` attribute
and are listed from the sparse attention-index (data.list_needing_attention). A post goes to one or
several channels, each published on its own, so what is safe is decided channel by channel:

- a channel that said the post was not created (or was never reached): **publish again** (there only;
  the channels that have it are not posted to again) or **it is live** (an admin posted it by hand);
- a channel an attempt may have reached with no outcome, or that calls the post a duplicate: nobody
  knows whether it went out there, so never publish again; **it is live** (with the URL an admin found
  on the network);
- and for the whole post, **close** with a note: also the only action for a post that failed before it
  was approved, or expired because nobody decided it in time.

The post's ``case`` sums it up for the list: ``needs_check`` if some channel is in doubt, else
``not_published`` if some channel did not take it, else ``failed`` or ``expired``.

Each action is a versioned write (of two admins at once, one wins and the other gets a Conflict), is
audited, and the author is emailed.
"""

from __future__ import annotations

from enum import StrEnum

from understudy import audit, channels, data, emails, posts, text
from understudy.auth import Caller
from understudy.errors import BadInput, Conflict, InvalidValue
from understudy.model import Delivery, Page, Post, Sent, Status, now_iso
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


# What may be done about one channel of a post, by where the post stands there; close is for the whole post.
CHANNEL_ACTIONS = {Sent.FAILED: (Action.PUBLISH_AGAIN, Action.MARK_LIVE), Sent.UNKNOWN: (Action.MARK_LIVE,)}
# For refusals: "A post that <case> can only be <action> or <action>."
CASE_WORDS = {Case.NOT_PUBLISHED: "was not published", Case.NEEDS_CHECK: "may have gone out",
              Case.FAILED: "failed before it was approved", Case.EXPIRED: "expired"}
ACTION_WORDS = {Action.PUBLISH_AGAIN: "published again", Action.MARK_LIVE: "marked live",
                Action.CLOSE: "closed with a note"}
AUDITED_AS = {Action.PUBLISH_AGAIN: audit.Action.PUBLISH_RETRIED, Action.MARK_LIVE: audit.Action.MARKED_LIVE,
              Action.CLOSE: audit.Action.ATTENTION_CLOSED}
IN_DOUBT = ("It is not known whether this post went out{where}, so it cannot be published again{there}: "
            "check the channel, then mark it live with its address or close it.")


def case_of(post: Post) -> Case:
    if post.status == Status.EXPIRED:
        return Case.EXPIRED
    states = {d.state for d in post.deliveries.values()}
    if Sent.UNKNOWN in states:
        return Case.NEEDS_CHECK
    if Sent.FAILED in states:
        return Case.NOT_PUBLISHED  # approved, and some channel did not take it: nothing went out there
    return Case.FAILED


def _channel_actions(post: Post, delivery: Delivery) -> tuple[Action, ...]:
    actions = CHANNEL_ACTIONS.get(delivery.state, ())
    if post.status == Status.PUBLISHING:  # still running: nothing is sent again until it has ended
        actions = tuple(a for a in actions if a != Action.PUBLISH_AGAIN)
    return actions


def _actions(post: Post) -> list[Action]:
    """What may be done about the post: each action some channel allows, and close."""
    allowed = {a for d in post.deliveries.values() for a in _channel_actions(post, d)} | {Action.CLOSE}
    return [a for a in Action if a in allowed]


def describe(post: Post) -> dict:
    """What happened (the channel's or the workflow's own words), when, to which revision, what may be
    done, and where the post stands on each of its channels with what may be done there."""
    last = post.history[-1]
    return {"case": case_of(post).value, "what": post.error or last.detail or f"The post {post.status}.",
            "at": last.at, "revision": post.revision, "actions": [a.value for a in _actions(post)],
            "channels": [{**d.as_json(), "actions": [a.value for a in _channel_actions(post, d)]}
                         for d in post.deliveries.values()]}


def item(post: Post) -> dict:
    return {**post.as_json(), "attention": describe(post)}


def needing_attention(caller: Caller, cursor: str | None) -> Page[Post]:
    caller.require_admin()
    return data.list_needing_attention(cursor=cursor)


def _targets(post: Post, action: Action, channel: str | None) -> list[Delivery]:
    """The channels ``action`` applies to (none for close): ``channel`` if named (it must allow it), else
    every channel that allows it (mark_live: the only one, since each needs its own address). Refuses an
    action the post does not allow, or a post nobody needs to look at any more."""
    if not post.needs_attention:
        if post.closed:
            raise Conflict(f"{post.closed['by']} already closed this post at {post.closed['at']}.")
        raise Conflict(f"This post no longer needs attention: it is {post.status}.")
    if action == Action.CLOSE:
        return []
    if channel is not None:
        delivery = post.deliveries.get(channel)
        if delivery is None:
            raise InvalidValue("channel", f"This post does not go to a channel {channel!r}.")
        if action in _channel_actions(post, delivery):
            return [delivery]
        if action == Action.PUBLISH_AGAIN and delivery.state == Sent.UNKNOWN:
            raise Conflict(IN_DOUBT.format(where=f" on {channel}", there=" there"))
        raise Conflict(f"The post is {delivery.state.value} on {channel}: it cannot be {ACTION_WORDS[action]} there.")
    fits = [d for d in post.deliveries.values() if action in _channel_actions(post, d)]
    if not fits:
        if action == Action.PUBLISH_AGAIN and post.needs_check:
            raise Conflict(IN_DOUBT.format(where="", there=""))
        raise Conflict(f"A post that {CASE_WORDS[case_of(post)]} can only be "
                       f"{' or '.join(ACTION_WORDS[a] for a in _actions(post))}.")
    if action == Action.MARK_LIVE and len(fits) > 1:
        raise InvalidValue("channel", f"Say which channel the address is on: {', '.join(d.channel for d in fits)}.")
    return fits


def act(caller: Caller, post_id: str, action: str, *, channel: str | None = None, url: str | None = None,
        note: str | None = None) -> dict:
    """Do ``action`` on a post that needs attention (``channel``: on that one of its channels). Three
    DynamoDB calls: the post, the settings and the channels together, and the versioned write with its
    audit entry in one transaction."""
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
        targets = _targets(current, action, channel)  # first, so a refused action costs one read
        if not looked_up:
            looked_up["settings"], looked_up["channels"] = data.get_settings_and_channels(current.channels)
            gone = [d.channel for d in targets if d.channel not in looked_up["channels"]]
            if gone:
                raise Conflict(f"The channel {gone[0]!r} no longer exists: close the post with a note instead.")
            if action == Action.MARK_LIVE:
                looked_up["live"] = channels.client_for(looked_up["channels"][targets[0].channel]).live_post(
                    current.id, current.revision, url or "")
        looked_up["targets"] = [d.channel for d in targets]
        detail = f"{action.value.replace('_', ' ')} by an admin" + (f": {note}" if note else "")
        if action == Action.PUBLISH_AGAIN:
            for delivery in targets:
                delivery.state, delivery.error, delivery.claim = Sent.WAITING, None, None
            current.error, current.publish_attempts = None, current.publish_attempts + 1
            current.move_to(Status.PUBLISHING, caller.email, detail)
        elif action == Action.MARK_LIVE:
            live, delivery = looked_up["live"], targets[0]
            delivery.state, delivery.url, delivery.external_id = Sent.PUBLISHED, live.url, live.external_id
            delivery.revision, delivery.error = current.revision, None
            if current.status != Status.PUBLISHING or not current.waiting():
                current.move_to(current.publishing_outcome(), caller.email, detail)
        else:
            current.closed = {"by": caller.email, "at": now_iso(), "note": note}
            current.task_token = None
            current.move_to(Status.FAILED if current.status == Status.PUBLISHING else current.status,
                            caller.email, detail)

    def audited(current: Post, _) -> tuple[dict, ...]:
        live = looked_up.get("live")
        return (audit.write_with(AUDITED_AS[action], caller.email, post=current.id, revision=current.revision,
                                 note=note or None, url=live.url if live else None,
                                 channels=looked_up["targets"] or None),)

    post, _ = posts.change(post_id, apply, audited)
    found = looked_up["channels"]
    where = posts.channel_names(looked_up["targets"] or post.channels, found)
    _tell_author(post, action, where, note, emails.sender(looked_up["settings"]), posts.live_on(post, found))
    if action == Action.PUBLISH_AGAIN:  # after the email: the workflow's own "it is live" comes second
        _start_publishing(post)
    return item(post) if post.needs_attention else post.as_json()


def _start_publishing(post: Post) -> None:
    # The post is marked failed again (and so needs attention again) rather than left publishing.
    posts.start_new_execution(post, "Publishing again could not be started",
                              "Publishing again could not be started; the post is failed again. "
                              "Try again in a moment.")


def _tell_author(post: Post, action: Action, channel_name: str, note: str, sender: str,
                 live: list[tuple[str, str]]) -> None:
    try:
        emails.send(emails.resolution(post, action.value, channel_name, note, live), sender)
    except Exception:
        # The action has landed and is audited; a lost email must not turn it into an error.
        logger.exception("Could not email the author", extra={"post_id": post.id, "action": action.value})
