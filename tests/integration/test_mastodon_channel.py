"""Connecting and publishing to Mastodon through Mastodon.py's real request path (its headers, form body and
error mapping), with only the HTTP exchange answered by `responses`: success, bad credentials, rate limits,
server errors, a timeout after the instance took the post, refusals, and the Idempotency-Key that keeps a
retried create from posting twice."""

from __future__ import annotations

import io
import json
import re
import time
from datetime import UTC, datetime
from urllib.parse import parse_qs

import boto3
import pytest
import requests
from PIL import Image
from understudy.errors import ChannelUnavailable, InvalidValue, PublishFailed, PublishUncertain

AUTHOR, ADMIN = "author@example.org", "admin@example.org"
INSTANCE = "https://social.example.org"
TOKEN = "mastodon-token-5f1c9a"
STATUSES = re.compile(rf"{re.escape(INSTANCE)}/api/v1/statuses/?$")
VERIFY = re.compile(rf"{re.escape(INSTANCE)}/api/v1/accounts/verify_credentials/?(\?.*)?$")
INSTANCE_V2 = re.compile(rf"{re.escape(INSTANCE)}/api/v2/instance/?(\?.*)?$")
ACCOUNT = {"id": "1090", "username": "library", "acct": "library", "display_name": "The Library",
           "url": f"{INSTANCE}/@library", "created_at": "2024-01-01T00:00:00.000Z"}
STATUS_ID = "113526940123456789"
STATUS = {"id": STATUS_ID, "uri": f"{INSTANCE}/users/library/statuses/{STATUS_ID}",
          "url": f"{INSTANCE}/@library/{STATUS_ID}", "created_at": "2026-12-01T10:00:00.000Z",
          "content": "<p>hello</p>", "visibility": "public", "account": ACCOUNT}
CONNECT = {"kind": "mastodon", "name": "Library on Mastodon", "instance": "social.example.org",
           "accessToken": TOKEN}


@pytest.fixture
def mastodon_channel(aws):
    from understudy import data
    from understudy.channels import secret_name
    from understudy.model import Channel, now_iso

    channel = Channel("masto", "Library on Mastodon", "mastodon",
                      {"handle": "library@social.example.org", "instance": INSTANCE, "maxCharacters": 500})
    data.put_channel(channel, "test", now_iso())
    boto3.client("secretsmanager").create_secret(Name=secret_name(channel.id),
                                                 SecretString=json.dumps({"accessToken": TOKEN, "instance": INSTANCE}))
    return channel


def submit(api, text="The reading room opens at 9 tomorrow") -> dict:
    answer = api("POST", "/posts", who=AUTHOR, body={"channel": "masto", "text": text})
    assert answer.status == 201, answer.body
    return answer.body


def creates(network) -> list:
    return [call for call in network.calls if STATUSES.match(call.request.url)]


def test_an_admin_connects_an_account_checked_with_the_instance_and_its_limit_is_kept(aws, api, x_api):
    x_api.get(VERIFY, json=ACCOUNT)
    x_api.get(INSTANCE_V2, json={"domain": "social.example.org",
                                 "configuration": {"statuses": {"max_characters": 1000, "max_media_attachments": 6},
                                                   "media_attachments": {"image_size_limit": 16777216}}})

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 201, answer.body
    assert answer.body == {"id": "library-on-mastodon", "name": "Library on Mastodon", "kind": "mastodon",
                           "handle": "library@social.example.org", "maxCharacters": 1000, "maxImages": 6}
    assert x_api.calls[0].request.headers["Authorization"] == f"Bearer {TOKEN}"
    stored = boto3.client("secretsmanager").get_secret_value(SecretId="understudy/channels/library-on-mastodon")
    assert json.loads(stored["SecretString"]) == {"accessToken": TOKEN, "instance": INSTANCE}  # the token's home
    listed = api("GET", "/channels", who=AUTHOR)
    assert TOKEN not in json.dumps(listed.body) + json.dumps(answer.body)
    from understudy import data

    details = data.get_channel("library-on-mastodon").details
    assert details["maxImages"] == 6 and details["imageSizeLimit"] == 16777216  # used at submit and publish


