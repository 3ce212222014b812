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
PDS = "https://morel.us-east.host.bsky.network"  # the account's own PDS, as its DID document names it
XRPC = f"{PDS}/xrpc/"
RESOLVE = re.compile(re.escape("https://bsky.social/xrpc/com.atproto.identity.resolveHandle") + r"(\?.*)?$")
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


def did_document(did: str, pds: str) -> dict:
    return {"@context": ["https://www.w3.org/ns/did/v1"], "id": did, "alsoKnownAs": [f"at://{HANDLE}"],
            "verificationMethod": [],
            "service": [{"id": "#atproto_labeler", "type": "AtprotoLabeler", "serviceEndpoint": "https://l.example"},
                        {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}]}


def where_the_account_lives(network, did: str = DID, pds: str = PDS) -> None:
    """The handle resolves to the DID, whose document (on plc.directory) names the PDS."""
    network.get(RESOLVE, json={"did": did})
    network.get(f"https://plc.directory/{did}", json=did_document(did, pds))


@pytest.fixture(autouse=True)
def fresh_container():
    """What a warm container keeps: the sessions and the PDS found for each handle."""
    from understudy.channels import bluesky

    bluesky._sessions.clear()
    bluesky._pds_of.clear()


@pytest.fixture
def bluesky_channel(aws):
    from understudy import data
    from understudy.channels import secret_name
    from understudy.model import Channel, now_iso

    channel = Channel("sky", "Library on Bluesky", "bluesky", {"handle": HANDLE, "did": DID, "pds": PDS})
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


def test_an_admin_connects_an_account_with_an_app_password_checked_by_signing_in_at_its_pds(aws, api, x_api):
    where_the_account_lives(x_api)
    x_api.post(SESSION, json=SIGNED_IN)

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 201, answer.body
    assert answer.body == {"id": "library-on-bluesky", "name": "Library on Bluesky", "kind": "bluesky",
                           "handle": HANDLE}
    resolved, document, signed_in = x_api.calls
    assert resolved.request.url.endswith(f"resolveHandle?handle={HANDLE}")
    assert json.loads(signed_in.request.body) == {"identifier": HANDLE, "password": PASSWORD}
    assert signed_in.request.url == f"{PDS}/xrpc/com.atproto.server.createSession"
    from understudy import data

    assert data.get_channel("library-on-bluesky").details == {"handle": HANDLE, "did": DID, "pds": PDS}
    stored = boto3.client("secretsmanager").get_secret_value(SecretId="understudy/channels/library-on-bluesky")
    assert json.loads(stored["SecretString"]) == {"handle": HANDLE, "appPassword": PASSWORD}
    assert PASSWORD not in json.dumps(api("GET", "/channels", who=AUTHOR).body) + json.dumps(answer.body)


def test_an_account_on_a_self_hosted_pds_with_a_did_web_signs_in_there(aws, api, x_api):
    own = "https://pds.library.example"
    x_api.get(RESOLVE, json={"did": "did:web:library.example"})
    x_api.get("https://library.example/.well-known/did.json", json=did_document("did:web:library.example", own))
    x_api.post(f"{own}/xrpc/com.atproto.server.createSession",
               json={**SIGNED_IN, "did": "did:web:library.example", "handle": "library.example"})

    answer = api("POST", "/channels", who=ADMIN, body={**CONNECT, "handle": "library.example"})

    assert answer.status == 201, answer.body
    from understudy import data

    assert data.get_channel("library-on-bluesky").details["pds"] == own


@pytest.mark.parametrize(("resolved", "document", "said"), [
    ((400, {"error": "InvalidRequest", "message": "Unable to resolve handle"}), None, "Unable to resolve handle"),
    ((200, {"did": DID}), (404, {"message": "DID not registered"}), "DID not registered"),
    ((200, {"did": DID}), (200, {"id": DID, "service": [{"id": "#atproto_pds", "type": "AtprotoPersonalDataServer",
                                                         "serviceEndpoint": "http://insecure.example"}]}),
     "names no PDS"),
    ((200, {"did": "did:key:zQ3shunBKsXixLxKtC5qeSG9E4J5RkGN57im31pcTzbNQnm5w"}), None, "not a did:plc or a did:web"),
])
def test_an_account_whose_pds_cannot_be_found_is_refused_with_the_reason_and_nothing_is_stored(
        aws, api, x_api, resolved, document, said):
    x_api.get(RESOLVE, status=resolved[0], json=resolved[1])
    if document:
        x_api.get(f"https://plc.directory/{DID}", status=document[0], json=document[1])

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 400 and said in answer.body["message"], answer.body
    assert not any(SESSION.match(c.request.url) for c in x_api.calls)  # the password went nowhere
    assert [c["id"] for c in api("GET", "/channels", who=ADMIN).body["items"]] == ["demo"]


def test_a_resolver_that_is_down_is_told_as_a_passing_trouble(aws, api, x_api):
    x_api.get(RESOLVE, status=502, json={"error": "UpstreamFailure", "message": "Bad gateway"})

    answer = api("POST", "/channels", who=ADMIN, body=CONNECT)

    assert answer.status == 503 and "trying again" in answer.body["message"], answer
    assert [c["id"] for c in api("GET", "/channels", who=ADMIN).body["items"]] == ["demo"]


