"""Trainee progress: the numbers from a trainee's review history, the readiness hint, and who may see it."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest

TRAINEE, AUTHOR, REVIEWER, ADMIN = ("trainee@example.org", "author@example.org",
                                    "reviewer@example.org", "admin@example.org")


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def history(start: datetime, *rounds: tuple[str | None, float], status: str, author: str = TRAINEE):
    """Store a post whose revisions were each decided ``hours`` after submission (None: undecided)."""
    from understudy import data
    from understudy.model import Feedback, Post, Revision, Status

    revisions, at = [], start
    for number, (decision, hours) in enumerate(rounds, start=1):
        decided = at + timedelta(hours=hours)
        feedback = Feedback(decision, "why", REVIEWER, stamp(decided)) if decision else None
        revisions.append(Revision(number, f"text {number}", "", stamp(at), feedback))
        at = decided + timedelta(hours=1)
    post = Post(id=uuid.uuid4().hex, author=author, author_name="T", channels=["demo"], status=Status(status),
                revisions=revisions, history=[], created_at=stamp(start), updated_at=stamp(at))
    data.create_post(post)
    return post


NOW = datetime.now(UTC)


def test_numbers_from_first_time_approvals_rounds_of_changes_rejections_and_withdrawals(aws, api):
    # Given two posts approved first time, one approved after two rounds of changes, one rejected,
    # one withdrawn after changes were asked, and one still waiting
    history(NOW - timedelta(days=3), ("approve", 2), status="published")
    history(NOW - timedelta(days=2), ("approve", 4), status="published")
    history(NOW - timedelta(days=2), ("request_changes", 1), ("request_changes", 3), ("approve", 6),
            status="published")
    history(NOW - timedelta(days=1), ("reject", 10), status="rejected")
    history(NOW - timedelta(hours=20), ("request_changes", 5), status="withdrawn")
    history(NOW - timedelta(hours=2), (None, 0), status="pending_review")

    answer = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN)

    assert answer.status == 200, answer
    body = answer.body
    assert body["email"] == TRAINEE
    assert body["postsSubmitted"] == 6
    # five posts had a first decision; two of them were approvals
    assert body["approvedFirstTime"] == 2 and body["approvedFirstTimeShare"] == 0.4
    # decided (approved or rejected) posts: 0, 0, 2, 0 rounds
    assert body["averageRounds"] == 0.5
    # every decision: 2, 4, 1, 3, 6, 10, 5 hours after its revision was submitted
    assert body["medianHoursToDecision"] == 4
    assert body["topGuidelines"] == []
    assert body["ready"] is False and body["hint"].startswith("Not yet: 5 more posts")


def test_weeks_are_the_last_eight_mondays_and_count_first_time_approvals_and_changes_asked(aws, api):
    monday = (NOW - timedelta(days=NOW.weekday())).replace(hour=9, minute=0, second=0, microsecond=0)
    history(monday, ("approve", 1), status="published")                      # this week
    history(monday - timedelta(weeks=2), ("request_changes", 1), ("approve", 1), status="published")
    history(monday - timedelta(weeks=12), ("approve", 1), status="published")  # too old for the chart

    weeks = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN).body["weeks"]

    assert len(weeks) == 8
    assert [w["weekStart"] for w in weeks][-1] == monday.date().isoformat()
    assert all(datetime.fromisoformat(w["weekStart"]).weekday() == 0 for w in weeks)
    assert weeks[-1] == {"weekStart": monday.date().isoformat(), "approvedFirstTime": 1, "changesAsked": 0}
    assert weeks[-3]["approvedFirstTime"] == 0 and weeks[-3]["changesAsked"] == 1
    assert sum(w["approvedFirstTime"] + w["changesAsked"] for w in weeks) == 2


def test_guideline_items_are_counted_when_feedback_names_them(aws, api):
    from understudy import progress
    from understudy.model import Feedback, Post, Revision, Settings, Status

    def post(*items):
        feedback = Feedback("request_changes", "", REVIEWER, stamp(NOW))
        feedback.guidelines = list(items)  # the field feedback gains; read defensively
        return Post(id="p", author=TRAINEE, author_name="T", channels=["demo"], status=Status.CHANGES_REQUESTED,
                    revisions=[Revision(1, "t", "", stamp(NOW - timedelta(hours=1)), feedback)],
                    history=[], created_at=stamp(NOW), updated_at=stamp(NOW))

    result = progress.compute(TRAINEE, [post("Be kind", "No jargon"), post("Be kind"), post()], Settings())

    assert result["topGuidelines"] == [{"item": "Be kind", "count": 2}, {"item": "No jargon", "count": 1}]


def test_ready_hint_when_enough_posts_were_approved_first_time_and_not_when_too_few(aws, api):
    original = api("GET", "/settings", who=ADMIN).body
    assert api("PUT", "/settings", who=ADMIN,
               body={"readyMinPosts": 4, "readyFirstTimeShare": 0.75}).status == 200
    for days in range(5, 1, -1):
        history(NOW - timedelta(days=days), ("approve", 1), status="published")
    history(NOW - timedelta(days=1), ("request_changes", 1), ("approve", 1), status="published")

    ready = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN).body

    # the last four decided posts: three approved first time
    assert ready["ready"] is True
    assert ready["hint"] == "Ready to graduate: 3 of the last 4 posts were approved first time."

    api("PUT", "/settings", who=ADMIN, body={"readyFirstTimeShare": 0.9})
    keep_going = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN).body
    assert keep_going["ready"] is False
    assert keep_going["hint"] == "Keep going: 75% approved first time; the bar is 90%."

    api("PUT", "/settings", who=ADMIN, body={"readyMinPosts": original["readyMinPosts"],
                                            "readyFirstTimeShare": original["readyFirstTimeShare"]})


def test_a_trainee_sees_their_own_progress_but_not_someone_elses(aws, api):
    assert api("GET", f"/users/{TRAINEE}/progress", who=TRAINEE).status == 200
    refused = api("GET", f"/users/{AUTHOR}/progress", who=TRAINEE)
    assert refused.status == 403 and "admin" in refused.message


def test_progress_of_an_unknown_person_is_404(aws, api):
    answer = api("GET", "/users/nobody@example.org/progress", who=ADMIN)
    assert answer.status == 404 and "nobody@example.org" in answer.message


def test_a_person_with_no_posts_has_empty_numbers_and_a_not_yet_hint(aws, api):
    body = api("GET", f"/users/{AUTHOR}/progress", who=ADMIN).body
    assert body["postsSubmitted"] == 0 and body["approvedFirstTimeShare"] is None
    assert body["averageRounds"] is None and body["medianHoursToDecision"] is None
    assert body["hint"] == "Not yet: 10 more posts to go before the numbers mean much."


@pytest.mark.parametrize(("body", "expected"), [
    ({"readyMinPosts": 0}, "between 1 and 1000"),
    ({"readyMinPosts": 1001}, "between 1 and 1000"),
    ({"readyFirstTimeShare": 1.5}, "between 0 and 1"),
    ({"readyFirstTimeShare": -0.1}, "between 0 and 1"),
])
def test_readiness_thresholds_are_validated_and_bad_values_change_nothing(aws, api, body, expected):
    before = api("GET", "/settings", who=ADMIN).body
    answer = api("PUT", "/settings", who=ADMIN, body=body)
    assert answer.status == 400 and expected in answer.message
    assert api("GET", "/settings", who=ADMIN).body == before
    assert before["readyMinPosts"] == 10 and before["readyFirstTimeShare"] == 0.8


def test_counters_kept_on_each_submission_and_decision_equal_a_recount_from_the_posts(aws, api, task, review_link):
    """The summary is kept by the API's own writes (console and link decisions), not recounted on read."""
    import re

    from understudy import data, progress

    progress.rebuild(TRAINEE)  # as for a newly invited person: an empty summary, nothing left to recount

    def submit(text):
        return api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": text}).body

    def decide(post, decision, feedback="", **extra):
        answer = api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
                     body={"decision": decision, "feedback": feedback, **extra})
        assert answer.status == 200, answer

    first, second, third, fourth = (submit(f"Post {n}") for n in range(4))
    decide(first, "approve")
    decide(second, "request_changes", "Kinder", guidelines=["Be kind and specific."])
    assert api("PUT", f"/posts/{second['id']}", who=TRAINEE, body={"text": "Post 1, kinder"}).status == 200
    decide(second, "request_changes", "Links?", guidelines=["Be kind and specific.", "Check every link."])
    assert api("PUT", f"/posts/{second['id']}", who=TRAINEE, body={"text": "Post 1, linked"}).status == 200
    decide(second, "approve")
    decide(third, "reject", "Confidential", guidelines=["No confidential information."])
    task("request_review", {"postId": fourth["id"], "taskToken": "t"})
    token = re.search(r"review\.html#token=([\w.-]+)&decision=approve", aws.sent_emails()[-1]["text"]).group(1)
    assert review_link("decide", {"token": token, "decision": "approve", "feedback": ""}).status == 200
    api("POST", "/posts", who=AUTHOR, body={"channel": "demo", "text": "Not in training: not counted"})

    kept = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN).body

    posts = data.list_posts(author=TRAINEE, limit=100).items
    assert kept == progress.compute(TRAINEE, posts, data.get_settings())
    assert kept["postsSubmitted"] == 4 and kept["approvedFirstTime"] == 2
    assert kept["averageRounds"] == 0.5  # four posts decided, one after two rounds of changes
    assert kept["topGuidelines"][0] == {"item": "Be kind and specific.", "count": 2}
    assert kept["weeks"][-1] == {"weekStart": kept["weeks"][-1]["weekStart"], "approvedFirstTime": 2,
                                 "changesAsked": 2}


