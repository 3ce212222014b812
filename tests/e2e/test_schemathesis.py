"""schemathesis against a running sandbox and the OpenAPI document it serves: every operation, signed in
as a trainee and as an admin, with generated valid and invalid input. The API must answer no server
error, no status its document does not list, and nothing outside the documented body schemas and
content types.

The admin's run invites people, changes settings, removes channels and may demote itself, so it gets a
sandbox of its own (``launch_sandbox``), never the session's. X, Mastodon and Bluesky are loopback
stand-ins, so connecting a channel never leaves the machine.

The number of examples per operation is a setting: UNDERSTUDY_FUZZ_EXAMPLES (default 25; the run then
takes about a minute on two cores).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import uuid

import pytest
import requests

from tests.e2e.network_stand_ins import stand_ins  # noqa: F401 the fixture, shared
from tests.e2e.test_training_loop import ADMIN, AUTHOR, REVIEWER, TRAINEE, links_in, submit, wait_for_email
from tests.e2e.test_x_publishing import stand_in_x  # noqa: F401 the fixture, shared

EXAMPLES = int(os.environ.get("UNDERSTUDY_FUZZ_EXAMPLES", "25"))
CHECKS = ("not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance")
RUN_SECONDS = 900  # a ceiling for a loaded machine, not an expected duration


def real_values(sandbox) -> dict[str, list[str]]:
    """Values that exist in the sandbox, so generated requests also reach past "not found": a waiting
    post by the trainee and its emailed link's token, the people, the seeded channel."""
    trainee = sandbox.api(sandbox.sign_in(TRAINEE))
    text = f"fuzzed {uuid.uuid4().hex[:8]}"
    post = submit(trainee, text)
    token = links_in(wait_for_email(sandbox, REVIEWER, text, "Review requested"))["approve"]
    return {"email": [TRAINEE, REVIEWER, AUTHOR, ADMIN], "post_id": [post["id"]], "channel_id": ["demo"],
            "token": [token]}


def config_file(workdir, values: dict[str, list[str]]) -> str:
    """schemathesis.toml: each real value used in about half the generated requests (path and body)."""
    lines = [f"[dictionaries.{name}]\nvalues = {json.dumps(items)}\n" for name, items in values.items()]
    lines.append("[parameters]")
    lines += [f'"{"body" if name == "token" else "path"}.{name}" = {{ dictionary = "{name}", probability = 0.5 }}'
              for name in values]
    path = workdir / "schemathesis.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def schemathesis(document: str, api_url: str, token: str, workdir, config: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", config, "run", document, "--url", api_url,
               "--header", f"Authorization: Bearer {token}", "--checks", ",".join(CHECKS),
               "--phases", "examples,coverage,fuzzing", "--max-examples", str(EXAMPLES),
               "--workers", "1", "--no-shrink", "--seed", "20261201", "--request-timeout", "60"]
    return subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=RUN_SECONDS,  # noqa: S603
                          env={**os.environ, "SCHEMATHESIS_TELEMETRY": "false", "NO_COLOR": "1"})


@pytest.fixture
def fuzzed_sandbox(launch_sandbox, stand_in_x, stand_ins, monkeypatch):  # noqa: F811 the imported fixtures
    monkeypatch.setenv("X_API_URL", stand_in_x)  # stand_ins points Mastodon and Bluesky at theirs
    return launch_sandbox().client()


def test_the_api_keeps_to_its_own_openapi_document_under_generated_input(fuzzed_sandbox, tmp_path):
    sandbox = fuzzed_sandbox
    api_url = sandbox.config["apiUrl"]
    tokens = {who: sandbox.sign_in(f"{who}@example.org") for who in ("trainee", "admin")}
    answer = requests.get(f"{api_url}/openapi.json", timeout=30,
                          headers={"Authorization": f"Bearer {tokens['admin']}"})
    assert answer.status_code == 200, answer.text
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(answer.json()), encoding="utf-8")
    operations = sum(len(methods) for methods in answer.json()["paths"].values())

    config = config_file(tmp_path, real_values(sandbox))

    for who in ("trainee", "admin"):  # the trainee first: the admin's run changes who may do what
        run = schemathesis(str(document), api_url, tokens[who], tmp_path, config)
        assert run.returncode == 0, f"schemathesis as the {who}:\n{run.stdout[-12000:]}\n{run.stderr[-2000:]}"
        assert re.search(rf"Tested: {operations}\b", run.stdout), run.stdout[-3000:]  # every operation ran
