"""Named failures of the domain.

Each carries a readable message for the person who caused it. HTTP statuses are assigned here, in one
place; the workflow matches the class names in its ``ErrorEquals`` (a Lambda error's name is its type).
"""

from __future__ import annotations


class UnderstudyError(Exception):
    status = 500

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadInput(UnderstudyError):
    status = 400


class Unauthenticated(UnderstudyError):
    status = 401


class Forbidden(UnderstudyError):
    status = 403


class NotFound(UnderstudyError):
    status = 404


class Conflict(UnderstudyError):
    """Already decided, or the post is not in a state that allows this."""

    status = 409


class LinkExpired(UnderstudyError):
    status = 410


class TransientError(UnderstudyError):
    """Worth retrying: the workflow retries it with backoff."""

    status = 503


class ChannelUnavailable(TransientError):
    """The channel could not be reached just now; the workflow retries the publish."""


class NotPublishable(UnderstudyError):
    """The post is no longer waiting to be published (withdrawn, or already done)."""

    status = 409


class PublishFailed(UnderstudyError):
    """The channel refused the post for good; no retry will help."""

    status = 502
