"""The one workflow definition: every path ends in a state that leaves the post in a definite status."""

import json
import re

from infra.functions import BY_NAME, WORKFLOW_FILE

DEFINITION = json.loads(WORKFLOW_FILE.read_text())
STATES = DEFINITION["States"]


def successors(state: dict) -> set[str]:
    found = {state.get("Next"), state.get("Default")}
    found |= {choice["Next"] for choice in state.get("Choices", [])}
    found |= {catch["Next"] for catch in state.get("Catch", [])}
    return {name for name in found if name}


def test_every_state_is_reachable_and_every_transition_exists():
    seen, todo = set(), [DEFINITION["StartAt"]]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        assert name in STATES, name
        todo.extend(successors(STATES[name]))
    assert seen == set(STATES)


def test_waits_use_task_tokens_with_timeouts_from_settings_and_expire_on_timeout():
    waits = {n: s for n, s in STATES.items() if s.get("Resource", "").endswith(".waitForTaskToken")}
    assert set(waits) == {"AwaitReview", "AwaitRevision"}
    for state in waits.values():
        assert state["TimeoutSecondsPath"].startswith("$.timeouts.")
        assert state["Parameters"]["Payload"]["taskToken.$"] == "$$.Task.Token"
        assert any(c["ErrorEquals"] == ["States.Timeout"] and c["Next"] == "Expire" for c in state["Catch"])


def test_substitutions_name_only_workflow_task_functions():
    names = set(re.findall(r"\$\{(\w+)\}", WORKFLOW_FILE.read_text()))
    tasks = {spec.substitution for spec in BY_NAME.values() if spec.workflow_task}
    assert names == tasks


def test_publish_retries_transient_errors_and_any_other_failure_marks_the_post_failed():
    publish = STATES["Publish"]
    assert "ChannelUnavailable" in publish["Retry"][0]["ErrorEquals"]
    assert publish["Catch"][-1] == {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "MarkFailed"}
    assert STATES["MarkFailed"]["Parameters"]["Payload"]["event"] == "failed"
