"""A trainee's progress: how their posts have fared in review, and whether the numbers suggest they
are ready to graduate (the thresholds are settings).

The numbers come from a summary kept per person (see ``data.progress_add``), so reading progress
costs the same however many posts a trainee or the organisation has. Each submission for review and
each decision adds to the summary in the same transaction as the change itself (``on_submit``,
``on_decision``). The summary's attributes:

- ``submitted``: posts sent for review; ``firstDecided`` / ``firstApproved``: posts whose first
  revision was decided / approved; ``decided`` / ``rounds``: posts approved or rejected, and the rounds
  of changes asked on them before that;
- ``recent``: 1 or 0 per first decision (approved or not), oldest first, for the readiness window;
  ``hours``: hours from each decided revision's submission to its decision;
- ``g:<guideline item>``: times a reviewer ticked that item; ``a:<monday>`` / ``c:<monday>``: first-time
  approvals / changes asked in the week starting that Monday;
- ``built``: when the summary was rebuilt from the person's posts. A summary without it was started
  by counters alone (for history from before summaries existed) and is rebuilt once when next read;
  ``changes`` counts the writes, so a rebuild is stored only if none landed while it recounted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from understudy import data
from understudy.auth import Caller
from understudy.errors import Forbidden, NotFound
from understudy.model import Decision, Post, Revision, Settings, normal_email, now_iso

POST_CAP = 500  # a rebuild reads the newest posts only; older ones no longer say much about readiness
WEEKS = 8
TOP_GUIDELINES = 5


def _when(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _monday(stamp: str) -> date:
    day = _when(stamp).date()
    return day - timedelta(days=day.weekday())


# --- what each change adds to the summary --------------------------------------------------------

def _decision_counts(post: Post, revision: Revision) -> tuple[Counter, dict[str, list[float]]]:
    """What one decided revision of a post adds: counters, and numbers appended to lists."""
    feedback = revision.feedback
    add: Counter = Counter()
    hours = (_when(feedback.at) - _when(revision.submitted_at)).total_seconds() / 3600
    append = {"hours": [round(hours, 4)]}
    week = _monday(feedback.at).isoformat()
    if revision.number == post.revisions[0].number:
        approved = feedback.decision == Decision.APPROVE
        add["firstDecided"] += 1
        add["firstApproved"] += approved
        add[f"a:{week}"] += approved
        append["recent"] = [int(approved)]
    if feedback.decision == Decision.REQUEST_CHANGES:
        add[f"c:{week}"] += 1
    if feedback.decision in (Decision.APPROVE, Decision.REJECT):
        add["decided"] += 1
        add["rounds"] += sum(1 for r in post.revisions
                             if r.feedback and r.feedback.decision == Decision.REQUEST_CHANGES)
    for item in feedback.guidelines or ():
        if isinstance(item, str) and item.strip():
            add[f"g:{item.strip()}"] += 1
    return add, append


def on_submit(post: Post) -> tuple[dict, ...]:
    """The summary write for a post submitted for review (none for a post that goes live directly)."""
    return (data.progress_add(post.author, {"submitted": 1}),) if post.review else ()


def on_decision(post: Post) -> tuple[dict, ...]:
    """The summary write for the decision just made on the post's current revision."""
    if not post.review or not post.current.feedback:
        return ()
    add, append = _decision_counts(post, post.current)
    return (data.progress_add(post.author, {k: v for k, v in add.items() if v}, append),)


def fresh(email: str) -> dict:
    """The write that starts a new person's summary: nothing to recount from posts."""
    return data.progress_put(email, {"built": now_iso()})


