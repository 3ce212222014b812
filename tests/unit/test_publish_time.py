"""A time to go live as a person gives it: ISO 8601 with an offset, a minute to a year ahead, kept in
UTC to the second (never earlier than asked); and what an approval does with it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from understudy.errors import InvalidValue
from understudy.model import Post, Revision, Status
from understudy.publish_time import after_approval, parse

NOW = datetime(2026, 12, 1, 12, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(("given", "stored"), [
    ("2026-12-08T09:00:00+00:00", "2026-12-08T09:00:00Z"),
    ("2026-12-08T09:00:00Z", "2026-12-08T09:00:00Z"),
    ("2026-12-08T09:00+05:30", "2026-12-08T03:30:00Z"),      # the author's offset, as the browser sends it
    ("2026-12-08T09:00:00.250-03:30", "2026-12-08T12:30:01Z"),  # a fraction rounds up, never earlier
    ("2026-12-01T12:01:00Z", "2026-12-01T12:01:00Z"),        # exactly a minute ahead
])
def test_a_usable_time_is_kept_in_utc_to_the_second(given, stored):
    assert parse(given, now=NOW) == stored


@pytest.mark.parametrize(("given", "says"), [
    ("2026-12-08T09:00:00", "offset"),
    ("8 December", "ISO 8601"),
    ("2026-12-01T12:00:59Z", "at least a minute"),
    ("2025-01-01T00:00:00Z", "at least a minute"),
    ("2027-12-02T12:00:00Z", "within a year"),
])
def test_a_time_that_cannot_be_used_names_the_field_and_says_why(given, says):
    with pytest.raises(InvalidValue) as refused:
        parse(given, now=NOW)
    assert refused.value.field == "publishAt" and refused.value.status == 422 and says in refused.value.message


def test_no_time_is_none():
    assert parse(None) is None and parse("  ") is None


def _post(publish_at: str | None) -> Post:
    return Post(id="p", author="a@example.org", author_name="A", channels=["demo"], status=Status.PENDING_REVIEW,
                revisions=[Revision(number=1, text="t", note="", submitted_at="x")], history=[], created_at="x",
                updated_at="x", publish_at=publish_at)


def test_an_approval_schedules_a_time_ahead_publishes_at_once_without_one_and_late_after_one_passed():
    ahead, none, passed = _post("2999-01-01T00:00:00Z"), _post(None), _post("2020-01-01T00:00:00Z")
    assert [after_approval(p) for p in (ahead, none, passed)] == [Status.SCHEDULED, Status.PUBLISHING,
                                                                  Status.PUBLISHING]
    assert (ahead.late, none.late, passed.late) == (False, False, True)
