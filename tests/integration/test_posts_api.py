"""The API function under moto: what authors, reviewers and admins can do to posts, and what is refused."""

from __future__ import annotations

import json

import pytest

TRAINEE, AUTHOR, REVIEWER, ADMIN = ("trainee@example.org", "author@example.org",
                                    "reviewer@example.org", "admin@example.org")


def submit(api, text="A first post", who=TRAINEE, note=None):
    answer = api("POST", "/posts", who=who, body={"channel": "demo", "text": text, "note": note})
    assert answer.status == 201, answer
    return answer.body


def test_trainee_post_waits_for_review_and_starts_one_execution_named_after_it(aws, api):
    post = submit(api, note="Is the tone right?")

    assert post["status"] == "pending_review" and post["review"] is True
    assert post["note"] == "Is the tone right?"
    [execution] = aws.executions()
    assert execution["name"] == post["id"]


def test_author_not_in_training_goes_straight_to_publishing(aws, api):
    post = submit(api, who=AUTHOR)

    assert post["status"] == "publishing" and post["review"] is False


@pytest.mark.parametrize(("text", "expected"), [
    ("", "empty"), ("   \n ", "empty"), ("x" * 281, "limit is 280"),
])
def test_empty_or_over_long_text_is_refused_and_nothing_is_stored(aws, api, text, expected):
    answer = api("POST", "/posts", body={"channel": "demo", "text": text})

    assert answer.status == 400 and expected in answer.message
    assert api("GET", "/posts", query={"mine": "true"}).body["items"] == []
    assert aws.executions() == []


def test_exactly_280_characters_after_nfc_is_accepted(aws, api):
    text = "e\u0301" * 280  # 560 code points, 280 after NFC composition
    assert submit(api, text=text)["text"] == "\u00e9" * 280


def test_unknown_channel_is_refused(aws, api):
    answer = api("POST", "/posts", body={"channel": "nowhere", "text": "hi"})

    assert answer.status == 400 and "nowhere" in answer.message
    assert aws.executions() == []


def test_missing_fields_and_unknown_fields_get_422_with_a_readable_message(aws, api):
    missing = api("POST", "/posts", body={"text": "hi"})
    extra = api("POST", "/posts", body={"channel": "demo", "text": "hi", "admin": True})

    assert missing.status == 422 and "channel" in missing.message
    assert extra.status == 422 and "admin" in extra.message


def test_no_claims_means_401(aws, api):
    answer = api("GET", "/me", who=None)
    assert answer.status == 401


def test_roles_come_from_the_people_list_not_the_tokens_groups(aws, api):
    """A token's cognito:groups are those of the moment it was issued; the users table is the truth."""
    claiming_admin = {"email": TRAINEE, "name": "T", "cognito:groups": ["admins", "reviewers"]}
    no_groups = {"email": "reviewer@example.org", "name": "R"}

    assert api("GET", "/me", claims=claiming_admin).body["roles"] == []
    assert api("GET", "/users", claims=claiming_admin).status == 403
    assert api("GET", "/me", claims=no_groups).body["roles"] == ["reviewers"]
    assert api("GET", "/me", who=ADMIN).body["roles"] == ["admins"]


def test_authors_see_only_their_own_posts(aws, api):
    mine = submit(api)
    other = submit(api, who=AUTHOR)

    assert [p["id"] for p in api("GET", "/posts").body["items"]] == [mine["id"]]
    assert api("GET", f"/posts/{other['id']}").status == 403
    assert api("GET", f"/posts/{mine['id']}").body["id"] == mine["id"]
    everyone = api("GET", "/posts", who=REVIEWER).body["items"]
    assert {p["id"] for p in everyone} == {mine["id"], other["id"]}


def test_lists_page_with_a_cursor_newest_first(aws, api):
    ids = [submit(api, text=f"post {i}")["id"] for i in range(27)]

    first = api("GET", "/posts", query={"mine": "true"}).body
    second = api("GET", "/posts", query={"mine": "true", "cursor": first["cursor"]}).body

    assert len(first["items"]) == 25 and first["cursor"]
    assert [p["id"] for p in first["items"] + second["items"]] == ids[::-1]
    assert second["cursor"] is None


def test_status_filter_and_bad_status(aws, api):
    post = submit(api)
    assert [p["id"] for p in api("GET", "/posts", who=REVIEWER,
                                 query={"status": "pending_review"}).body["items"]] == [post["id"]]
    assert api("GET", "/posts", query={"status": "lost"}).status == 400
    assert api("GET", "/posts", query={"cursor": "not-a-cursor"}).status == 400


