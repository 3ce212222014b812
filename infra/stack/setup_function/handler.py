"""A CloudFormation custom resource: the deploy-time setup no template can express.

- The link-signing key: ``{"current": "k1", "keys": {"k1": <urlsafe base64 of 32 random bytes>}}``
  written into the secret the stack made, unless the secret already holds a current key (so a later
  deploy never replaces a key in use or one rotated by hand).
- The first admin's record in the users table (admins, not in training), unless it is there already,
  so they appear on the people page and get the admins' emails.

It answers CloudFormation itself (a PUT to the presigned ResponseURL), always, even when it fails, and
never puts a secret value in an answer or a log line.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import urllib.request

import boto3

FIRST_KEY_ID = "k1"


def ensure_link_key(secret_id: str) -> bool:
    """Write a fresh key unless the secret already has a current one. True if it wrote."""
    client = boto3.client("secretsmanager")
    try:
        value = json.loads(client.get_secret_value(SecretId=secret_id)["SecretString"])
    except ValueError:
        value = None
    if isinstance(value, dict) and isinstance(value.get("keys"), dict) and value.get("current") in value["keys"]:
        return False
    key = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    client.put_secret_value(SecretId=secret_id,
                            SecretString=json.dumps({"current": FIRST_KEY_ID, "keys": {FIRST_KEY_ID: key}}))
    return True


def ensure_admin(email: str, name: str) -> bool:
    """The first admin's record, unless there is one. True if it wrote."""
    from understudy import data
    from understudy.model import ADMINS, User

    try:
        data.save_user(User(email=email, name=name or email.split("@")[0], roles=frozenset({ADMINS}),
                            training_mode=False), new=True)
    except data.AlreadyExists:
        return False
    return True


def respond(event: dict, status: str, reason: str, physical_id: str) -> None:
    body = json.dumps({
        "Status": status, "Reason": reason, "PhysicalResourceId": physical_id,
        "StackId": event["StackId"], "RequestId": event["RequestId"], "LogicalResourceId": event["LogicalResourceId"],
    }).encode()
    request = urllib.request.Request(event["ResponseURL"], data=body, method="PUT",  # noqa: S310 CloudFormation's URL
                                     headers={"Content-Type": "", "Content-Length": str(len(body))})
    with urllib.request.urlopen(request, timeout=30) as answer:  # noqa: S310
        answer.read()


def lambda_handler(event: dict, context) -> None:
    physical_id = event.get("PhysicalResourceId") or f"{os.environ.get('AWS_LAMBDA_FUNCTION_NAME', 'setup')}-setup"
    status, reason = "SUCCESS", "done"
    try:
        if event["RequestType"] in ("Create", "Update"):
            properties = event["ResourceProperties"]
            wrote_key = ensure_link_key(properties["LinkKeySecretId"])
            wrote_admin = ensure_admin(properties["AdminEmail"], properties.get("AdminName", "")) \
                if properties.get("AdminEmail") else False
            reason = f"link key {'written' if wrote_key else 'kept'}; first admin {'added' if wrote_admin else 'kept'}"
            print(json.dumps({"setup": reason}))  # noqa: T201 no secret in it
    except Exception as exc:  # CloudFormation must always get an answer
        status, reason = "FAILED", f"{type(exc).__name__}: {exc}"[:300]
        print(json.dumps({"setup": "failed", "error": reason}))  # noqa: T201
    respond(event, status, reason, physical_id)
