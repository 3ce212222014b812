"""Images through the handlers under moto: the presigned POST's policy, images of posts that end
unpublished marked for the bucket's 30-day lifecycle rule (and those published not), and the review
email carrying its thumbnails inside it."""

from __future__ import annotations

import base64
import email
import json

import boto3
import pytest
from moto.core import DEFAULT_ACCOUNT_ID
from moto.ses.models import ses_backends

from tests.integration.conftest import picture, uploaded

TRAINEE, AUTHOR, REVIEWER = "trainee@example.org", "author@example.org", "reviewer@example.org"


def tags(key: str) -> dict:
    from understudy.config import config

    found = boto3.client("s3").get_object_tagging(Bucket=config().media_bucket, Key=key)["TagSet"]
    return {tag["Key"]: tag["Value"] for tag in found}


@pytest.fixture
def post(aws, api):
    key = uploaded(TRAINEE, picture())
    answer = api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "The garden in June",
                                                       "media": [{"key": key, "alt": "Roses on a fence"}]})
    assert answer.status == 201, answer.body
    return answer.body


def test_the_presigned_post_binds_the_key_type_and_size_to_the_uploaders_prefix(aws, api):
    from understudy import media

    answer = api("POST", "/uploads", who=TRAINEE, body={"contentType": "image/webp", "size": 12345})
    assert answer.status == 201, answer.body
    form = answer.body
    assert form["key"].startswith(media.upload_prefix(TRAINEE)) and form["fields"]["key"] == form["key"]
    policy = json.loads(base64.b64decode(form["fields"]["policy"]))
    assert {"Content-Type": "image/webp"} in policy["conditions"]
    assert ["content-length-range", 1, 12345] in policy["conditions"]
    assert {"key": form["key"]} in policy["conditions"]
    assert api("POST", "/uploads", who=None, body={"contentType": "image/png", "size": 1}).status == 401


@pytest.mark.parametrize("ending", ["rejected", "withdrawn"])
def test_images_of_a_post_that_ends_unpublished_are_tagged_for_deletion(aws, api, task, post, ending):
    [image] = post["media"]
    assert tags(image["key"]) == {}
    if ending == "rejected":
        decided = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                      body={"decision": "reject", "feedback": "Not this one."})
        assert decided.status == 200, decided.body
        task("notify", {"event": "rejected", "postId": post["id"]})
    else:
        assert api("POST", f"/posts/{post['id']}/withdraw", who=TRAINEE).status == 200
    assert tags(image["key"]) == {"outcome": "unpublished"}
    from understudy import media

    assert media.read(image["key"]), "the image is kept until the lifecycle rule deletes it"


def test_a_published_post_keeps_its_images_and_lets_go_of_earlier_revisions_ones(aws, api, task, post):
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "request_changes", "feedback": "Another picture, please."})
    replacement = uploaded(TRAINEE, picture("JPEG"))
    revised = api("PUT", f"/posts/{post['id']}", who=TRAINEE, body={
        "text": "The garden in June", "media": [{"key": replacement, "alt": "Sunflowers"}]})
    assert revised.status == 200, revised.body
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve", "feedback": ""})
    assert task("publish", {"postId": post["id"]})["url"]
    task("notify", {"event": "published", "postId": post["id"]})

    assert tags(revised.body["media"][0]["key"]) == {}, "the published image stays"
    assert tags(post["media"][0]["key"]) == {"outcome": "unpublished"}, "the replaced one goes in 30 days"


def test_the_review_email_carries_its_thumbnails_inside_as_related_parts(aws, task, post):
    task("request_review", {"phase": "request", "postId": post["id"], "taskToken": "t-1", "expireAfter": 3600})
    [message] = ses_backends[DEFAULT_ACCOUNT_ID]["us-east-1"].sent_messages
    parsed = email.message_from_string(message.raw_data)
    [related] = [part for part in parsed.walk() if part.get_content_type() == "multipart/related"]
    html, image = related.get_payload()
    cid = image["Content-ID"].strip("<>")
    assert image.get_content_maintype() == "image" and image.get_payload(decode=True)
    body = html.get_payload(decode=True).decode()
    assert f'src="cid:{cid}"' in body and 'alt="Roses on a fence"' in body
    text = next(p for p in parsed.walk() if p.get_content_type() == "text/plain").get_payload(decode=True).decode()
    assert "- Roses on a fence" in text


def test_a_post_published_after_it_had_failed_keeps_its_images_for_good(aws, api, task, post):
    from understudy import data, media

    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve", "feedback": ""})
    media.mark_unpublished([data.get_post(post["id"]).current.media[0]])  # as a failure would have
    assert tags(post["media"][0]["key"]) == {"outcome": "unpublished"}
    assert task("publish", {"postId": post["id"]})["url"]
    task("notify", {"event": "published", "postId": post["id"]})

    assert tags(post["media"][0]["key"]) == {}
