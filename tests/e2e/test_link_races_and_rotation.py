"""Review links under pressure, through the whole sandbox: two decisions at the same moment, and the
signing key rotated while a link is in flight."""

from __future__ import annotations

import base64
import json
import secrets
import threading

import boto3
import requests
from understudy import links

from tests.e2e.test_training_loop import ADMIN, REVIEWER, TRAINEE, links_in, submit, wait_for_email


def decide_by_link(sandbox, token: str, decision: str, feedback: str) -> requests.Response:
    return requests.post(f"{sandbox.config['apiUrl']}/review-links/decide", timeout=30,
                         json={"token": token, "decision": decision, "feedback": feedback})


def test_two_reviewers_deciding_at_the_same_moment_exactly_one_wins(sandbox, unique_text):
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    admin = sandbox.api(sandbox.sign_in(ADMIN))
    post = submit(trainee, f"{unique_text} race")
    token = links_in(wait_for_email(sandbox, REVIEWER, unique_text, "Review requested"))["approve"]
    start = threading.Barrier(2)
    answers: dict[str, requests.Response] = {}

    def by_link():
        start.wait()
        answers["reviewer"] = decide_by_link(sandbox, token, "approve", "Go")

    def in_console():
        start.wait()
        answers["admin"] = admin.post(f"/posts/{post['id']}/decision",
                                      json={"decision": "reject", "feedback": "Stop"})

    threads = [threading.Thread(target=by_link), threading.Thread(target=in_console)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    codes = sorted(answer.status_code for answer in answers.values())
    assert codes == [200, 409], {who: a.text for who, a in answers.items()}
    loser = next(a for a in answers.values() if a.status_code == 409)
    assert "already decided" in loser.json()["message"]
    winner = "reviewer" if answers["reviewer"].status_code == 200 else "admin"
    expected = "published" if winner == "reviewer" else "rejected"
    final = sandbox.wait_for(lambda: (p := trainee.get(f"/posts/{post['id']}").json())["status"] == expected and p,
                             timeout=30)
    assert final["feedback"]["reviewer"] == (REVIEWER if winner == "reviewer" else ADMIN)


def _secrets_client(sandbox):
    return boto3.client("secretsmanager", endpoint_url=sandbox.aws_endpoint, region_name="us-east-1",
                        aws_access_key_id="sandbox", aws_secret_access_key="sandbox")  # noqa: S106 moto


def test_a_link_in_flight_keeps_working_after_the_signing_key_is_rotated(sandbox, unique_text):
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    first = submit(trainee, f"{unique_text} before rotation")
    old_link = links_in(wait_for_email(sandbox, REVIEWER, f"{unique_text} before", "Review requested"))["approve"]
    second = submit(trainee, f"{unique_text} after rotation")
    wait_for_email(sandbox, REVIEWER, f"{unique_text} after", "Review requested")

    client = _secrets_client(sandbox)
    name = "understudy/link-key"
    keys = json.loads(client.get_secret_value(SecretId=name)["SecretString"])
    new_id = f"k{secrets.token_hex(3)}"
    rotated = {"current": new_id,
               "keys": {**keys["keys"], new_id: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()}}
    client.put_secret_value(SecretId=name, SecretString=json.dumps(rotated))
    try:
        claim = links.verify(old_link, keys=keys)  # what the link in flight says (post, revision, reviewer)
        new_link = links.sign(second["id"], 1, REVIEWER, claim.expires, keys=rotated)

        assert decide_by_link(sandbox, old_link, "approve", "Still fine").status_code == 200
        assert decide_by_link(sandbox, new_link, "approve", "New key").status_code == 200
        forged = links.sign(first["id"], 1, REVIEWER, claim.expires,
                            keys={"current": "kx", "keys": {"kx": rotated["keys"][new_id]}})
        assert decide_by_link(sandbox, forged, "approve", "").status_code == 403
    finally:
        client.put_secret_value(SecretId=name, SecretString=json.dumps({**rotated, "current": keys["current"]}))
    for post in (first, second):
        sandbox.wait_for(lambda p=post: trainee.get(f"/posts/{p['id']}").json()["status"] == "published",
                         timeout=30)
