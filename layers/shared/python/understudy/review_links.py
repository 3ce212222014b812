"""What a review link's holder may see and do: the post, the guidelines, and one decision."""

from __future__ import annotations

from understudy import links, org, posts
from understudy.model import Post, Status


def _shown(post: Post) -> dict:
    return {"id": post.id, "author": post.author, "authorName": post.author_name,
            "channel": post.channel, "channelName": posts.channel_name(post.channel),
            "text": post.current.text, "note": post.current.note, "revision": post.revision,
            "status": post.status.value}


def _decision_on(post: Post, revision: int) -> dict | None:
    if revision > len(post.revisions):
        return None
    feedback = post.revisions[revision - 1].feedback
    return feedback.as_json() if feedback else None


def _closed_reason(post: Post, revision: int) -> str | None:
    if revision != post.revision:
        return f"This link is for revision {revision}; the author has since revised the post."
    if post.status != Status.PENDING_REVIEW:
        return posts.already_decided(post)
    return None


def view(token: str) -> dict:
    """Opening a link never decides anything: it only shows what the link is about."""
    claim = links.verify(token)
    post = posts.get_existing(claim.post_id)
    reason = _closed_reason(post, claim.revision)
    return {"post": _shown(post), "guidelines": org.guidelines().markdown, "reviewer": claim.reviewer,
            "open": reason is None, "reason": reason, "decision": _decision_on(post, claim.revision)}


def decide(token: str, decision: str, feedback: str) -> dict:
    claim = links.verify(token)
    post = posts.decide(claim.reviewer, claim.post_id, decision, feedback, revision=claim.revision,
                        via="link")
    return {"post": _shown(post), "decision": _decision_on(post, claim.revision)}
