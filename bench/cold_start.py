"""Cold start as a user pays it: a fresh interpreter imports a function's handler and answers its first
request against a running sandbox's AWS endpoint (moto), as a ratio to the floor every Python function
pays anyway — import boto3, make a client, one call to the same endpoint — measured in the same run.

Each round times the floor and every function once, each in its own interpreter (bench/first_answer.py);
the figures are medians over the rounds. The requests are the ones each function really gets: the API a
``GET /me`` with a signed-in trainee's claims, review_link a reviewer opening an emailed link, and the
workflow's tasks the workflow's own payloads (infra/workflows/review_post.asl.json) for a trainee's post:
ask for review, publish after approval, tell the author. Each round has its own post, submitted through
the API; its workflow execution is stopped once the review emails are out, so that the benchmark, not the
sandbox's workflow, makes the calls the workflow would make next.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import boto3
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from bench.end_to_end import LINK
from infra.functions import BY_NAME, FUNCTIONS, LAYER_DIR
from infra.sandbox import environment, http_api
from infra.sandbox.client import Sandbox, SandboxProcess, start_sandbox
from infra.sandbox.gateway import API_PREFIX
from infra.sandbox.jwt_authorizer import JwtAuthorizer, fetch_jwks, issuer
from infra.sandbox.routes import RouteTable

ROUNDS = 7
TARGET = 1.5
RUNNER = Path(__file__).with_name("first_answer.py")
EMAIL_TIMEOUT = 120
TRAINEE, REVIEWER = "trainee@example.org", "reviewer@example.org"


@dataclass(frozen=True)
class Job:
    """One timed cold start: what to send the interpreter, and how to tell its answer is the right one."""

    name: str
    payload: dict
    answered: Callable[[object], bool]
    before: Callable[[], None] | None = None  # sandbox state the request needs, set up untimed


def run(rounds: int = ROUNDS) -> bool:
    with tempfile.TemporaryDirectory() as tmp:
        running = start_sandbox(Path(tmp))
        try:
            running.wait_until_serving()
            scene = Scene(running, Path(tmp) / "state")
            return _report(_measure(scene.rounds(rounds), scene.environment))
        finally:
            running.stop()


def _time(job: Job, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one cold start in a fresh interpreter."""
    if job.before:
        job.before()
    if "function" in job.payload:
        env = {**env, "AWS_LAMBDA_FUNCTION_NAME": job.payload["function"]}  # as Lambda sets it
    finished = subprocess.run([sys.executable, "-P", str(RUNNER)], input=json.dumps(job.payload), env=env,
                              capture_output=True, text=True, timeout=120)
    if finished.returncode != 0:
        raise RuntimeError(f"{job.name} failed in a fresh interpreter:\n{finished.stderr[-3000:]}")
    outcome = json.loads(finished.stdout.strip().splitlines()[-1])
    if not job.answered(outcome["answer"]):
        raise RuntimeError(f"{job.name} gave the wrong first answer: {outcome['answer']!r}\n{finished.stderr[-3000:]}")
    return outcome["seconds"], outcome["cpu"]


def _measure(rounds: list[list[Job]], env: dict[str, str]) -> dict[str, list[tuple[float, float]]]:
    samples: dict[str, list[tuple[float, float]]] = {}
    for jobs in rounds:
        for job in jobs:
            samples.setdefault(job.name, []).append(_time(job, env))
    return samples


def _medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(wall for wall, _ in samples), statistics.median(cpu for _, cpu in samples)


def _report(samples: dict[str, list[tuple[float, float]]]) -> bool:
    """The target is on wall-clock time, what a user waits; CPU time, steadier on a busy machine, is beside it."""
    floors = samples.pop("floor")
    floor, floor_cpu = _medians(floors)
    print(f"floor (import boto3, a DynamoDB client, one call): {floor * 1000:4.0f} ms, CPU {floor_cpu * 1000:4.0f} ms"
          f"  (medians of {len(floors)})")
    missing = [spec.name for spec in FUNCTIONS if spec.name not in samples]
    if missing:
        print(f"  no first request here for: {', '.join(missing)} (add one to bench/cold_start.py)")
    ok = not missing
    for name, timed in samples.items():
        wall, cpu = _medians(timed)
        within = wall / floor <= TARGET
        ok &= within
        print(f"  {name:<15} import + first answer {wall * 1000:4.0f} ms  ratio {wall / floor:4.2f}"
              f"   CPU {cpu * 1000:4.0f} ms  ratio {cpu / floor_cpu:4.2f}   {'ok' if within else f'OVER {TARGET}'}")
    return ok


