"""The `mastodon` channel: posts to an account on a Mastodon instance with Mastodon.py.

The access token lives in the channel's secret; the instance's address, the account's handle
(``user@instance``) and the instance's character limit are stored, not secret, in the channel's details
when an admin connects it. Mastodon.py (and requests) are imported only inside the functions that talk
to the instance.

Images: each is uploaded (POST /api/v2/media) with its alt text as the description, as a smaller copy
if it is over the instance's image size limit (kept when the account is connected); Mastodon may
process it after answering, so the upload is polled (GET /api/v1/media/:id) for at most
``PROCESSING_WAIT`` seconds in all before the status is made with the media ids. Each id is remembered once
the instance has processed it (a status naming media still in processing is refused for good): a retry
reuses it (an upload is not a post) while the instance keeps unattached media.

Exactly once: every status is created with an ``Idempotency-Key`` made from the post and revision.
Mastodon answers a repeated key with the status it already made (it keeps keys for an hour), so a
retry after a timeout, a 5xx or an interrupted function finds the first status instead of posting a
second; the client is therefore ``idempotent`` and the workflow retries such failures.

Replies: the author gives a public post's address. One on the account's own instance names its id there
(``/@user/<id>``, ``/users/<user>/statuses/<id>``), which is looked up (GET /api/v1/statuses/:id); one on
another instance is found through the instance's own search (``resolve``: it fetches the post over
ActivityPub), which gives its local id. The status is created with ``in_reply_to_id``; a post the
instance cannot find or show (deleted, not visible to the account) fails with the instance's words.
The reviewer sees the post's content as plain text (its HTML read with the standard library's parser).

How the instance's answers become the domain's errors (the workflow acts on the names):
- 429                                  -> RateLimited(reset_at = the ``X-RateLimit-Reset`` header)
- 5xx, connection errors, timeouts     -> ChannelUnavailable (retried; the key prevents a second status)
- 401                                  -> PublishFailed (an admin must reconnect)
- 403, 422 and other 4xx               -> PublishFailed with the instance's own message
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from html.parser import HTMLParser
from urllib.parse import urlsplit

from understudy.channels import (
    Attachment,
    Connected,
    ConnectField,
    ConnectForm,
    Published,
    Remember,
    checked_url,
    fitted,
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
    RateLimited,
    TransientError,
)
from understudy.model import Channel
from understudy.observability import logger

NETWORK = "Mastodon"
TIMEOUT = (5, 20)  # seconds to connect, seconds to wait for an answer; well inside the function's 30 s
READ_TIMEOUT = (2, 5)  # reading an answered post for a reviewer: the page must not wait long
DEFAULT_WAIT = 5 * 60  # when a 429 carries no usable reset time: Mastodon's windows are 5 minutes
DEFAULT_LIMIT = 500  # characters, when the instance does not say (Mastodon's own default)
MAX_IMAGES = 4  # Mastodon's default; an instance's configuration.statuses.max_media_attachments wins
MASTODON_VERSION = "4.0.0"  # assumed, so Mastodon.py asks no version and uses /api/v2/media (3.1.4+)
PROCESSING_WAIT = 15  # seconds to wait, in all, for the instance to process a post's uploads
POLL_EVERY = 1  # seconds between looks at an upload being processed
MEDIA_LIFE = 20 * 3600  # Mastodon removes media never attached to a status after a day

CONNECT = ConnectForm(
    label=NETWORK,
    intro="On your instance open Preferences → Development → New application, give it the scopes "
          "read:accounts, write:statuses and write:media, and copy “Your access token”. The token is "
          "checked with the instance, stored encrypted, and never shown again.",
    fields=(
        ConnectField("instance", "Instance address", hint="For example https://mastodon.social"),
        ConnectField("accessToken", "Access token", secret=True, max_length=500),
    ),
)
SECRET_KEYS = ("accessToken",)
# The secret also keeps the instance the token belongs to, so that a client made without the channel's
# details (showing what a post answers reads only the post) still knows where to ask.
INSTANCE_KEY = "instance"

# A status's page: /@user/<id> (or /@user@domain/<id> for a remote account), or /users/<user>/statuses/<id>.
STATUS_PATH = re.compile(r"^/(?:@[A-Za-z0-9_]{1,30}(?:@[A-Za-z0-9.-]{1,253})?|users/[A-Za-z0-9_]{1,30}/statuses)"
                         r"/(\d{1,25})/?$")


def instance_url(value: str) -> str:
    """``https://host[:port]`` of the instance an admin typed (a bare host name is taken as https)."""
    text = (value or "").strip().rstrip("/")
    if text and "://" not in text:
        text = f"https://{text}"
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        parts, host, port = None, "", None
    if parts is None or parts.scheme != "https" or not host or "." not in host or parts.username \
            or parts.password or parts.path or parts.query or parts.fragment:
        raise InvalidValue("instance", "Give the instance's address, such as https://mastodon.social.")
    return f"https://{host}" + (f":{port}" if port else "")


