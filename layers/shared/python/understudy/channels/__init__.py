"""Where approved posts go: the catalog of channel kinds. Each kind is one module that holds

- a client class (``ChannelClient`` below) that publishes a post and recognises a post's address;
- ``CONNECT``, the description of what an admin gives to connect an account (a ``ConnectForm``): the
  API's request body (understudy.schemas) and the console's Channels form are both made from it;
- ``connect(values)``, which checks those values with the network and answers ``Connected``;
- ``MAX_IMAGES``, how many images one post may carry there (a connected account's ``maxImages`` detail,
  read from its server, wins), so a post its channel cannot take is refused at submit, not after review.

Adding a network is its module, its length rule and one line in ``KINDS``. A kind's client library is
imported only inside the functions that talk to the network, so functions that never do pay nothing
for it at cold start.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import Protocol
from urllib.parse import SplitResult, urlsplit

from understudy.errors import BadInput, InvalidValue, Unprocessable
from understudy.model import Channel

# kind -> "module:Class"
KINDS = {
    "local": "understudy.channels.local:LocalChannel",
    "x": "understudy.channels.x:XChannel",
    "mastodon": "understudy.channels.mastodon:MastodonChannel",
    "bluesky": "understudy.channels.bluesky:BlueskyChannel",
}


@dataclass(frozen=True)
class ConnectField:
    """One value an admin gives when connecting. ``secret`` values go to the channel's secret only, are
    typed into password inputs, and are never shown back."""

    key: str
    label: str
    hint: str = ""
    secret: bool = False
    max_length: int = 200

    def as_json(self) -> dict:
        return {"key": self.key, "label": self.label, "hint": self.hint, "secret": self.secret,
                "maxLength": self.max_length}


@dataclass(frozen=True)
class ConnectForm:
    label: str  # the network's name, as people say it
    intro: str  # where the values come from, shown above the form
    fields: tuple[ConnectField, ...]

    def as_json(self, kind: str) -> dict:
        return {"kind": kind, "label": self.label, "intro": self.intro,
                "fields": [f.as_json() for f in self.fields]}


@dataclass(frozen=True)
class Connected:
    """What a kind's ``connect`` found: ``details`` (not secret: stored on the channel, e.g. the account's
    handle, or the instance's character limit) and ``secret`` (stored only in the channel's secret)."""

    details: dict
    secret: dict = field(repr=False)


def kind_module(kind: str):
    target = KINDS.get(kind)
    if target is None:
        raise BadInput(f"Channels of kind {kind!r} are not supported.")
    return import_module(target.split(":")[0])


def connectable() -> dict[str, ConnectForm]:
    """kind -> its form, for every kind an admin can connect (the sandbox's `local` has none)."""
    forms = {kind: getattr(kind_module(kind), "CONNECT", None) for kind in KINDS}
    return {kind: form for kind, form in forms.items() if form is not None}


def check_image_count(channels: Sequence[Channel], count: int) -> None:
    """Unprocessable when one of the post's channels takes fewer images per post than ``count``."""
    for channel in channels if count else ():
        module = kind_module(channel.kind)
        limit = channel.details.get("maxImages") or getattr(module, "MAX_IMAGES", None)
        if isinstance(limit, int) and count > limit:
            network = getattr(getattr(module, "CONNECT", None), "label", channel.kind)
            raise Unprocessable(f"{network} takes at most {limit} image{'s' if limit != 1 else ''} in a post; "
                                f"this one has {count}. Remove {count - limit} to post it to {channel.name!r}.")


def utc_time(epoch: float) -> str:
    """An epoch second as the ISO time the channels' messages name (a rate limit's end)."""
    import time

    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def secret_name(channel_id: str) -> str:
    """The Secrets Manager secret that holds a channel's credentials."""
    from understudy.config import config

    return f"{config().channel_secret_prefix}{channel_id}"


def stored_secret(channel: Channel, keys: tuple[str, ...], network: str, *, fresh: bool = False,
                  optional: tuple[str, ...] = ()) -> dict:
    """The channel's credentials: ``keys`` of its secret, each a non-empty string, and those of ``optional``
    it holds. PublishFailed when they are missing or incomplete (an admin must reconnect),
    ChannelUnavailable when they cannot be read."""
    from understudy import secrets
    from understudy.errors import ChannelUnavailable, PublishFailed

    try:
        value = secrets.get_json_secret(secret_name(channel.id), fresh=fresh)
    except ValueError as exc:  # a secret that is not JSON
        value, error = None, exc
    except Exception as exc:
        if secrets.missing(exc):
            raise PublishFailed(f"Channel {channel.name!r} has no stored credentials; an admin needs to "
                                f"reconnect the {network} account.") from exc
        raise ChannelUnavailable("The channel's credentials could not be read just now.") from exc
    else:
        error = None
    if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k] for k in keys):
        raise PublishFailed(f"The credentials of channel {channel.name!r} are incomplete; an admin needs to "
                            f"reconnect the {network} account.") from error
    return {k: value[k] for k in keys + optional if isinstance(value.get(k), str) and value[k]}


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


def fitted(data: bytes, max_bytes: int, network: str):
    """An image's bytes as an ``images.Clean`` of at most ``max_bytes`` (a smaller copy if need be), for a
    network whose size limit is below ours; PublishFailed if no copy is small enough."""
    from understudy import images
    from understudy.errors import PublishFailed

    try:
        return images.within(data, max_bytes)
    except Unprocessable as exc:
        raise PublishFailed(f"An image could not be made small enough for {network}: {exc}") from exc


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
        """The post at ``url`` that a post may answer: its address, and what ``publish`` (as ``reply_to``)
        and ``replied_text`` take to find it (its id, or where the network has to look it up). Raises
        InvalidValue("url") unless the address has the shape of a post on this channel's network; it makes
        no call, so whether the post is still there is learnt when publishing (a refusal fails the post)."""
        ...

    def replied_text(self, external_id: str) -> str | None:
        """The text of the post ``reply_target`` named, where the network lets us read it; None otherwise
        (never raises: the review goes on without it)."""
        ...


URL_LIMIT = 500


def checked_url(url: str, *, scheme: str, hosts: frozenset[str] | None, network: str) -> SplitResult:
    """``url`` split, if it is a ``scheme`` URL on one of ``hosts`` (any named host, for None) with no
    credentials in it."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 raises ValueError for a port that is not a number
    except ValueError:
        parts, host = None, ""
    if not text or len(text) > URL_LIMIT or parts is None or parts.scheme.lower() != scheme \
            or parts.username or parts.password or (host not in hosts if hosts is not None else "." not in host):
        where = f" on {' or '.join(sorted(hosts))}" if hosts is not None else ""
        raise InvalidValue("url", f"Give the post's address on {network}: a {scheme} URL{where}, as the "
                                  "browser shows it.")
    return parts


def client_for(channel: Channel) -> ChannelClient:
    module = kind_module(channel.kind)
    return getattr(module, KINDS[channel.kind].split(":")[1])(channel)

