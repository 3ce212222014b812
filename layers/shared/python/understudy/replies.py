"""Replies: a post that answers a public post on the same network, given that post's address.

The address is checked by the channel's kind, by its shape only (X: a status URL on x.com or
twitter.com; Mastodon: a status's page on any instance; Bluesky: a post on bsky.app; the local channel:
a post's place on its timeline) and kept on the post as ``reply_to``. The reviewer is shown what it
answers: the address, and the text where the network lets us read it (never blocking the review).
Publishing passes what the channel's ``reply_target`` gave to the channel, which finds the post on the
network (Mastodon through the account's instance, Bluesky through its PDS); if the network cannot find
it or refuses the reply, the post fails with the network's message through the usual failed path.
"""

from __future__ import annotations

from collections.abc import Sequence

from understudy.cold_start import lazy
from understudy.errors import InvalidValue
from understudy.model import Channel, Post
from understudy.observability import logger

channels = lazy("understudy.channels")  # for a post that answers one; most answer none

FIELD = "replyTo"


def checked(targets: Sequence[Channel], url: str | None) -> str | None:
    """The address of the post to answer, if it is one on the network of the post's one channel (a reply
    answers a post where it is, so it goes to one channel only); None when none is given."""
    if url is None or not str(url).strip():
        return None
    if len(targets) != 1:
        raise InvalidValue(FIELD, "A reply answers a post on one network, so it goes to one channel only: "
                                  "choose just the channel of the post it answers.")
    try:
        return channels.client_for(targets[0]).reply_target(str(url).strip()).url
    except InvalidValue as exc:
        raise InvalidValue(FIELD, f"This is not a post this channel can answer. {exc.message}") from exc


def target_id(channel: Channel, post: Post) -> str | None:
    """The answered post's id on the network, for publishing."""
    if not post.reply_to:
        return None
    return channels.client_for(channel).reply_target(post.reply_to).external_id


def answered(post: Post, channel: Channel | None = None) -> dict | None:
    """What the post answers, for its reviewer: ``{url, text}``, text None where it cannot be read.
    Without ``channel`` the post's own record of its channel's kind stands in (no read)."""
    if not post.reply_to:
        return None
    if channel is None and post.reply_kind:
        channel = Channel(id=post.channel, name=post.channel, kind=post.reply_kind)
    text = None
    if channel is not None:
        try:
            client = channels.client_for(channel)
            text = client.replied_text(client.reply_target(post.reply_to).external_id)
        except Exception:  # the review goes on without the text
            logger.warning("Could not read the post this one answers", extra={"post_id": post.id})
    return {"url": post.reply_to, "text": text}
