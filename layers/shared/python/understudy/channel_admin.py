"""Connecting and removing channels (admins only).

Connecting checks the values with the network first (each kind's ``connect`` in understudy.channels):
wrong ones are refused at once and nothing is stored. The channel item is then created conditionally
(its id, a slug of its name, must be free) and only then are the credentials written to the channel's
secret, so two admins connecting the same name at once cannot leave one channel with the other's
credentials. The credentials are never logged, stored anywhere else or returned.
"""

from __future__ import annotations

import re
import unicodedata

from understudy import channels, data, secrets
from understudy.auth import Caller
from understudy.errors import BadInput, Conflict, NotFound
from understudy.model import Channel, now_iso
from understudy.observability import logger

NAME_LIMIT = 60
ID_LIMIT = 40


def slug(name: str) -> str:
    """``"Our X account (EN)"`` -> ``"our-x-account-en"``: ASCII letters, digits and single hyphens."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:ID_LIMIT].strip("-")


def _name(name: str) -> str:
    name = " ".join(unicodedata.normalize("NFC", name or "").split())
    if not name:
        raise BadInput("Give the channel a name.")
    if len(name) > NAME_LIMIT:
        raise BadInput(f"The channel name is limited to {NAME_LIMIT} characters.")
    return name


def kinds() -> list[dict]:
    """What an admin gives to connect each kind: the console's Channels form is made from this."""
    return [form.as_json(kind) for kind, form in channels.connectable().items()]


def connect(caller: Caller, kind: str, name: str, values: dict[str, str]) -> Channel:
    """Check ``values`` with the network, then add the channel of ``kind`` and store its credentials."""
    caller.require_admin()
    form = channels.connectable().get(kind)
    if form is None:
        raise BadInput(f"Channels of kind {kind!r} cannot be connected; use one of "
                       f"{', '.join(channels.connectable())}.")
    name = _name(name)
    channel_id = slug(name)
    if not channel_id:
        raise BadInput("Give the channel a name with at least one letter or digit (it becomes its id).")
    if data.get_channel(channel_id) is not None:
        raise Conflict(f"There is already a channel with id {channel_id!r}; choose another name.")
    connected = channels.kind_module(kind).connect(values)
    channel = Channel(id=channel_id, name=name, kind=kind, details=connected.details)
    try:
        data.create_channel(channel, by=caller.email, at=now_iso())
    except data.AlreadyExists as exc:
        raise Conflict(f"There is already a channel with id {channel_id!r}; choose another name.") from exc
    try:
        secrets.put_json_secret(channels.secret_name(channel_id), connected.secret,
                                description=f"Understudy: {form.label} credentials of channel {channel_id} "
                                            f"({channel.handle})")
    except Exception:
        data.delete_channel(channel_id)  # no channel without its credentials
        raise
    logger.info("Channel connected", extra={"channel": channel_id, "kind": kind, "handle": channel.handle,
                                            "by": caller.email})
    return channel


def remove(caller: Caller, channel_id: str) -> Channel:
    """Remove the channel and schedule its credentials' deletion (restorable for a week).

    Posts already on their way to it fail with a clear error when they come to be published."""
    caller.require_admin()
    channel = data.get_channel(channel_id)
    if channel is None or not data.delete_channel(channel_id):
        raise NotFound(f"There is no channel {channel_id!r}.")
    if channel.kind in channels.connectable():
        secrets.schedule_deletion(channels.secret_name(channel_id))
    logger.info("Channel removed", extra={"channel": channel_id, "kind": channel.kind, "by": caller.email})
    return channel
