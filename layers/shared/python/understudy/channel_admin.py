"""Connecting and removing channels (admins only).

Connecting an X account checks the credentials with X first (``get_me``): wrong ones are refused at
once and nothing is stored. The channel item is then created conditionally (its id, a slug of its
name, must be free) and only then are the credentials written to the channel's secret, so two admins
connecting the same name at once cannot leave one channel with the other's credentials. The
credentials are never logged, stored anywhere else or returned.
"""

from __future__ import annotations

import re
import unicodedata

from understudy import data, secrets
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


def connect(caller: Caller, kind: str, name: str, credentials: dict[str, str]) -> Channel:
    """Add a channel of ``kind`` (only ``x`` can be connected) with its credentials."""
    caller.require_admin()
    if kind != "x":
        raise BadInput(f"Channels of kind {kind!r} cannot be connected; use x.")
    from understudy.channels import x

    try:
        x_credentials = x.XCredentials.from_secret(credentials)
    except ValueError as exc:
        raise BadInput("Give all four X credentials: apiKey, apiSecret, accessToken and accessTokenSecret.") from exc
    return connect_x(caller, name, x_credentials)


def connect_x(caller: Caller, name: str, credentials) -> Channel:
    """Check the credentials with X, then add the channel and store them in its secret."""
    from understudy.channels import x

    caller.require_admin()
    name = _name(name)
    channel_id = slug(name)
    if not channel_id:
        raise BadInput("Give the channel a name with at least one letter or digit (it becomes its id).")
    if data.get_channel(channel_id) is not None:
        raise Conflict(f"There is already a channel with id {channel_id!r}; choose another name.")
    handle = x.verify(credentials)
    channel = Channel(id=channel_id, name=name, kind="x", details={"handle": handle})
    try:
        data.create_channel(channel, by=caller.email, at=now_iso())
    except data.AlreadyExists as exc:
        raise Conflict(f"There is already a channel with id {channel_id!r}; choose another name.") from exc
    try:
        secrets.put_json_secret(x.secret_name(channel_id), credentials.as_secret(),
                                description=f"Understudy: X credentials of channel {channel_id} (@{handle})")
    except Exception:
        data.delete_channel(channel_id)  # no channel without its credentials
        raise
    logger.info("Channel connected", extra={"channel": channel_id, "kind": "x", "handle": handle,
                                            "by": caller.email})
    return channel


def remove(caller: Caller, channel_id: str) -> Channel:
    """Remove the channel and schedule its credentials' deletion (restorable for a week).

    Posts already on their way to it fail with a clear error when they come to be published."""
    caller.require_admin()
    channel = data.get_channel(channel_id)
    if channel is None or not data.delete_channel(channel_id):
        raise NotFound(f"There is no channel {channel_id!r}.")
    if channel.kind == "x":
        from understudy.channels import x

        secrets.schedule_deletion(x.secret_name(channel_id))
    logger.info("Channel removed", extra={"channel": channel_id, "kind": channel.kind, "by": caller.email})
    return channel