def test_an_instance_without_the_v2_answer_gives_its_limit_from_v1(aws, api, x_api):
    x_api.get(VERIFY, json=ACCOUNT)
    x_api.get(INSTANCE_V2, status=404, json={"error": "Record not found"})
    x_api.get(re.compile(rf"{re.escape(INSTANCE)}/api/v1/instance/?(\?.*)?$"),
              json={"uri": "social.example.org", "max_toot_chars": 5000})

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 201 and answer.body["maxCharacters"] == 5000


def test_a_refused_token_is_told_with_the_instances_words_and_nothing_is_stored(aws, api, x_api):
    x_api.get(VERIFY, status=401, json={"error": "The access token is invalid"})

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 400 and "The access token is invalid" in answer.body["message"]
    assert TOKEN not in json.dumps(answer.body)
    assert [c["id"] for c in api("GET", "/channels", who=ADMIN).body["items"]] == ["demo"]
    secrets = boto3.client("secretsmanager").list_secrets()["SecretList"]
    assert not [s for s in secrets if s["Name"].startswith("understudy/channels/")]


def test_an_instance_address_that_is_not_https_is_refused_before_any_call(aws, api, x_api):
    answer = api("POST", "/channels", who=ADMIN, body={**CONNECT, "instance": "http://social.example.org"})

    assert answer.status == 422 and answer.body["errors"][0]["field"] == "instance"
    assert not x_api.calls


def test_only_admins_connect_and_see_the_forms(aws, api):
    assert api("POST", "/channels", who=AUTHOR, body=CONNECT).status == 403
    assert api("GET", "/channels/kinds", who=AUTHOR).status == 403
    kinds = {k["kind"]: k for k in api("GET", "/channels/kinds", who=ADMIN).body["items"]}
    assert set(kinds) == {"x", "mastodon", "bluesky"}
    assert [(f["key"], f["secret"]) for f in kinds["mastodon"]["fields"]] == [("instance", False),
                                                                               ("accessToken", True)]
    schemas = api("GET", "/openapi.json", who=ADMIN).body["components"]["schemas"]
    assert {"NewXChannel", "NewMastodonChannel", "NewBlueskyChannel"} <= set(schemas)
    assert schemas["NewMastodonChannel"]["properties"]["accessToken"]["writeOnly"] is True


def test_publish_sends_the_text_with_an_idempotency_key_of_post_and_revision(aws, api, task, x_api,
                                                                             mastodon_channel):
    x_api.post(STATUSES, json=STATUS)
    post = submit(api)

    answer = task("publish", {"postId": post["id"]})

    [call] = creates(x_api)
    assert call.request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert call.request.headers["Idempotency-Key"] == f"understudy-{post['id']}-1"
    assert parse_qs(call.request.body)["status"] == [post["text"]]
    assert answer == {"url": STATUS["url"], "retryAt": None}
    saved = api("GET", f"/posts/{post['id']}", who=ADMIN).body
    assert saved["status"] == "published" and saved["deliveries"][0]["externalId"] == STATUS_ID


def test_a_timeout_after_the_instance_took_the_post_is_retried_with_the_same_key(aws, api, task, x_api,
                                                                                 mastodon_channel):
    made: dict[str, dict] = {}

    def create(request):
        """The instance: one status per Idempotency-Key. The first answer is lost on the way back."""
        key = request.headers["Idempotency-Key"]
        first = key not in made
        made.setdefault(key, STATUS)
        if first:
            raise requests.exceptions.ReadTimeout("read timed out")
        return 200, {}, json.dumps(made[key])

    x_api.add_callback("POST", STATUSES, callback=create)
    post = submit(api)

    with pytest.raises(ChannelUnavailable, match="could not be reached"):
        task("publish", {"postId": post["id"]})
    answer = task("publish", {"postId": post["id"]})  # the workflow's retry

    assert answer["url"] == STATUS["url"] and len(made) == 1
    keys = {call.request.headers["Idempotency-Key"] for call in creates(x_api)}
    assert keys == {f"understudy-{post['id']}-1"}