class Scene:
    """The sandbox's state each request needs, and the events, built as the sandbox's gateway builds them."""

    def __init__(self, running: SandboxProcess, state_dir: Path):
        self.sandbox: Sandbox = running.client()
        config = self.sandbox.config
        self.environment = {
            **{name: value for name, value in os.environ.items() if not name.startswith(("AWS_", "POWERTOOLS_"))},
            **environment.handler_environment(aws_endpoint=running.aws_endpoint, console_url=running.url,
                                              state_dir=state_dir),
            "USER_POOL_ID": config["userPoolId"],
            # Lambda cannot write bytecode next to the code either; nor does a run leave any for the next.
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.authorizer = JwtAuthorizer(
            issuer=issuer(environment.REGION, config["userPoolId"]), audience=config["userPoolClientId"],
            jwks=fetch_jwks(f"{running.aws_endpoint}/{config['userPoolId']}/.well-known/jwks.json"))
        self.states = boto3.client("stepfunctions", endpoint_url=running.aws_endpoint, region_name=environment.REGION,
                                   aws_access_key_id="sandbox", aws_secret_access_key="sandbox")  # noqa: S106
        self.routes = RouteTable()
        self.trainee_token = self.sandbox.sign_in(TRAINEE)
        self.reviewer = self.sandbox.api(self.sandbox.sign_in(REVIEWER))

    def rounds(self, count: int) -> list[list[Job]]:
        floor = Job("floor", {"floor": True}, lambda tables: isinstance(tables, list))
        me = self._job("api", self.http_event("GET", "/me", self.trainee_token),
                       lambda answer: answer["statusCode"] == 200 and TRAINEE in answer["body"])
        return [[floor, me, *self._post_jobs(post_id, link)] for post_id, link in self._waiting_posts(count)]

    def _post_jobs(self, post_id: str, link: str) -> list[Job]:
        return [
            self._job("review_link", self.http_event("POST", "/review-links/view", body={"token": link}),
                      lambda answer: answer["statusCode"] == 200 and post_id in answer["body"]),
            self._job("request_review", {"phase": "request", "postId": post_id, "taskToken": f"bench-{post_id}",
                                         "expireAfter": 86400},
                      lambda answer: answer["waiting"] is True and answer["reviewers"] >= 1),
            self._job("publish", {"postId": post_id}, lambda answer: bool(answer["url"]),
                      before=lambda: self._approve(post_id)),
            self._job("notify", {"event": "published", "postId": post_id},
                      lambda answer: answer == {"status": "published"}),
        ]

    def _job(self, function: str, event: dict, answered: Callable[[object], bool], before=None) -> Job:
        spec = BY_NAME[function]
        payload = {"function": environment.function_name(function), "handler_dir": str(spec.code_dir),
                   "layer_dir": str(LAYER_DIR / "python"), "event": event}
        return Job(function, payload, answered, before)

    def http_event(self, method: str, path: str, id_token: str | None = None, body: dict | None = None) -> dict:
        headers = {"Authorization": f"Bearer {id_token}"} if id_token else {}
        request = Request(EnvironBuilder(path=API_PREFIX + path, method=method, base_url=self.sandbox.url,
                                         headers=headers, json=body).get_environ())
        claims = self.authorizer.claims(headers["Authorization"]) if id_token else None
        return http_api.event(request, path, self.routes.match(method, path), claims)

    def _waiting_posts(self, count: int) -> list[tuple[str, str]]:
        """``count`` trainee posts waiting for review, their workflows stopped: (post id, a review link token)."""
        trainee = self.sandbox.api(self.trainee_token)
        texts = {}
        for n in range(count):
            text = f"Cold-start bench post {n} at {time.time():.0f}."
            answer = trainee.post("/posts", json={"channel": "demo", "text": text})
            answer.raise_for_status()
            texts[text] = answer.json()["id"]
        links = self.sandbox.wait_for(lambda: self._review_links(texts), timeout=EMAIL_TIMEOUT)
        for post_id in texts.values():
            self.states.stop_execution(executionArn=f"arn:aws:states:{environment.REGION}:{environment.ACCOUNT}:"
                                                    f"execution:{environment.STATE_MACHINE_NAME}:{post_id}")
        return [(post_id, links[text]) for text, post_id in texts.items()]

    def _review_links(self, texts: dict[str, str]) -> dict[str, str] | None:
        found = {text: link[1] for mail in self.sandbox.outbox() for text in texts
                 if text in mail["text"] and REVIEWER in mail["to"] and (link := LINK.search(mail["text"]))}
        return found if len(found) == len(texts) else None

    def _approve(self, post_id: str) -> None:
        """As the reviewer, in the console; the stopped workflow cannot take it on, so the post waits to be
        published, as it does between a decision and the workflow's publish task."""
        self.reviewer.post(f"/posts/{post_id}/decision", json={"decision": "approve"}).raise_for_status()

