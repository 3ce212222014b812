"""A time to go live: checking publishAt, rescheduling, cancelling, and the workflow's wait for it.

An approved post (or one by an author out of training) with a ``publish_at`` still ahead is
``scheduled``: its workflow execution waits in a Wait state until that time (no polling), then asks
``when_to_publish`` again. A Wait cannot be changed, so:
- moved later: the execution wakes at the old time, finds the new one still ahead and waits again;
- moved earlier: the post gets a new execution (``workflow.execution_name`` counts them) and the old
  one is stopped; if it still wakes, it is no longer the post's current execution and ends;
- cancelled: the post becomes ``withdrawn`` and the execution is stopped, or ends when it wakes.
Only the current execution moves a post from scheduled to publishing (a versioned write), so the
publish task's exactly-once claim is never raced by a stale execution.
"""

from __future__ import annotations

from understudy import audit, data, posts, workflow
from understudy.auth import Caller
from understudy.errors import Conflict, Forbidden, InvalidValue
from understudy.model import Page, Post, Status
from understudy.publish_time import FIELD, due, parse

# Where a publishAt may be set or changed: before the review ends, or while it waits to go live.
CHANGEABLE = (Status.PENDING_REVIEW, Status.CHANGES_REQUESTED, Status.SCHEDULED)


def _may_change(caller: Caller, post: Post) -> None:
    if not posts.is_author(post, caller.email) and not caller.is_admin:
        raise Forbidden("Only the post's author or an admin can change when it goes live.")


def reschedule(caller: Caller, post_id: str, publish_at: str | None) -> Post:
    """Set or change a post's time to go live, before its review ends or while it is scheduled."""
    when = parse(publish_at)
    if when is None:
        raise InvalidValue(FIELD, "Give the new time to go live (or cancel the post instead).")

    def apply(post: Post) -> tuple[str | None, str | None]:
        """Answers the time before, and the execution to stop when the new time needs a new one."""
        _may_change(caller, post)
        if post.status not in CHANGEABLE:
            raise Conflict(f"This post's time to go live can no longer be changed: it is {post.status}.")
        before, superseded = post.publish_at, None
        post.publish_at = when
        # An earlier time than the one being waited for needs a new execution; a later one is re-checked.
        if post.status == Status.SCHEDULED and before and when < before:
            superseded = workflow.execution_name(post)
            post.publish_attempts += 1
        return before, superseded

    post, (before, superseded) = posts.change(post_id, apply)
    audit.record(audit.Action.RESCHEDULED, caller.email, post=post.id, revision=post.revision,
                 publishAt=when, previously=before)
    if superseded:
        _restart(post, superseded)
    return post


def _restart(post: Post, old_execution: str) -> None:
    posts.start_new_execution(post, "The new time to go live could not be set up",
                              "The new time could not be set up, so the post is marked failed for an admin.")
    workflow.stop(old_execution, "rescheduled to an earlier time")


def cancel(caller: Caller, post_id: str) -> Post:
    """A scheduled post will not go out: it becomes withdrawn and its waiting execution ends."""
    def apply(post: Post) -> str:
        _may_change(caller, post)
        if post.status != Status.SCHEDULED:
            raise Conflict(f"Only a scheduled post can be cancelled; this one is {post.status}."
                           + (" Withdraw it instead." if post.status in CHANGEABLE else ""))
        post.move_to(Status.WITHDRAWN, caller.email, "cancelled before its time to go live")
        return workflow.execution_name(post)

    post, execution = posts.change(post_id, apply)
    audit.record(audit.Action.CANCELLED, caller.email, post=post.id, revision=post.revision,
                 publishAt=post.publish_at)
    workflow.stop(execution, "cancelled")
    return post


def scheduled(caller: Caller, cursor: str | None) -> Page[Post]:
    """What goes out when, soonest first (reviewers and admins)."""
    caller.require_reviewer()
    return data.list_scheduled(cursor=cursor)


# --- the workflow's side -------------------------------------------------------------------------

def when_to_publish(post_id: str, execution: str | None) -> dict:
    """``{"next": "wait", "until": <UTC time>}`` while a scheduled post's time is ahead; ``{"next":
    "publish"}`` once it has come (moving the post to publishing); ``{"next": "done"}`` when there is
    nothing to publish: cancelled, or this execution is no longer the post's current one."""
    def answer(post: Post) -> dict | None:
        """What to tell the execution, or None when the post must move to publishing first."""
        if execution is not None and execution != workflow.execution_name(post):
            return {"next": "done", "until": None}
        if post.status == Status.SCHEDULED:
            return {"next": "wait", "until": post.publish_at} if not due(post) else None
        return {"next": "publish" if post.status == Status.PUBLISHING else "done", "until": None}

    def apply(post: Post) -> dict:
        found = answer(post)
        if found is None:
            post.move_to(Status.PUBLISHING, posts.WORKFLOW, "its time to go live came")
            found = {"next": "publish", "until": None}
        return found

    post = posts.get_existing(post_id)
    found = answer(post)
    if found is None:  # the one case that writes
        post, found = posts.change(post_id, apply)
    return {**found, "status": post.status.value}
