"""Workflow task: publish an approved revision to its channel, at most once.

Answers ``{"url", "retryAt"}``; a ``retryAt`` means the channel rate-limited us and the workflow waits.
"""

from __future__ import annotations

from understudy import cold_start  # first: see understudy/cold_start.py

# isort: split
from aws_lambda_powertools.utilities.typing import LambdaContext
from understudy import notifications
from understudy.observability import POSTS_PUBLISHED, count, logger, metrics


@cold_start.first_answer
@logger.inject_lambda_context(correlation_id_path="postId")
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    answer = notifications.publish(event["postId"])
    if answer["retryAt"]:
        metrics.add_metric(name="PublishRateLimited", unit="Count", value=1)
    else:
        count(POSTS_PUBLISHED)
    return answer
