"""Connecting and publishing to Bluesky over XRPC (requests' real request path), with only the HTTP exchange
answered by `responses`: success, a bad app password, rate limits, server errors, a timeout after the
repository took the record, a record already there, refusals, and the record key (rkey) made from post and
revision that keeps a retried create from posting twice."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime

import boto3
import pytest
import requests
from understudy.errors import ChannelUnavailable, InvalidValue, PublishFailed

AUTHOR, ADMIN = "author@example.org", "admin@example.org"
XRPC = "https://bsky.social/xrpc/"
SESSION = re.compile(re.escape(XRPC + "com.atproto.server.createSession") + "$")
CREATE = re.compile(re.escape(XRPC + "com.atproto.repo.createRecord") + "$")
GET = re.compile(re.escape(XRPC + "com.atproto.repo.getRecord") + r"(\?.*)?$")
DID = "did:plc:7iza6de2dwap2sbkpav7c6c6"
HANDLE = "library.bsky.social"
PASSWORD = "abcd-efgh-ijkl-mnop"
SIGNED_IN = {"did": DID, "handle": HANDLE, "accessJwt": "access-jwt-1", "refreshJwt": "refresh-jwt-1",
             "active": True}
CONNECT = {"kind": "bluesky", "name": "Library on Bluesky", "handle": "@library.bsky.social",
           "appPassword": PASSWORD}


@pytest.fixture
def bluesky_channel(aws):
    from understudy import data
    from understudy.channels import bluesky, secret_name
    from understudy.model import Channel, now_iso

    bluesky._sessions.clear()  # the sessions a warm container keeps
    channel = Channel("sky", "Library on Bluesky", "bluesky", {"handle": HANDLE, "did": DID})
    data.put_channel(channel, "test", now_iso())
    boto3.client("secretsmanager").create_secret(
        Name=secret_name(channel.id), SecretString=json.dumps({"handle": HANDLE, "appPassword": PASSWORD}))
    return channel


def submit(api, text="Reading room opens at 9: https://example.org/reading-room 📚") -> dict:
    answer = api("POST", "/posts", who=AUTHOR, body={"channel": "sky", "text": text})
    assert answer.status == 201, answer.body
    return answer.body


def creates(network) -> list:
    return [json.loads(call.request.body) for call in network.calls if CREATE.match(call.request.url)]


def created(rkey: str) -> dict:
    return {"uri": f"at://{DID}/app.bsky.feed.post/{rkey}", "cid": "bafyreib2rxk3rh6kzwq",
            "commit": {"cid": "bafyreih", "rev": "3lu3k7vikye2m"}, "validationStatus": "valid"}


def test_an_admin_connects_an_account_with_an_app_password_checked_by_signing_in(aws, api, x_api):
    x_api.post(SESSION, json=SIGNED_IN)

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 201, answer.body
    assert answer.body == {"id": "library-on-bluesky", "name": "Library on Bluesky", "kind": "bluesky",
                           "handle": HANDLE}
    assert json.loads(x_api.calls[0].request.body) == {"identifier": HANDLE, "password": PASSWORD}
    stored = boto3.client("secretsmanager").get_secret_value(SecretId="understudy/channels/library-on-bluesky")
    assert json.loads(stored["SecretString"]) == {"handle": HANDLE, "appPassword": PASSWORD}
    assert PASSWORD not in json.dumps(api("GET", "/channels", who=AUTHOR).body) + json.dumps(answer.body)


def test_a_wrong_app_password_is_told_with_blueskys_words_and_nothing_is_stored(aws, api, x_api):
    x_api.post(SESSION, status=401, json={"error": "AuthenticationRequired",
                                          "message": "Invalid identifier or password"})

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 400 and "Invalid identifier or password" in answer.body["message"]
    assert PASSWORD not in json.dumps(answer.body)
    assert [c["id"] for c in api("GET", "/channels", who=ADMIN).body["items"]] == ["demo"]


def test_a_missing_app_password_names_the_field(aws, api, x_api):
    answer = api("POST", "/channels", who=ADMIN, body={k: v for k, v in CONNECT.items() if k != "appPassword"})

    assert answer.status == 422 and answer.body["errors"][0]["field"].endswith("appPassword")
    assert not x_api.calls


def test_publish_creates_the_record_at_a_key_made_from_post_and_revision(aws, api, task, x_api, bluesky_channel):
    from understudy.channels.bluesky import record_key

    post = submit(api)
    rkey = record_key(post["id"], 1)
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(CREATE, json=created(rkey))

    answer = task("publish", {"postId": post["id"]})

    [body] = creates(x_api)
    assert re.fullmatch(r"[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}", rkey)  # a TID
    assert body["repo"] == DID and body["collection"] == "app.bsky.feed.post" and body["rkey"] == rkey
    assert body["record"]["text"] == post["text"]
    link = "https://example.org/reading-room"
    [facet] = body["record"]["facets"]
    start = post["text"].encode().index(link.encode())
    assert facet["index"] == {"byteStart": start, "byteEnd": start + len(link)}
    assert facet["features"][0]["uri"] == link
    create_call = next(c for c in x_api.calls if CREATE.match(c.request.url))
    assert create_call.request.headers["Authorization"] == "Bearer access-jwt-1"
    assert answer == {"url": f"https://bsky.app/profile/{HANDLE}/post/{rkey}", "retryAt": None}
    saved = api("GET", f"/posts/{post['id']}", who=ADMIN).body
    assert saved["status"] == "published" and saved["deliveries"][0]["externalId"] == f"at://{DID}/app.bsky.feed.post/{rkey}"
    assert record_key(post["id"], 2) != rkey


@pytest.mark.parametrize("refusal", [400, 409, 500])
def test_a_timeout_after_the_record_was_made_finds_it_instead_of_posting_again(refusal, aws, api, task, x_api,
                                                                               bluesky_channel):
    repository: dict[str, dict] = {}

    def create(request):
        """The repository: one record per rkey (a second create at a key is refused, in whichever way a
        PDS words it). The first answer is lost on the way back."""
        rkey = json.loads(request.body)["rkey"]
        if rkey in repository:
            return refusal, {}, json.dumps({"error": "InvalidRequest", "message": "Record already exists"})
        repository[rkey] = json.loads(request.body)["record"]
        raise requests.exceptions.ReadTimeout("read timed out")

    def get(request):
        rkey = request.url.split("rkey=")[1]
        return 200, {}, json.dumps({"uri": f"at://{DID}/app.bsky.feed.post/{rkey}", "value": repository[rkey]})

    x_api.post(SESSION, json=SIGNED_IN)
    x_api.add_callback("POST", CREATE, callback=create)
    x_api.add_callback("GET", GET, callback=get)
    post = submit(api)

    with pytest.raises(ChannelUnavailable, match="ReadTimeout"):
        task("publish", {"postId": post["id"]})
    answer = task("publish", {"postId": post["id"]})  # the workflow's retry

    assert len(repository) == 1 and answer["url"].endswith(next(iter(repository)))
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "published"
    assert len([c for c in x_api.calls if SESSION.match(c.request.url)]) == 1  # the session was kept


def test_a_server_error_is_retried_and_the_retry_publishes(aws, api, task, x_api, bluesky_channel):
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(CREATE, status=502, json={"error": "UpstreamFailure", "message": "Upstream Failure"})
    x_api.post(CREATE, json=created("x"))
    post = submit(api)

    with pytest.raises(ChannelUnavailable, match="502"):
        task("publish", {"postId": post["id"]})
    assert task("publish", {"postId": post["id"]})["url"].startswith(f"https://bsky.app/profile/{HANDLE}/post/")


def test_a_rate_limit_answers_blueskys_reset_time(aws, api, task, x_api, bluesky_channel):
    reset = int(time.time()) + 900
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(CREATE, status=429, json={"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"},
               headers={"ratelimit-reset": str(reset), "ratelimit-remaining": "0", "ratelimit-limit": "5000"})
    post = submit(api)

    answer = task("publish", {"postId": post["id"]})

    assert answer == {"url": None, "retryAt": datetime.fromtimestamp(reset + 1, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")}


def test_an_expired_session_is_renewed_once_and_the_post_goes_out(aws, api, task, x_api, bluesky_channel):
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(SESSION, json={**SIGNED_IN, "accessJwt": "access-jwt-2"})
    x_api.post(CREATE, status=400, json={"error": "ExpiredToken", "message": "Token has expired"})
    x_api.post(CREATE, json=created("x"))
    first, second = submit(api), submit(api, text="A second post")
    task("publish", {"postId": first["id"]})  # signs in: access-jwt-1, then answered ExpiredToken

    assert task("publish", {"postId": second["id"]})["url"]
    tokens = [c.request.headers.get("Authorization") for c in x_api.calls if CREATE.match(c.request.url)]
    assert tokens[-1] == "Bearer access-jwt-2"


def test_a_refusal_fails_the_post_with_blueskys_message(aws, api, task, x_api, bluesky_channel):
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(CREATE, status=400, json={"error": "InvalidRequest",
                                         "message": "Invalid app.bsky.feed.post record: Record/text must not be "
                                                    "longer than 300 graphemes"})
    x_api.get(GET, status=400, json={"error": "RecordNotFound", "message": "Could not locate record"})
    post = submit(api)

    with pytest.raises(PublishFailed, match="longer than 300 graphemes"):
        task("publish", {"postId": post["id"]})


def test_a_revoked_app_password_asks_an_admin_to_reconnect(aws, api, task, x_api, bluesky_channel):
    x_api.post(SESSION, status=401,
               json={"error": "AuthenticationRequired", "message": "Invalid identifier or password"})
    post = submit(api)

    with pytest.raises(PublishFailed, match="reconnect"):
        task("publish", {"postId": post["id"]})


def test_it_is_live_takes_only_a_post_on_bsky_app(bluesky_channel):
    from understudy.channels import client_for

    client = client_for(bluesky_channel)
    found = client.live_post("p1", 1, f"https://bsky.app/profile/{HANDLE}/post/3lbc2xkfdcs2k")
    assert found.external_id == f"at://{DID}/app.bsky.feed.post/3lbc2xkfdcs2k"
    assert client.live_post("p1", 1, f"https://bsky.app/profile/{DID}/post/3lbc2xkfdcs2k").url.endswith("3lbc2xkfdcs2k")
    for url in (f"https://bsky.app/profile/{HANDLE}", f"https://evil.example/profile/{HANDLE}/post/3lbc2xkfdcs2k",
                f"http://bsky.app/profile/{HANDLE}/post/3lbc2xkfdcs2k", "https://bsky.app/"):
        with pytest.raises(InvalidValue):
            client.live_post("p1", 1, url)


def test_an_admin_marks_a_refused_post_live_with_its_bluesky_address(aws, api, task, x_api, bluesky_channel):
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(CREATE, status=400, json={"error": "InvalidRequest", "message": "Refused for the test"})
    x_api.get(GET, status=400, json={"error": "RecordNotFound", "message": "Could not locate record"})
    post = submit(api)
    with pytest.raises(PublishFailed) as raised:
        task("publish", {"postId": post["id"]})
    cause = json.dumps({"errorMessage": str(raised.value), "errorType": "PublishFailed"})
    task("notify", {"event": "failed", "postId": post["id"], "error": {"Error": "PublishFailed", "Cause": cause}})
    path = f"/posts/{post['id']}/attention"

    wrong = api("POST", path, who=ADMIN, body={"action": "mark_live", "url": "https://x.com/library/status/1"})
    assert wrong.status == 422 and wrong.body["errors"][0]["field"] == "url"
    url = f"https://bsky.app/profile/{HANDLE}/post/3lbc2xkfdcs2k"
    answer = api("POST", path, who=ADMIN, body={"action": "mark_live", "url": url})

    assert answer.status == 200, answer.body
    assert answer.body["status"] == "published" and answer.body["publishedUrl"] == url


# --- images -------------------------------------------------------------------------------------

UPLOAD = re.compile(re.escape(XRPC + "com.atproto.repo.uploadBlob") + "$")


def blob_answer(request):
    """The PDS keeps the bytes and answers their blob reference (a CID of the bytes)."""
    import hashlib

    cid = "bafkrei" + hashlib.sha256(request.body).hexdigest()[:40]
    return 200, {}, json.dumps({"blob": {"$type": "blob", "ref": {"$link": cid},
                                         "mimeType": request.headers["Content-Type"], "size": len(request.body)}})


def uploads(network) -> list:
    return [call.request for call in network.calls if UPLOAD.match(call.request.url)]


def with_images(api, pictures: list[tuple[bytes, str]] | None = None) -> dict:
    from tests.integration.conftest import submitted_with_images

    return submitted_with_images(api, AUTHOR, "sky", pictures)


def noisy_png(size=(1400, 1000)) -> bytes:
    """A photo-like PNG (random pixels do not compress): about 4 MB, well over Bluesky's 1 MB."""
    import io
    import os

    from PIL import Image

    out = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(out, "PNG")
    return out.getvalue()


