"""Publishing to X through tweepy's real request path (OAuth 1.0a signing, JSON body, error mapping),
with only the HTTP exchange answered by `responses`: success, rate limits, server errors, refusals,
and the retries that must never post twice."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime

import pytest
import requests
from understudy.errors import ChannelUnavailable, NotPublishable, PublishFailed, PublishUncertain

from tests.integration.conftest import X_CREDENTIALS, X_HANDLE, X_TWEETS

AUTHOR, TRAINEE, ADMIN, REVIEWER = "author@example.org", "trainee@example.org", "admin@example.org", \
    "reviewer@example.org"
TWEET_ID = "1862500000000000001"
CREATED = {"data": {"id": TWEET_ID, "text": "ignored", "edit_history_tweet_ids": [TWEET_ID]}}
DUPLICATE = {"detail": "You are not allowed to create a Tweet with duplicate content.", "type": "about:blank",
             "title": "Forbidden", "status": 403}
UNAUTHORIZED = {"title": "Unauthorized", "type": "about:blank", "status": 401, "detail": "Unauthorized"}
TOO_MANY = {"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429}
UNAVAILABLE = {"title": "Service Unavailable", "detail": "Service Unavailable", "type": "about:blank",
               "status": 503}


def submit(api, text="Launching our new reading room today", who=AUTHOR) -> dict:
    answer = api("POST", "/posts", who=who, body={"channel": "x-main", "text": text})
    assert answer.status == 201, answer.body
    return answer.body


def stored(api, post_id: str) -> dict:
    return api("GET", f"/posts/{post_id}", who=ADMIN).body


def tweets_sent(x_api) -> list:
    return [call for call in x_api.calls if X_TWEETS.match(call.request.url)]


def failure_event(post_id: str, error: Exception) -> dict:
    """What MarkFailed hands notify after Catch: the Lambda error, its Cause a JSON string."""
    cause = json.dumps({"errorMessage": str(error), "errorType": type(error).__name__})
    return {"event": "failed", "postId": post_id, "error": {"Error": type(error).__name__, "Cause": cause}}


def test_publish_sends_one_oauth1_signed_json_request_and_stores_the_url(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, status=201, json=CREATED)
    post = submit(api, text="Reading room opens at 9 — details: https://example.org/reading-room 📚")

    answer = task("publish", {"postId": post["id"]})

    [call] = tweets_sent(x_api)
    authorization = call.request.headers["Authorization"]
    assert authorization.startswith("OAuth ")
    assert f'oauth_consumer_key="{X_CREDENTIALS["apiKey"]}"' in authorization
    assert f'oauth_token="{X_CREDENTIALS["accessToken"]}"' in authorization
    assert 'oauth_signature_method="HMAC-SHA1"' in authorization and "oauth_signature=" in authorization
    assert call.request.headers["Content-Type"] == "application/json"
    assert json.loads(call.request.body) == {"text": post["text"]}
    url = f"https://x.com/{X_HANDLE}/status/{TWEET_ID}"
    assert answer == {"url": url, "retryAt": None}
    saved = stored(api, post["id"])
    assert saved["status"] == "published" and saved["publishedUrl"] == url
    assert saved["deliveries"] == [{"channel": saved["channel"], "state": "published", "url": url,
                                    "externalId": TWEET_ID, "error": None}]
    assert saved["needsCheck"] is False


def test_the_published_email_links_the_post_on_x(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, status=201, json=CREATED)
    post = submit(api, who=TRAINEE)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve", "feedback": "Clear"})
    url = task("publish", {"postId": post["id"]})["url"]

    task("notify", {"event": "published", "postId": post["id"]})

    [mail] = aws.sent_emails()
    assert url.startswith("https://x.com/") and url in mail["text"] and url in mail["html"]


def test_a_lambda_retry_after_a_successful_post_makes_no_call_and_answers_the_same_url(aws, api, task, x_api,
                                                                                        x_channel):
    x_api.post(X_TWEETS, status=201, json=CREATED)
    post = submit(api)

    first = task("publish", {"postId": post["id"]})
    again = task("publish", {"postId": post["id"]})

    assert again == first and len(tweets_sent(x_api)) == 1


def test_a_rate_limit_answers_the_reset_time_and_a_later_call_publishes(aws, api, task, x_api, x_channel):
    reset = int(time.time()) + 600
    x_api.post(X_TWEETS, status=429, json=TOO_MANY, headers={"x-rate-limit-reset": str(reset)})
    x_api.post(X_TWEETS, status=201, json=CREATED)
    post = submit(api)

    waiting = task("publish", {"postId": post["id"]})

    retry_at = datetime.fromtimestamp(reset + 1, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert waiting == {"url": None, "retryAt": retry_at}
    saved = stored(api, post["id"])
    assert saved["status"] == "publishing" and saved["publishedUrl"] is None
    assert saved["deliveries"][0]["state"] == "waiting" and saved["deliveries"][0]["externalId"] is None

    published = task("publish", {"postId": post["id"]})

    assert published["url"].endswith(f"/status/{TWEET_ID}") and published["retryAt"] is None
    assert len(tweets_sent(x_api)) == 2 and stored(api, post["id"])["status"] == "published"


def test_a_server_error_is_channel_unavailable_and_the_retry_publishes(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, status=503, json=UNAVAILABLE)
    x_api.post(X_TWEETS, status=201, json=CREATED)
    post = submit(api)

    with pytest.raises(ChannelUnavailable, match="503"):
        task("publish", {"postId": post["id"]})
    assert stored(api, post["id"])["status"] == "publishing"
    answer = task("publish", {"postId": post["id"]})

    assert answer["url"].endswith(f"/status/{TWEET_ID}") and len(tweets_sent(x_api)) == 2


def test_a_timeout_is_channel_unavailable(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, body=requests.exceptions.ReadTimeout("read timed out"))
    post = submit(api)

    with pytest.raises(ChannelUnavailable, match="ReadTimeout"):
        task("publish", {"postId": post["id"]})
    assert stored(api, post["id"])["status"] == "publishing"


def test_duplicate_content_fails_the_post_for_an_admin_to_check_and_is_never_posted_again(aws, api, task,
                                                                                           x_api, x_channel):
    x_api.post(X_TWEETS, status=403, json=DUPLICATE)
    post = submit(api)

    with pytest.raises(PublishUncertain, match="duplicate") as raised:
        task("publish", {"postId": post["id"]})
    with pytest.raises(PublishUncertain):  # a retry of the same task: no second request
        task("publish", {"postId": post["id"]})
    task("notify", failure_event(post["id"], raised.value))

    assert len(tweets_sent(x_api)) == 1
    saved = stored(api, post["id"])
    assert saved["status"] == "failed" and saved["needsCheck"] is True
    assert "duplicate content" in saved["error"] and f"@{X_HANDLE}" in saved["error"]
    [mail] = aws.sent_emails()
    assert {AUTHOR, ADMIN} <= set(mail["to"]) and "duplicate content" in mail["text"]
    with pytest.raises(NotPublishable):
        task("publish", {"postId": post["id"]})
    assert len(tweets_sent(x_api)) == 1


def test_revoked_credentials_fail_with_xs_message_and_no_retry(aws, api, task, x_api, x_channel):
    x_api.post(X_TWEETS, status=401, json=UNAUTHORIZED)
    post = submit(api)

    with pytest.raises(PublishFailed, match="401: Unauthorized") as raised:
        task("publish", {"postId": post["id"]})

    assert not isinstance(raised.value, PublishUncertain) and "reconnect" in raised.value.message
    assert len(tweets_sent(x_api)) == 1  # the stored credentials are the cached ones: no second try
    task("notify", failure_event(post["id"], raised.value))
    saved = stored(api, post["id"])
    assert saved["status"] == "failed" and "401: Unauthorized" in saved["error"] and saved["needsCheck"] is False


def test_a_401_on_cached_credentials_is_tried_once_more_with_the_newly_stored_ones(aws, api, task, x_api,
                                                                                   x_channel):
    import boto3
    from understudy.channels import secret_name

    x_api.post(X_TWEETS, status=201, json=CREATED)
    first = submit(api)
    task("publish", {"postId": first["id"]})  # caches the credentials
    renewed = {**X_CREDENTIALS, "accessToken": "1234-renewed", "accessTokenSecret": "ats-renewed-99"}
    boto3.client("secretsmanager").put_secret_value(SecretId=secret_name("x-main"),
                                                    SecretString=json.dumps(renewed))
    x_api.replace("POST", X_TWEETS, status=401, json=UNAUTHORIZED)
    x_api.add("POST", X_TWEETS, status=201, json=CREATED)
    second = submit(api, text="Second post")

    task("publish", {"postId": second["id"]})

    stale, fresh = tweets_sent(x_api)[1:]
    assert 'oauth_token="1234-at-77ab90"' in stale.request.headers["Authorization"]
    assert 'oauth_token="1234-renewed"' in fresh.request.headers["Authorization"]
    assert stored(api, second["id"])["status"] == "published"


class LambdaKilled(BaseException):
    """What a Lambda timeout does to a handler: it stops, and no except or finally clause of ours runs."""


def test_a_retry_after_an_interrupted_attempt_does_not_post_and_marks_the_post_for_an_admin(
        aws, api, task, x_api, x_channel):
    def killed(request):
        raise LambdaKilled()

    x_api.add_callback("POST", X_TWEETS, callback=killed)
    post = submit(api)
    with pytest.raises(LambdaKilled):
        task("publish", {"postId": post["id"]})

    with pytest.raises(PublishUncertain, match="not known whether the post went out") as raised:
        task("publish", {"postId": post["id"]})
    task("notify", failure_event(post["id"], raised.value))

    assert len(tweets_sent(x_api)) == 1  # only the interrupted attempt reached X
    saved = stored(api, post["id"])
    assert saved["status"] == "failed" and saved["needsCheck"] is True and f"@{X_HANDLE}" in saved["error"]
    [mail] = aws.sent_emails()
    assert {AUTHOR, ADMIN} <= set(mail["to"])


def test_a_channel_without_stored_credentials_fails_with_a_clear_message(aws, api, task, x_api, x_channel):
    import boto3
    from understudy.channels import secret_name

    boto3.client("secretsmanager").delete_secret(SecretId=secret_name("x-main"), ForceDeleteWithoutRecovery=True)
    post = submit(api)

    with pytest.raises(PublishFailed, match="no stored credentials"):
        task("publish", {"postId": post["id"]})
    assert len(x_api.calls) == 0


def test_a_post_too_long_as_x_counts_it_is_refused_on_submit(aws, api, x_channel):
    text = "日本語" * 47  # 141 characters, 282 as X counts them
    answer = api("POST", "/posts", who=AUTHOR, body={"channel": "x-main", "text": text})

    assert answer.status == 400 and "282" in answer.message and "280" in answer.message


def test_x_api_url_sends_the_requests_to_a_stand_in_with_a_timeout(aws, api, task, x_api, x_channel, monkeypatch):
    """How the sandbox's tests reach a local stand-in for X: X_API_URL replaces tweepy's host."""
    from understudy.config import config

    monkeypatch.setenv("X_API_URL", "http://127.0.0.1:9/fake-x/")
    config.cache_clear()
    x_api.post("http://127.0.0.1:9/fake-x/2/tweets", status=201, json=CREATED)
    post = submit(api)
    try:
        task("publish", {"postId": post["id"]})
    finally:
        monkeypatch.delenv("X_API_URL")
        config.cache_clear()

    [call] = x_api.calls
    assert call.request.url == "http://127.0.0.1:9/fake-x/2/tweets"
    assert call.request.req_kwargs["timeout"] == (5, 20)


X_TWEET = re.compile(r"https://api\.(twitter|x)\.com/2/tweets/777(\?.*)?$")
NOT_ON_THIS_TIER = {"title": "Forbidden", "type": "about:blank", "status": 403,
                    "detail": "When authenticating requests to the Twitter API v2 endpoints, you must use keys and "
                              "tokens from a Twitter developer App that is attached to a Project."}


def test_a_reply_carries_in_reply_to_and_the_reviewer_reads_the_answered_post_where_the_tier_allows(
        aws, api, task, x_api, x_channel):
    x_api.add("POST", X_TWEETS, json=CREATED, status=201)
    answered_post = {"id": "777", "text": "Why are the bins late?", "edit_history_tweet_ids": ["777"]}
    x_api.add("GET", X_TWEET, json={"data": answered_post}, status=200)
    reply = api("POST", "/posts", who=AUTHOR, body={"channel": "x-main", "text": "On their way, sorry",
                                                     "replyTo": "https://x.com/resident/status/777?s=20"}).body
    answered = api("GET", f"/posts/{reply['id']}/reply-to", who=REVIEWER).body["replyTo"]
    assert answered == {"url": "https://x.com/resident/status/777?s=20", "text": "Why are the bins late?"}
    [read] = [c for c in x_api.calls if X_TWEET.match(c.request.url)]
    assert read.request.headers["Authorization"].startswith("OAuth ")  # the channel's own credentials

    x_api.replace("GET", X_TWEET, json=NOT_ON_THIS_TIER, status=403)  # e.g. the Free tier: no reading
    assert api("GET", f"/posts/{reply['id']}/reply-to", who=REVIEWER).body["replyTo"]["text"] is None

    assert task("publish", {"postId": reply["id"]})["url"].endswith(TWEET_ID)
    [sent] = tweets_sent(x_api)
    assert json.loads(sent.request.body) == {"text": "On their way, sorry", "reply": {"in_reply_to_tweet_id": "777"}}
