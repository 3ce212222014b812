"""N trainee posts submitted at once, each taken through approval from its emailed link, on a sandbox
started for the run. Prints median and p95 of submit → reviewer email and decision → published, and
counts any post that never arrived (none may be lost)."""

from __future__ import annotations

import re
import statistics
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from infra.sandbox.client import start_sandbox

TIMEOUT = 180
LINK = re.compile(r"review\.html#token=([\w.-]+)&decision=approve")


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def _report(label: str, seconds: list[float]) -> None:
    if seconds:
        print(f"  {label:<28} median {statistics.median(seconds):6.2f} s   p95 {_p95(seconds):6.2f} s"
              f"   (n={len(seconds)})")


def _poll(find_new, pending: dict[str, float], arrived: dict[str, float]) -> None:
    """Record when each pending item first appears, until all have or TIMEOUT passes."""
    deadline = time.monotonic() + TIMEOUT
    while pending and time.monotonic() < deadline:
        now = time.monotonic()
        for key in find_new(set(pending)):
            arrived[key] = now - pending.pop(key)
        time.sleep(0.1)


def run(count: int) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        running = start_sandbox(Path(tmp))
        try:
            running.wait_until_serving()
            return _measure(running.client(), count)
        finally:
            running.stop()


def _measure(sandbox, count: int) -> bool:
    trainee = sandbox.api(sandbox.sign_in("trainee@example.org"))
    run_id = uuid.uuid4().hex[:6]
    texts = {f"bench {run_id} post {i:04d}.": 0.0 for i in range(count)}

    def submit(text: str) -> None:
        texts[text] = time.monotonic()
        trainee.post("/posts", json={"channel": "demo", "text": text}).raise_for_status()

    with ThreadPoolExecutor(max_workers=min(count, 16)) as pool:
        list(pool.map(submit, texts))

    emailed: dict[str, float] = {}
    tokens: dict[str, str] = {}

    def new_emails(waiting: set[str]) -> list[str]:
        found = []
        for mail in sandbox.outbox():
            for text in waiting & {t for t in waiting if t in mail["text"]}:
                if "reviewer@example.org" in mail["to"] and (link := LINK.search(mail["text"])):
                    tokens[text] = link[1]
                    found.append(text)
        return found

    _poll(new_emails, dict(texts), emailed)

    decided: dict[str, float] = {}
    decide_url = f"{sandbox.config['apiUrl']}/review-links/decide"

    def decide(text: str) -> None:
        decided[text] = time.monotonic()
        requests.post(decide_url, json={"token": tokens[text], "decision": "approve", "feedback": "ok"},
                      timeout=30).raise_for_status()

    with ThreadPoolExecutor(max_workers=min(count, 16)) as pool:
        list(pool.map(decide, tokens))

    published: dict[str, float] = {}

    def new_on_timeline(waiting: set[str]) -> list[str]:
        return [entry["text"] for entry in sandbox.timeline() if entry["text"] in waiting]

    _poll(new_on_timeline, dict(decided), published)

    _report("submit -> reviewer email", list(emailed.values()))
    _report("decision -> published", list(published.values()))
    lost = count - len(published)
    print(f"  posts lost: {lost} of {count}")
    return lost == 0