def test_unknown_post_is_404(aws, api):
    assert api("GET", "/posts/nope").status == 404


def test_reviewer_decides_in_the_console_and_a_second_decision_is_409(aws, api):
    post = submit(api)

    first = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                body={"decision": "request_changes", "feedback": "Shorter, please."})
    second = api("POST", f"/posts/{post['id']}/decision", who=ADMIN,
                 body={"decision": "approve", "feedback": ""})

    assert first.status == 200 and first.body["status"] == "changes_requested"
    assert first.body["feedback"]["feedback"] == "Shorter, please."
    assert second.status == 409 and "already decided" in second.message
    assert api("GET", f"/posts/{post['id']}").body["status"] == "changes_requested"


def test_authors_cannot_decide_and_feedback_is_needed_for_changes(aws, api):
    post = submit(api)

    assert api("POST", f"/posts/{post['id']}/decision",
               body={"decision": "approve"}).status == 403
    answer = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                 body={"decision": "reject", "feedback": " "})
    assert answer.status == 400 and "feedback" in answer.message
    assert api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
               body={"decision": "maybe"}).status == 422
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"


def test_reviewer_cannot_decide_their_own_post(aws, api):
    post = submit(api, who=REVIEWER)  # reviewers are not in training, so make one wait by hand
    assert post["status"] == "publishing"
    answer = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER, body={"decision": "approve"})
    assert answer.status == 403


def test_revise_only_own_post_and_only_when_changes_were_requested(aws, api):
    post = submit(api)
    wrong_state = api("PUT", f"/posts/{post['id']}", body={"text": "Better"})
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "request_changes", "feedback": "Say when."})
    not_mine = api("PUT", f"/posts/{post['id']}", who=AUTHOR, body={"text": "Hijack"})
    too_long = api("PUT", f"/posts/{post['id']}", body={"text": "y" * 300})
    revised = api("PUT", f"/posts/{post['id']}", body={"text": "Better, on Friday", "note": "Added the day"})

    assert wrong_state.status == 409
    assert not_mine.status == 403
    assert too_long.status == 400
    assert revised.status == 200
    body = revised.body
    assert body["status"] == "pending_review" and body["revision"] == 2
    assert [r["text"] for r in body["revisions"]] == ["A first post", "Better, on Friday"]
    assert body["revisions"][0]["feedback"]["feedback"] == "Say when."


def test_withdraw_while_waiting_but_not_after_a_decision(aws, api):
    waiting = submit(api)
    decided = submit(api, text="Second")
    api("POST", f"/posts/{decided['id']}/decision", who=REVIEWER, body={"decision": "approve"})

    assert api("POST", f"/posts/{waiting['id']}/withdraw", who=AUTHOR).status == 403
    assert api("POST", f"/posts/{waiting['id']}/withdraw").body["status"] == "withdrawn"
    assert api("POST", f"/posts/{decided['id']}/withdraw").status == 409
    assert api("POST", f"/posts/{waiting['id']}/decision", who=REVIEWER,
               body={"decision": "approve"}).status == 409


def test_openapi_document_describes_the_routes(aws, api):
    document = api("GET", "/openapi.json").body

    assert document["info"]["title"] == "Understudy API"
    assert {"/posts", "/posts/{post_id}", "/me", "/users/{email}"} <= set(document["paths"])
    assert "NewPost" in json.dumps(document["components"])


def test_unknown_route_is_404_json(aws, api):
    answer = api("GET", "/nothing-here")
    assert answer.status == 404 and answer.message


