"""Loopback stand-ins for a Mastodon instance and a Bluesky PDS, for sandboxes started with
MASTODON_API_URL and BLUESKY_API_URL pointing at them (as X_API_URL points at X's stand-in).

Each keeps what the real service keeps that matters here: Mastodon one status per Idempotency-Key,
Bluesky one record per rkey (a second create at a taken key is refused, getRecord reads it back), and
each checks the credentials it was given. ``lose_next_bluesky_answer`` makes the next createRecord keep
the record but drop the connection before answering, as a network failure after the post was made."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

MASTODON_TOKEN = "mastodon-token-e2e"
BLUESKY_PASSWORD = "abcd-efgh-ijkl-e2e0"
BLUESKY_DID = "did:plc:e2estandin0000000000000"
INSTANCE_HOST = "social.example.org"


class StandIns(BaseHTTPRequestHandler):
    statuses: dict[str, dict] = {}  # Idempotency-Key -> status
    records: dict[str, dict] = {}  # rkey -> record
    requests: list[dict] = []
    lose_next_bluesky_answer = False
    lock = threading.Lock()

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _body(self) -> bytes:
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _note(self, method: str, body: bytes = b"") -> None:
        with StandIns.lock:
            StandIns.requests.append({"method": method, "path": self.path, "body": body.decode(),
                                      "headers": dict(self.headers)})

    def do_GET(self):  # noqa: N802 the http.server API
        self._note("GET")
        path, query = urlsplit(self.path).path, parse_qs(urlsplit(self.path).query)
        if path.startswith("/api/") and self.headers.get("Authorization") != f"Bearer {MASTODON_TOKEN}":
            return self._answer(401, {"error": "The access token is invalid"})
        if path == "/api/v1/accounts/verify_credentials":
            return self._answer(200, {"id": "7", "username": "library", "acct": "library"})
        if path.rstrip("/") == "/api/v2/instance":
            return self._answer(200, {"domain": INSTANCE_HOST, "configuration": {"statuses": {"max_characters": 500}}})
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
        if path == "/api/v1/statuses":
            if self.headers.get("Authorization") != f"Bearer {MASTODON_TOKEN}":
                return self._answer(401, {"error": "The access token is invalid"})
            key = self.headers.get("Idempotency-Key") or f"none-{len(StandIns.statuses)}"
            with StandIns.lock:
                number = str(1000 + len(StandIns.statuses))
                status = StandIns.statuses.setdefault(key, {
                    "id": number, "url": f"https://{INSTANCE_HOST}/@library/{number}",
                    "uri": f"https://{INSTANCE_HOST}/users/library/statuses/{number}",
                    "content": parse_qs(body.decode())["status"][0]})
            return self._answer(200, status)
        if path == "/xrpc/com.atproto.server.createSession":
            sent = json.loads(body)
            if sent.get("password") != BLUESKY_PASSWORD:
                return self._answer(401, {"error": "AuthenticationRequired",
                                          "message": "Invalid identifier or password"})
            return self._answer(200, {"did": BLUESKY_DID, "handle": sent["identifier"], "accessJwt": "jwt-e2e",
                                      "refreshJwt": "refresh-e2e"})
        if path == "/xrpc/com.atproto.repo.createRecord":
            sent = json.loads(body)
            with StandIns.lock:
                if sent["rkey"] in StandIns.records:
                    return self._answer(400, {"error": "InvalidRequest", "message": "Record already exists"})
                uri = f"at://{BLUESKY_DID}/{sent['collection']}/{sent['rkey']}"
                StandIns.records[sent["rkey"]] = {"uri": uri, "value": sent["record"]}
                lose = StandIns.lose_next_bluesky_answer
                StandIns.lose_next_bluesky_answer = False
            if lose:
                self.close_connection = True  # the record is made; its answer never arrives
                return None
            return self._answer(200, {"uri": uri, "cid": "bafyreie2e"})
        return self._answer(404, {"error": "Not found"})

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture
def stand_ins(monkeypatch) -> Iterator[type[StandIns]]:
    """Both stand-ins on one loopback port; sandboxes launched in the test reach them."""
    StandIns.statuses, StandIns.records, StandIns.requests = {}, {}, []
    StandIns.lose_next_bluesky_answer = False
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandIns)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    monkeypatch.setenv("MASTODON_API_URL", url)
    monkeypatch.setenv("BLUESKY_API_URL", url)
    yield StandIns
    server.shutdown()
