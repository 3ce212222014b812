"""Runtime configuration, read once from the environment the stack (or the sandbox) sets."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class Config:
    users_table: str
    posts_table: str
    org_table: str
    audit_table: str
    state_machine_arn: str
    link_key_secret: str
    console_url: str
    user_pool_id: str
    sender_email: str
    region: str
    # Where the sandbox's `local` channel appends published posts (JSON lines).
    local_timeline_path: str
    # The sandbox's demo switch: while this file exists, the `local` channel's next publish fails
    # (the file says how) and the file is removed. Empty: no switch (on AWS).
    local_fail_next_path: str
    # Each channel's credentials live in the Secrets Manager secret <prefix><channel id>.
    channel_secret_prefix: str
    # Where X's API is reached; empty means X itself. The sandbox's tests point it at a stand-in.
    x_api_url: str
    # The private bucket holding posts' images, and (in the sandbox) the public address that presigned
    # links name instead of S3's own; empty on AWS.
    media_bucket: str
    media_public_url: str
    # The same for Mastodon (every instance) and Bluesky (the PDS); empty means the network itself.
    mastodon_api_url: str
    bluesky_api_url: str
    # The notify function, to which deactivating someone hands what they leave behind (understudy.leavers).
    notify_function: str = "understudy-notify"
    # How soon a post's time to go live may be, in seconds (60; the sandbox's tests set a few seconds).
    publish_at_soonest_seconds: int = 60


@cache
def config() -> Config:
    env = os.environ.get
    return Config(
        users_table=env("USERS_TABLE", "understudy-users"),
        posts_table=env("POSTS_TABLE", "understudy-posts"),
        org_table=env("ORG_TABLE", "understudy-org"),
        audit_table=env("AUDIT_TABLE", "understudy-audit"),
        state_machine_arn=env("STATE_MACHINE_ARN", ""),
        link_key_secret=env("LINK_KEY_SECRET", "understudy/link-key"),
        console_url=env("CONSOLE_URL", "http://127.0.0.1:8000").rstrip("/"),
        user_pool_id=env("USER_POOL_ID", ""),
        sender_email=env("SENDER_EMAIL", "understudy@example.org"),
        region=env("AWS_REGION") or env("AWS_DEFAULT_REGION") or "us-east-1",
        local_timeline_path=env("LOCAL_TIMELINE_PATH", "/tmp/understudy-timeline.jsonl"),  # noqa: S108
        local_fail_next_path=env("LOCAL_FAIL_NEXT_PATH", ""),
        channel_secret_prefix=env("CHANNEL_SECRET_PREFIX", "understudy/channels/"),
        x_api_url=env("X_API_URL", "").rstrip("/"),
        notify_function=env("NOTIFY_FUNCTION", "understudy-notify"),
        publish_at_soonest_seconds=int(env("PUBLISH_AT_SOONEST_SECONDS", "60")),
        media_bucket=env("MEDIA_BUCKET", "understudy-media"),
        media_public_url=env("MEDIA_PUBLIC_URL", "").rstrip("/"),
        mastodon_api_url=env("MASTODON_API_URL", "").rstrip("/"),
        bluesky_api_url=env("BLUESKY_API_URL", "").rstrip("/"),
    )
