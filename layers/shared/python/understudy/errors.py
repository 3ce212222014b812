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


class InvalidValue(BadInput):
    """One field's value cannot be used (answered 422 with the field named, as validation errors are)."""

    status = 422

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field

class Unprocessable(BadInput):
    """Well-formed, but the content cannot be taken (an image that is not what it says, or too big)."""

    status = 422


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


class PublishUncertain(PublishFailed):
    """Nobody knows whether the channel has the post: an earlier attempt was interrupted after it may
    have reached the channel, or the channel calls the post a duplicate. Nothing is re-posted blindly;
    the post fails and is marked for an admin to check the account."""


class RateLimited(TransientError):
    """The channel asked us to wait until ``reset_at`` (epoch seconds) before trying again.

    The publish task turns this into a normal answer (``retryAt``) so the workflow waits in a Wait
    state rather than in a sleeping Lambda."""

    def __init__(self, message: str, reset_at: int):
        super().__init__(message)
        self.reset_at = reset_at
