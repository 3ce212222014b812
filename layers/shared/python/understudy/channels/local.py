"""The `local` channel: the sandbox's timeline, a JSON-lines file the sandbox serves at /_local/timeline."""

from __future__ import annotations

import fcntl
import json
from pathlib import Path

from understudy.channels import Published
from understudy.config import config
from understudy.model import Channel, now_iso


class LocalChannel:
    idempotent = True  # one entry per (post, revision), checked under a file lock

    def __init__(self, channel: Channel):
        self.channel = channel
        self.path = Path(config().local_timeline_path)

    def publish(self, post_id: str, revision: int, text: str) -> Published:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        external_id = f"{post_id}-{revision}"
        with self.path.open("a+", encoding="utf-8") as timeline:
            fcntl.flock(timeline, fcntl.LOCK_EX)  # one writer at a time, so a retry sees the first entry
            timeline.seek(0)
            for line in timeline:
                entry = json.loads(line)
                if entry.get("externalId") == external_id:
                    return Published(url=entry["url"], external_id=external_id)
            url = f"{config().console_url}/outbox.html#post-{post_id}"
            entry = {"postId": post_id, "channel": self.channel.id, "text": text,
                     "publishedAt": now_iso(), "url": url, "externalId": external_id}
            timeline.write(json.dumps(entry) + "\n")
            return Published(url=url, external_id=external_id)
