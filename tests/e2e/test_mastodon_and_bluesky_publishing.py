"""Publishing to Mastodon and Bluesky through the whole sandbox: an admin connects an account on each
(checked with the network), and an approved post goes out to each through the real client paths
(Mastodon.py; requests over XRPC) to loopback stand-ins. The Bluesky record's answer is lost on the way
back once: the workflow's retry finds the record at its key and no second post is made."""

from __future__ import annotations

import network_stand_ins as known
import requests
from network_stand_ins import BLUESKY_PASSWORD, INSTANCE_HOST, MASTODON_TOKEN, stand_ins  # noqa: F401 fixture

SECRETS = (MASTODON_TOKEN, BLUESKY_PASSWORD)


def connected(admin) -> tuple[str, str]:
    """The ids of a Mastodon and a Bluesky channel the admin connects to the stand-ins."""
    mastodon = admin.post("/channels", json={"kind": "mastodon", "name": "Library on Mastodon",
                                             "instance": INSTANCE_HOST, "accessToken": MASTODON_TOKEN})
    bluesky = admin.post("/channels", json={"kind": "bluesky", "name": "Library on Bluesky",
                                            "handle": "library.bsky.social", "appPassword": BLUESKY_PASSWORD})
    assert mastodon.status_code == bluesky.status_code == 201, (mastodon.text, bluesky.text)
    return mastodon.json()["id"], bluesky.json()["id"]


def published(sandbox, author, post_id: str) -> dict:
    def done():
        current = author.get(f"/posts/{post_id}").json()
        return current if current["status"] in ("published", "failed") else None

    return sandbox.wait_for(done, timeout=60)


def test_an_approved_post_reaches_mastodon_and_bluesky_once_each(launch_sandbox, stand_ins, unique_text):  # noqa: F811
    sandbox = launch_sandbox().client()
    admin = sandbox.api(sandbox.sign_in("admin@example.org"))
    author = sandbox.api(sandbox.sign_in("author@example.org"))

    refused = admin.post("/channels", json={"kind": "mastodon", "name": "Wrong", "instance": INSTANCE_HOST,
                                            "accessToken": "not-the-token"})
    assert refused.status_code == 400 and "access token is invalid" in refused.json()["message"]
    mastodon = admin.post("/channels", json={"kind": "mastodon", "name": "Library on Mastodon",
                                             "instance": f"https://{INSTANCE_HOST}", "accessToken": MASTODON_TOKEN})
    assert mastodon.status_code == 201, mastodon.text
    assert mastodon.json()["handle"] == f"library@{INSTANCE_HOST}" and mastodon.json()["maxCharacters"] == 500
    bluesky = admin.post("/channels", json={"kind": "bluesky", "name": "Library on Bluesky",
                                            "handle": "library.bsky.social", "appPassword": BLUESKY_PASSWORD})
    assert bluesky.status_code == 201, bluesky.text
    listed = author.get("/channels").text
    assert not any(secret in listed + mastodon.text + bluesky.text for secret in SECRETS)

    to_mastodon = author.post("/posts", json={"channel": mastodon.json()["id"], "text": f"{unique_text} toot"})
    final = published(sandbox, author, to_mastodon.json()["id"])
    assert final["status"] == "published", final
    [status] = stand_ins.statuses.values()
    assert status["content"] == f"{unique_text} toot" and final["publishedUrl"] == status["url"]
    [create] = [r for r in stand_ins.requests if r["path"] == "/api/v1/statuses"]
    assert create["headers"]["Idempotency-Key"] == f"understudy-{to_mastodon.json()['id']}-1"

    stand_ins.lose_next_bluesky_answer = True
    to_bluesky = author.post("/posts", json={"channel": bluesky.json()["id"], "text": f"{unique_text} skeet"})
    final = published(sandbox, author, to_bluesky.json()["id"])
    assert final["status"] == "published", final
    [(rkey, record)] = stand_ins.records.items()
    assert record["value"]["text"] == f"{unique_text} skeet"
    assert final["publishedUrl"] == f"https://bsky.app/profile/library.bsky.social/post/{rkey}"
    creates = [r for r in stand_ins.requests if r["path"] == "/xrpc/com.atproto.repo.createRecord"]
    assert len(creates) == 2  # the lost answer, then the retry that found the record
    told = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if "Your post is live" in m["subject"]
                                     and f"{unique_text} skeet" in m["text"]], timeout=20)
    assert final["publishedUrl"] in told[0]["text"]



