"""Where approved posts go. Each channel kind is one module with a class that publishes text.

Kinds are imported only when a post is published to them, so functions that never publish
do not pay for a channel's client library at cold start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import Protocol
from urllib.parse import SplitResult, urlsplit

from understudy.errors import BadInput, InvalidValue
from understudy.model import Channel

# kind -> "module:Class"
KINDS = {
    "local": "understudy.channels.local:LocalChannel",
    "x": "understudy.channels.x:XChannel",
}


@dataclass(frozen=True)
class Published:
    url: str
    external_id: str


@dataclass(frozen=True)
class Attachment:
    """One image of the revision being published, as a channel needs it."""

    key: str
    alt: str
    content_type: str
    load: Callable[[], bytes] = field(repr=False, compare=False)  # the clean image's bytes, read on demand
    # What the channel gave for this image on an earlier attempt, if still valid (X's media id).
    channel_id: str | None = None


# Called by a channel as soon as it has an id for an image (key, id, expiry in epoch seconds), so that a
# retry of the same revision can reuse it instead of uploading again.
Remember = Callable[[str, str, int], None]


def remember_nothing(key: str, channel_id: str, expires_at: int) -> None:
    return None


class ChannelClient(Protocol):
    # True when calling publish twice for one (post, revision) cannot post twice (the channel itself
    # deduplicates). Otherwise the publish task's claim on the post guards against a repeat.
    idempotent: bool

    def publish(self, post_id: str, revision: int, text: str, images: Sequence[Attachment] = (),
                remember: Remember = remember_nothing, reply_to: str | None = None) -> Published:
        """Send the text with its images (as an answer to the post with id ``reply_to`` when given).
        Raises RateLimited (come back at reset_at), ChannelUnavailable (worth a retry: the post was not
        created, or the channel's duplicate check will catch it), PublishUncertain (the channel may have
        it already) or PublishFailed (refused for good)."""
        ...

    def live_post(self, post_id: str, revision: int, url: str) -> Published:
        """The post an admin found live at ``url``: raises InvalidValue("url") unless the URL is a post's
        address on this channel's network."""
        ...

    def reply_target(self, url: str) -> Published:
        """The post at ``url`` that a post may answer (its address and its id on the network): raises
        InvalidValue("url") unless it is a post on this channel's network."""
        ...

    def replied_text(self, external_id: str) -> str | None:
        """The text of the post with that id, where the network lets us read it; None otherwise."""
        ...


URL_LIMIT = 500


def checked_url(url: str, *, scheme: str, hosts: frozenset[str], network: str) -> SplitResult:
    """``url`` split, if it is a ``scheme`` URL on one of ``hosts`` with no credentials in it."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 raises ValueError for a port that is not a number
    except ValueError:
        parts, host = None, ""
    if not text or len(text) > URL_LIMIT or parts is None or parts.scheme.lower() != scheme \
            or parts.username or parts.password or host not in hosts:
        raise InvalidValue("url", f"Give the post's address on {network}: a {scheme} URL on "
                                  f"{' or '.join(sorted(hosts))}, as the browser shows it.")
    return parts


def client_for(channel: Channel) -> ChannelClient:
    target = KINDS.get(channel.kind)
    if target is None:
        raise BadInput(f"Channels of kind {channel.kind!r} are not supported.")
    module, cls = target.split(":")
    return getattr(import_module(module), cls)(channel)
