"""The audit trail: every action leaves one entry; admins page and filter it and export it as CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.integration.conftest import Context, http_event, load_handler

TRAINEE, REVIEWER, ADMIN, AUTHOR = ("trainee@example.org", "reviewer@example.org", "admin@example.org",
                                    "author@example.org")


def submit(api, text="Audit me", who=TRAINEE):
    return api("POST", "/posts", who=who, body={"channel": "demo", "text": text}).body


def trail(api, **query) -> list[dict]:
    answer = api("GET", "/audit", who=ADMIN, query=query)
    assert answer.status == 200, answer.body
    return answer.body["items"]


def actions(api, **query) -> list[str]:
    return [e["action"] for e in trail(api, **query)]


def test_the_post_loop_records_submitted_decided_revised_withdrawn_newest_first(aws, api):
    post = submit(api)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "request_changes", "feedback": "Shorter"})
    api("PUT", f"/posts/{post['id']}", body={"text": "Audit me, shorter"})
    api("POST", f"/posts/{post['id']}/withdraw")

    entries = trail(api, post=post["id"])
    assert [e["action"] for e in entries] == ["withdrawn", "revised", "decided", "submitted"]
    withdrawn, revised, decided, submitted = entries
    assert submitted["user"] == TRAINEE and submitted["revision"] == 1 and submitted["details"]["review"] is True
    assert decided["user"] == REVIEWER and decided["details"]["decision"] == "request_changes"
    assert decided["details"]["feedback"] == "Shorter" and decided["revision"] == 1
    assert revised["revision"] == 2 and withdrawn["user"] == TRAINEE
    assert all(e["at"] for e in entries) and entries[0]["at"] >= entries[-1]["at"]


def test_the_workflow_records_published_expired_and_failed(aws, api, task):
    live = submit(api, who=AUTHOR)
    task("publish", {"postId": live["id"]})
    stale = submit(api)
    task("notify", {"event": "expired", "postId": stale["id"]})
    broken = submit(api)
    task("notify", {"event": "failed", "postId": broken["id"], "error": {"Error": "Boom", "Cause": "x"}})

    assert actions(api, post=live["id"])[0] == "published"
    assert trail(api, post=live["id"])[0]["details"]["url"]
    [expired] = trail(api, post=stale["id"], action="expired")
    assert expired["user"] == "workflow" and expired["details"]["waiting_for"] == "review"
    [failed] = trail(api, post=broken["id"], action="failed")
    assert "Boom" in failed["details"]["error"]


def test_admin_changes_are_recorded(aws, api):
    api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"trainingMode": False, "roles": ["reviewers"]})
    api("PUT", "/guidelines", who=ADMIN, body={"markdown": "- Be brief."})
    settings = api("GET", "/settings", who=ADMIN).body
    api("PUT", "/settings", who=ADMIN, body=settings)

    mine = trail(api, user=ADMIN)
    assert {e["action"] for e in mine} >= {"training_mode_changed", "roles_changed", "guidelines_changed",
                                         "settings_changed"}
    roles = next(e for e in mine if e["action"] == "roles_changed")
    assert roles["details"] == {"person": TRAINEE, "before": "", "after": "reviewers"}
    mode = next(e for e in mine if e["action"] == "training_mode_changed")
    assert mode["details"] == {"person": TRAINEE, "trainingMode": False}


def test_a_patch_that_changes_nothing_records_nothing(aws, api):
    api("PATCH", f"/users/{TRAINEE}", who=ADMIN, body={"trainingMode": True})
    assert trail(api, user=ADMIN) == []


def test_filters_by_user_action_and_date_range(aws, api):
    first = submit(api)
    submit(api, who=AUTHOR)
    api("POST", f"/posts/{first['id']}/decision", who=REVIEWER, body={"decision": "approve"})

    assert set(actions(api, user=AUTHOR)) == {"submitted"}
    assert actions(api, action="decided") == ["decided"]
    assert actions(api, user=TRAINEE, action="decided") == []
    every = trail(api)
    newest = every[0]["at"]
    assert trail(api, **{"from": newest}) and all(e["at"] >= newest for e in trail(api, **{"from": newest}))
    assert trail(api, to="2000-01-01") == []
    assert len(trail(api, **{"from": newest[:10], "to": newest[:10]})) == len(every)  # a date is the whole day
    assert trail(api, post=first["id"], user=REVIEWER)[0]["action"] == "decided"


def test_pages_newest_first_with_a_cursor(aws, api, monkeypatch):
    from understudy import audit

    monkeypatch.setattr(audit, "PAGE_SIZE", 2)
    for n in range(5):
        submit(api, text=f"Post {n}")
    seen, cursor = [], None
    while True:
        answer = api("GET", "/audit", who=ADMIN, query={"cursor": cursor} if cursor else None).body
        assert len(answer["items"]) <= 2
        seen += answer["items"]
        cursor = answer["cursor"]
        if not cursor:
            break
    assert len(seen) == 5 and [e["at"] for e in seen] == sorted((e["at"] for e in seen), reverse=True)


@pytest.mark.parametrize("query", [{"action": "danced"}, {"from": "yesterday"}, {"to": "29/11/2026"},
                                   {"from": "2026-11-29", "to": "2026-11-01"}, {"cursor": "!!"}])
def test_bad_filters_are_refused_with_a_message(aws, api, query):
    answer = api("GET", "/audit", who=ADMIN, query=query)
    assert answer.status == 400 and answer.message


@pytest.mark.parametrize("who", [TRAINEE, REVIEWER])
def test_only_admins_see_the_trail(aws, api, who):
    assert api("GET", "/audit", who=who).status == 403
    assert _csv(who=who)["statusCode"] == 403


def _csv(who=ADMIN, query=None) -> dict:
    from tests.integration.conftest import claims_for

    event = http_event("GET", "/audit.csv", claims=claims_for(who), query=query)
    return load_handler("api").lambda_handler(event, Context())


def test_csv_export_is_an_attachment_with_formulas_defused(aws, api):
    submit(api, text="=HYPERLINK(\"http://evil\")")
    post = submit(api)
    api("POST", f"/posts/{post['id']}/decision", who=REVIEWER,
        body={"decision": "reject", "feedback": "-2+3, \"quoted\"\nsecond line"})

    response = _csv(query={"action": "decided"})

    assert response["statusCode"] == 200
    headers = {k.lower(): v for k, v in response["headers"].items()}
    assert headers["content-type"].startswith("text/csv")
    assert headers["content-disposition"].startswith("attachment; filename=\"understudy-audit-")
    rows = list(csv.reader(io.StringIO(response["body"])))
    assert rows[0] == ["at", "action", "user", "post", "revision", "details"]
    [row] = rows[1:]
    assert row[1:5] == ["decided", REVIEWER, post["id"], "1"]
    assert row[5].startswith("decision=reject; feedback=-2+3, \"quoted\"\nsecond line")


def test_csv_cells_that_start_like_formulas_get_a_quote():
    from understudy.audit import safe_cell

    for risky in ("=1+1", "+1", "-1", "@SUM(A1)", "\t=1"):
        assert safe_cell(risky) == "'" + risky
    assert safe_cell("plain") == "plain" and safe_cell(None) == "" and safe_cell(3) == "3"


def test_csv_export_defuses_a_user_cell(aws, api):
    from understudy import audit
    from understudy.auth import Caller

    audit.record(audit.Action.SUBMITTED, "=cmd|'/c calc'!A1", post="p1", revision=1)
    body, truncated = audit.csv_export(Caller("admin@example.org", "Ada", frozenset({"admins"})))
    assert not truncated
    assert "'=cmd|'/c calc'!A1" in [row[2] for row in csv.reader(io.StringIO(body))]
    assert json.dumps(body)
