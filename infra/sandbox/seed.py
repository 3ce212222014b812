"""What the sandbox starts with: the resources the CDK stack creates on AWS, and the demo organisation.

Two steps, because the handlers' environment needs the user pool's id before ``understudy`` is imported:
``seed_identity`` (Cognito, through boto3 only), then ``seed_rest`` (everything else, partly through
``understudy.data`` so the records are exactly what the application writes).
"""

from __future__ import annotations

import base64
import json
import re
import secrets
from dataclasses import dataclass

import boto3

from infra.functions import FUNCTIONS, WORKFLOW_FILE
from infra.sandbox.environment import (
    LINK_KEY_SECRET,
    MEDIA_BUCKET,
    REGION,
    SENDER_EMAIL,
    STATE_MACHINE_NAME,
    STATE_MACHINE_ROLE_ARN,
    function_arn,
)

PASSWORD = "Demo-pass-1"  # noqa: S105 the published demo password


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    groups: tuple[str, ...]
    training_mode: bool
    what: str


ACCOUNTS = (
    DemoAccount("admin@example.org", "Ada Admin", ("admins",), False, "admin: manages people, settings, guidelines"),
    DemoAccount("reviewer@example.org", "Rita Reviewer", ("reviewers",), False, "reviewer: gets the review emails"),
    DemoAccount("trainee@example.org", "Tom Trainee", (), True, "author in training mode: every post is reviewed"),
    DemoAccount("author@example.org", "Alex Author", (), False, "author, training mode off: posts go live"),
)

GUIDELINES = """# How we post

- Be kind, be specific, and write as the organisation, not as yourself.
- Never share anything confidential: people, numbers or plans not yet announced.
- Check every name, date and link before you submit.
- One clear message per post; no more than two hashtags.
- When in doubt, add a note for your reviewer and ask.
"""

SUBSTITUTION = re.compile(r"\$\{(\w+)\}")


@dataclass(frozen=True)
class Identity:
    user_pool_id: str
    client_id: str


def _client(service: str, endpoint: str):
    return boto3.client(service, endpoint_url=endpoint, region_name=REGION)


def seed_identity(endpoint: str) -> Identity:
    """The user pool the console signs in to, its groups, the console's app client and the demo people."""
    idp = _client("cognito-idp", endpoint)
    pool = idp.create_user_pool(
        PoolName="understudy", UsernameAttributes=["email"], AutoVerifiedAttributes=["email"],
        AdminCreateUserConfig={"AllowAdminCreateUserOnly": True},
    )["UserPool"]["Id"]
    # As on AWS (infra/stack/auth.py): TOTP MFA offered, set up by each person, required by nobody here.
    idp.set_user_pool_mfa_config(UserPoolId=pool, MfaConfiguration="OPTIONAL",
                                 SoftwareTokenMfaConfiguration={"Enabled": True})
    for group in ("admins", "reviewers"):
        idp.create_group(UserPoolId=pool, GroupName=group)
    client_id = idp.create_user_pool_client(
        UserPoolId=pool, ClientName="console", GenerateSecret=False,
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        ReadAttributes=["email", "name"],  # so ID tokens carry both
    )["UserPoolClient"]["ClientId"]
    for account in ACCOUNTS:
        idp.admin_create_user(UserPoolId=pool, Username=account.email, MessageAction="SUPPRESS",
                              UserAttributes=[{"Name": "email", "Value": account.email},
                                              {"Name": "email_verified", "Value": "true"},
                                              {"Name": "name", "Value": account.name}])
        idp.admin_set_user_password(UserPoolId=pool, Username=account.email, Password=PASSWORD, Permanent=True)
        for group in account.groups:
            idp.admin_add_user_to_group(UserPoolId=pool, Username=account.email, GroupName=group)
    return Identity(user_pool_id=pool, client_id=client_id)


def workflow_definition() -> str:
    """review_post.asl.json with each ``${XFunctionArn}`` replaced, as the stack's DefinitionSubstitutions do."""
    arns = {spec.substitution: function_arn(spec.name) for spec in FUNCTIONS if spec.workflow_task}

    def arn(found: re.Match) -> str:
        if found[1] not in arns:
            raise KeyError(f"{WORKFLOW_FILE.name} refers to ${{{found[1]}}}, which no workflow task provides")
        return arns[found[1]]

    return SUBSTITUTION.sub(arn, WORKFLOW_FILE.read_text(encoding="utf-8"))


def seed_rest(endpoint: str) -> None:
    """Tables, the demo organisation's records, the link key, the sender identity and the workflow."""
    from understudy import data
    from understudy.model import Channel, Guidelines, User, now_iso

    data.create_tables()
    for account in ACCOUNTS:
        data.save_user(User(account.email, account.name, roles=frozenset(account.groups),
                            training_mode=account.training_mode), new=True)
    data.put_channel(Channel(id="demo", name="Demo timeline", kind="local"), by="sandbox", at=now_iso())
    data.put_guidelines(Guidelines(markdown=GUIDELINES, updated_at=now_iso(), updated_by="sandbox"))

    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    _client("secretsmanager", endpoint).create_secret(
        Name=LINK_KEY_SECRET, SecretString=json.dumps({"current": "k1", "keys": {"k1": key}}))
    _client("s3", endpoint).create_bucket(Bucket=MEDIA_BUCKET)
    # One identity store behind SES v1 and v2 in moto: verifying it once lets both send from it.
    _client("sesv2", endpoint).create_email_identity(EmailIdentity=SENDER_EMAIL)
    _client("stepfunctions", endpoint).create_state_machine(
        name=STATE_MACHINE_NAME, definition=workflow_definition(), roleArn=STATE_MACHINE_ROLE_ARN, type="STANDARD")