def summarize(posts: list[Post]) -> dict:
    """The summary a person's posts add up to (a rebuild, and the reference the counters must match)."""
    summary: Counter = Counter()
    lists: dict[str, list] = {"recent": [], "hours": []}
    decided = [(r.feedback.at, p, r) for p in posts if p.review for r in p.revisions if r.feedback]
    for _, post, revision in sorted(decided, key=lambda d: d[0]):  # oldest first, as they happened
        partial = replace(post, revisions=post.revisions[:post.revisions.index(revision) + 1])  # as decided
        add, append = _decision_counts(partial, revision)
        summary.update(add)
        for name, numbers in append.items():
            lists[name].extend(numbers)
    summary["submitted"] = sum(1 for p in posts if p.review)
    return {**{k: v for k, v in summary.items() if v}, **lists}


# --- reading it ----------------------------------------------------------------------------------

def _hint(recent: list[int], settings: Settings) -> tuple[bool, str]:
    """``recent``: oldest first, whether each post's first decision was an approval."""
    needed, bar = settings.ready_min_posts, settings.ready_first_time_share
    if len(recent) < needed:
        more = needed - len(recent)
        return False, (f"Not yet: {more} more post{'s' if more != 1 else ''} to go before the numbers "
                       f"mean much.")
    approved = sum(recent[-needed:])
    share = approved / needed
    if share >= bar:
        return True, (f"Ready to graduate: {approved} of the last {needed} posts were approved first time.")
    return False, (f"Keep going: {round(share * 100)}% approved first time; the bar is {round(bar * 100)}%.")


def report(email: str, summary: dict, settings: Settings, now: datetime | None = None) -> dict:
    """The progress answer from a summary."""
    from statistics import median  # with fractions and decimal, ~1 ms: only Progress needs it

    now = now or datetime.now(UTC)
    first, approved = summary.get("firstDecided", 0), summary.get("firstApproved", 0)
    decided, hours = summary.get("decided", 0), summary.get("hours") or []
    guidelines = [(name[2:], count) for name, count in summary.items() if name.startswith("g:") and count]
    this_monday = now.date() - timedelta(days=now.date().weekday())
    starts = [this_monday - timedelta(weeks=n) for n in range(WEEKS - 1, -1, -1)]
    ready, hint = _hint(summary.get("recent") or [], settings)
    return {
        "email": email,
        "postsSubmitted": summary.get("submitted", 0),
        "approvedFirstTime": approved,
        "approvedFirstTimeShare": round(approved / first, 4) if first else None,
        "averageRounds": round(summary.get("rounds", 0) / decided, 2) if decided else None,
        "medianHoursToDecision": round(median(hours), 2) if hours else None,
        "topGuidelines": [{"item": item, "count": count}
                          for item, count in sorted(guidelines, key=lambda kv: (-kv[1], kv[0]))[:TOP_GUIDELINES]],
        "weeks": [{"weekStart": s.isoformat(), "approvedFirstTime": summary.get(f"a:{s.isoformat()}", 0),
                   "changesAsked": summary.get(f"c:{s.isoformat()}", 0)} for s in starts],
        "ready": ready,
        "hint": hint,
    }


def compute(email: str, posts: list[Post], settings: Settings, now: datetime | None = None) -> dict:
    """The progress answer straight from posts."""
    return report(email, summarize(posts), settings, now)


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


def rebuild(email: str, stored: dict | None = None) -> dict:
    """Recount a person's summary from their posts (history from before summaries were kept), given
    the summary as read before (``stored``). The recount is stored only if no submission or decision
    was counted in between; otherwise it still answers, and the next read recounts again."""
    changes = stored.get("changes", 0) if stored is not None else None
    summary = {**summarize(_posts(email)), "built": now_iso(), "changes": changes or 0}
    data.put_progress(email, summary, changes=changes)
    return summary


def of(caller: Caller, email: str) -> dict:
    """An admin sees anyone's progress; a person may see their own."""
    email = normal_email(email)
    if not caller.is_admin and caller.email != email:
        raise Forbidden("Only an admin can see someone else's progress.")
    user, settings, summary = data.progress_context(email)
    if user is None:
        raise NotFound(f"No one called {email} is a member.")
    if summary is None or "built" not in summary:
        summary = rebuild(email, summary)
    return report(email, summary, settings)