def test_the_demo_with_stand_ins_has_a_mastodon_and_a_bluesky_channel_that_publish(launch_sandbox, unique_text):
    """`understudy sandbox --stand-ins`: the demo's own stand-ins, channels connected, nothing to set up."""
    running = launch_sandbox("--stand-ins")
    sandbox = running.client()
    author = sandbox.api(sandbox.sign_in("author@example.org"))
    channels = {c["id"]: c for c in author.get("/channels").json()["items"]}
    assert {"demo", "demo-mastodon", "demo-bluesky"} <= set(channels)

    urls = {}
    for channel in ("demo-mastodon", "demo-bluesky"):
        post = author.post("/posts", json={"channel": channel, "text": f"{unique_text} to {channel}"})
        final = published(sandbox, author, post.json()["id"])
        assert final["status"] == "published", final
        urls[channel] = final["publishedUrl"]
    assert urls["demo-mastodon"].startswith(f"https://{INSTANCE_HOST}/@library/")
    assert urls["demo-bluesky"].startswith("https://bsky.app/profile/library.bsky.social/post/")
    [stand_ins_url] = [line.split("publish to ")[1].split()[0] for line in running.log(80).splitlines()
                   if "Stand-ins:" in line]
    sent = requests.get(f"{stand_ins_url}/_posts", timeout=10).json()
    assert [s["content"] for s in sent["mastodon"]] == [f"{unique_text} to demo-mastodon"]
    assert [r["value"]["text"] for r in sent["bluesky"]] == [f"{unique_text} to demo-bluesky"]

    # One post to the timeline and both stand-ins at once: each has it once, each with its own address.
    everywhere = author.post("/posts", json={"channels": ["demo", "demo-mastodon", "demo-bluesky"],
                                             "text": f"{unique_text} everywhere"})
    assert everywhere.status_code == 201, everywhere.text
    final = published(sandbox, author, everywhere.json()["id"])
    assert final["status"] == "published", final
    addresses = {d["channel"]: d["url"] for d in final["deliveries"] if d["state"] == "published"}
    assert set(addresses) == {"demo", "demo-mastodon", "demo-bluesky"}
    sent = requests.get(f"{stand_ins_url}/_posts", timeout=10).json()
    assert [s["url"] for s in sent["mastodon"] if s["content"] == f"{unique_text} everywhere"] == \
        [addresses["demo-mastodon"]]
    assert len([r for r in sent["bluesky"] if r["value"]["text"] == f"{unique_text} everywhere"]) == 1
    assert [e["text"] for e in sandbox.timeline() if e["postId"] == everywhere.json()["id"]] == \
        [f"{unique_text} everywhere"]


def test_a_reply_on_each_network_is_reviewed_with_the_answered_text_and_goes_out_as_an_answer(
        launch_sandbox, stand_ins, unique_text):  # noqa: F811
    """A trainee answers a status on another Mastodon instance (found through the instance's search) and a
    Bluesky post that is itself in a thread (the reply names the thread's root); the reviewer sees each
    answered text, approves, and each network gets the reply with its reference."""
    sandbox = launch_sandbox().client()
    admin = sandbox.api(sandbox.sign_in("admin@example.org"))
    trainee = sandbox.api(sandbox.sign_in("trainee@example.org"))
    reviewer = sandbox.api(sandbox.sign_in("reviewer@example.org"))
    mastodon, bluesky = connected(admin)

    answers = {}
    for channel, address, text in ((mastodon, known.REMOTE_STATUS_URL, known.REMOTE_STATUS_TEXT),
                                   (bluesky, known.COUNCIL_POST_URL, known.COUNCIL_POST["value"]["text"])):
        refused = trainee.post("/posts", json={"channel": channel, "text": "x", "replyTo": "https://x.com/a/status/1"})
        assert refused.status_code == 422 and "replyTo" in refused.text
        post = trainee.post("/posts", json={"channel": channel, "text": f"{unique_text} sorry, on their way",
                                            "replyTo": address})
        assert post.status_code == 201 and post.json()["status"] == "pending_review", post.text
        shown = reviewer.get(f"/posts/{post.json()['id']}/reply-to").json()["replyTo"]
        assert shown == {"url": address, "text": text}
        sandbox.wait_for(lambda: [m for m in sandbox.outbox() if "reviewer@example.org" in m["to"]  # noqa: B023
                                  and f"In reply to: {address}" in m["text"]], timeout=30)  # noqa: B023
        decided = reviewer.post(f"/posts/{post.json()['id']}/decision", json={"decision": "approve"})
        assert decided.status_code == 200, decided.text
        answers[channel] = published(sandbox, trainee, post.json()["id"])
        assert answers[channel]["status"] == "published", answers[channel]

    [status] = stand_ins.statuses.values()
    assert status["in_reply_to_id"] == known.REMOTE_STATUS["id"] and answers[mastodon]["publishedUrl"] == status["url"]
    searched = [r for r in stand_ins.requests if r["path"].startswith("/api/v2/search")]
    assert searched and all("resolve=1" in r["path"] for r in searched)
    [record] = stand_ins.records.values()
    assert record["value"]["reply"] == {"root": known.COUNCIL_THREAD_ROOT,
                                        "parent": {"uri": known.COUNCIL_POST["uri"], "cid": known.COUNCIL_POST["cid"]}}