def idempotency_key(post_id: str, revision: int) -> str:
    return f"understudy-{post_id}-{revision}"


def _client(instance: str, token: str, timeout: tuple[int, int] = TIMEOUT):
    from mastodon import Mastodon

    # Mastodon.py would sleep through a rate limit ("wait"): a Lambda never sleeps waiting for a network.
    # The version given (checked against when each method appeared) saves a request for the instance's.
    return Mastodon(access_token=token, api_base_url=config().mastodon_api_url or instance,
                    ratelimit_method="throw", request_timeout=timeout, mastodon_version=MASTODON_VERSION,
                    version_check_mode="created")


class _PlainText(HTMLParser):
    """A status's HTML content as the text a reader sees: paragraphs and line breaks as new lines."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")
        elif tag == "p" and self.parts:
            self.parts.append("\n\n")

    def handle_data(self, data):
        self.parts.append(data)


def plain_text(content: str) -> str:
    reader = _PlainText()
    reader.feed(content or "")
    reader.close()
    return "".join(reader.parts).strip()


def _answered(client, url: str, own_host: str) -> dict:
    """The status at ``url`` as the account's instance knows it: by id on its own pages, else found by
    the instance's search. PublishFailed when the instance cannot find or show it."""
    from mastodon import errors

    parts = urlsplit(url)
    try:
        if (parts.hostname or "").lower() == own_host:
            return client.status(STATUS_PATH.match(parts.path)[1])
        found = client.search_v2(url, resolve=True, result_type="statuses")["statuses"]
    except errors.MastodonNotFoundError as exc:  # Mastodon answers 404 for a post the account may not see
        raise PublishFailed(f"{own_host} could not find the post this one answers ({_status(exc)}: "
                            f"{_message(exc)}); it may have been deleted, or not be visible to the account.") from exc
    if not found:
        raise PublishFailed(f"{own_host} could not find the post this one answers at {url}; it may have been "
                            "deleted, or not be public.")
    return found[0]


def _status(error: Exception) -> int | None:
    # MastodonAPIError's arguments: (summary, status code, reason, the instance's error message)
    args = getattr(error, "args", ())
    return args[1] if len(args) > 1 and isinstance(args[1], int) else None


def _message(error: Exception) -> str:
    args = [a for a in getattr(error, "args", ()) if isinstance(a, str) and a]
    return args[-1] if args else type(error).__name__



def _translate(error: Exception, client, instance: str) -> Exception | None:
    """The domain error for what Mastodon.py raised; None for anything else."""
    from mastodon import errors

    host = urlsplit(instance).hostname
    if isinstance(error, errors.MastodonRatelimitError):
        reset_at = int(getattr(client, "ratelimit_reset", None) or time.time() + DEFAULT_WAIT)
        return RateLimited(f"{host} is rate-limiting this account until {utc_time(reset_at)}.", reset_at)
    if isinstance(error, errors.MastodonServerError):
        return ChannelUnavailable(f"{host} had a problem ({_status(error)}: {_message(error)}); trying again shortly.")
    if isinstance(error, errors.MastodonNetworkError):
        return ChannelUnavailable(f"{host} could not be reached ({_message(error)[:200]}); trying again shortly.")
    if isinstance(error, errors.MastodonUnauthorizedError):
        return PublishFailed(f"{host} refused the channel's access token (401: {_message(error)}). "
                             "An admin needs to reconnect the Mastodon account.")
    if isinstance(error, errors.MastodonAPIError):
        return PublishFailed(f"{host} refused the post ({_status(error)}: {_message(error)}).")
    return None


