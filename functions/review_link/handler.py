"""Review links: no login, an HMAC-signed expiring token in the body instead."""

from __future__ import annotations

from typing import Annotated

from aws_lambda_powertools.event_handler.openapi.params import Body
from aws_lambda_powertools.logging import correlation_paths
from aws_lambda_powertools.utilities.typing import LambdaContext
from understudy import review_links, schemas
from understudy.http import resolver
from understudy.observability import logger, metrics

app = resolver()


@app.post("/review-links/view")
def view(body: Annotated[schemas.LinkBody, Body()]) -> dict:
    return review_links.view(body.token)


@app.post("/review-links/decide")
def decide(body: Annotated[schemas.LinkDecisionBody, Body()]) -> dict:
    answer = review_links.decide(body.token, body.decision, body.feedback)
    metrics.add_metric(name="LinkDecisions", unit="Count", value=1)
    return answer


@logger.inject_lambda_context(correlation_id_path=correlation_paths.API_GATEWAY_HTTP)
@metrics.log_metrics
def lambda_handler(event: dict, context: LambdaContext) -> dict:
    return app.resolve(event, context)
