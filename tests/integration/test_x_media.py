"""Images to X through tweepy's real request path (OAuth 1.0a signing, JSON bodies, error classes),
answered by `responses`: POST /2/media/upload, alt text through POST /2/media/metadata, then the post
with the media ids; failed uploads, and retries that reuse a media id while X still has it."""

from __future__ import annotations

import base64
import io
import json

import pytest
from PIL import Image
from understudy.errors import ChannelUnavailable, PublishFailed

from tests.integration.conftest import (
    X_CREDENTIALS,
    X_MEDIA_METADATA,
    X_MEDIA_UPLOAD,
    X_TWEETS,
    submitted_with_images,
)

AUTHOR, ADMIN = "author@example.org", "admin@example.org"
TWEET_ID = "1862500000000000007"
CREATED = {"data": {"id": TWEET_ID, "text": "ignored", "edit_history_tweet_ids": [TWEET_ID]}}
UNAVAILABLE = {"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank", "status": 503}
BAD_MEDIA = {"errors": [{"message": "media type unrecognized."}], "title": "Invalid Request",
             "detail": "One or more parameters to your request was invalid.", "type": "about:blank", "status": 400}


def media_answer(media_id: str, expires_after: int = 86400) -> dict:
    return {"data": {"id": media_id, "media_key": f"3_{media_id}", "size": 1234, "expires_after_secs": expires_after}}


def calls_to(x_api, pattern) -> list:
    return [call for call in x_api.calls if pattern.match(call.request.url)]


@pytest.fixture
def post_with_images(api, x_channel):
    return submitted_with_images(api, AUTHOR, "x-main")


def test_images_are_uploaded_with_v2_described_then_posted_with_their_ids(aws, api, task, x_api, post_with_images):
    x_api.post(X_MEDIA_UPLOAD, json=media_answer("710001"))
    x_api.post(X_MEDIA_UPLOAD, json=media_answer("710002"))
    x_api.post(X_MEDIA_METADATA, json={"data": {"id": "710001"}})
    x_api.post(X_MEDIA_METADATA, json={"data": {"id": "710002"}})
    x_api.post(X_TWEETS, status=201, json=CREATED)

    answer = task("publish", {"postId": post_with_images["id"]})

    uploads = calls_to(x_api, X_MEDIA_UPLOAD)
    assert len(uploads) == 2
    for call, wanted in zip(uploads, post_with_images["media"], strict=True):
        assert call.request.headers["Authorization"].startswith("OAuth ")
        assert f'oauth_consumer_key="{X_CREDENTIALS["apiKey"]}"' in call.request.headers["Authorization"]
        body = json.loads(call.request.body)
        assert body["media_category"] == "tweet_image" and body["media_type"] == wanted["contentType"]
        sent = Image.open(io.BytesIO(base64.b64decode(body["media"])))
        assert sent.size == (40, 30)
        assert sent.format == {"image/png": "PNG", "image/jpeg": "JPEG"}[wanted["contentType"]]
    described = [json.loads(call.request.body) for call in calls_to(x_api, X_MEDIA_METADATA)]
    assert described == [
        {"id": "710001", "metadata": {"alt_text": {"text": "Shelves of books under a skylight"}}},
        {"id": "710002", "metadata": {"alt_text": {"text": "A red armchair by the window"}}}]
    [tweet] = calls_to(x_api, X_TWEETS)
    assert json.loads(tweet.request.body) == {"text": post_with_images["text"],
                                              "media": {"media_ids": ["710001", "710002"]}}
    assert answer["url"].endswith(f"/status/{TWEET_ID}")