class MastodonChannel:
    # The Idempotency-Key makes a repeated create return the first status.
    idempotent = True

    def __init__(self, channel: Channel):
        self.channel = channel
        self.instance = channel.details.get("instance", "")

    def _account(self, *, fresh: bool = False) -> tuple[str, str]:
        """(the instance, the access token), the instance from the channel's details or else its secret."""
        secret = stored_secret(self.channel, SECRET_KEYS, NETWORK, fresh=fresh, optional=(INSTANCE_KEY,))
        return self.instance or secret.get(INSTANCE_KEY, ""), secret["accessToken"]

    def publish(self, post_id: str, revision: int, text: str, images: Sequence[Attachment] = (),
                remember: Remember = remember_nothing, reply_to: str | None = None) -> Published:
        from mastodon import errors

        instance, token = self._account()
        client = _client(instance, token)
        key = idempotency_key(post_id, revision)
        host = urlsplit(instance).hostname or ""
        size_limit = self.channel.details.get("imageSizeLimit")

        def send(client):
            answers = str(_answered(client, reply_to, host)["id"]) if reply_to else None
            return _post(client, host, text, key, images, remember, size_limit, answers)

        try:
            try:
                status = send(client)
            except errors.MastodonUnauthorizedError:
                # An admin may have reconnected the account since the token was cached: a 401 means
                # nothing was posted, so one more try with the stored token is safe.
                fresh = self._account(fresh=True)[1]
                if fresh == token:
                    raise
                client = _client(instance, fresh)
                status = send(client)
        except Exception as exc:
            translated = _translate(exc, client, self.instance)
            if translated is None:
                raise
            logger.warning("Mastodon did not take the post", extra={"post_id": post_id, "revision": revision,
                                                                   "error": type(translated).__name__,
                                                                   "status": _status(exc)})
            raise translated from exc
        return Published(url=str(status["url"] or status["uri"]), external_id=str(status["id"]))

    def reply_target(self, url: str) -> Published:
        """A status's address on any instance (its own pages: /@user/<id>, /@user@domain/<id> or
        /users/<user>/statuses/<id>), kept as given; the instance finds it when publishing."""
        parts = checked_url(url, scheme="https", hosts=None, network=NETWORK)
        if not STATUS_PATH.match(parts.path):
            raise InvalidValue("url", "Give the address of the post itself, as its instance shows it, such as "
                                      "https://mastodon.social/@account/1234567890.")
        address = parts._replace(fragment="").geturl()
        return Published(url=address, external_id=address)

    def replied_text(self, external_id: str) -> str | None:
        """The answered status's content, as the account's instance shows it to the account."""
        try:
            instance, token = self._account()
            status = _answered(_client(instance, token, READ_TIMEOUT), external_id, urlsplit(instance).hostname or "")
        except Exception as exc:
            logger.info("Mastodon did not let us read the answered post", extra={"status": _status(exc),
                                                                                "error": type(exc).__name__})
            return None
        return plain_text(status.get("content") or "")

    def live_post(self, post_id: str, revision: int, url: str) -> Published:
        host = urlsplit(self.instance).hostname or ""
        parts = checked_url(url, scheme="https", hosts=frozenset({host}), network=f"{host} (Mastodon)")
        found = STATUS_PATH.match(parts.path)
        if not found:
            raise InvalidValue("url", f"Give the address of the post itself on {host}, such as "
                                      f"https://{host}/@{(self.channel.handle or 'account').split('@')[0]}/1234567890.")
        return Published(url=parts._replace(query="", fragment="").geturl(), external_id=found[1])


