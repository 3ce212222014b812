"""A trainee's progress: how their posts have fared in review, and whether the numbers suggest they
are ready to graduate (the thresholds are settings)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from statistics import median

from understudy import data
from understudy.auth import Caller
from understudy.errors import Forbidden, NotFound
from understudy.model import Decision, Post, Settings, normal_email

POST_CAP = 500  # the newest posts read; older ones no longer say much about readiness
WEEKS = 8
TOP_GUIDELINES = 5


def _when(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _posts(author: str) -> list[Post]:
    """The author's posts, newest first, paging through the author index up to the cap."""
    found: list[Post] = []
    cursor = None
    while len(found) < POST_CAP:
        page = data.list_posts(author=author, cursor=cursor, limit=min(100, POST_CAP - len(found)))
        found.extend(page.items)
        cursor = page.cursor
        if not cursor:
            break
    return found


def _first_decision(post: Post) -> str | None:
    feedback = post.revisions[0].feedback if post.revisions else None
    return feedback.decision if feedback else None


def _hint(first_decisions: list[bool], settings: Settings) -> tuple[bool, str]:
    """``first_decisions``: newest first, whether each decided post was approved first time."""
    needed, bar = settings.ready_min_posts, settings.ready_first_time_share
    if len(first_decisions) < needed:
        more = needed - len(first_decisions)
        return False, (f"Not yet: {more} more post{'s' if more != 1 else ''} to go before the numbers "
                       f"mean much.")
    recent = first_decisions[:needed]
    approved = sum(recent)
    share = approved / needed
    if share >= bar:
        return True, (f"Ready to graduate: {approved} of the last {needed} posts were approved first time.")
    return False, (f"Keep going: {round(share * 100)}% approved first time; the bar is {round(bar * 100)}%.")


def compute(email: str, posts: list[Post], settings: Settings, now: datetime | None = None) -> dict:
    now = now or datetime.now(UTC)
    reviewed = [p for p in posts if p.review]
    reviewed.sort(key=lambda p: p.created_at, reverse=True)
    first = [(p, d) for p in reviewed if (d := _first_decision(p))]
    first_time = [d == Decision.APPROVE for _, d in first]
    decided = [p for p in reviewed
               if any(r.feedback and r.feedback.decision in (Decision.APPROVE, Decision.REJECT)
                      for r in p.revisions)]
    rounds = [sum(1 for r in p.revisions if r.feedback and r.feedback.decision == Decision.REQUEST_CHANGES)
              for p in decided]
    hours = [(_when(r.feedback.at) - _when(r.submitted_at)).total_seconds() / 3600
             for p in reviewed for r in p.revisions if r.feedback]
    guidelines: Counter[str] = Counter()
    for p in reviewed:
        for r in p.revisions:
            items = getattr(r.feedback, "guidelines", None) if r.feedback else None
            for item in items or ():
                if isinstance(item, str) and item.strip():
                    guidelines[item.strip()] += 1

    this_monday = now.date() - timedelta(days=now.date().weekday())
    starts = [this_monday - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    weeks: dict[date, dict] = {s: {"weekStart": s.isoformat(), "approvedFirstTime": 0, "changesAsked": 0}
                               for s in starts}
    for p in reviewed:
        for r in p.revisions:
            if not r.feedback:
                continue
            day = _when(r.feedback.at).date()
            bucket = weeks.get(day - timedelta(days=day.weekday()))
            if bucket is None:
                continue
            if r.feedback.decision == Decision.REQUEST_CHANGES:
                bucket["changesAsked"] += 1
            elif r.feedback.decision == Decision.APPROVE and r.number == p.revisions[0].number:
                bucket["approvedFirstTime"] += 1

    ready, hint = _hint(first_time, settings)
    return {
        "email": email,
        "postsSubmitted": len(reviewed),
        "approvedFirstTime": sum(first_time),
        "approvedFirstTimeShare": round(sum(first_time) / len(first_time), 4) if first_time else None,
        "averageRounds": round(sum(rounds) / len(rounds), 2) if rounds else None,
        "medianHoursToDecision": round(median(hours), 2) if hours else None,
        "topGuidelines": [{"item": item, "count": count}
                          for item, count in sorted(guidelines.items(), key=lambda kv: (-kv[1], kv[0]))
                          [:TOP_GUIDELINES]],
        "weeks": [weeks[s] for s in starts],
        "ready": ready,
        "hint": hint,
    }


def of(caller: Caller, email: str) -> dict:
    """An admin sees anyone's progress; a person may see their own."""
    email = normal_email(email)
    if not caller.is_admin and caller.email != email:
        raise Forbidden("Only an admin can see someone else's progress.")
    if data.get_user(email) is None:
        raise NotFound(f"No one called {email} is a member.")
    return compute(email, _posts(email), data.get_settings())