def test_a_failed_upload_posts_nothing_and_the_retry_uploads_again(aws, api, task, x_api, post_with_images):
    x_api.post(X_MEDIA_UPLOAD, status=503, json=UNAVAILABLE)
    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post_with_images["id"]})
    assert not calls_to(x_api, X_TWEETS)
    stored = api("GET", f"/posts/{post_with_images['id']}", who=ADMIN).body
    assert stored["status"] == "publishing" and stored["needsCheck"] is False  # the retry may go ahead

    x_api.replace("POST", X_MEDIA_UPLOAD, json=media_answer("720001"))
    x_api.post(X_MEDIA_METADATA, json={"data": {}})
    x_api.post(X_TWEETS, status=201, json=CREATED)
    assert task("publish", {"postId": post_with_images["id"]})["url"].endswith(TWEET_ID)
    assert len(calls_to(x_api, X_MEDIA_UPLOAD)) == 3  # the failed one, then both images
    [tweet] = calls_to(x_api, X_TWEETS)
    assert json.loads(tweet.request.body)["media"] == {"media_ids": ["720001", "720001"]}


def test_a_retry_after_the_post_itself_failed_reuses_the_media_ids(aws, api, task, x_api, post_with_images):
    x_api.post(X_MEDIA_UPLOAD, json=media_answer("730001"))
    x_api.post(X_MEDIA_UPLOAD, json=media_answer("730002"))
    x_api.post(X_MEDIA_METADATA, json={"data": {}})
    x_api.post(X_TWEETS, status=503, json=UNAVAILABLE)
    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post_with_images["id"]})
    assert len(calls_to(x_api, X_MEDIA_UPLOAD)) == 2

    x_api.replace("POST", X_TWEETS, status=201, json=CREATED)
    task("publish", {"postId": post_with_images["id"]})

    assert len(calls_to(x_api, X_MEDIA_UPLOAD)) == 2, "no image was uploaded again"
    assert len(calls_to(x_api, X_MEDIA_METADATA)) == 2
    second = calls_to(x_api, X_TWEETS)[-1]
    assert json.loads(second.request.body)["media"] == {"media_ids": ["730001", "730002"]}
    stored = api("GET", f"/posts/{post_with_images['id']}", who=ADMIN).body
    assert stored["status"] == "published"


def test_a_media_id_about_to_expire_is_not_reused(aws, api, task, x_api, post_with_images):
    x_api.post(X_MEDIA_UPLOAD, json=media_answer("740001", expires_after=120))  # gone in two minutes
    x_api.post(X_MEDIA_UPLOAD, json=media_answer("740002"))
    x_api.post(X_MEDIA_METADATA, json={"data": {}})
    x_api.post(X_TWEETS, status=503, json=UNAVAILABLE)
    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post_with_images["id"]})

    x_api.upsert("POST", X_MEDIA_UPLOAD, json=media_answer("740003"))
    x_api.replace("POST", X_TWEETS, status=201, json=CREATED)
    task("publish", {"postId": post_with_images["id"]})

    assert len(calls_to(x_api, X_MEDIA_UPLOAD)) == 3, "only the image whose id was about to expire"
    ids = json.loads(calls_to(x_api, X_TWEETS)[-1].request.body)["media"]["media_ids"]
    assert ids == ["740003", "740002"]


def test_x_refusing_an_image_fails_the_post_with_xs_message_and_posts_nothing(aws, api, task, x_api,
                                                                              post_with_images):
    x_api.post(X_MEDIA_UPLOAD, status=400, json=BAD_MEDIA)
    with pytest.raises(PublishFailed) as refused:
        task("publish", {"postId": post_with_images["id"]})
    assert "media type unrecognized" in str(refused.value)
    assert not calls_to(x_api, X_TWEETS)


def test_an_image_that_cannot_be_read_posts_nothing_and_leaves_the_retry_free(aws, api, task, x_api, post_with_images):
    import boto3
    from understudy.config import config

    boto3.client("s3").delete_object(Bucket=config().media_bucket, Key=post_with_images["media"][0]["key"])
    with pytest.raises(ChannelUnavailable, match="could not be read"):
        task("publish", {"postId": post_with_images["id"]})
    assert not x_api.calls
    stored = api("GET", f"/posts/{post_with_images['id']}", who=ADMIN).body
    assert stored["status"] == "publishing" and stored["needsCheck"] is False
