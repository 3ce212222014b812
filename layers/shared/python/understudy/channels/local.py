"""The `local` channel: the sandbox's timeline, a JSON-lines file the sandbox serves at /_local/timeline.

Like a real network, the timeline keeps its own copy of each image: files in ``timeline-media/`` next
to the timeline, named after the entry, which the sandbox serves at /_local/timeline-media/<name>.
"""

from __future__ import annotations

import fcntl
import json
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit

from understudy.channels import Attachment, Published, Remember, checked_url, remember_nothing
from understudy.config import config
from understudy.errors import InvalidValue, PublishFailed, PublishUncertain
from understudy.images import EXTENSIONS
from understudy.model import Channel, now_iso

MEDIA_DIR = "timeline-media"

# What the sandbox's demo switch (POST /_local/fail-next) can make the next publish do.
DEMO_FAILURES = {
    "refused": lambda: PublishFailed(
        "The demo timeline refused the post (the sandbox's fail-next switch); it was not created."),
    "uncertain": lambda: PublishUncertain(
        "The demo timeline stopped answering mid-post (the sandbox's fail-next switch), so it is not known "
        "whether the post went out. Nothing was re-posted; an admin should check the timeline."),
}


def _demo_failure() -> Exception | None:
    """The failure the demo switch asks for, once: the switch file is removed as it is read."""
    path = config().local_fail_next_path
    if not path:
        return None
    try:
        with open(path, encoding="utf-8") as switch:
            outcome = switch.read().strip()
        Path(path).unlink()
    except FileNotFoundError:  # no switch, or another publish took it first
        return None
    return DEMO_FAILURES.get(outcome, DEMO_FAILURES["refused"])()


class LocalChannel:
    idempotent = True  # one entry per (post, revision), checked under a file lock

    def __init__(self, channel: Channel):
        self.channel = channel
        self.path = Path(config().local_timeline_path)

    def _copy_images(self, external_id: str, images: Sequence[Attachment]) -> list[dict]:
        folder = self.path.parent / MEDIA_DIR
        folder.mkdir(parents=True, exist_ok=True)
        shown = []
        for number, image in enumerate(images, start=1):
            name = f"{external_id}-{number}.{EXTENSIONS.get(image.content_type, 'bin')}"
            (folder / name).write_bytes(image.load())
            shown.append({"file": name, "alt": image.alt})
        return shown

    def publish(self, post_id: str, revision: int, text: str, images: Sequence[Attachment] = (),
                remember: Remember = remember_nothing, reply_to: str | None = None) -> Published:
        failure = _demo_failure()
        if failure is not None:
            raise failure
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
                     "images": self._copy_images(external_id, images),
                     "publishedAt": now_iso(), "url": url, "externalId": external_id}
            if reply_to:
                entry["inReplyTo"] = reply_to
            timeline.write(json.dumps(entry) + "\n")
            return Published(url=url, external_id=external_id)

    def live_post(self, post_id: str, revision: int, url: str) -> Published:
        """The timeline's posts are at <console>/outbox.html#post-<id>."""
        parts = _timeline_url(url)
        if parts.fragment != f"post-{post_id}":
            raise InvalidValue("url", f"This post's address on the local timeline is "
                                      f"{config().console_url}/outbox.html#post-{post_id}.")
        return Published(url=parts.geturl(), external_id=f"{post_id}-{revision}")

    def _entries(self) -> list[dict]:
        try:
            with self.path.open(encoding="utf-8") as timeline:
                return [json.loads(line) for line in timeline if line.strip()]
        except FileNotFoundError:
            return []

    def reply_target(self, url: str) -> Published:
        """A post on the timeline, by its address there (the newest entry of that post)."""
        parts = _timeline_url(url)
        post_id = parts.fragment.removeprefix("post-")
        found = [e for e in self._entries() if e.get("postId") == post_id] if parts.fragment.startswith("post-") else []
        if not found:
            raise InvalidValue("url", "Give the address of a post on the local timeline, such as "
                                      f"{config().console_url}/outbox.html#post-<id>.")
        return Published(url=parts.geturl(), external_id=found[-1]["externalId"])

    def replied_text(self, external_id: str) -> str | None:
        return next((e["text"] for e in self._entries() if e.get("externalId") == external_id), None)


def _timeline_url(url: str):
    """``url`` split, if it is an address on the local timeline (<console>/outbox.html#...)."""
    console = urlsplit(config().console_url)
    parts = checked_url(url, scheme=console.scheme, hosts=frozenset({(console.hostname or "").lower()}),
                        network="the sandbox's local timeline")
    if parts.port != console.port or parts.path != "/outbox.html":
        raise InvalidValue("url", f"Addresses on the local timeline are {config().console_url}/outbox.html#post-<id>.")
    return parts
