"""Workflow task: settle the post's status where the workflow ends and email the people concerned.
Also, invoked asynchronously by the API: settle what someone deactivated left behind (understudy.leavers)."""

from __future__ import annotations

from understudy import cold_start  # first: see understudy/cold_start.py

# isort: split
from aws_lambda_powertools.utilities.typing import LambdaContext
from understudy import leavers, notifications
from understudy.observability import POSTS_FAILED, POSTS_PARTLY_PUBLISHED, count, logger, metrics

ENDS = {"failed": POSTS_FAILED, "partly_published": POSTS_PARTLY_PUBLISHED}


@cold_start.first_answer
@logger.inject_lambda_context(correlation_id_path="postId")
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    if event["event"] == leavers.EVENT:
        return leavers.settle(event["person"], event["by"])
    answer = notifications.notify(event["event"], event["postId"], event.get("taskToken"), event.get("error"),
                                  execution=event.get("execution"))
    if event["event"] == "failed" and answer["status"] in ENDS:
        count(ENDS[answer["status"]])
    return answer
