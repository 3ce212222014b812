"""What a cold start imports, checked in fresh interpreters started as Lambda starts one.

The time it takes is `make bench`'s to print, never asserted here. What is asserted is what keeps it
short: the heavy libraries are imported only by the requests that use them, and every handler gives the
garbage collector back once its first answer is given (understudy.cold_start). A change that imports one of
these at module level fails here instead of silently adding to every cold start.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from infra.functions import FUNCTIONS, LAYER_DIR
from tests.integration.conftest import claims_for, http_event

# Each only for the requests that need it.
HEAVY = (
    "boto3",  # botocore is enough (understudy.aws)
    "pydantic",  # the API's validation, imported by the first route that validates
    "aws_lambda_powertools.event_handler.middlewares.openapi_validation",
    "aws_lambda_powertools.utilities.parameters",  # imports boto3 and every provider (understudy.secrets)
    "tweepy", "requests", "twitter_text",  # X, and X's length rules
    "aws_xray_sdk",  # Tracer is left out of the handlers
    # Powertools' other resolvers (AppSync brings asyncio) and event classes: their packages without their
    # __init__ (understudy.powertools).
    "aws_lambda_powertools.event_handler.appsync", "aws_lambda_powertools.event_handler.bedrock_agent", "asyncio",
    "aws_lambda_powertools.utilities.data_classes.sqs_event",  # and every event class but the HTTP ones
    "email.mime.multipart",  # MIME, for the requests that send an email
    "statistics",  # Progress's median
)

# The domain's modules that only some paths use (understudy.cold_start.lazy): each function imports them when
# a request needs them (publishing, images, scheduling, submitting); the API imports each route's modules.
DEFERRED = ("understudy.channels", "understudy.media", "understudy.images", "understudy.lengths",
            "understudy.progress", "understudy.schedule")

# Runs in the fresh interpreter: import the handler as Lambda does, answer the events, say what was loaded.
COLD_START = """
import gc, json, sys
from types import SimpleNamespace
job = json.load(sys.stdin)
sys.path[:0] = [job["handler_dir"], job["layer_dir"]]
loaded = lambda: [name for name in job["heavy"] if name in sys.modules]
import handler
facts = {"loaded": loaded(), "imported_collecting": gc.isenabled(), "answers": []}
context = SimpleNamespace(function_name="understudy-test", memory_limit_in_mb=256, aws_request_id="test",
                          invoked_function_arn="arn:aws:lambda:us-east-1:123456789012:function:understudy-test")
for event in job["events"]:
    try:
        answer = handler.lambda_handler(event, context)
    except Exception as exc:  # a workflow task refusing its payload, as Lambda reports it
        answer = {"statusCode": None, "body": json.dumps(type(exc).__name__)}
    facts["answers"].append({"status": answer["statusCode"], "body": json.loads(answer["body"]), "loaded": loaded()})
facts.update(collecting=gc.isenabled(), frozen=gc.get_freeze_count())
print(json.dumps(facts))
"""


def cold_start(function: str, *events: dict, heavy: tuple[str, ...] = HEAVY) -> dict:
    spec = next(spec for spec in FUNCTIONS if spec.name == function)
    job = {"handler_dir": str(spec.code_dir), "layer_dir": str(LAYER_DIR / "python"), "heavy": heavy,
           "events": list(events)}
    finished = subprocess.run([sys.executable, "-P", "-c", COLD_START], input=json.dumps(job), text=True,
                              capture_output=True, timeout=120,
                              env={**os.environ, "AWS_LAMBDA_FUNCTION_NAME": f"understudy-{function}"})
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout.strip().splitlines()[-1])  # after any log lines


# A first request each function answers or refuses without reaching AWS.
REFUSED = {
    "api": http_event("GET", "/settings", claims={"token_use": "id"}),  # 401: a token without an email
    "review_link": {**http_event("POST", "/review-links/view", route="POST /review-links/view"), "body": "{"},
    "request_review": {"postId": "p1"},  # no task token
    "publish": {},  # no post
    "notify": {"postId": "p1"},  # no event
}


@pytest.mark.parametrize("function", [spec.name for spec in FUNCTIONS])
def test_a_handler_imports_no_heavy_library_and_gives_the_collector_back_after_its_first_answer(function):
    facts = cold_start(function, REFUSED[function])

    assert facts["loaded"] == []
    assert not facts["imported_collecting"], "the handler should import understudy.cold_start first"
    assert facts["answers"][0]["status"] in (401, 400, None)
    assert facts["collecting"], "lambda_handler is not wrapped in cold_start.first_answer: no collecting"
    assert facts["frozen"] > 10_000, "what the cold start made should be frozen out of the collector's way"


@pytest.mark.parametrize("function", [spec.name for spec in FUNCTIONS])
def test_a_handler_leaves_the_domain_modules_its_first_request_does_not_use(function):
    unused = DEFERRED + (("understudy.posts",) if function == "api" else ())
    facts = cold_start(function, REFUSED[function], heavy=unused)

    assert facts["loaded"] == [] and facts["answers"][0]["loaded"] == []


def test_the_api_imports_validation_with_the_first_route_that_validates_and_still_refuses_bad_input():
    facts = cold_start("api", REFUSED["api"],
                       http_event("POST", "/posts", body={"channel": "demo"}, claims=claims_for("trainee@example.org")))
    nothing_to_validate, validated = facts["answers"]

    assert facts["loaded"] == []
    assert nothing_to_validate["status"] == 401 and "pydantic" not in nothing_to_validate["loaded"]
    assert validated["status"] == 422 and "pydantic" in validated["loaded"]
    assert [error["field"] for error in validated["body"]["errors"]] == ["text"]


def test_the_powertools_packages_stay_whole_when_their_init_is_skipped():
    script = """
import json, sys
sys.path.insert(0, sys.argv[1])
from understudy import powertools
skipped = [name for name in ("aws_lambda_powertools.event_handler.appsync",
                             "aws_lambda_powertools.utilities.data_classes.sqs_event") if name in sys.modules]
from aws_lambda_powertools.event_handler import AppSyncResolver, APIGatewayHttpResolver, content_types
from aws_lambda_powertools.utilities.data_classes import APIGatewayProxyEventV2, SQSEvent
from aws_lambda_powertools.utilities.data_classes.api_gateway_proxy_event import APIGatewayProxyEventV2 as defined
print(json.dumps({"loaded": skipped, "same": APIGatewayHttpResolver is powertools.APIGatewayHttpResolver,
                  "event": APIGatewayProxyEventV2 is defined,
                  "whole": [AppSyncResolver.__module__, SQSEvent.__module__],
                  "json": content_types.APPLICATION_JSON}))
"""
    finished = subprocess.run([sys.executable, "-P", "-c", script, str(LAYER_DIR / "python")], text=True,
                              capture_output=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    facts = json.loads(finished.stdout)

    assert facts == {"loaded": [], "same": True, "event": True, "json": "application/json",
                     "whole": ["aws_lambda_powertools.event_handler.appsync",
                               "aws_lambda_powertools.utilities.data_classes.sqs_event"]}