def test_a_newly_invited_person_starts_with_an_empty_summary_that_is_not_recounted(aws, api):
    from understudy import data

    assert api("POST", "/users", who=ADMIN, body={"email": "new@example.org", "trainingMode": True}).status == 201
    _, _, summary = data.progress_context("new@example.org")
    assert summary is not None and "built" in summary
    assert api("GET", "/users/new@example.org/progress", who=ADMIN).body["postsSubmitted"] == 0


def test_a_recount_is_not_stored_over_a_decision_counted_while_it_ran(aws, api, monkeypatch):
    """History from before summaries: the first read recounts from posts. A decision that lands during
    the recount is kept: the recount answers but is not stored, and the next read counts everything."""
    from understudy import data, progress

    history(NOW - timedelta(days=2), ("approve", 2), status="published")
    waiting = api("POST", "/posts", who=TRAINEE, body={"channel": "demo", "text": "Decided mid-recount"}).body
    real_posts = progress._posts

    def posts_then_a_decision(author):
        found = real_posts(author)
        assert api("POST", f"/posts/{waiting['id']}/decision", who=REVIEWER,
                   body={"decision": "approve", "feedback": ""}).status == 200
        return found

    monkeypatch.setattr(progress, "_posts", posts_then_a_decision)
    during = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN).body
    monkeypatch.setattr(progress, "_posts", real_posts)

    assert during["postsSubmitted"] == 2 and during["approvedFirstTime"] == 1
    _, _, stored = data.progress_context(TRAINEE)
    assert "built" not in stored  # the recount lost the race and was not stored
    after = api("GET", f"/users/{TRAINEE}/progress", who=ADMIN).body
    assert after["postsSubmitted"] == 2 and after["approvedFirstTime"] == 2
    assert "built" in data.progress_context(TRAINEE)[2]
