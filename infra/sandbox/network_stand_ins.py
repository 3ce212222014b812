"""Loopback stand-ins for a Mastodon instance and a Bluesky PDS: `understudy sandbox --stand-ins` starts
them and connects a "Demo Mastodon" and a "Demo Bluesky" channel to them, and the tests start them for
sandboxes launched with MASTODON_API_URL and BLUESKY_API_URL pointing at them (as X_API_URL points at
X's stand-in). The channel code under test is the real one: only the network's end is stood in for.

Each keeps what the real service keeps that matters here: Mastodon one status per Idempotency-Key,
Bluesky one record per rkey (a second create at a taken key is refused, getRecord reads it back), and
each checks the credentials it was given. Images too: Mastodon's stand-in takes an upload with its
description and answers, as a real instance may, that it is still processing (202, no url) until the
upload is looked at once more; Bluesky's takes blobs of at most 1 MB and refuses a record whose embed
names a blob it was never sent. ``lose_next_bluesky_answer`` makes the next createRecord keep
the record but drop the connection before answering, as a network failure after the post was made.

Replies: each knows a post by someone else that can be answered, besides the posts made through it.
Mastodon's is on another instance (``REMOTE_STATUS_URL``): the instance's search finds it with
``resolve`` (and any status made here, by its url or uri), GET /api/v1/statuses/:id reads any by its id
here, and a status answering an id the instance does not know is refused as Mastodon refuses it (404).
Bluesky's (``COUNCIL_POST_URL``) is itself an answer in a thread, so a reply to it must name the
thread's root: resolveHandle knows the two handles, and app.bsky.feed.getPosts shows that post and the
records made here."""

from __future__ import annotations

import hashlib
import json
import os
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

# What the stand-ins accept: made-up values, known to the demo channels and the tests.
MASTODON_TOKEN = "mastodon-token-e2e"  # noqa: S105
BLUESKY_PASSWORD = "abcd-efgh-ijkl-e2e0"  # noqa: S105
BLUESKY_DID = "did:plc:e2estandin0000000000000"
BLUESKY_JWT = "jwt-e2e"  # noqa: S105
BLOB_LIMIT = 1_000_000
INSTANCE_HOST = "social.example.org"
# Posts by someone else, to answer: a status on another instance, a Bluesky post in a thread.
REMOTE_STATUS_URL = "https://town.example/@council/42"
REMOTE_STATUS = {"id": "9042", "url": REMOTE_STATUS_URL, "uri": "https://town.example/users/council/statuses/42",
                 "content": "<p>The bins are late &lt;again&gt;<br>Third week running</p>", "media_attachments": []}
REMOTE_STATUS_TEXT = "The bins are late <again>\nThird week running"
COUNCIL_HANDLE = "council.example.gov"
COUNCIL_DID = "did:plc:e2ecouncil000000000000"
COUNCIL_POST_URL = f"https://bsky.app/profile/{COUNCIL_HANDLE}/post/3lbcouncil2k2"
COUNCIL_THREAD_ROOT = {"uri": f"at://{COUNCIL_DID}/app.bsky.feed.post/3lbthreadroot", "cid": "bafyreiroot"}
COUNCIL_POST = {"uri": f"at://{COUNCIL_DID}/app.bsky.feed.post/3lbcouncil2k2", "cid": "bafyreicouncil",
                "value": {"$type": "app.bsky.feed.post", "text": "Bins: collections resume on Monday <3",
                          "createdAt": "2026-11-30T09:00:00Z",
                          "reply": {"root": COUNCIL_THREAD_ROOT, "parent": COUNCIL_THREAD_ROOT}}}
HANDLES = {"library.bsky.social": BLUESKY_DID, COUNCIL_HANDLE: COUNCIL_DID}


