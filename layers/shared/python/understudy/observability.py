"""One place for logging and metrics; every function imports these."""

from datetime import datetime

from aws_lambda_powertools import Logger, Metrics

# Tracer is left out on purpose: aws-xray-sdk adds ~180 ms to every cold start (measured by
# `make bench`); Lambda's active tracing still records each invocation and AWS SDK call segment.
logger = Logger()
metrics = Metrics()

# The post funnel and the review turnaround, as custom metrics (namespace POWERTOOLS_METRICS_NAMESPACE,
# one dimension: service). The stack's dashboard and alarms (infra/stack/alarms.py) name these.
POSTS_SUBMITTED = "PostsSubmitted"
REVIEWS_REQUESTED = "ReviewsRequested"
POSTS_PUBLISHED = "PostsPublished"
POSTS_FAILED = "PostsFailed"
POSTS_PARTLY_PUBLISHED = "PostsPartlyPublished"  # on some of their channels only
POSTS_NEEDING_ATTENTION = "PostsNeedingAttention"
REVIEW_TURNAROUND = "ReviewTurnaroundSeconds"


def count(name: str) -> None:
    metrics.add_metric(name=name, unit="Count", value=1)


def review_turnaround(submitted_at: str, decided_at: str) -> None:
    """Seconds from a revision's submission to its decision (ISO timestamps ending in Z)."""
    seconds = (datetime.fromisoformat(decided_at.replace("Z", "+00:00"))
               - datetime.fromisoformat(submitted_at.replace("Z", "+00:00"))).total_seconds()
    metrics.add_metric(name=REVIEW_TURNAROUND, unit="Seconds", value=max(0.0, seconds))
