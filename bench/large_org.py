"""A large organisation: a sandbox seeded with many people and posts, and the time of each console
page's API calls against it.

Seeding writes straight into the sandbox's DynamoDB (moto, at the AWS endpoint the banner prints) with
BatchWriteItem, in the item layout understudy.data's models read: people, posts (mostly published, some
waiting for review, asking for changes or rejected; the demo trainee has a share of its own) and one
audit entry per post. Then each page's calls (as the console makes them on opening the page) are timed
over HTTP through the sandbox's gateway, several times; the median and the slowest are printed.

moto answers an index query by looking at every item of the table in Python, so the figures grow with
the seeded size here where DynamoDB's would not; what must stay flat is the number of calls (see
tests/integration/test_dynamodb_budget.py), and no page may page through the whole organisation.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3

from infra.sandbox.client import start_sandbox
from infra.sandbox.environment import REGION, TABLE_NAMES

ORG = "org"
TRAINEE, REVIEWER, ADMIN = "trainee@example.org", "reviewer@example.org", "admin@example.org"
BATCH = 25  # BatchWriteItem's limit
REPEATS = 5
TRAINEE_SHARE = 0.015  # of the posts, the demo trainee's own (300 of 20,000)
STATUSES = (("published", 0.80), ("pending_review", 0.10), ("changes_requested", 0.05), ("rejected", 0.05))


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _person(n: int, at: str) -> dict:
    item = {"org": {"S": ORG}, "email": {"S": f"person{n:05d}@example.org"}, "name": {"S": f"Person {n}"},
            "trainingMode": {"BOOL": n % 3 == 0}, "createdAt": {"S": at}}
    if n % 50 == 0:
        item["roles"] = {"SS": ["reviewers"]}
    return item


def _post(n: int, author: str, created: datetime, status: str) -> tuple[dict, dict]:
    """A post and its audit entry, as understudy.data stores them."""
    post_id = uuid.uuid4().hex
    submitted = _stamp(created)
    decided = _stamp(created + timedelta(hours=3))
    decision = {"published": "approve", "changes_requested": "request_changes", "rejected": "reject"}.get(status)
    feedback = ({"decision": decision, "text": "Looks good" if decision == "approve" else "Please change",
                 "reviewer": REVIEWER, "at": decided, "via": "console", "guidelines": [], "suggestion": ""}
                if decision else None)
    revisions = [{"number": 1, "text": f"Seeded post {n}", "note": "", "submitted_at": submitted,
                  "feedback": feedback}]
    history = [{"status": "pending_review", "at": submitted, "by": author, "detail": "submitted"}]
    if decision:
        history.append({"status": status, "at": decided, "by": REVIEWER, "detail": decision})
    post = {"id": {"S": post_id}, "org": {"S": ORG}, "author": {"S": author}, "authorName": {"S": author},
            "channel": {"S": "demo"}, "status": {"S": status}, "review": {"BOOL": True},
            "revisions": {"S": json.dumps(revisions)}, "history": {"S": json.dumps(history)},
            "createdAt": {"S": submitted}, "updatedAt": {"S": history[-1]["at"]}, "version": {"N": "1"}}
    if status == "published":
        post["publishedUrl"] = {"S": f"local://timeline/{post_id}"}
        post["publishedRevision"] = {"N": "1"}
    entry_id = uuid.uuid4().hex[:12]
    audit = {"org": {"S": ORG}, "sk": {"S": f"{submitted}#{entry_id}"}, "id": {"S": entry_id},
             "at": {"S": submitted}, "action": {"S": "submitted"}, "user": {"S": author},
             "post": {"S": post_id}, "revision": {"N": "1"}, "details": {"S": json.dumps({"channel": "demo"})}}
    return post, audit


def _items(people: int, posts: int) -> dict[str, list[dict]]:
    rng = random.Random(7)  # noqa: S311 made-up data, the same each run
    start = datetime.now(UTC) - timedelta(days=365)
    users = [_person(n, _stamp(start)) for n in range(people)]
    authors = [u["email"]["S"] for u in users]
    names, weights = zip(*STATUSES, strict=True)
    post_items, audit_items = [], []
    step = timedelta(days=364) / max(posts, 1)
    for n in range(posts):
        author = TRAINEE if rng.random() < TRAINEE_SHARE else rng.choice(authors)
        post, audit = _post(n, author, start + n * step, rng.choices(names, weights)[0])
        post_items.append(post)
        audit_items.append(audit)
    return {TABLE_NAMES["USERS_TABLE"]: users, TABLE_NAMES["POSTS_TABLE"]: post_items,
            TABLE_NAMES["AUDIT_TABLE"]: audit_items}


def seed(endpoint: str, people: int, posts: int) -> float:
    """Write the organisation in batches of 25, 8 at a time; returns the seconds it took."""
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name=REGION,
                          aws_access_key_id="sandbox", aws_secret_access_key="sandbox")  # noqa: S106 moto
    began = time.monotonic()
    batches = [(table, items[i:i + BATCH]) for table, items in _items(people, posts).items()
               for i in range(0, len(items), BATCH)]

    def write(batch: tuple[str, list[dict]]) -> None:
        request = {batch[0]: [{"PutRequest": {"Item": item}} for item in batch[1]]}
        while request:
            request = client.batch_write_item(RequestItems=request).get("UnprocessedItems") or {}

    with ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(write, batches))
    return time.monotonic() - began


def pages(sandbox) -> dict[str, list[tuple[object, str]]]:
    """Each console page's calls on opening it: (who is signed in, path)."""
    admin, reviewer, trainee = (sandbox.api(sandbox.sign_in(who)) for who in (ADMIN, REVIEWER, TRAINEE))
    return {
        "People (first page)": [(admin, "/me"), (admin, "/users")],
        "Review queue": [(reviewer, "/me"), (reviewer, "/guidelines"),
                         (reviewer, "/posts?status=pending_review&order=oldest")],
        "My posts": [(trainee, "/me"), (trainee, "/channels"), (trainee, "/posts?mine=true")],
        "Audit": [(admin, "/me"), (admin, "/audit")],
        "Progress (one trainee)": [(admin, f"/users/{TRAINEE}/progress")],
    }


def _time(calls: list[tuple[object, str]]) -> float:
    began = time.monotonic()
    for api, path in calls:
        api.get(path).raise_for_status()
    return time.monotonic() - began


def measure(sandbox) -> bool:
    """Time each page; the first progress read may recount a summary from posts, so it is shown apart."""
    every = pages(sandbox)
    first_progress = _time(every["Progress (one trainee)"])
    print(f"  {'Progress, first open':<26} {first_progress * 1000:8.0f} ms  (recounts the summary from posts once)")
    for page, calls in every.items():
        seconds = [_time(calls) for _ in range(REPEATS)]
        print(f"  {page:<26} {statistics.median(seconds) * 1000:8.0f} ms median, {max(seconds) * 1000:6.0f} ms "
              f"slowest of {REPEATS}  ({len(calls)} call{'s' if len(calls) != 1 else ''})")
    queue = every["Review queue"][-1]
    listed = queue[0].get(queue[1]).json()
    print(f"  review queue first page: {len(listed['items'])} posts, more waiting: {bool(listed['cursor'])}")
    return True


def run(people: int, posts: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        running = start_sandbox(Path(tmp))
        try:
            running.wait_until_serving()
            took = seed(running.aws_endpoint, people, posts)
            print(f"  seeded {people:,} people, {posts:,} posts and {posts:,} audit entries in {took:.1f} s")
            return measure(running.client())
        finally:
            running.stop()