class JsonAnswers(BaseHTTPRequestHandler):
    """A loopback stand-in's request handler, answering JSON."""

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class StandIns(JsonAnswers):
    statuses: dict[str, dict] = {}  # Idempotency-Key -> status
    records: dict[str, dict] = {}  # rkey -> record
    media: dict[str, dict] = {}  # Mastodon media id -> attachment (its url None until looked at again)
    blobs: dict[str, dict] = {}  # Bluesky blob cid -> {mimeType, size}
    requests: list[dict] = []
    lose_next_bluesky_answer = False
    lock = threading.Lock()

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _note(self, method: str, body: bytes = b"") -> None:
        with StandIns.lock:
            StandIns.requests.append({"method": method, "path": self.path, "body": body.decode(errors="replace"),
                                      "headers": dict(self.headers)})

    def do_GET(self):  # noqa: N802 the http.server API
        self._note("GET")
        path, query = urlsplit(self.path).path, parse_qs(urlsplit(self.path).query)
        if path.startswith("/api/") and self.headers.get("Authorization") != f"Bearer {MASTODON_TOKEN}":
            return self._answer(401, {"error": "The access token is invalid"})
        if path == "/api/v1/accounts/verify_credentials":
            return self._answer(200, {"id": "7", "username": "library", "acct": "library"})
        if path.rstrip("/") == "/api/v2/instance":
            return self._answer(200, {"domain": INSTANCE_HOST, "configuration": {
                "statuses": {"max_characters": 500, "max_media_attachments": 4}}})
        if path.startswith("/api/v1/statuses/"):
            found = self._known_status(lambda s: s["id"] == path.rstrip("/").rsplit("/", 1)[1])
            return self._answer(200, found) if found else self._answer(404, {"error": "Record not found"})
        if path == "/api/v2/search":
            wanted, resolve = query.get("q", [""])[0], query.get("resolve", [""])[0] in ("1", "true")
            found = self._known_status(lambda s: wanted in (s["url"], s["uri"]))
            if found is REMOTE_STATUS and not resolve:  # only fetched from its instance when asked to
                found = None
            return self._answer(200, {"accounts": [], "statuses": [found] if found else [], "hashtags": []})
        if path.startswith("/api/v1/media/"):
            with StandIns.lock:
                found = StandIns.media.get(path.rsplit("/", 1)[1])
                if found is None:
                    return self._answer(404, {"error": "Record not found"})
                found["url"] = f"https://{INSTANCE_HOST}/system/media/{found['id']}.jpg"  # processed now
            return self._answer(200, found)
        if path == "/_posts":  # what the stand-ins were sent, for a person trying the demo
            return self._answer(200, {"mastodon": list(StandIns.statuses.values()),
                                      "bluesky": list(StandIns.records.values())})
        if path == "/xrpc/com.atproto.identity.resolveHandle":
            did = HANDLES.get(query.get("handle", [""])[0])
            return self._answer(200, {"did": did}) if did else self._answer(
                400, {"error": "InvalidRequest", "message": "Unable to resolve handle"})
        if path == "/xrpc/app.bsky.feed.getPosts":
            if self.headers.get("Authorization") != f"Bearer {BLUESKY_JWT}":
                return self._answer(401, {"error": "AuthenticationRequired", "message": "Invalid token"})
            known = {r["uri"]: r for r in [COUNCIL_POST, *StandIns.records.values()]}
            return self._answer(200, {"posts": [{"uri": uri, "cid": known[uri]["cid"], "record": known[uri]["value"]}
                                                for uri in query.get("uris", []) if uri in known]})
        if path == "/xrpc/com.atproto.repo.getRecord":
            record = StandIns.records.get(query.get("rkey", [""])[0])
            if record is None:
                return self._answer(400, {"error": "RecordNotFound", "message": "Could not locate record"})
            return self._answer(200, {"uri": record["uri"], "value": record["value"]})
        return self._answer(404, {"error": "Not found"})

    def do_POST(self):  # noqa: N802
        body = self._body()
        self._note("POST", body)
        path = urlsplit(self.path).path
        if path.startswith("/api/") and self.headers.get("Authorization") != f"Bearer {MASTODON_TOKEN}":
            return self._answer(401, {"error": "The access token is invalid"})
        if path == "/api/v2/media":
            return self._media(body)
        if path == "/api/v1/statuses":
            return self._status(body)
        if path == "/xrpc/com.atproto.repo.uploadBlob":
            return self._blob(body)
        if path == "/xrpc/com.atproto.server.createSession":
            sent = json.loads(body)
            if sent.get("password") != BLUESKY_PASSWORD:
                return self._answer(401, {"error": "AuthenticationRequired",
                                          "message": "Invalid identifier or password"})
            return self._answer(200, {"did": BLUESKY_DID, "handle": sent["identifier"], "accessJwt": BLUESKY_JWT,
                                      "refreshJwt": "refresh-e2e"})
        if path == "/xrpc/com.atproto.repo.createRecord":
            sent = json.loads(body)
            unknown = [image for image in sent["record"].get("embed", {}).get("images", ())
                       if image["image"]["ref"]["$link"] not in StandIns.blobs]
            if unknown:
                return self._answer(400, {"error": "InvalidRequest", "message": "Could not find blob"})
            with StandIns.lock:
                if sent["rkey"] in StandIns.records:
                    return self._answer(400, {"error": "InvalidRequest", "message": "Record already exists"})
                uri = f"at://{BLUESKY_DID}/{sent['collection']}/{sent['rkey']}"
                cid = "bafyrei" + hashlib.sha256(uri.encode()).hexdigest()[:40]
                StandIns.records[sent["rkey"]] = {"uri": uri, "cid": cid, "value": sent["record"]}
                lose = StandIns.lose_next_bluesky_answer
                StandIns.lose_next_bluesky_answer = False
            if lose:
                self.close_connection = True  # the record is made; its answer never arrives
                return None
            return self._answer(200, {"uri": uri, "cid": cid})
        return self._answer(404, {"error": "Not found"})

    def _media(self, body: bytes):
        form = BytesParser(policy=HTTP).parsebytes(
            f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode() + body)
        fields = {part.get_param("name", header="content-disposition"): part for part in form.iter_parts()}
        if "file" not in fields:
            return self._answer(422, {"error": "Validation failed: File can't be blank"})
        with StandIns.lock:
            media_id = str(5000 + len(StandIns.media))
            description = fields["description"].get_content() if "description" in fields else None
            StandIns.media[media_id] = {"id": media_id, "type": "image", "url": None, "description": description,
                                        "size": len(fields["file"].get_payload(decode=True))}
        return self._answer(202, StandIns.media[media_id])

    def _status(self, body: bytes):
        form = parse_qs(body.decode())
        key = self.headers.get("Idempotency-Key") or f"none-{len(StandIns.statuses)}"
        with StandIns.lock:
            attached = [StandIns.media.get(media_id) for media_id in form.get("media_ids[]", ())]
            if any(media is None or media["url"] is None for media in attached):
                return self._answer(422, {"error": "Cannot attach files that have not finished processing. "
                                                   "Try again in a moment!"})
            answers = form.get("in_reply_to_id", [None])[0]
            if key not in StandIns.statuses and answers and not self._known_status(lambda s: s["id"] == answers):
                return self._answer(404, {"error": "Record not found"})  # Mastodon's answer to an unknown thread
            number = str(1000 + len(StandIns.statuses))
            status = StandIns.statuses.setdefault(key, {
                "id": number, "url": f"https://{INSTANCE_HOST}/@library/{number}",
                "uri": f"https://{INSTANCE_HOST}/users/library/statuses/{number}",
                "content": form["status"][0], "media_attachments": attached, "in_reply_to_id": answers})
        return self._answer(200, status)

    @staticmethod
    def _known_status(match) -> dict | None:
        """A status made here, or the one on another instance this one has fetched (by its id here)."""
        return next((status for status in [*StandIns.statuses.values(), REMOTE_STATUS] if match(status)), None)

    def _blob(self, body: bytes):
        if self.headers.get("Authorization") != f"Bearer {BLUESKY_JWT}":
            return self._answer(401, {"error": "AuthenticationRequired", "message": "Invalid token"})
        if len(body) > BLOB_LIMIT:
            return self._answer(400, {"error": "BlobTooLarge", "message": "This file is too large."})
        cid = "bafkrei" + hashlib.sha256(body).hexdigest()[:40]
        blob = {"mimeType": self.headers.get("Content-Type"), "size": len(body)}
        with StandIns.lock:
            StandIns.blobs[cid] = blob
        return self._answer(200, {"blob": {"$type": "blob", "ref": {"$link": cid}, **blob}})

    def log_message(self, *args):  # quiet
        pass


