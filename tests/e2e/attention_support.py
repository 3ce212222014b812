"""What the needs-attention tests share: a sandbox of their own (the fail-next switch acts on the next
publish to the local channel, whoever's it is, so no other test's post may be publishing meanwhile) and
a way to make a post that needs attention, as a person would in the demo."""

from __future__ import annotations

import signal

import pytest
import requests

from infra.sandbox.client import Api, Sandbox, SandboxError, start_sandbox

ADMIN, REVIEWER, AUTHOR = "admin@example.org", "reviewer@example.org", "author@example.org"
FINAL = ("published", "partly_published", "failed", "expired", "rejected", "withdrawn")


@pytest.fixture(scope="module")
def own_sandbox(tmp_path_factory) -> Sandbox:
    running = start_sandbox(tmp_path_factory.mktemp("attention-sandbox"), "--host", "127.0.0.1")
    try:
        running.wait_until_serving()
    except SandboxError as error:
        pytest.fail(str(error))
    yield running.client()
    assert running.stop(signal.SIGTERM) == 0, running.log()


def fail_next(sandbox: Sandbox, outcome: str) -> None:
    answer = requests.post(f"{sandbox.url}/_local/fail-next", json={"outcome": outcome}, timeout=30)
    assert answer.status_code == 200 and answer.json() == {"nextPublish": outcome}, answer.text


def settled(sandbox: Sandbox, api: Api, post_id: str, timeout: float = 60) -> dict:
    """The post once its workflow has left it in a final status."""
    def final():
        post = api.get(f"/posts/{post_id}").json()
        return post if post["status"] in FINAL else None

    return sandbox.wait_for(final, timeout=timeout)


def post_that_fails(sandbox: Sandbox, author: Api, outcome: str, text: str) -> dict:
    """An author out of training posts to the demo timeline, which fails the publish as ``outcome`` says."""
    fail_next(sandbox, outcome)
    created = author.post("/posts", json={"channel": "demo", "text": text})
    assert created.status_code == 201, created.text
    post = settled(sandbox, author, created.json()["id"])
    assert post["status"] == "failed", post
    return post
