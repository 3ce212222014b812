"""Workflow task: hold the post for review (the task token stays here) and email reviewers signed links."""

from __future__ import annotations

from understudy import cold_start  # first: see understudy/cold_start.py

# isort: split
from aws_lambda_powertools.utilities.typing import LambdaContext
from understudy import notifications
from understudy.observability import REVIEWS_REQUESTED, count, logger, metrics


@cold_start.first_answer
@logger.inject_lambda_context(correlation_id_path="postId")
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    phase = event.get("phase", "request")
    answer = notifications.request_review(event["postId"], event["taskToken"], phase, event.get("expireAfter"))
    if answer["waiting"] and phase == "request":  # reminders and escalations are the same review
        count(REVIEWS_REQUESTED)
    return answer