def test_a_server_error_is_retried_and_the_retry_publishes(aws, api, task, x_api, mastodon_channel):
    x_api.post(STATUSES, status=503, json={"error": "Service Unavailable"})
    x_api.post(STATUSES, json=STATUS)
    post = submit(api)

    with pytest.raises(ChannelUnavailable, match="503"):
        task("publish", {"postId": post["id"]})
    assert task("publish", {"postId": post["id"]})["url"] == STATUS["url"]


def test_a_rate_limit_answers_the_instances_reset_time(aws, api, task, x_api, mastodon_channel):
    reset = datetime.fromtimestamp(int(time.time()) + 600, UTC)
    x_api.post(STATUSES, status=429, json={"error": "Too many requests"},
               headers={"X-RateLimit-Reset": reset.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                        "X-RateLimit-Remaining": "0", "X-RateLimit-Limit": "300"})
    post = submit(api)

    answer = task("publish", {"postId": post["id"]})

    assert answer["url"] is None
    waited = datetime.strptime(answer["retryAt"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC) - reset
    assert 0 <= waited.total_seconds() <= 5  # the reset (to the second, by the instance's clock) and a second
    assert api("GET", f"/posts/{post['id']}", who=ADMIN).body["status"] == "publishing"


def test_a_refusal_fails_the_post_with_the_instances_message(aws, api, task, x_api, mastodon_channel):
    x_api.post(STATUSES, status=422, json={"error": "Validation failed: Text character limit of 500 exceeded"})
    post = submit(api)

    with pytest.raises(PublishFailed, match="character limit of 500 exceeded") as raised:
        task("publish", {"postId": post["id"]})
    assert not isinstance(raised.value, PublishUncertain)


def test_a_revoked_token_asks_an_admin_to_reconnect(aws, api, task, x_api, mastodon_channel):
    x_api.post(STATUSES, status=401, json={"error": "The access token was revoked"})
    post = submit(api)

    with pytest.raises(PublishFailed, match="reconnect"):
        task("publish", {"postId": post["id"]})


def test_it_is_live_takes_only_a_post_on_the_channels_instance(mastodon_channel):
    from understudy.channels import client_for

    client = client_for(mastodon_channel)
    found = client.live_post("p1", 1, f"{INSTANCE}/@library/{STATUS_ID}")
    assert found.external_id == STATUS_ID
    assert client.live_post("p1", 1, f"{INSTANCE}/users/library/statuses/{STATUS_ID}").external_id == STATUS_ID
    for url in (f"https://mastodon.social/@library/{STATUS_ID}", f"{INSTANCE}/@library", f"{INSTANCE}/about",
                f"http://social.example.org/@library/{STATUS_ID}", "javascript:alert(1)"):
        with pytest.raises(InvalidValue):
            client.live_post("p1", 1, url)


def test_a_401_on_a_cached_token_is_tried_once_more_with_the_newly_stored_one(aws, api, task, x_api,
                                                                              mastodon_channel):
    from understudy.channels import secret_name

    def create(request):
        """The instance takes only the token the admin reconnected with."""
        if request.headers["Authorization"] != "Bearer reconnected":
            return 401, {}, json.dumps({"error": "The access token was revoked"})
        return 200, {}, json.dumps(STATUS)

    x_api.add_callback("POST", STATUSES, callback=create)
    first = submit(api)
    with pytest.raises(PublishFailed):  # caches the old token
        task("publish", {"postId": first["id"]})
    boto3.client("secretsmanager").put_secret_value(SecretId=secret_name("masto"),
                                                    SecretString=json.dumps({"accessToken": "reconnected"}))
    second = submit(api, text="After reconnecting")

    assert task("publish", {"postId": second["id"]})["url"] == STATUS["url"]
    tokens = [call.request.headers["Authorization"] for call in creates(x_api)]
    assert tokens == [f"Bearer {TOKEN}", f"Bearer {TOKEN}", "Bearer reconnected"]


@pytest.mark.parametrize(("typed", "kept"), [("mastodon.social", "https://mastodon.social"),
                                             (" https://Mastodon.Social/ ", "https://mastodon.social"),
                                             ("https://social.example.org:8443", "https://social.example.org:8443")])
def test_the_instance_is_kept_as_its_https_origin(typed, kept):
    from understudy.channels.mastodon import instance_url

    assert instance_url(typed) == kept


@pytest.mark.parametrize("typed", ["", "http://mastodon.social", "https://mastodon.social/@library",
                                   "https://me:pw@mastodon.social", "localhost", "https://mastodon.social?x=1",
                                   "javascript:alert(1)"])
def test_an_instance_address_that_is_not_an_https_origin_is_refused(typed):
    from understudy.channels.mastodon import instance_url

    with pytest.raises(InvalidValue) as refused:
        instance_url(typed)
    assert refused.value.field == "instance"


# --- replies ------------------------------------------------------------------------------------

STATUS_BY_ID = re.compile(rf"{re.escape(INSTANCE)}/api/v1/statuses/(\d+)/?$")
SEARCH = re.compile(rf"{re.escape(INSTANCE)}/api/v2/search/?(\?.*)?$")
ANSWERED = {**STATUS, "id": "109", "url": f"{INSTANCE}/@council/109", "uri": f"{INSTANCE}/users/council/statuses/109",
            "content": '<p>Bins are late &lt;again&gt;<br>Third week <a href="https://town.example/bins" '
                       'rel="nofollow"><span class="invisible">https://</span><span>town.example/bins</span></a>'
                       '</p><p>Anyone?</p>'}
ANSWERED_TEXT = "Bins are late <again>\nThird week https://town.example/bins\n\nAnyone?"
REMOTE = "https://town.example/@council/42"  # a post on another instance: known here by another id
REMOTE_HERE = {**ANSWERED, "id": "113000000000000042", "url": REMOTE, "uri": "https://town.example/users/council/statuses/42"}


def reply(api, address: str) -> dict:
    answer = api("POST", "/posts", who=AUTHOR, body={"channel": "masto", "text": "Sorry, on their way",
                                                      "replyTo": address})
    assert answer.status == 201, answer.body
    return answer.body


def search_answer(found: list) -> dict:
    return {"accounts": [], "statuses": found, "hashtags": []}


def test_a_reply_to_a_post_on_the_own_instance_is_found_by_its_id_and_sent_in_reply_to_it(aws, api, task, x_api,
                                                                                          mastodon_channel):
    x_api.get(STATUS_BY_ID, json=ANSWERED)
    x_api.post(STATUSES, json=STATUS)
    post = reply(api, f"{INSTANCE}/@council/109")

    assert task("publish", {"postId": post["id"]})["url"] == STATUS["url"]

    [looked_up] = [c for c in x_api.calls if STATUS_BY_ID.match(c.request.url)]
    assert looked_up.request.url.endswith("/api/v1/statuses/109")
    assert looked_up.request.headers["Authorization"] == f"Bearer {TOKEN}"
    [call] = creates(x_api)
    sent = parse_qs(call.request.body)
    assert sent["in_reply_to_id"] == ["109"] and sent["status"] == ["Sorry, on their way"]
    assert call.request.headers["Idempotency-Key"] == f"understudy-{post['id']}-1"


def test_a_reply_to_a_post_on_another_instance_is_found_through_the_instances_search(aws, api, task, x_api,
                                                                                     mastodon_channel):
    x_api.get(SEARCH, json=search_answer([REMOTE_HERE]))
    x_api.post(STATUSES, json=STATUS)
    post = reply(api, REMOTE)

    task("publish", {"postId": post["id"]})

    [searched] = [c for c in x_api.calls if SEARCH.match(c.request.url)]
    query = parse_qs(searched.request.url.split("?", 1)[1])
    assert query["q"] == [REMOTE] and query["resolve"] == ["1"] and query["type"] == ["statuses"]
    [call] = creates(x_api)
    assert parse_qs(call.request.body)["in_reply_to_id"] == [REMOTE_HERE["id"]]  # the id on our instance


@pytest.mark.parametrize(("address", "lookup", "answer", "said"), [
    (f"{INSTANCE}/@council/109", STATUS_BY_ID, (404, {"error": "Record not found"}), "Record not found"),
    (REMOTE, SEARCH, (200, search_answer([])), "could not find the post this one answers at " + REMOTE),
])
def test_a_post_the_instance_cannot_find_fails_the_reply_with_its_words_and_posts_nothing(
        aws, api, task, x_api, mastodon_channel, address, lookup, answer, said):
    x_api.get(lookup, status=answer[0], json=answer[1])
    post = reply(api, address)

    with pytest.raises(PublishFailed, match=re.escape(said)) as raised:
        task("publish", {"postId": post["id"]})
    assert "deleted" in str(raised.value) and creates(x_api) == []


def test_a_server_error_while_finding_the_answered_post_is_retried_and_nothing_is_posted(aws, api, task, x_api,
                                                                                        mastodon_channel):
    x_api.get(SEARCH, status=502, json={"error": "Bad Gateway"})
    x_api.get(SEARCH, json=search_answer([REMOTE_HERE]))
    x_api.post(STATUSES, json=STATUS)
    post = reply(api, REMOTE)

    with pytest.raises(ChannelUnavailable, match="502"):
        task("publish", {"postId": post["id"]})
    assert creates(x_api) == []
    assert task("publish", {"postId": post["id"]})["url"] == STATUS["url"]  # the workflow's retry
    assert parse_qs(creates(x_api)[0].request.body)["in_reply_to_id"] == [REMOTE_HERE["id"]]


def test_the_reviewer_sees_the_answered_posts_text_without_its_html(aws, api, x_api, mastodon_channel):
    x_api.get(STATUS_BY_ID, json=ANSWERED)
    post = reply(api, f"{INSTANCE}/@council/109#top")

    answered = api("GET", f"/posts/{post['id']}/reply-to", who="reviewer@example.org").body["replyTo"]

    assert answered == {"url": f"{INSTANCE}/@council/109", "text": ANSWERED_TEXT}


def test_the_reviewer_sees_the_address_only_when_the_instance_does_not_show_the_post(aws, api, x_api,
                                                                                   mastodon_channel):
    x_api.get(SEARCH, status=503, json={"error": "Service Unavailable"})
    post = reply(api, REMOTE)

    answered = api("GET", f"/posts/{post['id']}/reply-to", who="reviewer@example.org")

    assert answered.status == 200 and answered.body["replyTo"] == {"url": REMOTE, "text": None}


@pytest.mark.parametrize("address", ["https://x.com/council/status/1234", "http://town.example/@council/42",
                                     f"{INSTANCE}/about", "https://town.example/@council", "https://localhost/@a/1",
                                     "https://user:pw@town.example/@council/42", "javascript:alert(1)"])
def test_an_address_that_is_not_a_mastodon_post_is_refused_at_submit_and_nothing_is_kept(aws, api, x_api,
                                                                                          mastodon_channel, address):
    refused = api("POST", "/posts", who=AUTHOR, body={"channel": "masto", "text": "Thanks!", "replyTo": address})

    assert refused.status == 422 and "replyTo" in json.dumps(refused.body), refused.body
    assert api("GET", "/posts", who=AUTHOR, query={"mine": "true"}).body["items"] == []
    assert len(x_api.calls) == 0  # the shape is checked here; nothing asked of the instance


# --- images -------------------------------------------------------------------------------------

MEDIA = re.compile(rf"{re.escape(INSTANCE)}/api/v2/media/?$")
MEDIA_LOOK = re.compile(rf"{re.escape(INSTANCE)}/api/v1/media/(\d+)/?$")


def attachment(media_id: str, processed: bool = True) -> dict:
    return {"id": media_id, "type": "image", "url": f"{INSTANCE}/system/{media_id}.png" if processed else None,
            "preview_url": None, "description": None, "blurhash": None}


def form_fields(request) -> dict[str, bytes]:
    """The multipart form Mastodon.py sent: field name -> its bytes."""
    from email.parser import BytesParser
    from email.policy import HTTP

    body = request.body if isinstance(request.body, bytes) else request.body.read()
    form = BytesParser(policy=HTTP).parsebytes(
        f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode() + body)
    return {part.get_param("name", header="content-disposition"): part.get_payload(decode=True)
            for part in form.iter_parts()}


@pytest.fixture
def post_with_images(api, mastodon_channel):
    from tests.integration.conftest import submitted_with_images

    return submitted_with_images(api, AUTHOR, "masto")


def test_images_are_uploaded_with_their_alt_text_then_posted_with_their_ids(aws, api, task, x_api,
                                                                            post_with_images):
    x_api.post(MEDIA, json=attachment("701"))
    x_api.post(MEDIA, json=attachment("702"))
    x_api.post(STATUSES, json=STATUS)

    answer = task("publish", {"postId": post_with_images["id"]})

    uploads = [call for call in x_api.calls if MEDIA.match(call.request.url)]
    for call, wanted in zip(uploads, post_with_images["media"], strict=True):
        assert call.request.headers["Authorization"] == f"Bearer {TOKEN}"
        fields = form_fields(call.request)
        assert fields["description"].decode() == wanted["alt"]
        sent = Image.open(io.BytesIO(fields["file"]))
        assert sent.size == (40, 30) and sent.get_format_mimetype() == wanted["contentType"]
    [status] = creates(x_api)
    assert parse_qs(status.request.body)["media_ids[]"] == ["701", "702"]
    assert status.request.headers["Idempotency-Key"] == f"understudy-{post_with_images['id']}-1"
    assert answer["url"] == STATUS["url"]


def test_an_upload_still_processing_is_waited_for_before_the_status(aws, api, task, x_api, post_with_images):
    x_api.post(MEDIA, status=202, json=attachment("711", processed=False))
    x_api.post(MEDIA, json=attachment("712"))
    x_api.get(MEDIA_LOOK, status=206, json=attachment("711", processed=False))
    x_api.get(MEDIA_LOOK, json=attachment("711"))
    x_api.post(STATUSES, json=STATUS)

    assert task("publish", {"postId": post_with_images["id"]})["url"] == STATUS["url"]

    order = [("media" if MEDIA.match(c.request.url) else "look" if MEDIA_LOOK.match(c.request.url) else "status")
             for c in x_api.calls]
    assert order == ["media", "look", "look", "media", "status"]  # the status only once both are processed
    assert parse_qs(creates(x_api)[0].request.body)["media_ids[]"] == ["711", "712"]


def test_an_upload_never_processed_in_time_posts_nothing_and_is_retried(aws, api, task, x_api, post_with_images,
                                                                        monkeypatch):
    from understudy.channels import mastodon

    monkeypatch.setattr(mastodon, "PROCESSING_WAIT", 0)
    x_api.post(MEDIA, status=202, json=attachment("721", processed=False))

    with pytest.raises(ChannelUnavailable, match="still processing an image"):
        task("publish", {"postId": post_with_images["id"]})

    assert not creates(x_api)
    stored = api("GET", f"/posts/{post_with_images['id']}", who=ADMIN).body
    assert stored["status"] == "publishing" and stored["needsCheck"] is False


def test_a_retry_after_the_status_failed_reuses_the_media_ids(aws, api, task, x_api, post_with_images):
    x_api.post(MEDIA, json=attachment("731"))
    x_api.post(MEDIA, json=attachment("732"))
    x_api.post(STATUSES, status=503, json={"error": "Service Unavailable"})
    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post_with_images["id"]})

    x_api.replace("POST", STATUSES, json=STATUS)
    assert task("publish", {"postId": post_with_images["id"]})["url"] == STATUS["url"]

    assert len([c for c in x_api.calls if MEDIA.match(c.request.url)]) == 2, "no image was uploaded again"
    retried = creates(x_api)[-1].request
    assert parse_qs(retried.body)["media_ids[]"] == ["731", "732"]
    assert retried.headers["Idempotency-Key"] == f"understudy-{post_with_images['id']}-1"


