"""Every name the stack gives or relies on, in one place.

Physical names are given only where something must be known before the resource exists: the state
machine (functions get its ARN without depending on it, see workflow.py), its log group, and the
channel secrets' prefix (the API creates those secrets at run time). Everything else is named by
CloudFormation, so two stacks can live in one account and a replaced resource never collides.
"""

from __future__ import annotations

from aws_cdk import aws_logs as logs
from understudy.model import ADMINS, REVIEWERS

from infra import functions as catalog

STACK_NAME = "Understudy"
DESCRIPTION = "Understudy: training mode for an organisation's social media (console, API, review workflow)."

# Cognito groups: the roles the API reads from the token's cognito:groups.
GROUPS = (ADMINS, REVIEWERS)
ADMIN_GROUP = ADMINS

# Powertools, as the sandbox sets them.
POWERTOOLS_SERVICE_NAME = "understudy"
POWERTOOLS_METRICS_NAMESPACE = "Understudy"

# The link-signing key's first key id (understudy.links reads {"current": id, "keys": {id: key}}).
FIRST_LINK_KEY_ID = "k1"

LOG_RETENTION = logs.RetentionDays.THREE_MONTHS
ACCESS_LOG_RETENTION = logs.RetentionDays.ONE_YEAR

# Context keys (`-c key=value` on the CDK command line, or cdk.context.json).
CTX_SENDER_EMAIL = "senderEmail"
CTX_SENDER_DOMAIN = "senderDomain"
CTX_ADMIN_EMAIL = "adminEmail"
CTX_ADMIN_NAME = "adminName"
CTX_ALERT_EMAIL = "alertEmail"
CTX_BUNDLE = "bundle"

# Each channel's credentials: the secret <prefix><channel id>, created by the API when an admin connects it.
CHANNEL_SECRET_PREFIX = catalog.CHANNEL_SECRET_PREFIX


def state_machine_name(stack_name: str) -> str:
    return f"{stack_name}-review-post"


def state_machine_log_group_name(stack_name: str) -> str:
    # /aws/vendedlogs/ keeps CloudWatch's resource policy for Step Functions small however many there are.
    return f"/aws/vendedlogs/states/{state_machine_name(stack_name)}"


def function_id(name: str) -> str:
    """Construct id of a catalog function: ``request_review`` -> ``RequestReviewFunction``."""
    return "".join(part.capitalize() for part in name.split("_")) + "Function"
