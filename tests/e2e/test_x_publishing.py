"""Publishing to X through the whole sandbox: an admin connects an account, an approved post goes out
through tweepy's real HTTP path to a stand-in for X on loopback (X_API_URL), and a rate limit is waited
out by the workflow's Wait state, not by a sleeping function."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

CREDENTIALS = {"apiKey": "key-e2e", "apiSecret": "secret-e2e", "accessToken": "token-e2e",
               "accessTokenSecret": "token-secret-e2e"}


class StandInX(BaseHTTPRequestHandler):
    """Answers what tweepy asks: who am I, and create a post (rate-limited once, then created); and the
    v2 media calls: upload an image (a new media id each time) and set its alt text. A path in
    ``fail_once`` answers 503 the first time it is called."""

    requests: list[dict] = []
    rate_limited_once = False
    fail_once: set[str] = set()

    def _answer(self, status: int, body: dict, headers: dict | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):  # noqa: N802 the http.server API
        StandInX.requests.append({"method": "GET", "path": self.path, "auth": self.headers.get("Authorization")})
        self._answer(200, {"data": {"id": "42", "name": "Our Org", "username": "our_org"}})

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        StandInX.requests.append({"method": "POST", "path": self.path, "body": body,
                                  "auth": self.headers.get("Authorization")})
        if self.path in StandInX.fail_once:
            StandInX.fail_once.discard(self.path)
            self._answer(503, {"title": "Service Unavailable", "detail": "Service Unavailable", "status": 503})
            return
        if self.path == "/2/media/upload":
            media_id = str(7100 + len(StandInX.requests))
            self._answer(200, {"data": {"id": media_id, "media_key": f"3_{media_id}", "expires_after_secs": 86400}})
            return
        if self.path == "/2/media/metadata":
            self._answer(200, {"data": {"id": body["id"], "associated_metadata": body["metadata"]}})
            return
        if not StandInX.rate_limited_once:
            StandInX.rate_limited_once = True
            reset = int(time.time()) + 2
            self._answer(429, {"title": "Too Many Requests", "detail": "Too Many Requests", "status": 429},
                         {"x-rate-limit-reset": str(reset), "x-rate-limit-remaining": "0"})
            return
        self._answer(201, {"data": {"id": "1234567890", "text": body["text"]}})

    def log_message(self, *args):  # quiet
        pass


def ended(api, post_id: str):
    """A check for wait_for: the post once it is published or failed."""
    def check():
        current = api.get(f"/posts/{post_id}").json()
        return current if current["status"] in ("published", "failed") else None

    return check


@pytest.fixture
def stand_in_x():
    StandInX.requests, StandInX.rate_limited_once, StandInX.fail_once = [], False, set()
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInX)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_an_approved_post_reaches_x_once_after_waiting_out_a_rate_limit(launch_sandbox, stand_in_x, monkeypatch,
                                                                        unique_text):
    monkeypatch.setenv("X_API_URL", stand_in_x)
    sandbox = launch_sandbox().client()
    admin = sandbox.api(sandbox.sign_in("admin@example.org"))
    author = sandbox.api(sandbox.sign_in("author@example.org"))

    connected = admin.post("/channels", json={"kind": "x", "name": "Our X", **CREDENTIALS})
    assert connected.status_code == 201, connected.text
    assert connected.json()["handle"] == "our_org"
    listed = author.get("/channels").text
    assert all(value not in listed + connected.text for value in CREDENTIALS.values())

    post = author.post("/posts", json={"channel": connected.json()["id"], "text": f"{unique_text} on X"})
    assert post.status_code == 201, post.text

    final = sandbox.wait_for(ended(author, post.json()["id"]), timeout=60)
    assert final["status"] == "published", final
    assert final["publishedUrl"] == "https://x.com/our_org/status/1234567890"
    tweets = [r for r in StandInX.requests if r["method"] == "POST" and r["path"] == "/2/tweets"]
    assert [t["body"] for t in tweets] == [{"text": f"{unique_text} on X"}] * 2  # the 429, then the post
    assert all(t["auth"].startswith("OAuth ") and "oauth_signature=" in t["auth"] for t in tweets)
    told = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if "Your post is live" in m["subject"]
                                     and unique_text in m["text"]], timeout=20)
    assert final["publishedUrl"] in told[0]["text"]


def test_an_image_reaches_x_with_its_alt_text_through_a_failed_upload_and_a_failed_post(
        launch_sandbox, stand_in_x, monkeypatch, unique_text):
    """The first upload fails (retried: nothing was posted), then the post fails after the upload
    (retried with the same media id: an upload is not a post, and X still has the image)."""
    import io

    import requests
    from PIL import Image

    monkeypatch.setenv("X_API_URL", stand_in_x)
    StandInX.rate_limited_once = True
    StandInX.fail_once = {"/2/media/upload", "/2/tweets"}
    sandbox = launch_sandbox().client()
    admin = sandbox.api(sandbox.sign_in("admin@example.org"))
    author = sandbox.api(sandbox.sign_in("author@example.org"))
    channel = admin.post("/channels", json={"kind": "x", "name": "Our X", **CREDENTIALS}).json()["id"]

    picture = io.BytesIO()
    Image.new("RGB", (30, 20), (0, 90, 0)).save(picture, "PNG")
    form = author.post("/uploads", json={"contentType": "image/png", "size": len(picture.getvalue())}).json()
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", picture.getvalue())}, timeout=30)
    assert sent.status_code == 204, sent.text
    post = author.post("/posts", json={"channel": channel, "text": f"{unique_text} with a picture",
                                       "media": [{"key": form["key"], "alt": "A green field"}]})
    assert post.status_code == 201, post.text

    final = sandbox.wait_for(ended(author, post.json()["id"]), timeout=90)
    assert final["status"] == "published", final
    posted = [r["path"] for r in StandInX.requests if r["method"] == "POST"]
    assert posted == ["/2/media/upload", "/2/media/upload", "/2/media/metadata", "/2/tweets", "/2/tweets"]
    uploads = [r for r in StandInX.requests if r["path"] == "/2/media/upload"]
    assert all(r["auth"].startswith("OAuth ") for r in uploads)
    [described] = [r["body"] for r in StandInX.requests if r["path"] == "/2/media/metadata"]
    assert described["metadata"] == {"alt_text": {"text": "A green field"}}
    tweets = [r["body"] for r in StandInX.requests if r["path"] == "/2/tweets"]
    assert tweets[0] == tweets[1] == {"text": f"{unique_text} with a picture",
                                      "media": {"media_ids": [described["id"]]}}