def test_images_go_as_blobs_in_an_images_embed_with_alt_text_and_aspect_ratio(aws, api, task, x_api,
                                                                              bluesky_channel):
    post = with_images(api)
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.add_callback("POST", UPLOAD, callback=blob_answer)
    x_api.post(CREATE, json=created("x"))

    task("publish", {"postId": post["id"]})

    sent = uploads(x_api)
    assert [r.headers["Content-Type"] for r in sent] == ["image/png", "image/jpeg"]
    assert all(r.headers["Authorization"] == "Bearer access-jwt-1" for r in sent)
    [body] = creates(x_api)
    embed = body["record"]["embed"]
    assert embed["$type"] == "app.bsky.embed.images"
    assert [image["alt"] for image in embed["images"]] == [m["alt"] for m in post["media"]]
    assert [image["aspectRatio"] for image in embed["images"]] == [{"width": 40, "height": 30}] * 2
    assert [image["image"]["size"] for image in embed["images"]] == [len(r.body) for r in sent]
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "published"


def test_an_image_over_one_megabyte_is_made_to_fit_before_it_is_sent(aws, api, task, x_api, bluesky_channel):
    import io

    from PIL import Image

    big = noisy_png()
    assert len(big) > 1_000_000
    post = with_images(api, [(big, "A crowd at the opening, blurred")])
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.add_callback("POST", UPLOAD, callback=blob_answer)
    x_api.post(CREATE, json=created("x"))

    task("publish", {"postId": post["id"]})

    [sent] = uploads(x_api)
    assert len(sent.body) <= 1_000_000 and sent.headers["Content-Type"] == "image/jpeg"
    fitted = Image.open(io.BytesIO(sent.body))
    [image] = creates(x_api)[0]["record"]["embed"]["images"]
    assert image["aspectRatio"] == {"width": fitted.width, "height": fitted.height}
    assert abs(fitted.width / fitted.height - 1.4) < 0.01  # smaller, not distorted


