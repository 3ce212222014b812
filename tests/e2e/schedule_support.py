"""What the scheduling and reply tests share: a sandbox of their own whose soonest time to go live is
a few seconds (PUBLISH_AT_SOONEST_SECONDS) so that a post can be scheduled seconds ahead, with X's API
pointed at a stand-in on loopback (X_API_URL) that answers through tweepy's real HTTP layer."""

from __future__ import annotations

import json
import os
import signal
import threading
from datetime import UTC, datetime, timedelta, timezone
from http.server import ThreadingHTTPServer

import pytest

from infra.sandbox.client import Api, Sandbox, SandboxError, start_sandbox
from infra.sandbox.network_stand_ins import JsonAnswers

ADMIN, REVIEWER, AUTHOR, TRAINEE = ("admin@example.org", "reviewer@example.org", "author@example.org",
                                    "trainee@example.org")
SOONEST_SECONDS = 2
FINAL = ("published", "failed", "expired", "rejected", "withdrawn")
REFUSED_REPLY = ("Reply to this conversation is not allowed because you have not been mentioned or otherwise "
                 "engaged by the author of the post you are replying to.")


class StandInX(JsonAnswers):
    """X as tweepy talks to it: who am I, read a post (GET /2/tweets/<id>), create a post; a reply
    (body.reply) is refused with X's 403 for a conversation the account may not join."""

    requests: list[dict] = []

    def do_GET(self):  # noqa: N802 the http.server API
        StandInX.requests.append({"method": "GET", "path": self.path})
        if self.path.startswith("/2/tweets/"):
            tweet_id = self.path.split("?")[0].rsplit("/", 1)[1]
            self._answer(200, {"data": {"id": tweet_id, "text": f"The council's post {tweet_id} <i>angry</i>"}})
            return
        self._answer(200, {"data": {"id": "42", "name": "Our Org", "username": "our_org"}})

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        StandInX.requests.append({"method": "POST", "path": self.path, "body": body})
        if "reply" in body:
            self._answer(403, {"detail": REFUSED_REPLY, "type": "about:blank", "title": "Forbidden", "status": 403})
            return
        self._answer(201, {"data": {"id": "1234567890", "text": body["text"]}})

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def stand_in_x():
    StandInX.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), StandInX)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def schedule_sandbox(tmp_path_factory, stand_in_x) -> Sandbox:
    settings = {"PUBLISH_AT_SOONEST_SECONDS": str(SOONEST_SECONDS), "X_API_URL": stand_in_x}
    saved = {name: os.environ.get(name) for name in settings}
    os.environ.update(settings)
    try:
        running = start_sandbox(tmp_path_factory.mktemp("schedule-sandbox"), "--host", "127.0.0.1")
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    try:
        running.wait_until_serving()
    except SandboxError as error:
        pytest.fail(str(error))
    yield running.client()
    assert running.stop(signal.SIGTERM) == 0, running.log()


@pytest.fixture(scope="module")
def people(schedule_sandbox) -> dict[str, Api]:
    return {who: schedule_sandbox.api(schedule_sandbox.sign_in(who)) for who in (ADMIN, REVIEWER, AUTHOR, TRAINEE)}


def ahead(seconds: float, offset_hours: int = 0) -> str:
    """A time ``seconds`` from now, written with an offset as a person's browser sends it."""
    zone = timezone(timedelta(hours=offset_hours))
    return (datetime.now(UTC) + timedelta(seconds=seconds)).astimezone(zone).isoformat(timespec="seconds")


def moment(iso: str) -> datetime:
    return datetime.fromisoformat(iso.replace("Z", "+00:00"))


def now() -> datetime:
    return datetime.now(UTC)


def status_of(api: Api, post_id: str) -> dict:
    return api.get(f"/posts/{post_id}").json()


def settled(sandbox: Sandbox, api: Api, post_id: str, timeout: float = 90) -> dict:
    """The post once its workflow has left it in a final status."""
    def final():
        post = status_of(api, post_id)
        return post if post["status"] in FINAL else None

    return sandbox.wait_for(final, timeout=timeout)


def reaches(sandbox: Sandbox, api: Api, post_id: str, status: str, timeout: float = 60) -> dict:
    def reached():
        post = status_of(api, post_id)
        return post if post["status"] == status else None

    return sandbox.wait_for(reached, timeout=timeout)


def on_timeline(sandbox: Sandbox, post_id: str) -> list[dict]:
    return [entry for entry in sandbox.timeline() if entry["postId"] == post_id]


def audit_actions(admin: Api, post_id: str) -> list[dict]:
    return admin.get("/audit", params={"post": post_id}).json()["items"]


def published_on_demo(sandbox: Sandbox, api: Api, text: str) -> dict:
    """A post by ``api``'s person (out of training) on the Demo timeline: its timeline entry, once there."""
    created = api.post("/posts", json={"channel": "demo", "text": text})
    assert created.status_code == 201, created.text
    return sandbox.wait_for(lambda: on_timeline(sandbox, created.json()["id"]), timeout=60)[0]
