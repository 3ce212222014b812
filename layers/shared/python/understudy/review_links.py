"""What a review link's holder may see and do: the post, the guidelines, and one decision."""

from __future__ import annotations

from dataclasses import dataclass

from understudy import data, links, org, posts, replies
from understudy.auth import MFA_NEEDED, Caller, caller_from_record
from understudy.errors import BadInput, Forbidden
from understudy.model import Channel, Decision, Post, Settings, Status, User, normal_email
from understudy.text import FEEDBACK_LIMIT

TOKEN_LIMIT = 2000
NO_LONGER = "This review link no longer works for you."


@dataclass(frozen=True)
class LinkRequest:
    token: str
    decision: str = ""
    feedback: str = ""
    guidelines: tuple[str, ...] = ()
    suggestion: str = ""
    publish_at: str | None = None


GUIDELINE_ITEMS_LIMIT = 20
SUGGESTION_LIMIT = 4000


def parse(body: object, *, deciding: bool) -> LinkRequest:
    """The link page's request: ``{token}`` to view; ``{token, decision, feedback?, guidelines?,
    suggestion?, publishAt?}`` to decide."""
    allowed = {"token", "decision", "feedback", "guidelines", "suggestion", "publishAt"} if deciding else {"token"}
    if not isinstance(body, dict):
        raise BadInput("Send a JSON object with the link's token.")
    if unknown := set(body) - allowed:
        raise BadInput(f"Unexpected field(s): {', '.join(sorted(unknown))}.")
    token, decision, feedback = body.get("token"), body.get("decision", ""), body.get("feedback") or ""
    if not isinstance(token, str) or not 0 < len(token) <= TOKEN_LIMIT:
        raise BadInput("The request needs the link's token.")
    if deciding and (not isinstance(decision, str) or decision not in {d.value for d in Decision}):
        raise BadInput("The decision must be approve, request_changes or reject.")
    if not isinstance(feedback, str) or len(feedback) > FEEDBACK_LIMIT:
        raise BadInput(f"The feedback must be text of at most {FEEDBACK_LIMIT} characters.")
    guidelines, suggestion = body.get("guidelines") or [], body.get("suggestion") or ""
    if (not isinstance(guidelines, list) or len(guidelines) > GUIDELINE_ITEMS_LIMIT
            or not all(isinstance(item, str) for item in guidelines)):
        raise BadInput(f"The guideline items must be a list of at most {GUIDELINE_ITEMS_LIMIT} texts.")
    if not isinstance(suggestion, str) or len(suggestion) > SUGGESTION_LIMIT:
        raise BadInput(f"The suggested text must be text of at most {SUGGESTION_LIMIT} characters.")
    publish_at = body.get("publishAt")
    if publish_at is not None and not isinstance(publish_at, str):
        raise BadInput("The time to go live must be an ISO 8601 date and time with its offset.")
    return LinkRequest(token=token, decision=decision, feedback=feedback, guidelines=tuple(guidelines),
                       suggestion=suggestion, publish_at=publish_at)


def _shown(post: Post, found: dict[str, Channel] | None = None) -> dict:
    """The post as its reviewer sees it, with where it will go (``found``: its channels already read)."""
    found = data.get_channels(post.channels) if found is None else found
    return {"id": post.id, "author": post.author, "authorName": post.author_name,
            "channel": post.channel, "channelName": posts.channel_names(post.channels, found),
            "channels": [found[c].as_json() if c in found else {"id": c, "name": c, "kind": None}
                         for c in post.channels],
            "text": post.current.text, "note": post.current.note, "revision": post.revision,
            "status": post.status.value, "media": _images(post), "publishAt": post.publish_at, "late": post.late,
            "replyTo": post.reply_to}


def _images(post: Post) -> list[dict]:
    if not post.current.media:
        return []
    from understudy import media

    return media.shown(image.as_json() for image in post.current.media)


def _decision_on(post: Post, revision: int) -> dict | None:
    if revision > len(post.revisions):
        return None
    feedback = post.revisions[revision - 1].feedback
    return feedback.as_json() if feedback else None


def _closed_reason(post: Post, revision: int, decider: User | None) -> str | None:
    if revision != post.revision:
        return f"This link is for revision {revision}; the author has since revised the post."
    if post.status != Status.PENDING_REVIEW:
        return posts.decided_message(post, decider)
    return None


def _holder(email: str, user: User | None, settings: Settings, *, deciding: bool) -> Caller:
    """The person the link was sent to, as they are now: still active, still a reviewer or an admin.
    Otherwise Forbidden, saying the link no longer works for them: a link outlives neither a demotion
    nor a deactivation, and shows nothing to someone who lost access. Where the organisation requires
    two-step sign-in and they have not set it up, they may look but not decide."""
    try:
        person = caller_from_record(email, user, settings)
    except Forbidden as exc:
        raise Forbidden(f"{NO_LONGER} {exc.message}") from exc
    if person.mfa_missing:
        if deciding:
            raise Forbidden(MFA_NEEDED)
    elif not person.is_reviewer:
        raise Forbidden(f"{NO_LONGER} {person.email} is no longer a reviewer or an admin.")
    return person


def view(token: str) -> dict:
    """Opening a link never decides anything: it only shows what the link is about. Two reads: the
    post, then its channel, the guidelines, whoever decided it and the link's holder, together."""
    claim = links.verify(token)
    post = posts.get_existing(claim.post_id)
    feedback = post.current.feedback
    context = data.review_context(post.channels, feedback.reviewer if feedback else None, claim.reviewer)
    person = _holder(claim.reviewer, context.holder, context.settings, deciding=False)
    reason = posts.OWN_POST if posts.is_author(post, person.email) else _closed_reason(post, claim.revision,
                                                                                         context.decider)
    markdown = context.guidelines.markdown if context.guidelines else ""
    shown = _shown(post, context.channels)
    answered = replies.answered(post, context.channels.get(post.channel)) if reason is None else None
    return {"post": shown, "guidelines": markdown, "guidelineItems": org.guideline_items(markdown),
            "answers": answered,
            "reviewer": claim.reviewer,
            "open": reason is None, "reason": reason, "decision": _decision_on(post, claim.revision)}


def decide(token: str, decision: str, feedback: str, *, guidelines: tuple[str, ...] = (),
           suggestion: str = "", publish_at: str | None = None) -> dict:
    claim = links.verify(token)
    holder, settings, current = data.link_holder_context(normal_email(claim.reviewer))
    post = posts.decide(_holder(claim.reviewer, holder, settings, deciding=True), claim.post_id, decision, feedback,
                        revision=claim.revision, via="link", guidelines=list(guidelines), suggestion=suggestion,
                        guidelines_markdown=current.markdown if current else "", publish_at=publish_at)
    return {"post": _shown(post), "decision": _decision_on(post, claim.revision)}