def test_a_retry_after_the_record_failed_reuses_the_uploaded_blobs(aws, api, task, x_api, bluesky_channel):
    from tests.integration.conftest import picture

    post = with_images(api, [(picture("PNG"), "Shelves of books"), (picture("GIF"), "A reading lamp")])
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.add_callback("POST", UPLOAD, callback=blob_answer)
    x_api.post(CREATE, status=502, json={"error": "UpstreamFailure", "message": "Upstream Failure"})
    x_api.get(GET, status=400, json={"error": "RecordNotFound", "message": "Could not locate record"})
    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post["id"]})
    first = creates(x_api)[0]["record"]["embed"]

    x_api.replace("POST", CREATE, json=created("x"))
    task("publish", {"postId": post["id"]})

    assert len(uploads(x_api)) == 2, "no image was uploaded again"
    assert creates(x_api)[-1]["record"]["embed"] == first
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "published"


def test_a_refused_upload_fails_the_post_with_blueskys_message(aws, api, task, x_api, bluesky_channel):
    from tests.integration.conftest import picture

    post = with_images(api, [(picture("PNG"), "Shelves of books")])
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.post(UPLOAD, status=400, json={"error": "InvalidMimeType", "message": "Wrong type of file"})

    with pytest.raises(PublishFailed, match="Wrong type of file"):
        task("publish", {"postId": post["id"]})
    assert not creates(x_api)


def test_an_image_that_cannot_be_made_to_fit_fails_the_post_and_sends_nothing(aws, api, task, x_api,
                                                                             bluesky_channel, monkeypatch):
    from understudy.channels import bluesky

    monkeypatch.setattr(bluesky, "BLOB_LIMIT", 100)  # no picture is that small
    post = with_images(api)
    x_api.post(SESSION, json=SIGNED_IN)

    with pytest.raises(PublishFailed, match="could not be made small enough for Bluesky"):
        task("publish", {"postId": post["id"]})
    assert not uploads(x_api) and not creates(x_api)
