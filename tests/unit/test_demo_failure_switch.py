"""The local channel's demo switch (the sandbox's POST /_local/fail-next): each outcome the sandbox
accepts is one the channel knows, and a switch fails exactly one publish."""

import pytest
from understudy.channels.local import DEMO_FAILURES, LocalChannel
from understudy.config import config
from understudy.errors import PublishFailed, PublishUncertain
from understudy.model import Channel

from infra.sandbox.local_records import FAIL_OUTCOMES, arm_failure


def test_the_sandbox_offers_exactly_the_failures_the_channel_makes():
    assert set(FAIL_OUTCOMES) == set(DEMO_FAILURES)


@pytest.mark.parametrize(("outcome", "error"), [("refused", PublishFailed), ("uncertain", PublishUncertain)])
def test_an_armed_switch_fails_the_next_publish_only(tmp_path, monkeypatch, outcome, error):
    monkeypatch.setenv("LOCAL_FAIL_NEXT_PATH", str(tmp_path / "fail-next"))
    monkeypatch.setenv("LOCAL_TIMELINE_PATH", str(tmp_path / "timeline.jsonl"))
    config.cache_clear()
    try:
        channel = LocalChannel(Channel("demo", "Demo timeline", "local"))
        arm_failure(tmp_path / "fail-next", outcome)
        with pytest.raises(error) as failed:
            channel.publish("p1", 1, "Hello")
        assert type(failed.value) is error
        assert not (tmp_path / "timeline.jsonl").exists()  # nothing was published
        assert channel.publish("p1", 1, "Hello").external_id == "p1-1"  # the switch is spent
    finally:
        config.cache_clear()
