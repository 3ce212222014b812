"""Every AWS client the functions make comes from one botocore session per thread.

A botocore session reads and parses, once, the endpoint data and the service models its clients need;
every further session reads them all again (about 50 ms of CPU for a session and a DynamoDB client,
against 3 ms for another DynamoDB client from the same session). Left alone, pynamodb makes a session
for each table's connection and boto3 one more, so a first request that touched three tables and sent
an email paid that four times. One session per thread, not per process, because a botocore session must
not create clients from two threads at once (the sandbox runs handlers in threads); Lambda has one.
"""

from __future__ import annotations

import threading

import botocore.session

from understudy.config import config

_local = threading.local()


def session() -> botocore.session.Session:
    """This thread's botocore session, made on first use."""
    made = getattr(_local, "session", None)
    if made is None:
        made = _local.session = botocore.session.get_session()
    return made


def client(service: str):
    """A new client for ``service`` in the configured region (callers keep it: clients are thread-safe)."""
    return session().create_client(service, region_name=config().region)