def test_a_channel_connected_before_its_pds_was_kept_finds_it_once_per_container(aws, api, task, x_api,
                                                                                bluesky_channel):
    from dataclasses import replace

    from understudy import data
    from understudy.model import now_iso

    data.put_channel(replace(bluesky_channel, details={"handle": HANDLE, "did": DID}), "test", now_iso())
    where_the_account_lives(x_api)
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.add_callback("POST", CREATE, callback=lambda r: (200, {}, json.dumps(
        created(json.loads(r.body)["rkey"]))))

    for text in ("First", "Second"):
        task("publish", {"postId": submit(api, text)["id"]})

    assert sum(1 for c in x_api.calls if RESOLVE.match(c.request.url)) == 1
    assert sum(1 for c in x_api.calls if "plc.directory" in c.request.url) == 1
    assert len(creates(x_api)) == 2


def test_a_wrong_app_password_is_told_with_blueskys_words_and_nothing_is_stored(aws, api, x_api):
    where_the_account_lives(x_api)
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


# --- replies ------------------------------------------------------------------------------------

PDS_RESOLVE = re.compile(re.escape(XRPC + "com.atproto.identity.resolveHandle") + r"(\?.*)?$")
GET_POSTS = re.compile(re.escape(XRPC + "app.bsky.feed.getPosts") + r"(\?.*)?$")
COUNCIL_DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"
ANSWERED_URI = f"at://{COUNCIL_DID}/app.bsky.feed.post/3lbcouncil2k2"
ANSWERED_URL = "https://bsky.app/profile/council.example.gov/post/3lbcouncil2k2"
THREAD_ROOT = {"uri": f"at://{COUNCIL_DID}/app.bsky.feed.post/3lbrootpost22", "cid": "bafyreiroot"}


def post_view(reply_of: dict | None = None) -> dict:
    """The answered post as getPosts shows it (its record is itself a reply when ``reply_of`` is given)."""
    record = {"$type": "app.bsky.feed.post", "text": "Bins are late <again> 🗑️", "createdAt": "2026-11-30T09:00:00Z"}
    if reply_of:
        record["reply"] = {"root": reply_of, "parent": reply_of}
    return {"uri": ANSWERED_URI, "cid": "bafyreiparent",
            "author": {"did": COUNCIL_DID, "handle": "council.example.gov"}, "record": record,
            "indexedAt": "2026-11-30T09:00:01Z"}


def reply(api, address: str = ANSWERED_URL) -> dict:
    answer = api("POST", "/posts", who=AUTHOR, body={"channel": "sky", "text": "Sorry, on their way",
                                                      "replyTo": address})
    assert answer.status == 201, answer.body
    return answer.body


def answered_post_is(network, found: list) -> None:
    network.get(PDS_RESOLVE, json={"did": COUNCIL_DID})
    network.get(GET_POSTS, json={"posts": found})


@pytest.mark.parametrize(("reply_of", "root"), [(None, {"uri": ANSWERED_URI, "cid": "bafyreiparent"}),
                                                (THREAD_ROOT, THREAD_ROOT)])
def test_a_reply_names_the_answered_post_as_parent_and_its_threads_root(aws, api, task, x_api, bluesky_channel,
                                                                         reply_of, root):
    from understudy.channels.bluesky import record_key

    x_api.post(SESSION, json=SIGNED_IN)
    answered_post_is(x_api, [post_view(reply_of)])
    post = reply(api)
    x_api.post(CREATE, json=created(record_key(post["id"], 1)))

    task("publish", {"postId": post["id"]})

    [body] = creates(x_api)
    assert body["record"]["reply"] == {"root": root, "parent": {"uri": ANSWERED_URI, "cid": "bafyreiparent"}}
    [resolved] = [c for c in x_api.calls if PDS_RESOLVE.match(c.request.url)]
    assert resolved.request.url.endswith("handle=council.example.gov")
    [read] = [c for c in x_api.calls if GET_POSTS.match(c.request.url)]
    assert read.request.params == {"uris": ANSWERED_URI}
    assert read.request.headers["Authorization"] == "Bearer access-jwt-1"


def test_a_reply_to_a_post_named_by_its_did_needs_no_handle_resolved(aws, api, task, x_api, bluesky_channel):
    from understudy.channels.bluesky import record_key

    x_api.post(SESSION, json=SIGNED_IN)
    x_api.get(GET_POSTS, json={"posts": [post_view()]})
    post = reply(api, f"https://bsky.app/profile/{COUNCIL_DID}/post/3lbcouncil2k2")
    x_api.post(CREATE, json=created(record_key(post["id"], 1)))

    task("publish", {"postId": post["id"]})

    assert creates(x_api)[0]["record"]["reply"]["parent"]["uri"] == ANSWERED_URI
    assert not any(PDS_RESOLVE.match(c.request.url) for c in x_api.calls)


