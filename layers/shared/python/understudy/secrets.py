"""Secrets Manager, through Powertools parameters with caching. Values are never logged or returned."""

from __future__ import annotations

CACHE_SECONDS = 300


def get_json_secret(name: str, *, fresh: bool = False) -> dict:
    from aws_lambda_powertools.utilities import parameters

    return parameters.get_secret(name, transform="json", max_age=CACHE_SECONDS, force_fetch=fresh)