def serve() -> tuple[ThreadingHTTPServer, str]:
    """Both stand-ins on one free loopback port, emptied; their URL goes into MASTODON_API_URL and
    BLUESKY_API_URL for the handlers (an address to them would be refused: the channels send everything
    to the real networks unless those are set)."""
    StandIns.statuses, StandIns.records, StandIns.requests = {}, {}, []
    StandIns.media, StandIns.blobs = {}, {}
    StandIns.lose_next_bluesky_answer = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIns)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def point_handlers_at(url: str) -> None:
    os.environ["MASTODON_API_URL"] = url
    os.environ["BLUESKY_API_URL"] = url


def connect_demo_channels(aws_endpoint: str) -> None:
    """A Mastodon and a Bluesky channel, as an admin connecting them to the stand-ins would leave them."""
    from understudy import data
    from understudy.channels import secret_name
    from understudy.model import Channel, now_iso

    from infra.sandbox.seed import _client

    secrets = _client("secretsmanager", aws_endpoint)
    for channel, secret in (
        (Channel("demo-mastodon", "Demo Mastodon", "mastodon",
                 {"handle": f"library@{INSTANCE_HOST}", "instance": f"https://{INSTANCE_HOST}", "maxCharacters": 500}),
         {"accessToken": MASTODON_TOKEN, "instance": f"https://{INSTANCE_HOST}"}),
        (Channel("demo-bluesky", "Demo Bluesky", "bluesky", {"handle": "library.bsky.social", "did": BLUESKY_DID}),
         {"handle": "library.bsky.social", "appPassword": BLUESKY_PASSWORD}),
    ):
        data.put_channel(channel, by="sandbox", at=now_iso())
        secrets.create_secret(Name=secret_name(channel.id), SecretString=json.dumps(secret))