def test_an_image_over_the_instances_size_limit_is_sent_smaller(aws, api, task, x_api, mastodon_channel):
    import os

    from understudy import data
    from understudy.model import now_iso

    from tests.integration.conftest import submitted_with_images

    mastodon_channel.details["imageSizeLimit"] = 30_000  # an instance stricter than our 5 MB
    data.put_channel(mastodon_channel, "test", now_iso())
    noisy = io.BytesIO()
    Image.frombytes("RGB", (300, 200), os.urandom(300 * 200 * 3)).save(noisy, "PNG")
    assert len(noisy.getvalue()) > 30_000
    post = submitted_with_images(api, AUTHOR, "masto", [(noisy.getvalue(), "Static on an old television")])
    x_api.post(MEDIA, json=attachment("741"))
    x_api.post(STATUSES, json=STATUS)

    assert task("publish", {"postId": post["id"]})["url"] == STATUS["url"]

    [upload] = [call for call in x_api.calls if MEDIA.match(call.request.url)]
    fields = form_fields(upload.request)
    sent = Image.open(io.BytesIO(fields["file"]))
    assert len(fields["file"]) <= 30_000 and sent.format == "JPEG" and abs(sent.width / sent.height - 1.5) < 0.01
    assert fields["description"].decode() == "Static on an old television"


