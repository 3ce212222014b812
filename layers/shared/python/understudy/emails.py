"""What people receive: multipart text and HTML emails, sent through SES.

Their bodies are written out in understudy.email_bodies, where every value shown in HTML is escaped
(markupsafe), so post text, notes, names and feedback are always shown as text.
Mail goes out as raw MIME (multipart/alternative) so both parts arrive as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache

from markupsafe import Markup

from understudy import aws, email_bodies
from understudy.config import config
from understudy.model import Post, Settings
from understudy.text import one_line


@dataclass(frozen=True)
class InlineImage:
    """An image carried inside the email (multipart/related) and shown by ``cid:`` from the HTML."""

    cid: str
    alt: str
    data: bytes = field(repr=False)
    subtype: str = "jpeg"


@dataclass(frozen=True)
class Email:
    to: tuple[str, ...]
    subject: str
    text: str
    html: str
    images: tuple[InlineImage, ...] = ()


def moment(iso: str) -> str:
    """A UTC time in words: "Tuesday 8 December 2026 at 09:00 UTC"."""
    at = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(UTC)
    return f"{at:%A} {at.day} {at:%B %Y at %H:%M} UTC"


def post_facts(post: Post) -> list[str]:
    """What every email about a post says besides its text: what it answers and when it goes live."""
    facts = [f"In reply to: {post.reply_to}"] if post.reply_to else []
    if post.publish_at and post.late:
        facts.append(f"It was to go live on {moment(post.publish_at)}, but the review ended after that, "
                     "so it went live late, as soon as it was approved.")
    elif post.publish_at:
        facts.append(f"Goes live: {moment(post.publish_at)}")
    return facts


def _email(to: list[str] | tuple[str, ...], subject: str, text: str, content, reason: str,
           images: tuple[InlineImage, ...] = ()) -> Email:
    """An email of ``text`` and the HTML ``content`` in its frame, both ending with ``reason``."""
    return Email(to=tuple(to), subject=subject, text=text, html=email_bodies.page(subject, content, reason),
                 images=tuple(images))


@cache
def _ses():
    # SES's first API, not v2: sending raw MIME is the same call to SES, and its smaller service model
    # makes the client ~3 ms of CPU cheaper on the cold start that sends the first email.
    return aws.client("ses")


def sender(settings: Settings) -> str:
    """The From address: the one set under Settings, else the deployment's."""
    return settings.sender_email or config().sender_email


def send(email: Email, sender: str) -> None:
    # Here rather than at the top: the email package's MIME classes (~3 ms) are for the requests that send.
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    message = MIMEMultipart("alternative")
    # Headers hold one line each: a name stored before names were checked (or any text) with a line
    # break in it must not fail the workflow that sends this (HeaderParseError) or inject a header.
    message["Subject"] = one_line(email.subject)
    message["From"] = one_line(sender)
    message["To"] = ", ".join(one_line(address) for address in email.to)
    message.attach(MIMEText(email.text, "plain", "utf-8"))
    message.attach(_html_part(email))
    _ses().send_raw_email(Source=sender, Destinations=list(email.to), RawMessage={"Data": message.as_bytes()})


def _html_part(email: Email):
    """The HTML, with its images beside it in a multipart/related part when it shows any.

    Images travel inside the email rather than as links: the bucket stays private, and a presigned
    link made with a function's temporary credentials would stop working within hours, long before
    a reviewer might open the email."""
    from email.mime.image import MIMEImage
    from email.mime.multipart import MIMEMultipart
    from email.mime.text import MIMEText

    html = MIMEText(email.html, "html", "utf-8")
    if not email.images:
        return html
    related = MIMEMultipart("related")
    related.attach(html)
    for image in email.images:
        part = MIMEImage(image.data, image.subtype)
        part.add_header("Content-ID", f"<{image.cid}>")
        part.add_header("Content-Disposition", "inline", filename=f"{image.cid.split('@')[0]}.{image.subtype}")
        related.attach(part)
    return related


