"""The Mastodon and Bluesky stand-ins (infra/sandbox/network_stand_ins.py) for sandboxes a test launches."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from infra.sandbox.network_stand_ins import (  # noqa: F401 re-exported for the tests
    BLUESKY_PASSWORD,
    COUNCIL_POST,
    COUNCIL_POST_URL,
    COUNCIL_THREAD_ROOT,
    INSTANCE_HOST,
    MASTODON_TOKEN,
    REMOTE_STATUS,
    REMOTE_STATUS_TEXT,
    REMOTE_STATUS_URL,
    StandIns,
    serve,
)


@pytest.fixture
def stand_ins(monkeypatch) -> Iterator[type[StandIns]]:
    """Both stand-ins on one loopback port; sandboxes launched in the test reach them."""
    server, url = serve()
    monkeypatch.setenv("MASTODON_API_URL", url)
    monkeypatch.setenv("BLUESKY_API_URL", url)
    yield StandIns
    server.shutdown()
