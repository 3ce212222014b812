"""The environment our handlers see in the sandbox: the names and addresses the CDK stack sets on AWS.

It goes into ``os.environ`` before anything imports ``understudy``, because the data module reads
table names once, at import, as it does in a Lambda cold start. Nothing here imports ``understudy``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from infra.functions import FUNCTIONS, SECRETS, TABLES, invoke_variable

ACCOUNT = "123456789012"  # moto's default account
REGION = "us-east-1"
FUNCTION_PREFIX = "understudy-"
STATE_MACHINE_NAME = "understudy-review-post"
STATE_MACHINE_ARN = f"arn:aws:states:{REGION}:{ACCOUNT}:stateMachine:{STATE_MACHINE_NAME}"
STATE_MACHINE_ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/{STATE_MACHINE_NAME}"
SENDER_EMAIL = "understudy@example.org"
LINK_KEY_SECRET = "understudy/link-key"  # noqa: S105 the secret's name, not its value
MEDIA_BUCKET = "understudy-media"
# e.g. USERS_TABLE=understudy-users, as understudy.config defaults them.
TABLE_NAMES = {variable: f"understudy-{table}" for table, variable in TABLES.items()}

FAIL_NEXT_FILE = "fail-next"  # the demo switch (POST /_local/fail-next): see understudy/channels/local.py

# Where boto3 would otherwise look for real credentials or another endpoint: never in the sandbox.
_FORGET = ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_CONFIG_FILE",
           "AWS_SHARED_CREDENTIALS_FILE")


def function_name(name: str) -> str:
    return f"{FUNCTION_PREFIX}{name}"


def function_arn(name: str) -> str:
    return f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:{function_name(name)}"


def handler_environment(*, aws_endpoint: str, console_url: str, state_dir: Path) -> dict[str, str]:
    """Everything but USER_POOL_ID, which exists only once the pool is created."""
    return {
        "AWS_ENDPOINT_URL": aws_endpoint,
        "AWS_DEFAULT_REGION": REGION,
        "AWS_REGION": REGION,
        "AWS_ACCESS_KEY_ID": "sandbox",
        "AWS_SECRET_ACCESS_KEY": "sandbox",  # noqa: S105 moto accepts any credentials
        **TABLE_NAMES,
        "STATE_MACHINE_ARN": STATE_MACHINE_ARN,
        # The functions some hand work on to (asynchronous invokes, served by the sandbox's Lambda endpoint).
        **{invoke_variable(target): function_name(target) for spec in FUNCTIONS for target in spec.invokes},
        SECRETS["link_key"]: LINK_KEY_SECRET,
        "CONSOLE_URL": console_url,
        "SENDER_EMAIL": SENDER_EMAIL,
        "LOCAL_TIMELINE_PATH": str(state_dir / "timeline.jsonl"),
        "LOCAL_FAIL_NEXT_PATH": str(state_dir / FAIL_NEXT_FILE),
        "MEDIA_BUCKET": MEDIA_BUCKET,
        # Presigned links name the console's origin, whose /_aws/s3/ passes them to moto (gateway.py).
        "MEDIA_PUBLIC_URL": f"{console_url}/_aws/s3",
        "POWERTOOLS_SERVICE_NAME": "understudy",
        "POWERTOOLS_METRICS_NAMESPACE": "Understudy",
        "POWERTOOLS_TRACE_DISABLED": "true",
        "POWERTOOLS_LOG_LEVEL": "WARNING",  # handlers' logs stay in the terminal, warnings and up only
        # Metrics would print one EMF JSON document per invocation to stdout; CloudWatch reads them on
        # AWS, nothing reads them here.
        "POWERTOOLS_METRICS_DISABLED": "true",
        "POWERTOOLS_DEV": "false",
        # moto's ASL interpreter compares a Wait state's timestamp with the naive local clock: keep
        # local time UTC, as it is on Lambda, or rate-limit waits would be off by the machine's offset.
        "TZ": "UTC",
    }


def apply(values: dict[str, str]) -> None:
    for name in _FORGET:
        os.environ.pop(name, None)
    os.environ.update(values)
    time.tzset()
