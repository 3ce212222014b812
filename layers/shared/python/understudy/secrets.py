"""Secrets Manager: JSON values read through a small cache; written only by admin actions.

Values are never logged or returned. Errors name the secret, never its value.

The cache is ours rather than Powertools' parameters utility: importing that package imports boto3 and
a provider for every parameter store (~20 ms of CPU on each cold start that reads a secret, measured by
`make bench`), for what is here a dictionary and a clock.
"""

from __future__ import annotations

import json
import logging
import time
from contextlib import contextmanager
from functools import cache

from understudy import aws

CACHE_SECONDS = 300
RECOVERY_DAYS = 7  # a deleted channel's credentials can be restored for a week, then they are gone
_read: dict[str, tuple[float, dict]] = {}  # secret name -> (when it was read, its value)


def get_json_secret(name: str, *, fresh: bool = False) -> dict:
    """The secret's value, parsed; read again after CACHE_SECONDS, or now if ``fresh``.

    Raises botocore's ClientError when it cannot be read (see ``missing``) and ValueError when it is
    not JSON.
    """
    cached = _read.get(name)
    if cached and not fresh and time.monotonic() - cached[0] < CACHE_SECONDS:
        return cached[1]
    with _unlogged():
        value = json.loads(_client().get_secret_value(SecretId=name)["SecretString"])
    _read[name] = (time.monotonic(), value)
    return value


def forget() -> None:
    """Drop every cached value (tests: each has its own secrets)."""
    _read.clear()


def missing(error: Exception) -> bool:
    """Whether a failed read means "no such secret"."""
    code = getattr(error, "response", {}).get("Error", {}).get("Code")
    return code == "ResourceNotFoundException"


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
