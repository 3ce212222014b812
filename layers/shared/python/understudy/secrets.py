"""Secrets Manager: read through Powertools parameters with caching; written only by admin actions.

Values are never logged or returned. Errors name the secret, never its value.
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from functools import cache

from understudy import aws

CACHE_SECONDS = 300
RECOVERY_DAYS = 7  # a deleted channel's credentials can be restored for a week, then they are gone


def get_json_secret(name: str, *, fresh: bool = False) -> dict:
    with _unlogged():
        return _provider().get(name, transform="json", max_age=CACHE_SECONDS, force_fetch=fresh)


@cache
def _provider():
    """Powertools' cache of secret values, reading through our client (Powertools' own default would
    start another botocore session: see understudy.aws)."""
    from aws_lambda_powertools.utilities.parameters.secrets import SecretsProvider

    return SecretsProvider(boto3_client=_client())


def missing(error: Exception) -> bool:
    """Whether a failed read (Powertools wraps every error in GetParameterError) means "no such secret"."""
    cause = error.__cause__ or error.__context__
    code = getattr(cause, "response", {}).get("Error", {}).get("Code") if cause else None
    return code == "ResourceNotFoundException" or "ResourceNotFoundException" in str(error)


# At DEBUG botocore logs each request's parameters and each response's body, a secret's value included.
BOTOCORE_LOGGERS = ("botocore.endpoint", "botocore.parsers")


@contextmanager
def _unlogged():
    """Silence botocore's request and response logging while a secret's value passes through."""
    loggers = [logging.getLogger(name) for name in BOTOCORE_LOGGERS]
    levels = [each.level for each in loggers]
    for each, level in zip(loggers, levels, strict=True):
        each.setLevel(max(logging.INFO, level))
    try:
        yield
    finally:
        for each, level in zip(loggers, levels, strict=True):
            each.setLevel(level)


@cache
def _client():
    return aws.client("secretsmanager")


def put_json_secret(name: str, value: dict, description: str) -> None:
    """Create the secret, or give an existing one (even one scheduled for deletion) a new value."""
    client = _client()
    body = json.dumps(value)
    with _unlogged():
        try:
            client.create_secret(Name=name, Description=description, SecretString=body)
            return
        except (client.exceptions.ResourceExistsException, client.exceptions.InvalidRequestException):
            pass  # AWS answers InvalidRequest for a name scheduled for deletion, moto ResourceExists
        if "DeletedDate" in client.describe_secret(SecretId=name):
            client.restore_secret(SecretId=name)  # its channel was removed and is now connected again
        client.put_secret_value(SecretId=name, SecretString=body)


def schedule_deletion(name: str) -> bool:
    """Schedule the secret's deletion after the recovery window; False if there was no such secret."""
    client = _client()
    try:
        client.delete_secret(SecretId=name, RecoveryWindowInDays=RECOVERY_DAYS)
    except client.exceptions.ResourceNotFoundException:
        return False
    return True
