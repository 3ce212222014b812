"""Every email shows people's text as text: whatever a post, a note, a name, an alt text, feedback, a
guideline, an admin's note or an error holds, the HTML part has it escaped and the text part has it
as written. The bodies are built without a template engine (understudy.email_bodies), so this goes
through every kind of email with every optional part present."""

from __future__ import annotations

import re

import pytest
from understudy import emails
from understudy.model import Delivery, Feedback, Image, Post, Revision, Sent, Status

HOSTILE = '<img src=x onerror="alert(1)"> & {braces} %s'
ESCAPED = "&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; {braces} %s"


def post_with_everything(status: Status = Status.PUBLISHED) -> Post:
    feedback = Feedback(decision="request_changes", text=f"text {HOSTILE}", reviewer=f"reviewer {HOSTILE}",
                        at="2026-12-01T10:00:00Z", guidelines=[f"guideline {HOSTILE}"],
                        suggestion=f"suggestion {HOSTILE}")
    revision = Revision(number=2, text=f"post {HOSTILE}", note=f"note {HOSTILE}", submitted_at="2026-12-01T09:00:00Z",
                        feedback=feedback, media=[Image(key="k", alt=f"alt {HOSTILE}", content_type="image/png")])
    return Post(id="p1", author="trainee@example.org", author_name=f"name {HOSTILE}", channels=["demo", "m"],
                status=status, revisions=[revision], history=[], created_at="2026-12-01T09:00:00Z",
                updated_at="2026-12-01T10:00:00Z", error=f"error {HOSTILE}", reply_to=f"https://example.test/r?{HOSTILE}",
                publish_at="2026-12-08T09:00:00Z", deliveries={
                    "demo": Delivery("demo", Sent.PUBLISHED, url=LIVE[0][1]),
                    "m": Delivery("m", Sent.FAILED, error=f"refused {HOSTILE}")})


# (channel name, address) of each channel that has the post, as the emails get them (posts.live_on).
LIVE = [(f"channel {HOSTILE}", f"https://example.test/p?a=1&b={HOSTILE}"),
        (f"other {HOSTILE}", "https://example.test/q")]


def every_email() -> list[tuple[str, emails.Email]]:
    post = post_with_everything()
    links = {d: f"https://console.example.test/review.html#token=t&decision={d}"
             for d in ("approve", "request_changes", "reject")}
    inline = (emails.InlineImage(cid="image1.p1@understudy", alt=f"alt {HOSTILE}", data=b"png", subtype="png"),)
    found = [(f"review {phase}", emails.review(phase, post, "reviewer@example.org", f"channel {HOSTILE}", links,
                                               [f"guideline {HOSTILE}"], 1796143771, 90000, inline))
             for phase in emails.REVIEW_PHASES]
    found += [(f"outcome {event}", emails.outcome(post, event, f"channel {HOSTILE}", live=LIVE))
              for event in emails.OUTCOMES]
    found += [(f"resolution {action}", emails.resolution(post, action, f"channel {HOSTILE}", f"admin {HOSTILE}", LIVE))
              for action in emails.RESOLUTIONS]
    return found


@pytest.mark.parametrize(("kind", "email"), every_email(), ids=lambda value: value if isinstance(value, str) else "")
def test_every_value_an_email_shows_is_escaped_in_html_and_as_written_in_text(kind, email):
    assert "<img" not in email.html.replace('<img src="cid:', "")  # only the email's own inline images
    assert "onerror=\"" not in email.html and "onerror=&#34;" in email.html
    shown = email.html.count(ESCAPED)
    assert shown >= 3, f"{kind}: expected the post's text, the author and the channel escaped"
    assert email.text.count(HOSTILE) >= 2 and "&lt;" not in email.text
    # The HTML holds no markup of ours broken by a value: every tag that opens is one of ours.
    assert set(re.findall(r"<(\w+)", email.html)) <= {
        "html", "head", "meta", "title", "body", "div", "p", "h1", "blockquote", "a", "strong", "span", "ul", "li",
        "table", "tr", "td", "img"}


def test_an_outcome_links_the_post_on_each_channel_that_has_it_naming_each():
    email = emails.outcome(post_with_everything(Status.PARTLY_PUBLISHED), "partly_published", "two channels", live=LIVE)

    assert f"See the live post on channel {HOSTILE}: {LIVE[0][1]}" in email.text
    assert "See the live post on other" in email.text and "https://example.test/q" in email.html
    assert f"See the live post on channel {ESCAPED}</a>" in email.html
    alone = emails.outcome(post_with_everything(), "published", "one channel", live=LIVE[1:])
    assert "See the live post: https://example.test/q" in alone.text


def test_a_review_email_shows_its_links_and_the_post_and_says_why_it_was_sent():
    (_, email), *_ = every_email()

    assert email.subject == f"Review requested: a post by name {HOSTILE}"
    assert "https://console.example.test/review.html#token=t&amp;decision=approve" in email.html
    assert "Approve:         https://console.example.test/review.html#token=t&decision=approve" in email.text
    assert f"post {ESCAPED}" in email.html and f"note {ESCAPED}" in email.html
    assert email.text.rstrip().endswith(emails.REVIEW_PHASES["request"][-1])
