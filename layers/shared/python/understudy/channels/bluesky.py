"""The `bluesky` channel: posts to a Bluesky account over the AT Protocol's XRPC HTTP API.

Why plain requests and not the AT Protocol SDK (``atproto``): atproto 0.0.73 installs 73 MB
(zstandard 24 MB, cryptography 16 MB, its generated client 8 MB, httpx, websockets, dnspython),
five times the shared layer's 15 MB budget, to make the few calls used here
(com.atproto.identity.resolveHandle, com.atproto.server.createSession, com.atproto.repo.uploadBlob,
createRecord and getRecord, app.bsky.feed.getPosts), each one POST or GET. requests is in the layer
already (tweepy's and Mastodon.py's).

Accounts on any PDS: an account lives on its Personal Data Server, which is where it signs in and
writes. Connecting resolves the handle to the account's DID (resolveHandle), reads the DID's document
(from plc.directory for did:plc, from https://<host>/.well-known/did.json for did:web) and takes its
``#atproto_pds`` service endpoint; the channel keeps it (``pds``, not secret, beside the handle and DID).
A channel connected without it is resolved again from its handle, once per container.
``BLUESKY_API_URL`` (the sandbox's stand-in) replaces all of this: every call goes there.

The handle and app password live in the channel's secret. A session (its access token) is kept for the
life of the function's container and renewed when the PDS says it expired.

Replies: the author gives a post's address on bsky.app (``/profile/<handle or DID>/post/<rkey>``). When
publishing, the handle is resolved to its DID and the post read with app.bsky.feed.getPosts (the PDS
passes it on to Bluesky's AppView), which gives its uri and cid; the record's ``reply`` names it as the
parent and, as the root, the root of its own thread when it is itself a reply (else itself). A post that
cannot be found (deleted, or hidden from the account) fails with Bluesky's words. The reviewer sees its
record's text.

Images: each is uploaded as a blob (com.atproto.repo.uploadBlob), made to fit Bluesky's 1 MB per image
first if it is larger (understudy.images.within), and the post record carries them in an
``app.bsky.embed.images`` embed with their alt text and aspect ratio. A blob is not a post: its
reference is remembered so that a retry reuses it while the PDS keeps it, and uploading again is harmless.

Exactly once: each post is created with a record key (rkey) made from the post and revision, so a
retry after a timeout, a 5xx or an interrupted function cannot make a second record: the repository
refuses a second record at that key, and the first is then read back with getRecord.

How Bluesky's answers become the domain's errors:
- 429                                  -> RateLimited(reset_at = the ``ratelimit-reset`` header)
- 5xx, connection errors, timeouts     -> ChannelUnavailable (retried; the rkey prevents a second post)
- 401 when signing in                  -> PublishFailed (an admin must reconnect)
- other 4xx                            -> PublishFailed with Bluesky's message, unless the record is
                                          already there (an earlier attempt made it)
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

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
from understudy.errors import BadInput, ChannelUnavailable, InvalidValue, PublishFailed, RateLimited, TransientError
from understudy.model import Channel, now_iso
from understudy.observability import logger

NETWORK = "Bluesky"
SERVICE = "https://bsky.social"  # resolves any handle to its DID (and is the PDS entryway of Bluesky's own accounts)
PLC_DIRECTORY = "https://plc.directory"  # where did:plc documents are published
COLLECTION = "app.bsky.feed.post"
MAX_IMAGES = 4  # app.bsky.embed.images' maxLength
BLOB_LIMIT = 1_000_000  # bytes per image (app.bsky.embed.images' maxSize)
BLOB_LIFE = 3600  # seconds a remembered blob is reused: the PDS drops blobs no record uses soon after
TIMEOUT = (5, 20)  # seconds to connect, seconds to wait for an answer; well inside the function's 30 s
READ_TIMEOUT = (2, 5)  # reading an answered post for a reviewer: the page must not wait long
DEFAULT_WAIT = 5 * 60  # when a 429 carries no reset time
WEB_HOSTS = frozenset({"bsky.app", "www.bsky.app"})
# What the PDS answers when the session's access token will not do: sign in again.
SESSION_ERRORS = frozenset({"ExpiredToken", "InvalidToken", "AuthenticationRequired"})

CONNECT = ConnectForm(
    label=NETWORK,
    intro="In Bluesky open Settings → Privacy and security → App passwords and add one for Understudy "
          "(never use the account's own password). It is checked with Bluesky, stored encrypted, and "
          "never shown again.",
    fields=(
        ConnectField("handle", "Handle", hint="For example ourorg.bsky.social", max_length=253),
        ConnectField("appPassword", "App password", hint="Four groups of four characters", secret=True,
                     max_length=100),
    ),
)
SECRET_KEYS = ("handle", "appPassword")

# A post's page on the web app: /profile/<handle or DID>/post/<rkey>
POST_PATH = re.compile(r"^/profile/([A-Za-z0-9._:%-]{1,253})/post/([A-Za-z0-9._:~-]{1,512})/?$")
# The characters of a TID: 13 of base32-sortable.
TID_ALPHABET = "234567abcdefghijklmnopqrstuvwxyz"
TID_EPOCH_US = 1_672_531_200_000_000  # 2023-01-01, Bluesky's first year
URL = re.compile(r"https?://[^\s<>\"]+")
# A post's AT URI: at://<DID or handle>/app.bsky.feed.post/<rkey>
ACTOR = re.compile(r"^[A-Za-z0-9._:-]{1,253}$")  # a handle or a DID
AT_URI = re.compile(rf"^at://([^/]+)/{re.escape(COLLECTION)}/([^/]+)$")
HOST = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass
class Session:
    did: str
    handle: str
    access_jwt: str = field(repr=False)
    pds: str = SERVICE  # where the account signs in and writes


_sessions: dict[str, tuple[str, Session]] = {}  # channel id -> (password it was made with, session)
_pds_of: dict[str, str] = {}  # handle or DID -> its PDS, found once per container


class XrpcError(Exception):
    def __init__(self, status: int, error: str, message: str, headers):
        super().__init__(f"{status} {error}: {message}")
        self.status, self.error, self.message, self.headers = status, error, message, headers


def record_key(post_id: str, revision: int) -> str:
    """The post's rkey: a TID (the key type app.bsky.feed.post requires) made from the post and revision.

    Its 53 time bits and 10 clock bits are a hash of the two, so every attempt at one revision names the
    same record; the time bits fall within 2023 (the record's createdAt carries the real time)."""
    digest = int.from_bytes(hashlib.sha256(f"{post_id}:{revision}".encode()).digest()[:8], "big")
    micros = TID_EPOCH_US + (digest >> 10) % (1 << 45)
    value = (micros << 10) | (digest & 0x3FF)
    return "".join(TID_ALPHABET[(value >> shift) & 31] for shift in range(60, -1, -5))


def link_facets(text: str) -> list[dict]:
    """Links in the text as Bluesky facets (byte ranges of the UTF-8 text): without them a URL is plain text."""
    facets = []
    for found in URL.finditer(text):
        url = found.group().rstrip(".,;:!?)'")
        start = len(text[:found.start()].encode())
        facets.append({"index": {"byteStart": start, "byteEnd": start + len(url.encode())},
                       "features": [{"$type": "app.bsky.richtext.facet#link", "uri": url}]})
    return facets


def _call(method: str, nsid: str, *, base: str, token: str | None = None, json: dict | None = None,
          params: dict | None = None, data: bytes | None = None, content_type: str | None = None,
          timeout: tuple[int, int] = TIMEOUT) -> dict:
    """One XRPC call to the service at ``base`` (a JSON body, or raw ``data`` of ``content_type``)."""
    return _fetch(method, f"{config().bluesky_api_url or base}/xrpc/{nsid}", token=token, json=json, params=params,
                  data=data, content_type=content_type, timeout=timeout)


def _fetch(method: str, url: str, *, token: str | None = None, json: dict | None = None, params: dict | None = None,
           data: bytes | None = None, content_type: str | None = None, timeout: tuple[int, int] = TIMEOUT) -> dict:
    """One HTTP exchange with a JSON answer. XrpcError for an answer other than 2xx; requests' errors
    pass through."""
    import requests

    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if content_type:
        headers["Content-Type"] = content_type
    response = requests.request(method, url, json=json, params=params, data=data, headers=headers,
                                timeout=timeout)
    try:
        body = response.json()
    except ValueError:
        body = {}
    if not response.ok:
        body = body if isinstance(body, dict) else {}
        raise XrpcError(response.status_code, str(body.get("error") or response.reason),
                        " ".join(str(body.get("message") or response.reason or "").split())[:300], response.headers)
    return body


def _sign_in(pds: str, identifier: str, password: str) -> Session:
    body = _call("POST", "com.atproto.server.createSession", base=pds,
                 json={"identifier": identifier.strip().lstrip("@"), "password": password})
    return Session(did=body["did"], handle=body["handle"], access_jwt=body["accessJwt"], pds=pds)


def did_of(handle: str, base: str = SERVICE, timeout: tuple[int, int] = TIMEOUT) -> str:
    """The DID a handle names (a DID stays itself)."""
    if handle.startswith("did:"):
        return handle
    did = _call("GET", "com.atproto.identity.resolveHandle", base=base, params={"handle": handle},
                timeout=timeout).get("did")
    if not isinstance(did, str) or not did.startswith("did:"):
        raise XrpcError(400, "InvalidHandle", f"{handle} names no account.", {})
    return did


def did_document_url(did: str) -> str:
    """Where a DID's document is published: plc.directory for did:plc, the host's well-known file for did:web."""
    if did.startswith("did:plc:"):
        return f"{PLC_DIRECTORY}/{did}"
    host = unquote(did.removeprefix("did:web:")).lower() if did.startswith("did:web:") else ""
    if not HOST.match(host):  # no port or path: did:web documents for accounts live at the host's root
        raise XrpcError(400, "UnsupportedDidMethod", f"{did} is not a did:plc or a did:web of a host name.", {})
    return f"https://{host}/.well-known/did.json"


def pds_endpoint(document: dict, did: str) -> str:
    """The ``#atproto_pds`` service endpoint in a DID document, as an https origin."""
    services = document.get("service") if isinstance(document, dict) else None
    for service in services if isinstance(services, list) else ():
        if isinstance(service, dict) and service.get("id") in ("#atproto_pds", f"{did}#atproto_pds") \
                and service.get("type") == "AtprotoPersonalDataServer":
            endpoint = str(service.get("serviceEndpoint") or "").rstrip("/")
            parts = urlsplit(endpoint)
            if parts.scheme == "https" and HOST.match(parts.hostname or "") and not parts.path:
                return endpoint
    raise XrpcError(400, "NoPds", f"The DID document of {did} names no PDS (an #atproto_pds https endpoint).", {})


def pds_of(handle: str, *, fresh: bool = False) -> str:
    """The PDS the account of ``handle`` (or DID) lives on: found once per container (again when ``fresh``),
    or the stand-in."""
    override = config().bluesky_api_url
    if override:
        return override
    if fresh or handle not in _pds_of:
        did = did_of(handle)
        _pds_of[handle] = pds_endpoint(_fetch("GET", did_document_url(did)), did)
    return _pds_of[handle]



def _reset_at(headers) -> int:
    value = (headers.get("ratelimit-reset") or "").strip()
    return int(value) if value.isdigit() else int(time.time()) + DEFAULT_WAIT


def _translate(error: Exception) -> Exception | None:
    """The domain error for a failed call; None for anything else."""
    import requests

    if isinstance(error, XrpcError) and error.status == 429:
        reset_at = _reset_at(error.headers)
        return RateLimited(f"Bluesky is rate-limiting this account until {utc_time(reset_at)}.", reset_at)
    if isinstance(error, XrpcError) and error.status >= 500:
        return ChannelUnavailable(f"Bluesky had a problem ({error}); trying again shortly.")
    if isinstance(error, requests.RequestException):
        return ChannelUnavailable(f"Bluesky could not be reached ({type(error).__name__}); trying again shortly.")
    if isinstance(error, XrpcError):
        return PublishFailed(f"Bluesky refused the post ({error}).")
    return None


def web_url(actor: str, rkey: str) -> str:
    return f"https://bsky.app/profile/{quote(actor, safe=':.')}/post/{rkey}"


class BlueskyChannel:
    # The rkey made from post and revision: a repeated create finds the first record.
    idempotent = True

    def __init__(self, channel: Channel):
        self.channel = channel

    def _session(self, *, renew: bool = False) -> Session:
        secret = stored_secret(self.channel, SECRET_KEYS, NETWORK, fresh=renew)
        kept = _sessions.get(self.channel.id)
        if kept and kept[0] == secret["appPassword"] and not renew:
            return kept[1]
        try:
            pds = self.channel.details.get("pds") or pds_of(secret["handle"])
            session = _sign_in(pds, secret["handle"], secret["appPassword"])
        except XrpcError as exc:
            if exc.status in (400, 401):
                raise PublishFailed(f"Bluesky refused the channel's app password ({exc}). An admin needs to "
                                    "reconnect the Bluesky account.") from exc
            raise
        _sessions[self.channel.id] = (secret["appPassword"], session)
        return session

    def _create(self, session: Session, rkey: str, text: str, embed: dict | None = None,
                reply: dict | None = None) -> dict:
        record = {"$type": COLLECTION, "text": text, "createdAt": now_iso()}
        facets = link_facets(text)
        if facets:
            record["facets"] = facets
        if embed:
            record["embed"] = embed
        if reply:
            record["reply"] = reply
        try:
            return _call("POST", "com.atproto.repo.createRecord", base=session.pds, token=session.access_jwt,
                         json={"repo": session.did, "collection": COLLECTION, "rkey": rkey, "record": record})
        except XrpcError as exc:
            # A record already at the key (however the PDS words the refusal: 400, 409, even a 500) is
            # the one an earlier attempt made: that is the post.
            if exc.status != 429 and exc.error not in SESSION_ERRORS:
                try:
                    found = self._existing(session, rkey)
                except Exception:  # the look-up failed too: the create's own error says what happened
                    found = None
                if found is not None:
                    return found
            raise

    def _existing(self, session: Session, rkey: str) -> dict | None:
        try:
            return _call("GET", "com.atproto.repo.getRecord", base=session.pds, token=session.access_jwt,
                         params={"repo": session.did, "collection": COLLECTION, "rkey": rkey})
        except XrpcError as exc:
            if exc.status in (400, 404):  # RecordNotFound
                return None
            raise

    def publish(self, post_id: str, revision: int, text: str, images: Sequence[Attachment] = (),
                remember: Remember = remember_nothing, reply_to: str | None = None) -> Published:
        rkey = record_key(post_id, revision)
        blobs: dict[str, dict] = {}  # image key -> its blob, uploaded or remembered, across a renewed session

        def send(session: Session) -> dict:
            try:
                reply = _reply_ref(session, reply_to) if reply_to else None
            except PublishFailed:
                # An earlier attempt may have made the answer before its post went: it is then the post.
                found = self._existing(session, rkey)
                if found is not None:
                    return found
                raise
            return self._create(session, rkey, text, _embed(session, images, blobs, remember), reply)

        try:
            session = self._session()
            try:
                created = send(session)
            except XrpcError as exc:
                if exc.status not in (400, 401) or exc.error not in SESSION_ERRORS:
                    raise
                session = self._session(renew=True)  # the access token expired: nothing was created
                created = send(session)
        except Exception as exc:
            translated = _translate(exc)
            if translated is None:
                raise
            logger.warning("Bluesky did not take the post", extra={"post_id": post_id, "revision": revision,
                                                                   "error": type(translated).__name__,
                                                                   "status": getattr(exc, "status", None)})
            raise translated from exc
        return Published(url=web_url(session.handle, rkey), external_id=str(created.get("uri")))

    def reply_target(self, url: str) -> Published:
        """A post's address on bsky.app, by anyone; the id is its AT URI (by handle or DID as given)."""
        actor, rkey = self._address(url)
        return Published(url=web_url(actor, rkey), external_id=f"at://{actor}/{COLLECTION}/{rkey}")

    def replied_text(self, external_id: str) -> str | None:
        """The answered post's text, read through the account's PDS (getPosts)."""
        try:
            text = _answered(self._session(), external_id, READ_TIMEOUT)["record"].get("text")
        except Exception as exc:
            logger.info("Bluesky did not let us read the answered post", extra={"status": getattr(exc, "status", None),
                                                                               "error": type(exc).__name__})
            return None
        return text if isinstance(text, str) else None

    def _address(self, url: str) -> tuple[str, str]:
        """(handle or DID, rkey) of a post's address on bsky.app."""
        parts = checked_url(url, scheme="https", hosts=WEB_HOSTS, network="Bluesky")
        found = POST_PATH.match(parts.path)
        if not found or not ACTOR.match(unquote(found[1])):
            raise InvalidValue("url", "Give the address of the post itself on Bluesky, such as "
                                      f"https://bsky.app/profile/{self.channel.handle or 'ourorg.bsky.social'}"
                                      "/post/3kabc234def56.")
        return unquote(found[1]), found[2]

    def live_post(self, post_id: str, revision: int, url: str) -> Published:
        actor, rkey = self._address(url)
        return Published(url=web_url(actor, rkey),
                         external_id=f"at://{self.channel.details.get('did') or actor}/{COLLECTION}/{rkey}")


def _answered(session: Session, uri: str, timeout: tuple[int, int] = TIMEOUT) -> dict:
    """The post at an AT URI (by handle or DID) as app.bsky.feed.getPosts shows it to the account: its
    uri, cid and record. PublishFailed when there is none (deleted, or hidden from the account)."""
    actor, rkey = AT_URI.match(uri).groups()
    try:
        did = did_of(actor, session.pds, timeout)
    except XrpcError as exc:
        if exc.status != 400:  # 400: no such handle; anything else is the network's trouble
            raise
        raise PublishFailed(f"Bluesky could not find the account {actor} whose post this one answers "
                            f"({exc.message or exc.error}).") from exc
    found = _call("GET", "app.bsky.feed.getPosts", base=session.pds, token=session.access_jwt, timeout=timeout,
                  params={"uris": [f"at://{did}/{COLLECTION}/{rkey}"]}).get("posts") or []
    if not found or not isinstance(found[0], dict) or not found[0].get("cid"):
        raise PublishFailed(f"Bluesky could not find the post this one answers ({web_url(actor, rkey)}); it may "
                            "have been deleted, or not be visible to the account.")
    return found[0]


def _reply_ref(session: Session, uri: str) -> dict:
    """The record's ``reply``: the answered post as parent, and its thread's root (itself if it starts one)."""
    post = _answered(session, uri)
    parent = {"uri": post["uri"], "cid": post["cid"]}
    root = ((post.get("record") or {}).get("reply") or {}).get("root")
    if not (isinstance(root, dict) and root.get("uri") and root.get("cid")):
        root = parent
    return {"root": {"uri": root["uri"], "cid": root["cid"]}, "parent": parent}


def _blob(session: Session, image: Attachment) -> tuple[dict, int, int]:
    """Upload the image (made to fit BLOB_LIMIT): (its blob reference, width, height)."""
    sent = fitted(image.load(), BLOB_LIMIT, NETWORK)
    answer = _call("POST", "com.atproto.repo.uploadBlob", base=session.pds, token=session.access_jwt, data=sent.data,
                   content_type=sent.content_type)
    return answer["blob"], sent.width, sent.height


def _remembered(image: Attachment) -> dict | None:
    """The blob an earlier attempt uploaded (kept as JSON with the image's size), if any."""
    try:
        kept = json.loads(image.channel_id or "")
    except ValueError:
        return None
    return kept if isinstance(kept, dict) and isinstance(kept.get("image"), dict) else None


def _embed(session: Session, images: Sequence[Attachment], blobs: dict[str, dict], remember: Remember) -> dict | None:
    """The record's app.bsky.embed.images, uploading each image not uploaded yet (remembering it at once)."""
    if not images:
        return None
    shown = []
    for image in images:
        entry = blobs.get(image.key) or _remembered(image)
        if entry is None:
            blob, width, height = _blob(session, image)
            entry = {"image": blob, "aspectRatio": {"width": width, "height": height}}
            remember(image.key, json.dumps(entry, separators=(",", ":")), int(time.time()) + BLOB_LIFE)
        blobs[image.key] = entry
        shown.append({"alt": image.alt, **entry})
    return {"$type": "app.bsky.embed.images", "images": shown}


def connect(values: dict[str, str]) -> Connected:
    """Find the account's PDS from its handle, and sign in there with the app password (createSession):
    wrong ones are refused at once."""
    handle = (values.get("handle") or "").strip().lstrip("@")
    password = values.get("appPassword") or ""
    if not handle or " " in handle:
        raise InvalidValue("handle", "Give the account's handle, such as ourorg.bsky.social.")
    try:
        try:
            pds = pds_of(handle, fresh=True)  # an account may have moved since this container last looked
        except XrpcError as exc:
            if exc.status < 500 and exc.status != 429:  # no such handle, or no PDS in its DID document
                raise BadInput(f"Bluesky could not find where the account {handle} lives "
                               f"({exc.message or exc.error}). Check the handle.") from exc
            raise
        session = _sign_in(pds, handle, password)
    except BadInput:
        raise
    except Exception as exc:
        if isinstance(exc, XrpcError) and exc.status in (400, 401):
            raise BadInput(f"Bluesky did not accept this handle and app password ({exc.message or exc.error}). "
                           "Check the handle and create a new app password in Settings → Privacy and "
                           "security → App passwords.") from exc
        translated = _translate(exc)
        if isinstance(translated, RateLimited):
            raise TransientError(f"Bluesky is rate-limiting this account until "
                                 f"{utc_time(translated.reset_at)}; try again then.") from exc
        if translated is None:
            raise
        raise translated from exc
    details = {"handle": session.handle, "did": session.did}
    if not config().bluesky_api_url:
        details["pds"] = pds
    return Connected(details=details,
                     secret={"handle": handle, "appPassword": password})