def test_a_refused_upload_fails_the_post_with_the_instances_message(aws, api, task, x_api, post_with_images):
    x_api.post(MEDIA, status=422, json={"error": "Validation failed: File file size must be less than 1 MB"})

    with pytest.raises(PublishFailed, match="must be less than 1 MB"):
        task("publish", {"postId": post_with_images["id"]})
    assert not creates(x_api)


def test_more_images_than_the_instance_takes_are_refused_at_submit(aws, api, mastodon_channel):
    from understudy import data
    from understudy.model import now_iso

    from tests.integration.conftest import picture, uploaded

    mastodon_channel.details["maxImages"] = 2  # as connect read it from this instance
    data.put_channel(mastodon_channel, "test", now_iso())
    media = [{"key": uploaded(AUTHOR, picture()), "alt": f"Picture {n}"} for n in range(3)]

    answer = api("POST", "/posts", who=AUTHOR, body={"channel": "masto", "text": "Three pictures", "media": media})

    assert answer.status == 422
    assert "Mastodon takes at most 2 images in a post; this one has 3" in answer.body["message"]
    assert api("GET", "/posts", who=AUTHOR).body["items"] == []


def test_a_revision_with_more_images_than_the_instance_takes_is_refused_and_changes_nothing(aws, api,
                                                                                            mastodon_channel):
    from understudy import data
    from understudy.model import now_iso

    from tests.integration.conftest import picture, submitted_with_images, uploaded

    mastodon_channel.details["maxImages"] = 2
    data.put_channel(mastodon_channel, "test", now_iso())
    trainee = "trainee@example.org"
    post = submitted_with_images(api, trainee, "masto")
    api("POST", f"/posts/{post['id']}/decision", who="reviewer@example.org",
        body={"decision": "request_changes", "feedback": "One more picture, please."})
    media = [*({"key": m["key"], "alt": m["alt"]} for m in post["media"]),
             {"key": uploaded(trainee, picture()), "alt": "The garden"}]

    answer = api("PUT", f"/posts/{post['id']}", who=trainee, body={"text": "With the garden", "media": media})

    assert answer.status == 422 and "at most 2 images" in answer.body["message"]
    kept = api("GET", f"/posts/{post['id']}", who=trainee).body
    assert kept["status"] == "changes_requested" and len(kept["revisions"]) == 1