def _upload(client, image: Attachment, host: str | None, deadline: float, size_limit: int | None) -> str:
    """Upload one image with its alt text (made to fit the instance's size limit, if it is smaller than
    ours) and wait, until ``deadline``, for the instance to process it."""
    data, content_type = image.load(), image.content_type
    if size_limit and len(data) > size_limit:
        smaller = fitted(data, size_limit, host or NETWORK)
        data, content_type = smaller.data, smaller.content_type
    media = client.media_post(data, mime_type=content_type, description=image.alt)
    while media.get("url") is None:  # v2 answers 202 with no url while it still processes the file
        if time.monotonic() >= deadline:
            # Not a post yet: the workflow retries and uploads it again (the instance drops this one).
            raise ChannelUnavailable(f"{host} is still processing an image after {PROCESSING_WAIT} s; "
                                     "trying again shortly.")
        time.sleep(POLL_EVERY)
        media = client.media(media["id"])
    return str(media["id"])


def _post(client, host: str | None, text: str, key: str, images: Sequence[Attachment], remember: Remember,
          size_limit: int | None, in_reply_to: str | None = None):
    """Upload the images not uploaded yet (remembering each id once processed), then create the status
    (as an answer to the status with id ``in_reply_to`` there, when given)."""
    media_ids = []
    deadline = time.monotonic() + PROCESSING_WAIT  # for all the images: the function's time is bounded
    for image in images:
        media_id = image.channel_id
        if media_id is None:
            media_id = _upload(client, image, host, deadline, size_limit)
            remember(image.key, media_id, int(time.time()) + MEDIA_LIFE)
        media_ids.append(media_id)
    return client.status_post(text, idempotency_key=key, media_ids=media_ids or None, in_reply_to_id=in_reply_to)


def _limit(info) -> int:
    """The instance's character limit: configuration.statuses.max_characters (v2 and recent v1 answers),
    max_toot_chars (some forks), else Mastodon's default."""
    statuses = ((info.get("configuration") or {}).get("statuses") or {}) if isinstance(info, dict) else {}
    for value in (statuses.get("max_characters"), info.get("max_toot_chars") if isinstance(info, dict) else None):
        if isinstance(value, int) and value > 0:
            return value
    return DEFAULT_LIMIT


def _image_limits(info) -> dict:
    """How many images a status may carry there (configuration.statuses.max_media_attachments) and, where
    the instance says, the most bytes it takes in one (configuration.media_attachments.image_size_limit)."""
    configuration = (info.get("configuration") or {}) if isinstance(info, dict) else {}
    count = (configuration.get("statuses") or {}).get("max_media_attachments")
    size = (configuration.get("media_attachments") or {}).get("image_size_limit")
    limits = {"maxImages": count if isinstance(count, int) and count > 0 else MAX_IMAGES}
    if isinstance(size, int) and size > 0:
        limits["imageSizeLimit"] = size
    return limits


def connect(values: dict[str, str]) -> Connected:
    """Check the token with the instance (verify_credentials) and read its character limit."""
    from mastodon import errors

    instance = instance_url(values.get("instance", ""))
    token = values.get("accessToken", "")
    client = _client(instance, token)
    host = urlsplit(instance).hostname
    try:
        account = client.account_verify_credentials()
        try:
            info = client.instance_v2()
        except errors.MastodonNotFoundError:  # instances before Mastodon 4.0
            info = client.instance_v1()
    except (errors.MastodonUnauthorizedError, errors.MastodonNotFoundError) as exc:
        raise BadInput(f"{host} did not accept this access token ({_status(exc)}: {_message(exc)}). Check the "
                       "instance's address and copy the token again from Preferences → Development.") from exc
    except errors.MastodonNetworkError as exc:
        raise BadInput(f"{host} could not be reached; check the instance's address.") from exc
    except Exception as exc:
        translated = _translate(exc, client, instance)
        if isinstance(translated, RateLimited):
            raise TransientError(f"{host} is rate-limiting this token until {utc_time(translated.reset_at)}; "
                                 "try again then.") from exc
        if isinstance(translated, PublishFailed):
            raise BadInput(f"{host} refused: {_message(exc)}") from exc
        if translated is None:
            raise
        raise translated from exc
    return Connected(details={"handle": f"{account['acct']}@{host}", "instance": instance,
                              "maxCharacters": _limit(info), **_image_limits(info)},
                     secret={"accessToken": token, INSTANCE_KEY: instance})
