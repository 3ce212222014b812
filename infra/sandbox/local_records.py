"""What the sandbox shows in place of real mailboxes and real social media: the outbox and the timeline.

The outbox is every email moto's SES accepted (SES v2 keeps its messages in the v1 backend), parsed
from the raw MIME our code sends, plus the mail Cognito itself would send (see invitations.py). moto
does not record when a message was sent, so the sandbox stamps each one as moto appends it. The
timeline is the JSON-lines file the ``local`` channel appends to.
"""

from __future__ import annotations

import base64
import email
import email.policy
import fcntl
import json
import threading
from datetime import UTC, datetime
from email.utils import getaddresses
from pathlib import Path

from moto.ses.models import ses_backends

from infra.sandbox.environment import ACCOUNT, REGION

TIMELINE_KEYS = ("postId", "channel", "text", "publishedAt", "url", "inReplyTo")
# Where the local channel keeps its copies of images (understudy.channels.local) and where they are served.
TIMELINE_MEDIA_DIR = "timeline-media"
TIMELINE_MEDIA_PATH = "/_local/timeline-media/"
# What the demo switch can make the local channel's next publish do (understudy.channels.local.DEMO_FAILURES):
# refuse the post (nothing created: an admin may publish it again) or stop mid-post (outcome unknown).
FAIL_OUTCOMES = ("refused", "uncertain")


def _now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


class _StampedList(list):
    """moto's list of sent messages, noting when each was appended."""

    def append(self, message) -> None:
        message.sandbox_sent_at = _now_iso()
        super().append(message)


def _addresses(destinations) -> list[str]:
    """Bare addresses, each once (moto adds the To: header's addresses to the envelope's again)."""
    found = [address for _, address in getaddresses(list(destinations or ())) if address]
    return list(dict.fromkeys(found))


def _part(message: email.message.EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    if part is None or part.get_content_subtype() != subtype:
        return ""
    return part.get_content()


def _entry(message) -> dict:
    common = {"to": _addresses(_flatten(message.destinations)), "sentAt": getattr(message, "sandbox_sent_at", "")}
    raw = getattr(message, "raw_data", None)
    if raw is None:  # a Simple email: moto keeps only a subject and one body
        return {**common, "subject": getattr(message, "subject", ""), "text": getattr(message, "body", ""),
                "html": ""}
    parsed = email.message_from_string(raw, policy=email.policy.default)
    return {**common, "subject": str(parsed.get("Subject", "")), "text": _part(parsed, "plain"),
            "html": _inline_images(parsed, _part(parsed, "html"))}


def _inline_images(message: email.message.EmailMessage, html: str) -> str:
    """Show ``cid:`` images as a mail client would: here as data: URLs, which the outbox page allows."""
    for part in message.walk():
        cid = (part.get("Content-ID") or "").strip("<>")
        if cid and part.get_content_maintype() == "image":
            data = base64.b64encode(part.get_payload(decode=True)).decode("ascii")
            html = html.replace(f"cid:{cid}", f"data:{part.get_content_type()};base64,{data}")
    return html


def _flatten(destinations) -> list[str]:
    if isinstance(destinations, dict):  # {"ToAddresses": [...], "CcAddresses": [...], ...}
        return [address for addresses in destinations.values() for address in addresses]
    return list(destinations or ())


class Outbox:
    def __init__(self, account: str = ACCOUNT, region: str = REGION):
        self.backend = ses_backends[account][region]
        self.backend.sent_messages = _StampedList(self.backend.sent_messages)
        self.others: list[dict] = []  # mail sent by AWS services other than SES
        self._lock = threading.Lock()

    def add(self, *, to: str, subject: str, text: str) -> None:
        with self._lock:
            self.others.append({"to": [to], "sentAt": _now_iso(), "subject": subject, "text": text, "html": ""})

    def emails(self) -> list[dict]:
        """Every email sent, oldest first."""
        with self._lock:
            others = list(self.others)
        sent = [_entry(message) for message in list(self.backend.sent_messages)]
        return sorted(sent + others, key=lambda mail: mail["sentAt"])  # stable: same-millisecond mail keeps order


def timeline(path: Path) -> list[dict]:
    """Every post published to a ``local`` channel, oldest first."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        fcntl.flock(lines, fcntl.LOCK_SH)  # the channel appends under an exclusive lock: no half lines
        entries = [json.loads(line) for line in lines if line.strip()]
    # inReplyTo only on replies; images always (an empty list for a post without any).
    return [{**{key: entry.get(key) for key in TIMELINE_KEYS if key in entry or key != "inReplyTo"},
             "images": [{"alt": image["alt"], "url": TIMELINE_MEDIA_PATH + image["file"]}
                        for image in entry.get("images") or ()]} for entry in entries]


def arm_failure(path: Path, outcome: str) -> None:
    """Make the local channel's next publish fail as ``outcome`` says; it removes the file as it fails."""
    if outcome not in FAIL_OUTCOMES:
        raise ValueError(f"outcome must be one of: {', '.join(FAIL_OUTCOMES)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(outcome, encoding="utf-8")
    tmp.replace(path)  # whole or not at all: a publish never reads half an outcome


def armed_failure(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None
