"""The review-post state machine: starting one execution per post and resuming its waits."""

from __future__ import annotations

import json
from functools import cache

from understudy.config import config
from understudy.model import Post, Settings
from understudy.observability import logger


@cache
def _client():
    import boto3

    return boto3.client("stepfunctions", region_name=config().region)


def start(post: Post, settings: Settings) -> None:
    """One execution per post, named after it; each wait's timeout comes from the settings."""
    _client().start_execution(
        stateMachineArn=config().state_machine_arn,
        name=post.id,
        input=json.dumps({
            "postId": post.id,
            "review": post.review,
            "timeouts": {"review": settings.review_timeout_seconds,
                         "revision": settings.revision_timeout_seconds},
        }),
    )


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