def test_two_decisions_racing_on_the_same_revision_exactly_one_wins(aws, api):
    """Threads in one process, both past their reads before either writes: the versioned write lets one win."""
    import threading

    from understudy import data, posts
    from understudy.auth import caller_for
    from understudy.errors import Conflict

    post = submit(api)
    reads = threading.Barrier(2)
    real_save = data.save_post

    def save_after_both_read(p, **with_it):
        reads.wait(timeout=10)  # each attempt's read has happened; now both write
        return real_save(p, **with_it)

    outcomes: dict[str, object] = {}

    def decide(who, decision):
        try:
            outcomes[who] = posts.decide(caller_for(who), post["id"], decision, "why not")
        except Conflict as conflict:
            outcomes[who] = conflict

    data.save_post = save_after_both_read
    try:
        threads = [threading.Thread(target=decide, args=(REVIEWER, "approve")),
                   threading.Thread(target=decide, args=(ADMIN, "reject"))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        data.save_post = real_save

    winners = [who for who, outcome in outcomes.items() if not isinstance(outcome, Conflict)]
    assert len(winners) == 1 and len(outcomes) == 2
    stored = api("GET", f"/posts/{post['id']}").body
    assert stored["feedback"]["reviewer"] == winners[0]
    assert stored["status"] == ("publishing" if winners[0] == REVIEWER else "rejected")


def test_the_review_queue_lists_posts_oldest_waiting_first_one_page_at_a_time(aws, api):
    """order=oldest: ascending on when each post entered its status, so a revised post waits behind the
    posts that were already waiting when it came back."""
    first, second, third = (submit(api, f"Waiting {n}") for n in range(3))
    assert api("POST", f"/posts/{first['id']}/decision", who=REVIEWER,
               body={"decision": "request_changes", "feedback": "Shorter"}).status == 200
    assert api("PUT", f"/posts/{first['id']}", body={"text": "Waiting 0, shorter"}).status == 200

    oldest = api("GET", "/posts", who=REVIEWER, query={"status": "pending_review", "order": "oldest"}).body
    newest = api("GET", "/posts", who=REVIEWER, query={"status": "pending_review"}).body

    assert [p["id"] for p in oldest["items"]] == [second["id"], third["id"], first["id"]]
    assert [p["id"] for p in newest["items"]] == [first["id"], third["id"], second["id"]]


def test_the_queue_pages_oldest_first_with_a_cursor_and_an_unknown_order_is_refused(aws, api):
    from understudy import data

    ids = [submit(api, f"Paged {n}")["id"] for n in range(data.PAGE_SIZE + 2)]
    query = {"status": "pending_review", "order": "oldest"}
    first = api("GET", "/posts", who=REVIEWER, query=query).body
    rest = api("GET", "/posts", who=REVIEWER, query={**query, "cursor": first["cursor"]}).body

    assert [p["id"] for p in first["items"] + rest["items"]] == ids
    refused = api("GET", "/posts", who=REVIEWER, query={"status": "pending_review", "order": "sideways"})
    assert refused.status == 400 and "newest or oldest" in refused.message


@pytest.fixture
def other_networks(aws):
    """A Mastodon channel whose instance allows 600 characters and a Bluesky channel."""
    from understudy import data
    from understudy.model import Channel, now_iso

    data.put_channel(Channel("toots", "Our Mastodon", "mastodon", {"maxCharacters": 600}), "test", now_iso())
    data.put_channel(Channel("sky", "Our Bluesky", "bluesky"), "test", now_iso())


def test_each_channel_measures_a_post_by_its_networks_rule(aws, api, other_networks):
    def post_to(channel, text):
        return api("POST", "/posts", body={"channel": channel, "text": text})

    listed = {c["id"]: c for c in api("GET", "/channels").body["items"]}
    assert listed["toots"]["maxCharacters"] == 600 and "maxCharacters" not in listed["sky"]
    assert post_to("toots", "x" * 600).status == 201
    # 569 + " @alice" + " " + a link as 23 = 600
    assert post_to("toots", "x" * 569 + " @alice@social.example.org https://example.org/" + "a" * 80).status == 201
    too_long = post_to("toots", "x" * 601)
    assert too_long.status == 400 and "601 characters as Mastodon counts them; the limit is 600" in too_long.message
    assert post_to("sky", "\U0001F44D" * 300).status == 201  # 300 graphemes (1200 bytes)
    assert post_to("sky", "x" * 301).status == 400
    assert post_to("demo", "x" * 281).status == 400  # the local channel counts as X


def test_a_revision_and_a_suggestion_are_measured_by_the_posts_channel(aws, api, other_networks):
    post = api("POST", "/posts", body={"channel": "sky", "text": "Opening night"}).body
    long_suggestion = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                          body={"decision": "request_changes", "feedback": "Longer.", "suggestion": "y" * 301})
    assert long_suggestion.status == 400 and "Bluesky" in long_suggestion.message
    assert api("GET", f"/posts/{post['id']}").body["status"] == "pending_review"  # nothing decided
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "request_changes", "feedback": "Longer.", "suggestion": "y" * 300})

    too_long = api("PUT", f"/posts/{post['id']}", body={"text": "y" * 301})
    revised = api("PUT", f"/posts/{post['id']}", body={"text": " \r\n" + "y" * 300 + "\r\n"})

    assert too_long.status == 400 and "limit is 300" in too_long.message
    assert revised.status == 200 and revised.body["revisions"][-1]["text"] == "y" * 300
