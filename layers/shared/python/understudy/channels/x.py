"""The `x` channel: posts to an X account through X API v2 with tweepy (OAuth 1.0a user context).

The four credentials live in the channel's Secrets Manager secret (``<CHANNEL_SECRET_PREFIX><id>``),
read through understudy.secrets with caching; the account's handle is stored, not secret, in the
channel's details when an admin connects it. tweepy (and requests) are imported only inside the
functions that talk to X, so functions that never do pay nothing for them at cold start.

How X's answers are turned into the domain's errors (the workflow acts on the names):
- 429                                  -> RateLimited(reset_at = the ``x-rate-limit-reset`` header)
- 5xx, connection errors, timeouts     -> ChannelUnavailable (retried with backoff by the workflow)
- 403 "duplicate content"              -> PublishUncertain (the account may already have the post)
- 401, other 403, 400 and other 4xx    -> PublishFailed with X's own message (no retry)
tweepy's ``wait_on_rate_limit`` stays off: a Lambda never sleeps waiting for X.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from understudy.channels import (
    Attachment,
    Connected,
    ConnectField,
    ConnectForm,
    Published,
    Remember,
    checked_url,
    remember_nothing,
    stored_secret,
    utc_time,
)
from understudy.config import config
from understudy.errors import (
    BadInput,
    ChannelUnavailable,
    InvalidValue,
    PublishFailed,
    PublishUncertain,
    RateLimited,
    TransientError,
)
from understudy.model import Channel
from understudy.observability import logger

# The secret's JSON keys, in tweepy.Client's order: consumer key and secret, access token and secret.
CREDENTIAL_KEYS = ("apiKey", "apiSecret", "accessToken", "accessTokenSecret")
TIMEOUT = (5, 20)  # seconds to connect, seconds to wait for an answer; well inside the function's 30 s
READ_TIMEOUT = (2, 3)  # reading a post for a reviewer: the page must not wait on X
DEFAULT_WAIT = 15 * 60  # when a 429 carries no reset time: X's rate-limit windows are 15 minutes
DUPLICATE = "duplicate content"
MEDIA_LIFE = 24 * 3600  # how long X keeps an uploaded image when its answer does not say

CONNECT = ConnectForm(
    label="X",
    intro="Create the keys in the X developer portal for the account (with read and write access). "
          "They are checked with X, stored encrypted, and never shown again.",
    fields=(
        ConnectField("apiKey", "API key", secret=True),
        ConnectField("apiSecret", "API key secret", secret=True),
        ConnectField("accessToken", "Access token", secret=True),
        ConnectField("accessTokenSecret", "Access token secret", secret=True),
    ),
)


@dataclass(frozen=True)
class XCredentials:
    """The four values an admin copies from the X developer portal. Never printed, logged or returned."""

    api_key: str = field(repr=False)
    api_secret: str = field(repr=False)
    access_token: str = field(repr=False)
    access_token_secret: str = field(repr=False)

    def as_secret(self) -> dict:
        return dict(zip(CREDENTIAL_KEYS, (self.api_key, self.api_secret, self.access_token,
                                          self.access_token_secret), strict=True))

    @classmethod
    def from_secret(cls, value: dict) -> XCredentials:
        if not isinstance(value, dict) or not all(isinstance(value.get(k), str) and value[k] for k in CREDENTIAL_KEYS):
            raise ValueError("incomplete")
        return cls(*(value[k] for k in CREDENTIAL_KEYS))


def status_url(handle: str | None, tweet_id: str) -> str:
    # x.com/i/web/status/<id> opens any post when the handle is unknown.
    return f"https://x.com/{handle or 'i/web'}/status/{tweet_id}"


X_HOSTS = frozenset({"x.com", "www.x.com", "mobile.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"})
# A post's page: /<handle>/status/<id> (or /i/web/status/<id>), optionally with /photo/1 and the like.
STATUS_PATH = re.compile(r"^/(?:[A-Za-z0-9_]{1,15}|i/web|i)/status/(\d{1,25})(?:/.*)?$")


TWEEPY_HOST = "https://api.twitter.com"  # where tweepy.Client sends every request


@cache
def _session_class():
    import requests

    class XSession(requests.Session):
        """tweepy sets no timeout on its requests: a hung connection must not outlive the function.
        With X_API_URL set (the sandbox's tests), requests go there instead of to X."""

        timeout = TIMEOUT

        def request(self, method, url, *args, **kwargs):
            kwargs.setdefault("timeout", self.timeout)
            base = config().x_api_url
            if base and url.startswith(TWEEPY_HOST):
                url = base + url[len(TWEEPY_HOST):]
            return super().request(method, url, *args, **kwargs)

    return XSession


# At DEBUG these libraries log the OAuth parameters (consumer key, access token) and the signature
# base string. They stay at INFO whatever the root logger is set to.
QUIET_LOGGERS = ("tweepy", "requests_oauthlib", "oauthlib")


@cache
def _quiet() -> None:
    for name in QUIET_LOGGERS:
        logger_ = logging.getLogger(name)
        if logger_.level == logging.NOTSET or logger_.level < logging.INFO:
            logger_.setLevel(logging.INFO)


def _client(credentials: XCredentials, timeout: tuple[int, int] = TIMEOUT):
    import tweepy

    _quiet()

    client = tweepy.Client(consumer_key=credentials.api_key, consumer_secret=credentials.api_secret,
                           access_token=credentials.access_token,
                           access_token_secret=credentials.access_token_secret, wait_on_rate_limit=False)
    client.session = _session_class()()
    client.session.timeout = timeout
    return client


def _status(error: Exception) -> int | None:
    return getattr(getattr(error, "response", None), "status_code", None)


def _message(error: Exception) -> str:
    """X's own words: the messages from its JSON answer, else tweepy's summary."""
    messages = [str(m) for m in getattr(error, "api_messages", None) or () if m]
    return "; ".join(messages) or " ".join(str(error).split()) or type(error).__name__



def _translate(error: Exception, handle: str | None) -> Exception | None:
    """The domain error for what tweepy or requests raised; None for anything else."""
    import requests
    import tweepy

    if isinstance(error, tweepy.TooManyRequests):
        reset_at = error.reset_time or int(time.time()) + DEFAULT_WAIT
        return RateLimited(f"X is rate-limiting this account until {utc_time(reset_at)}.", reset_at)
    if isinstance(error, tweepy.TwitterServerError):
        return ChannelUnavailable(f"X had a problem ({_status(error)}: {_message(error)}); trying again shortly.")
    if isinstance(error, requests.RequestException):
        return ChannelUnavailable(f"X could not be reached ({type(error).__name__}); trying again shortly.")
    if isinstance(error, tweepy.Forbidden) and DUPLICATE in _message(error).lower():
        account = f"@{handle}" if handle else "the X account"
        return PublishUncertain(
            f"X refused the post as a duplicate (403: {_message(error)}). The account may already have it, "
            f"perhaps from an earlier attempt; nothing was re-posted. An admin should check {account}.")
    if isinstance(error, tweepy.Unauthorized):
        return PublishFailed(f"X refused the channel's credentials (401: {_message(error)}). "
                             "An admin needs to reconnect the X account.")
    if isinstance(error, tweepy.HTTPException):
        return PublishFailed(f"X refused the post ({_status(error)}: {_message(error)}).")
    return None


class XChannel:
    # X has no idempotency key for posts: the publish task's claim on the post guards every retry.
    idempotent = False

    def __init__(self, channel: Channel):
        self.channel = channel

    def credentials(self, *, fresh: bool = False) -> XCredentials:
        return XCredentials.from_secret(stored_secret(self.channel, CREDENTIAL_KEYS, "X", fresh=fresh))

    def publish(self, post_id: str, revision: int, text: str, images: Sequence[Attachment] = (),
                remember: Remember = remember_nothing, reply_to: str | None = None) -> Published:
        import tweepy

        credentials = self.credentials()
        try:
            try:
                response = _post(_client(credentials), text, images, remember, reply_to)
            except tweepy.Unauthorized:
                # An admin may have reconnected the account since the credentials were cached: a 401
                # means nothing was posted, so one more try with the stored values is safe.
                fresh = self.credentials(fresh=True)
                if fresh == credentials:
                    raise
                response = _post(_client(fresh), text, images, remember, reply_to)
        except Exception as exc:
            translated = _translate(exc, self.channel.handle)
            if translated is None:
                raise
            logger.warning("X did not take the post", extra={"post_id": post_id, "revision": revision,
                                                            "error": type(translated).__name__,
                                                            "status": _status(exc)})
            raise translated from exc
        tweet_id = str(response.data["id"])
        return Published(url=status_url(self.channel.handle, tweet_id), external_id=tweet_id)

    def live_post(self, post_id: str, revision: int, url: str) -> Published:
        return Published(url=status_url(self.channel.handle, _status_id(url)), external_id=_status_id(url))

    def reply_target(self, url: str) -> Published:
        """A post on X by its status URL (any account's), kept as given."""
        status_id = _status_id(url)
        return Published(url=url.strip(), external_id=status_id)

    def replied_text(self, external_id: str) -> str | None:
        """GET /2/tweets/:id with the channel's own credentials: tiers without read access answer 403
        and the reviewer sees the address only."""
        try:
            response = _client(self.credentials(), READ_TIMEOUT).get_tweet(external_id, user_auth=True)
        except Exception as exc:
            logger.info("X did not let us read the answered post", extra={"status": _status(exc),
                                                                         "error": type(exc).__name__})
            return None
        return str(response.data.text) if response.data else None


def _status_id(url: str) -> str:
    """The post id in an X status URL (x.com or twitter.com, /<account>/status/<id>)."""
    parts = checked_url(url, scheme="https", hosts=X_HOSTS, network="X")
    found = STATUS_PATH.match(parts.path)
    if not found:
        raise InvalidValue("url", "Give the address of the post itself on X, such as "
                                  "https://x.com/your_account/status/1234567890.")
    return found[1]


def _upload(client, image: Attachment) -> tuple[str, int]:
    """Upload one image with X API v2 and set its alt text: (media id, when X forgets it).

    tweepy 4.x has no v2 media upload (its API.media_upload is the v1.1 endpoint X retired for
    self-serve tiers), so this goes through the client's own request method: the same OAuth 1.0a
    signing, session (timeouts, X_API_URL) and error classes as create_tweet. The image is sent
    base64-encoded in JSON, as POST /2/media/upload documents."""
    import base64

    answer = client.request("POST", "/2/media/upload", user_auth=True, json={
        "media": base64.b64encode(image.load()).decode("ascii"), "media_category": "tweet_image",
        "media_type": image.content_type}).json()["data"]
    media_id = str(answer["id"])
    expires_at = int(time.time()) + int(answer.get("expires_after_secs") or MEDIA_LIFE)
    client.request("POST", "/2/media/metadata", user_auth=True,
                   json={"id": media_id, "metadata": {"alt_text": {"text": image.alt}}})
    return media_id, expires_at


def _post(client, text: str, images: Sequence[Attachment], remember: Remember, reply_to: str | None = None):
    """Upload the images not uploaded yet (remembering each id at once), then create the post (as an
    answer to the post with id ``reply_to`` when given).

    An upload is not a post: if anything fails before create_tweet, nothing was published and a
    retry reuses the ids already remembered."""
    media_ids = []
    for image in images:
        media_id = image.channel_id
        if media_id is None:
            media_id, expires_at = _upload(client, image)
            remember(image.key, media_id, expires_at)
        media_ids.append(media_id)
    return client.create_tweet(text=text, media_ids=media_ids or None, in_reply_to_tweet_id=reply_to)


def verify(credentials: XCredentials) -> str:
    """The handle of the account the credentials act for; BadInput when X does not accept them."""
    import tweepy

    try:
        response = _client(credentials).get_me(user_auth=True)
    except (tweepy.Unauthorized, tweepy.Forbidden, tweepy.BadRequest, tweepy.NotFound) as exc:
        raise BadInput(f"X did not accept these credentials ({_status(exc)}: {_message(exc)}). Check the API key "
                       "and secret and the access token and secret in the X developer portal; the access "
                       "token needs read and write permission.") from exc
    except Exception as exc:
        translated = _translate(exc, None)
        if isinstance(translated, RateLimited):
            raise TransientError(f"X is rate-limiting these credentials until {utc_time(translated.reset_at)}; "
                                 "try again then.") from exc
        if translated is None:
            raise
        raise translated from exc
    return str(response.data.username)


def connect(values: dict[str, str]) -> Connected:
    """Check the four credentials with X (``get_me``); the channel keeps the account's handle."""
    try:
        credentials = XCredentials.from_secret(values)
    except ValueError as exc:
        raise BadInput("Give all four X credentials: apiKey, apiSecret, accessToken and accessTokenSecret.") from exc
    return Connected(details={"handle": verify(credentials)}, secret=credentials.as_secret())
