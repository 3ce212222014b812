"""Where approved posts go. Each channel kind is one module with a class that publishes text.

Kinds are imported only when a post is published to them, so functions that never publish
do not pay for a channel's client library at cold start.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

from understudy.errors import BadInput
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


class ChannelClient(Protocol):
    # True when calling publish twice for one (post, revision) cannot post twice (the channel itself
    # deduplicates). Otherwise the publish task's claim on the post guards against a repeat.
    idempotent: bool

    def publish(self, post_id: str, revision: int, text: str) -> Published:
        """Send the text. Raises RateLimited (come back at reset_at), ChannelUnavailable (worth a retry:
        the post was not created, or the channel's duplicate check will catch it), PublishUncertain
        (the channel may have it already) or PublishFailed (refused for good)."""
        ...


def client_for(channel: Channel) -> ChannelClient:
    target = KINDS.get(channel.kind)
    if target is None:
        raise BadInput(f"Channels of kind {channel.kind!r} are not supported.")
    module, cls = target.split(":")
    return getattr(import_module(module), cls)(channel)