def _when(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%d %b %Y, %H:%M")


def waited(seconds: int) -> str:
    """A wait in words: "2 days", "5 hours", "3 minutes", "4 seconds"."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            count = round(seconds / size)
            return f"{count} {unit}{'s' if count != 1 else ''}"
    return f"{seconds} second{'s' if seconds != 1 else ''}"


# Each phase of a review asks someone to decide: (subject, heading, what the HTML says under it, the text
# part's first line, why they got it). {author}, {channel}, {revision} and {waited} are filled in.
REVIEW_PHASES = {
    "request": ("Review requested: a post by {author}", "{author} would like a review", None,
                "{author} would like a review of a post on {channel} (revision {revision}):",
                "You got this email because you are a reviewer in Understudy, the training "
                "mode for your organisation's social media accounts."),
    "remind": ("Reminder: a post by {author} is waiting for your review",
               "Reminder: a post has waited {waited} for review",
               "{author} is still waiting. The links in the first email still work; these do too.",
               "Reminder: {author}'s post on {channel} has been waiting {waited} for a review (revision "
               "{revision}). The links in the first email still work; these do too.",
               "You got this reminder because you are a reviewer of this post in Understudy and "
               "nobody has decided it yet. It is sent once; after that the admins are asked."),
    "escalate": ("Escalated: a post by {author} is waiting for a decision",
                 "Escalated: a post has waited {waited} and nobody has decided",
                 "{author}'s post has had no decision from its reviewers. As an admin you can decide it "
                 "yourself; the first decision wins. If nobody decides, it expires and its author is told.",
                 "Escalated to you: {author}'s post on {channel} has waited {waited} and no reviewer has "
                 "decided (revision {revision}). As an admin you can decide it yourself; the first decision wins.",
                 "You got this email because you are an admin in Understudy and this post's reviewers "
                 "have not decided it in time. Change the timings under Settings."),
}


def review(phase: str, post: Post, to: str, channel_name: str, links: dict[str, str], guidelines: list[str],
           expires: int, waited_seconds: int, images: list[InlineImage] | tuple[InlineImage, ...] = ()) -> Email:
    """The email asking ``to`` to decide, for one phase of the review (request, remind, escalate)."""
    subject, headline, intro, first_line, reason = REVIEW_PHASES[phase]
    words = {"author": post.author_name or post.author, "channel": channel_name, "revision": post.revision,
             "waited": waited(waited_seconds)}
    facts, until = post_facts(post), _when(expires)
    content = email_bodies.heading(email_bodies.html(headline, **words)) + "\n"
    if intro:
        content += email_bodies.paragraph(email_bodies.html(intro, **words)) + "\n"
    content += email_bodies.review_html(post, channel_name, facts, tuple(images), links, guidelines, until)
    text = first_line.format(**words) + "\n" + email_bodies.review_text(post, facts, links, guidelines, until, reason)
    return _email([to], subject.format(**words), text, "\n" + content + "\n", reason, tuple(images))


# What the author is told at each end of the workflow: (subject, headline, next step).
OUTCOMES = {
    "published": ("Your post is live", "Your post was approved and published",
                  "Well done. Keep the feedback in mind for your next post."),
    "scheduled": ("Your post is approved and scheduled", "Your post was approved and will go live at its time",
                  "Nothing more to do: it goes live by itself. Until then you can change the time or cancel it "
                  "in Understudy."),
    "changes_requested": ("Changes requested on your post", "Your reviewer asked for changes",
                          "Edit the post in Understudy and resubmit it; it goes back to your reviewer."),
    "rejected": ("Your post was not approved", "Your post was not approved",
                 "Nothing was published. The feedback says why; you are welcome to write a new post."),
    "expired": ("Your post expired", "Your post expired before it was decided",
                "Nothing was published. Submit it again if it is still relevant."),
    "failed": ("Your post could not be published", "Your post was approved but could not be published",
               "Nothing was published. An admin has been told and will look into it."),
    "partly_published": ("Your post went out on some of its channels only",
                         "Your post was approved but only some of its channels published it",
                         "An admin has been told and will look into the channels that did not take it."),
}


def outcome(post: Post, event: str, channel_name: str, to: list[str] | None = None,
            live: Sequence[tuple[str, str]] = ()) -> Email:
    """``live``: (channel name, address) of each channel that has the post."""
    subject, headline, next_step = OUTCOMES[event]
    feedback = post.last_feedback if event != "expired" else None
    error = post.error if event in ("failed", "partly_published") else None
    reason = ("You got this email because you wrote this post in Understudy, or you are "
              "an admin who is told when a post fails.")
    facts, console_url = post_facts(post), config().console_url
    content = Markup("\n").join([
        "", email_bodies.heading(headline), email_bodies.post_html(post, channel_name, facts),
        email_bodies.feedback_html(feedback), email_bodies.live_links_html(live),
        email_bodies.html('<p><strong>What went wrong:</strong> <span style="white-space:pre-wrap;">{error}</span>'
                          "</p>", error=error) if error else "",
        email_bodies.closing_html(next_step, console_url), ""])
    text = (f"{headline}\n\n" + email_bodies.quoted_post_text(post, channel_name) + "".join(f"{f}\n" for f in facts)
            + email_bodies.feedback_text(feedback)
            + ("\n" + email_bodies.live_links_text(live) if live else "")
            + (f"\nWhat went wrong: {error}\n" if error else "")
            + email_bodies.closing_text(next_step, console_url, reason))
    return _email(to or [post.author], subject, text, content, reason)


# What the author is told when an admin deals with a post that needed attention: (subject, headline, next step).
RESOLUTIONS = {
    "publish_again": ("Your post is being published again", "An admin is publishing your post again",
                      "Nothing was published the first time. You will get another email when it is live."),
    "mark_live": ("Your post is live", "An admin checked that your post is live",
                  "Publishing was interrupted, but the post is on the channel: nothing more is needed."),
    "close": ("An admin closed your post's problem", "An admin looked at your post and closed it",
              "Nothing more will happen to this post. Submit it again if it is still relevant."),
}


def resolution(post: Post, action: str, channel_name: str, note: str, live: Sequence[tuple[str, str]] = ()) -> Email:
    """The author's email for an admin's action on a post that needed attention (attention.py)."""
    subject, headline, next_step = RESOLUTIONS[action]
    reason = "You got this email because you wrote this post in Understudy."
    console_url = config().console_url
    content = Markup("\n").join([
        "", email_bodies.heading(headline), email_bodies.post_html(post, channel_name, post_facts(post)),
        email_bodies.html('<p style="margin:0 0 4px;"><strong>The admin\'s note:</strong></p>\n{quoted}',
                          quoted=email_bodies.quote(note)) if note else "",
        email_bodies.live_links_html(live), email_bodies.closing_html(next_step, console_url), ""])
    text = (f"{headline}\n\n" + email_bodies.quoted_post_text(post, channel_name)
            + (f"\nThe admin's note:\n{note}\n" if note else "")
            + ("\n" + email_bodies.live_links_text(live) if live else "")
            + email_bodies.closing_text(next_step, console_url, reason))
    return _email([post.author], subject, text, content, reason)