@pytest.mark.parametrize(("resolved", "found", "said"), [
    ((200, {"did": COUNCIL_DID}), [], "could not find the post this one answers"),
    ((400, {"error": "InvalidRequest", "message": "Unable to resolve handle"}), None, "Unable to resolve handle"),
])
def test_a_post_bluesky_cannot_find_fails_the_reply_with_its_words_and_posts_nothing(
        aws, api, task, x_api, bluesky_channel, resolved, found, said):
    x_api.post(SESSION, json=SIGNED_IN)
    x_api.get(PDS_RESOLVE, status=resolved[0], json=resolved[1])
    x_api.get(GET_POSTS, json={"posts": found or []})
    x_api.get(GET, status=400, json={"error": "RecordNotFound", "message": "Could not locate record"})
    post = reply(api)

    with pytest.raises(PublishFailed, match=said):
        task("publish", {"postId": post["id"]})
    assert creates(x_api) == []


def test_a_server_error_while_reading_the_answered_post_is_retried_and_nothing_is_posted(aws, api, task, x_api,
                                                                                        bluesky_channel):
    from understudy.channels.bluesky import record_key

    x_api.post(SESSION, json=SIGNED_IN)
    x_api.get(PDS_RESOLVE, json={"did": COUNCIL_DID})
    x_api.get(GET_POSTS, status=502, json={"error": "UpstreamFailure", "message": "Upstream Failure"})
    x_api.get(GET_POSTS, json={"posts": [post_view()]})
    post = reply(api)
    x_api.post(CREATE, json=created(record_key(post["id"], 1)))

    with pytest.raises(ChannelUnavailable, match="502"):
        task("publish", {"postId": post["id"]})
    assert creates(x_api) == []
    task("publish", {"postId": post["id"]})  # the workflow's retry
    assert creates(x_api)[0]["record"]["reply"]["parent"]["cid"] == "bafyreiparent"


def test_a_reply_made_before_its_answer_was_lost_is_found_even_once_the_answered_post_is_gone(
        aws, api, task, x_api, bluesky_channel):
    from understudy.channels.bluesky import record_key

    x_api.post(SESSION, json=SIGNED_IN)
    x_api.get(PDS_RESOLVE, json={"did": COUNCIL_DID})
    x_api.get(GET_POSTS, json={"posts": [post_view()]})
    x_api.get(GET_POSTS, json={"posts": []})  # deleted by the time the workflow retries
    post = reply(api)
    rkey = record_key(post["id"], 1)
    x_api.post(CREATE, body=requests.exceptions.ReadTimeout("the record was made; its answer is lost"))
    x_api.get(GET, json={"uri": f"at://{DID}/app.bsky.feed.post/{rkey}", "cid": "bafyreimade", "value": {}})

    with pytest.raises(ChannelUnavailable):
        task("publish", {"postId": post["id"]})
    answer = task("publish", {"postId": post["id"]})

    assert answer["url"] == f"https://bsky.app/profile/{HANDLE}/post/{rkey}" and len(creates(x_api)) == 1


def test_the_reviewer_sees_the_answered_posts_text(aws, api, x_api, bluesky_channel):
    """The reviewer's read has only the post (not its channel's details): the PDS is found from the handle."""
    where_the_account_lives(x_api)
    x_api.post(SESSION, json=SIGNED_IN)
    answered_post_is(x_api, [post_view()])
    post = reply(api)

    answered = api("GET", f"/posts/{post['id']}/reply-to", who="reviewer@example.org").body["replyTo"]

    assert answered == {"url": ANSWERED_URL, "text": "Bins are late <again> 🗑️"}


def test_the_reviewer_sees_the_address_only_when_bluesky_does_not_show_the_post(aws, api, x_api, bluesky_channel):
    where_the_account_lives(x_api)
    x_api.post(SESSION, json=SIGNED_IN)
    answered_post_is(x_api, [])
    post = reply(api)

    answered = api("GET", f"/posts/{post['id']}/reply-to", who="reviewer@example.org")

    assert answered.status == 200 and answered.body["replyTo"] == {"url": ANSWERED_URL, "text": None}


@pytest.mark.parametrize("address", ["https://x.com/council/status/1234", "http://bsky.app/profile/a.example/post/3k",
                                     "https://bsky.app/profile/council.example.gov", "https://social.example.org/@a/1",
                                     "https://bsky.app/profile/a%2Fb/post/3lbcouncil2k2",
                                     "https://evil.example/profile/council.example.gov/post/3lbcouncil2k2"])
def test_an_address_that_is_not_a_bluesky_post_is_refused_at_submit_and_nothing_is_kept(aws, api, x_api,
                                                                                         bluesky_channel, address):
    refused = api("POST", "/posts", who=AUTHOR, body={"channel": "sky", "text": "Thanks!", "replyTo": address})

    assert refused.status == 422 and "replyTo" in json.dumps(refused.body), refused.body
    assert api("GET", "/posts", who=AUTHOR, query={"mine": "true"}).body["items"] == []
    assert len(x_api.calls) == 0


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