def test_a_reply_to_a_post_the_network_cannot_find_fails_with_its_words_and_people_are_told(
        launch_sandbox, stand_ins, unique_text):  # noqa: F811
    sandbox = launch_sandbox().client()
    admin = sandbox.api(sandbox.sign_in("admin@example.org"))
    author = sandbox.api(sandbox.sign_in("author@example.org"))
    mastodon, bluesky = connected(admin)

    for channel, gone, said in (
            (mastodon, f"https://{INSTANCE_HOST}/@council/404404", "Record not found"),
            (bluesky, "https://bsky.app/profile/nobody.example.gov/post/3lbgone22222", "Unable to resolve handle")):
        post = author.post("/posts", json={"channel": channel, "text": f"{unique_text} to {channel}", "replyTo": gone})
        assert post.status_code == 201, post.text
        final = published(sandbox, author, post.json()["id"])
        assert final["status"] == "failed" and said in final["error"], final
        told = sandbox.wait_for(lambda: [m for m in sandbox.outbox() if f"{unique_text} to {channel}" in m["text"]  # noqa: B023
                                         and "could not be published" in m["subject"]], timeout=30)
        assert {"author@example.org", "admin@example.org"} <= set(told[0]["to"]) and said in told[0]["text"]
    assert stand_ins.statuses == {} and stand_ins.records == {}  # nothing went out as a new post


def uploaded(author, data: bytes) -> str:
    """An image sent as the composer sends it: the presigned POST from /uploads, straight to S3."""
    form = author.post("/uploads", json={"contentType": "image/png", "size": len(data)}).json()
    sent = requests.post(form["url"], data=form["fields"], files={"file": ("p.png", data)}, timeout=60)
    assert sent.status_code == 204, sent.text
    return form["key"]


def test_a_post_with_an_image_reaches_mastodon_and_bluesky_with_its_alt_text(launch_sandbox, stand_ins,  # noqa: F811
                                                                           unique_text):
    """Mastodon's stand-in processes the upload only when it is looked at again (the channel waits for
    it); the picture is over Bluesky's 1 MB, so the channel sends a smaller copy."""
    import io
    import os

    from PIL import Image

    size = (1400, 1000)
    picture = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(picture, "PNG")
    assert 1_000_000 < len(picture.getvalue()) <= 5 * 1024 * 1024
    sandbox = launch_sandbox().client()
    admin = sandbox.api(sandbox.sign_in("admin@example.org"))
    author = sandbox.api(sandbox.sign_in("author@example.org"))
    mastodon, bluesky = connected(admin)

    for channel, text in ((mastodon, f"{unique_text} toot"), (bluesky, f"{unique_text} skeet")):
        post = author.post("/posts", json={"channel": channel, "text": text, "media": [
            {"key": uploaded(author, picture.getvalue()), "alt": "A crowd at the library's opening"}]})
        assert post.status_code == 201, post.text
        final = published(sandbox, author, post.json()["id"])
        assert final["status"] == "published", final

    [status] = stand_ins.statuses.values()
    [attached] = status["media_attachments"]
    assert attached["description"] == "A crowd at the library's opening" and attached["url"]
    assert any(r["path"] == f"/api/v1/media/{attached['id']}" for r in stand_ins.requests)  # waited for it
    [record] = stand_ins.records.values()
    [image] = record["value"]["embed"]["images"]
    assert image["alt"] == "A crowd at the library's opening"
    blob = stand_ins.blobs[image["image"]["ref"]["$link"]]
    assert blob["size"] <= 1_000_000 and blob["mimeType"] == "image/jpeg"
    assert abs(image["aspectRatio"]["width"] / image["aspectRatio"]["height"] - 1.4) < 0.01
