"""The review-post state machine: starting one execution per post and resuming its waits."""

from __future__ import annotations

import json
from functools import cache

from understudy import aws
from understudy.config import config
from understudy.model import Post, Settings
from understudy.observability import logger


@cache
def _client():
    return aws.client("stepfunctions")


def timeouts(settings: Settings) -> dict:
    """Each wait's timeout. A review waits in three phases, each a new task (a timed-out task's token
    is dead): until the reminder, from the reminder to the escalation, and from there to expiry.
    ``total`` is the whole review wait: the review links expire with it."""
    return {"remind": settings.remind_after_seconds,
            "escalate": settings.escalate_after_seconds - settings.remind_after_seconds,
            "expire": settings.expire_after_seconds - settings.escalate_after_seconds,
            "total": settings.expire_after_seconds,
            "revision": settings.revision_expire_after_seconds}


def execution_name(post: Post) -> str:
    """The post's current execution: named after the post, then one more per admin's "publish again"."""
    return f"{post.id}-publish-{post.publish_attempts}" if post.publish_attempts else post.id


def start(post: Post, settings: Settings) -> None:
    """One execution per post, named after it; each wait's timeout comes from the settings."""
    _client().start_execution(
        stateMachineArn=config().state_machine_arn,
        name=execution_name(post),
        input=json.dumps({"postId": post.id, "review": post.review, "timeouts": timeouts(settings)}),
    )


def publish_again(post: Post) -> None:
    """A new execution for an admin's "publish again": with review off the workflow goes straight to
    Publish, whose claim on the post keeps it at most once, and ends the post published or failed.
    Each attempt has its own name (an execution name is never reused)."""
    _client().start_execution(
        stateMachineArn=config().state_machine_arn,
        name=execution_name(post),
        input=json.dumps({"postId": post.id, "review": False}),
    )


def stop(execution: str, cause: str) -> None:
    """End a post's execution that is no longer needed (waiting for a time that moved, or cancelled).
    Best effort: an execution left running finds it is no longer the post's current one when it wakes."""
    client = _client()
    arn = config().state_machine_arn.replace(":stateMachine:", ":execution:", 1) + f":{execution}"
    try:
        client.stop_execution(executionArn=arn, error="Superseded", cause=cause)
    except Exception:
        logger.warning("Could not stop the execution; it ends when it wakes", extra={"execution": execution})


def resume(token: str, outcome: str, **details) -> bool:
    """Hand a wait its outcome. False when the wait is already over (timed out or finished)."""
    client = _client()
    try:
        client.send_task_success(taskToken=token, output=json.dumps({"outcome": outcome, **details}))
    except (client.exceptions.TaskTimedOut, client.exceptions.TaskDoesNotExist,
            client.exceptions.InvalidToken) as exc:
        logger.warning("The workflow was no longer waiting", extra={"error": type(exc).__name__})
        return False
    return True
