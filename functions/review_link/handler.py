"""Review links: no login, an HMAC-signed expiring token in the body instead."""

from __future__ import annotations

from understudy import cold_start  # first: see understudy/cold_start.py

# isort: split
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from understudy import review_links
from understudy.errors import BadInput
from understudy.http import resolver
from understudy.observability import logger, metrics

app = resolver(validation=False)


def body(*, deciding: bool) -> review_links.LinkRequest:
    try:
        payload = app.current_event.json_body
    except UnicodeError:
        raise  # not UTF-8: answered 400 by understudy.http like on every route
    except ValueError as exc:
        raise BadInput("The request body is not JSON.") from exc
    return review_links.parse(payload, deciding=deciding)


@app.post("/review-links/view")
def view() -> dict:
    return review_links.view(body(deciding=False).token)


@app.post("/review-links/decide")
def decide() -> dict:
    request = body(deciding=True)
    answer = review_links.decide(request.token, request.decision, request.feedback,
                                 guidelines=request.guidelines, suggestion=request.suggestion,
                                 publish_at=request.publish_at)
    metrics.add_metric(name="LinkDecisions", unit="Count", value=1)
    return answer


@cold_start.first_answer
@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
