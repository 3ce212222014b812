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
}


@dataclass(frozen=True)
class Published:
    url: str
    external_id: str


class ChannelClient(Protocol):
    def publish(self, post_id: str, revision: int, text: str) -> Published:
        """Publish once per (post, revision): a repeated call returns the first result."""
        ...


def client_for(channel: Channel) -> ChannelClient:
    target = KINDS.get(channel.kind)
    if target is None:
        raise BadInput(f"Channels of kind {channel.kind!r} are not supported.")
    module, cls = target.split(":")
    return getattr(import_module(module), cls)(channel)
